/// <reference lib="dom" />
/**
 * The page's CSP names exactly the configured sync origin (issue 13): the strict origin check, the policy text,
 * and the generated /csp-boot.js run as a browser would (its own source text, a fake localStorage and <head>).
 */
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_HEADER, cspBootScript, MAX_SYNC_ORIGIN_LENGTH, pagePolicy, safeSyncOrigin,
} from '../../src/pwa/csp.ts';
import { ensurePagePolicy } from '../../src/pwa/csp-guard.ts';
import { SYNC_ORIGIN_STORAGE_KEY } from '../../src/storage/sync-records.ts';

const SELF_ONLY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
  + "media-src 'self' blob:; font-src 'self'; connect-src 'self'; worker-src 'self'; manifest-src 'self'; object-src 'none'; "
  + "base-uri 'self'; form-action 'self'";

const GOOD = ['https://sync.example.com', 'http://192.168.1.20:8080', 'http://localhost:3000', 'https://xn--bcher-kva.example', 'http://[::1]:8787', 'https://a.b-c.d9'];

// Each is refused: it would add a directive, a wildcard, a scheme, a path, a keyword, or is not the exact origin URL writes.
const HOSTILE: unknown[] = [
  "https://a.com; script-src *", 'https://a.com;script-src', 'https://*.a.com', '*', 'https://*', 'javascript:', 'javascript:alert(1)',
  'data:', 'blob:https://a.com', 'ws://a.com', 'ftp://a.com', 'https://a.com/path', 'https://a.com/', 'https://a.com?x', 'https://a.com#x',
  " 'unsafe-inline'", "'unsafe-eval'", "'self'", 'https://a.com ', ' https://a.com', 'https://a.com https://b.com', 'https://a.com,https://b.com',
  'https://user:pw@a.com', 'https://A.com', 'HTTPS://a.com', 'https://a.com:443', 'http://a.com:80', 'https://a.com:99999', 'https://a.com:0',
  'https://a.com:08080', 'https://a..com', 'https://-a.com', 'https://a-.com', 'https://a_b.com', 'https://bücher.example', "https://a.com'",
  'https://a.com"', 'https://a.com\n', 'https://a.com\u0000', 'https://[::1', 'http://[not-ipv6]', 'a.com', '//a.com', 'https:a.com', '', null,
  undefined, 42, {}, ['https://a.com'],
  `https://${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.${'e'.repeat(63)}.com`,
  `https://${'a'.repeat(64)}.com`, `https://a.com${';'.repeat(10_000)}`, `https://${'a.'.repeat(100_000)}com`,
];

/** Runs the boot script's text with `stored` in localStorage (a throwing getter stands for storage that is off). */
function runBoot(stored: string | null | Error): { content: string; httpEquiv: string; count: number } {
  const appended: { httpEquiv: string; content: string }[] = [];
  const localStorage = { getItem: (key: string) => {
    if (stored instanceof Error) throw stored;
    return key === SYNC_ORIGIN_STORAGE_KEY ? stored : null;
  } };
  const document = { createElement: () => ({ httpEquiv: '', content: '' }), head: { appendChild: (m: { httpEquiv: string; content: string }) => appended.push(m) } };
  runInNewContext(cspBootScript(SYNC_ORIGIN_STORAGE_KEY), { window: { localStorage }, document, URL });
  const [meta] = appended;
  if (!meta) throw new Error('the boot script appended nothing');
  return { ...meta, count: appended.length };
}

describe('safeSyncOrigin', () => {
  it.each(GOOD)('accepts %s as it is', (origin) => {
    expect(safeSyncOrigin(origin)).toBe(origin);
  });
  it.each(HOSTILE.map((v) => [typeof v === 'string' && v.length > 80 ? `${v.slice(0, 40)}… (${v.length})` : v, v]))('refuses %j', (_label, value) => {
    expect(safeSyncOrigin(value)).toBeNull();
  });
  it('draws the length line at MAX_SYNC_ORIGIN_LENGTH', () => {
    const longest = 'https://' + Array.from({ length: 4 }, () => 'a'.repeat(63)).join('.') + '.' + 'b'.repeat(MAX_SYNC_ORIGIN_LENGTH - 8 - 4 * 64);
    expect(longest.length).toBe(MAX_SYNC_ORIGIN_LENGTH);
    expect(safeSyncOrigin(longest)).toBe(longest);
    expect(safeSyncOrigin(`${longest}b`)).toBeNull();
  });
});

