/// <reference lib="dom" />
/**
 * The page's CSP allows exactly the configured sync origin (issue 13). Two local servers answer CORS `*`: A is the
 * one configured (localStorage `voicedrill.syncOrigin`, as Settings mirrors it), B another. With nothing configured
 * both are blocked and a practice visit requests nothing off the app's origin; with A configured only A is reached;
 * a hostile stored value, or a boot script that failed to load, leaves 'self' only; offline the policy still holds.
 */
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_HEADER, CSP_BOOT_PATH, pagePolicy } from '../../src/pwa/csp.ts';
import { SYNC_ORIGIN_STORAGE_KEY } from '../../src/storage/sync-records.ts';
import { REPO_ROOT } from '../helpers/cli.ts';
import { E2E_WAVS, firstEnglishGreetingTake, openApp } from './app-driver.ts';
import { baseUrl, haveChromium, launch, type Session } from './harness.ts';
import { serveStatic, type StaticServer } from './static-server.ts';

/** A tiny server answering every request 200 'ok' with CORS `*`, counting what it was asked. */
interface OtherOrigin {
  origin: string;
  hits: string[];
  close(): Promise<void>;
}

async function startOtherOrigin(): Promise<OtherOrigin> {
  const hits: string[] = [];
  const server: Server = createServer((req, res) => {
    hits.push(`${req.method ?? ''} ${req.url ?? ''}`);
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Content-Type', 'text/plain');
    res.end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('other-origin server has no port');
  return {
    origin: `http://127.0.0.1:${address.port}`,
    hits,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

/** What a fetch from the page gave: the body, or the error's name, and the CSP violations it raised. */
interface FetchOutcome {
  body: string | null;
  error: string | null;
  violations: string[];
}

async function fetchFromPage(page: Page, url: string): Promise<FetchOutcome> {
  return page.evaluate(async (target) => {
    const violations: string[] = [];
    const onViolation = (e: SecurityPolicyViolationEvent): void => { violations.push(`${e.effectiveDirective} ${e.blockedURI}`); };
    document.addEventListener('securitypolicyviolation', onViolation);
    let body: string | null = null;
    let error: string | null = null;
    try {
      body = await (await fetch(target, { cache: 'no-store' })).text();
    } catch (e) {
      error = e instanceof Error ? e.name : String(e);
    }
    // The violation event is queued as a task after the fetch is refused.
    await new Promise((resolve) => setTimeout(resolve, 200));
    document.removeEventListener('securitypolicyviolation', onViolation);
    return { body, error, violations };
  }, url);
}

/** The page's <meta> policies and whether the boot script is the first element of <head>. */
async function pagePolicies(page: Page): Promise<{ metas: string[]; bootFirst: boolean }> {
  return page.evaluate((bootPath) => ({
    metas: [...document.querySelectorAll<HTMLMetaElement>('meta[http-equiv="Content-Security-Policy"]')].map((m) => m.content),
    bootFirst: document.head.firstElementChild?.getAttribute('src') === bootPath,
  }), CSP_BOOT_PATH);
}

async function setStoredOrigin(page: Page, value: string | null): Promise<void> {
  await page.evaluate(([key, v]) => { if (v === null) localStorage.removeItem(key); else localStorage.setItem(key, v); }, [SYNC_ORIGIN_STORAGE_KEY, value] as const);
  await page.reload();
  await page.locator('h1').waitFor();
}

const blocked = (url: string): FetchOutcome => ({ body: null, error: 'TypeError', violations: [`connect-src ${url}`] });

describe.skipIf(!haveChromium)('the CSP allows exactly the configured sync origin', () => {
  let a: OtherOrigin;
  let b: OtherOrigin;
  let session: Session;
  let page: Page;
  const requests: string[] = [];
  beforeAll(async () => {
    [a, b] = await Promise.all([startOtherOrigin(), startOtherOrigin()]);
    session = await launch({ micWav: E2E_WAVS.enGreeting4 });
    session.context.on('request', (r) => requests.push(r.url()));
    ({ page } = await openApp(session));
    page.on('request', (r) => requests.push(r.url()));
  });
  afterAll(async () => {
    await session?.close();
    await Promise.all([a?.close(), b?.close()]);
  });

  it("with nothing configured: a practice visit requests only the app's own origin, and A and B are both blocked", async () => {
    const response = await page.reload();
    expect(response?.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY_HEADER);
    expect(await pagePolicies(page)).toEqual({ metas: [CONTENT_SECURITY_POLICY], bootFirst: true });

    await firstEnglishGreetingTake(page);
    await page.locator('[data-nav="history"]').click();
    await page.locator('[data-nav="progress"]').click();
    await page.getByTestId('progress').waitFor();
    const foreign = requests.filter((url) => !url.startsWith(`${baseUrl()}/`) && !/^(data|blob):/.test(url));
    expect(requests.length).toBeGreaterThan(10);
    expect(foreign).toEqual([]);

    expect(await fetchFromPage(page, `${a.origin}/probe`)).toEqual(blocked(`${a.origin}/probe`));
    expect(await fetchFromPage(page, `${b.origin}/probe`)).toEqual(blocked(`${b.origin}/probe`));
    expect([a.hits, b.hits]).toEqual([[], []]);
  });

  it('with A configured: A answers, B is blocked', async () => {
    await setStoredOrigin(page, a.origin);
    expect(await pagePolicies(page)).toEqual({ metas: [pagePolicy(a.origin)], bootFirst: true });
    expect(await fetchFromPage(page, `${a.origin}/probe`)).toEqual({ body: 'ok', error: null, violations: [] });
    expect(await fetchFromPage(page, `${b.origin}/probe`)).toEqual(blocked(`${b.origin}/probe`));
    expect([a.hits, b.hits]).toEqual([['GET /probe'], []]);
  });

  it.each([
    ['a port wildcard', (): string => 'http://127.0.0.1:*'],
    ['two origins', (): string => `${a.origin} ${b.origin}`],
    ['an added directive', (): string => `${a.origin}; connect-src *`],
    ['a keyword', (): string => " 'unsafe-inline' *"],
    ['a path', (): string => `${a.origin}/path`],
  ])("with a hostile stored value (%s): 'self' only, A and B blocked", async (_name, value) => {
    a.hits.length = 0;
    await setStoredOrigin(page, value());
    expect(await pagePolicies(page)).toEqual({ metas: [CONTENT_SECURITY_POLICY], bootFirst: true });
    expect(await fetchFromPage(page, `${a.origin}/probe`)).toEqual(blocked(`${a.origin}/probe`));
    expect(await fetchFromPage(page, `${b.origin}/probe`)).toEqual(blocked(`${b.origin}/probe`));
    expect([a.hits, b.hits]).toEqual([[], []]);
  });

  it("with the setting removed again: 'self' only", async () => {
    await setStoredOrigin(page, a.origin);
    await setStoredOrigin(page, null);
    expect(await pagePolicies(page)).toEqual({ metas: [CONTENT_SECURITY_POLICY], bootFirst: true });
    expect((await fetchFromPage(page, `${a.origin}/probe`)).error).toBe('TypeError');
  });

  it("when /csp-boot.js fails to load, the app entry writes the 'self'-only policy itself", async () => {
    const fresh = await launch();
    try {
      await fresh.context.addInitScript(([key, v]) => localStorage.setItem(key, v), [SYNC_ORIGIN_STORAGE_KEY, a.origin] as const);
      await fresh.context.route(`**${CSP_BOOT_PATH}`, (r) => r.abort());
      const freshPage = await fresh.context.newPage();
      await freshPage.goto(`${baseUrl()}/`);
      await freshPage.locator('h1').waitFor();
      expect((await pagePolicies(freshPage)).metas).toEqual([CONTENT_SECURITY_POLICY]);
      a.hits.length = 0;
      expect(await fetchFromPage(freshPage, `${a.origin}/probe`)).toEqual(blocked(`${a.origin}/probe`));
      expect(a.hits).toEqual([]);
    } finally {
      await fresh.close();
    }
  });
});

describe.skipIf(!haveChromium)('offline, the precached boot script still names the configured origin', () => {
  let server: StaticServer;
  let a: OtherOrigin;
  let session: Session;
  beforeAll(async () => {
    a = await startOtherOrigin();
    server = await serveStatic(join(REPO_ROOT, 'dist'));
    session = await launch({ origin: server.url });
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
    await a?.close();
  });

  it('reloads with the server gone and the network off: the same <meta> policy, from the service worker', async () => {
    const { page } = await openApp(session, '', server.url);
    await page.evaluate(async () => navigator.serviceWorker.ready);
    await setStoredOrigin(page, a.origin);
    expect(await pagePolicies(page)).toEqual({ metas: [pagePolicy(a.origin)], bootFirst: true });
    await server.close();
    await session.context.setOffline(true);
    const boot = page.waitForResponse((r) => r.url().endsWith(CSP_BOOT_PATH));
    await page.reload();
    await page.locator('h1').waitFor();
    expect((await boot).fromServiceWorker()).toBe(true);
    expect(await pagePolicies(page)).toEqual({ metas: [pagePolicy(a.origin)], bootFirst: true });
  });
});