describe('policy text', () => {
  it("is 'self' only with no origin, the one origin added to connect-src with one", () => {
    expect(CONTENT_SECURITY_POLICY).toBe(SELF_ONLY);
    expect(pagePolicy(null)).toBe(SELF_ONLY);
    expect(pagePolicy('https://sync.example.com:8443')).toBe(SELF_ONLY.replace("connect-src 'self'", "connect-src 'self' https://sync.example.com:8443"));
  });
  it.each(HOSTILE.slice(0, 12))("falls back to 'self' only for %j", (value) => {
    expect(pagePolicy(value)).toBe(SELF_ONLY);
  });
  it('the header differs only in leaving connect-src open to http/https', () => {
    expect(CONTENT_SECURITY_POLICY_HEADER).toBe(SELF_ONLY.replace("connect-src 'self'", "connect-src 'self' http: https:"));
  });
});

describe('/csp-boot.js', () => {
  it('writes one <meta> with the stored origin', () => {
    expect(runBoot('http://127.0.0.1:4000')).toEqual({ httpEquiv: 'Content-Security-Policy', count: 1, content: pagePolicy('http://127.0.0.1:4000') });
    expect(runBoot('http://127.0.0.1:4000').content).toContain("connect-src 'self' http://127.0.0.1:4000; worker-src");
  });
  it("writes 'self' only with nothing stored, storage off, or a hostile value", () => {
    expect(runBoot(null).content).toBe(SELF_ONLY);
    expect(runBoot(new Error('SecurityError: storage is disabled')).content).toBe(SELF_ONLY);
    for (const value of HOSTILE) if (typeof value === 'string') expect(runBoot(value).content).toBe(SELF_ONLY);
  });
  it('agrees with safeSyncOrigin on every sample', () => {
    for (const value of [...GOOD, ...HOSTILE.filter((v): v is string => typeof v === 'string')]) {
      expect(runBoot(value).content).toBe(pagePolicy(value));
    }
  });
  it('is a classic script: no import, export or module-only syntax', () => {
    const text = cspBootScript(SYNC_ORIGIN_STORAGE_KEY);
    expect(text).not.toMatch(/\b(import|export)\b|import\.meta/);
    expect(text).toContain(JSON.stringify(SYNC_ORIGIN_STORAGE_KEY));
  });
});

describe('ensurePagePolicy (the app entry, when /csp-boot.js did not run)', () => {
  /** A <head> with `metas` CSP <meta> elements already in it. */
  function fakeDocument(metas: number): { doc: Document; appended: { httpEquiv: string; content: string }[] } {
    const appended: { httpEquiv: string; content: string }[] = [];
    const doc = {
      querySelector: (selector: string) => (selector.includes('Content-Security-Policy') && metas + appended.length > 0 ? {} : null),
      createElement: () => ({ httpEquiv: '', content: '' }),
      head: { append: (m: { httpEquiv: string; content: string }) => appended.push(m) },
    };
    return { doc: doc as unknown as Document, appended };
  }
  it("adds the 'self'-only policy when the page has none, once", () => {
    const { doc, appended } = fakeDocument(0);
    expect(ensurePagePolicy(doc)).toBe(true);
    expect(ensurePagePolicy(doc)).toBe(false);
    expect(appended).toEqual([{ httpEquiv: 'Content-Security-Policy', content: SELF_ONLY }]);
  });
  it('leaves a page that has its policy alone', () => {
    const { doc, appended } = fakeDocument(1);
    expect(ensurePagePolicy(doc)).toBe(false);
    expect(appended).toEqual([]);
  });
});
