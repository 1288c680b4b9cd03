/** Pack links and their QR codes: round trips, base64url, and one test per hostile-input rule of a link. */
import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { PACK_LIMITS, QR_MAX_LINK_CHARS, packLinkPayload, parsePackJson, packLinkUrl, qrModules, readPackLink, type PackJson } from '../../src/packs/index.ts';
import { base64UrlDecode, base64UrlEncode } from '../../src/packs/link.ts';
import { rawPack, samplePack } from './pack-fixtures.ts';

const enc = new TextEncoder();
const payloadOfText = (text: string): string => base64UrlEncode(deflateSync(enc.encode(text), { level: 9 }));

function errorOf(payload: string): string {
  const r = readPackLink(payload);
  if (r.ok) throw new Error('the link was accepted');
  return r.error;
}

describe('base64url', () => {
  it('encodes the RFC 4648 test vectors without padding, in the URL alphabet', () => {
    const vectors: Array<[string, string]> = [['', ''], ['f', 'Zg'], ['fo', 'Zm8'], ['foo', 'Zm9v'], ['foob', 'Zm9vYg'], ['fooba', 'Zm9vYmE'], ['foobar', 'Zm9vYmFy']];
    for (const [plain, coded] of vectors) {
      expect(base64UrlEncode(enc.encode(plain))).toBe(coded);
      expect(base64UrlDecode(coded)).toEqual(enc.encode(plain));
    }
    expect(base64UrlEncode(Uint8Array.from([0xfb, 0xff, 0xbf]))).toBe('-_-_');
    expect(base64UrlDecode('-_-_')).toEqual(Uint8Array.from([0xfb, 0xff, 0xbf]));
  });
  it('round-trips every byte value and refuses other characters and impossible lengths', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(base64UrlDecode(base64UrlEncode(all))).toEqual(all);
    expect(base64UrlDecode('Zm9v+')).toBeNull();
    expect(base64UrlDecode('Zm9vY')).toBeNull();
    expect(base64UrlDecode('Zm9=')).toBeNull();
  });
});

describe('round trip', () => {
  it('a link gives the pack back deep-equal, without models', () => {
    const pack = samplePack();
    const expected: PackJson = { ...pack, drills: pack.drills.map((d) => ({ ...d, hasModel: false })) };
    const payload = packLinkPayload(pack);
    expect(payload).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(readPackLink(payload)).toEqual({ ok: true, value: { pack: expected, models: new Map(), source: 'link' } });
  });
  it('the same pack gives the same link, whatever order its fields arrived in', () => {
    const pack = samplePack();
    const shuffled = JSON.parse(JSON.stringify(pack), (_key, value: unknown) =>
      value !== null && typeof value === 'object' && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).reverse()) : value) as unknown;
    const again = parsePackJson(shuffled);
    expect(again.ok && packLinkPayload(again.value)).toBe(packLinkPayload(pack));
  });
  it('the URL keeps the app’s address and replaces its fragment', () => {
    const pack = samplePack();
    expect(packLinkUrl('https://drill.example/app/#/practice', pack)).toBe(`https://drill.example/app/#/pack/${packLinkPayload(pack)}`);
  });
});

describe('hostile links', () => {
  const good = packLinkPayload(samplePack());
  it('refuses an empty and an overlong link', () => {
    expect(errorOf('')).toBe('This link holds no pack.');
    expect(errorOf('A'.repeat(PACK_LIMITS.linkChars + 1))).toBe('This link is longer than 65536 characters, the most VoiceDrill reads; ask for the pack file instead.');
  });
  it('refuses characters outside base64url (padding, +, /, %, spaces, non-ASCII)', () => {
    const damaged = 'This link is damaged: it has characters or a length a pack link never has (it may have been cut or changed when it was copied).';
    for (const bad of [good + '=', good.slice(0, 10) + '+' + good.slice(11), good.slice(0, 10) + '/' + good.slice(11), good + '%20', ` ${good}`, good.slice(0, 10) + 'é' + good.slice(11)]) {
      expect(errorOf(bad)).toBe(damaged);
    }
  });
  it('refuses a truncated link', () => {
    expect(errorOf(good.slice(0, Math.floor(good.length / 2)))).toBe('This link is damaged: its pack cannot be unpacked (it may have been cut when it was copied).');
  });
  it('refuses a garbled link', () => {
    const garbled = 'Q' + good.slice(1, 40) + good.slice(41).split('').reverse().join('');
    expect(readPackLink(garbled).ok).toBe(false);
    expect(errorOf('AAAA')).toBe('This link is damaged: its pack cannot be unpacked (it may have been cut when it was copied).');
  });
  it('stops inflating a link that unpacks past the cap (a small link, a large pack)', () => {
    const bomb = payloadOfText(' '.repeat(PACK_LIMITS.packJsonBytes * 4));
    expect(bomb.length).toBeLessThan(PACK_LIMITS.linkChars);
    expect(errorOf(bomb)).toBe('This link unpacks to more than 1024 KB, the most VoiceDrill reads.');
    // Exactly at the cap is read (and then refused as JSON only because it is blank).
    expect(errorOf(payloadOfText(' '.repeat(PACK_LIMITS.packJsonBytes)))).toBe('The pack in this link is not valid JSON.');
  });
  it('refuses text that is not UTF-8 or not JSON, and a pack that is not valid', () => {
    expect(errorOf(base64UrlEncode(deflateSync(Uint8Array.from([0x22, 0xc3, 0x28, 0x22]))))).toBe('The pack in this link is not UTF-8 text.');
    expect(errorOf(payloadOfText('{"format":'))).toBe('The pack in this link is not valid JSON.');
    expect(errorOf(payloadOfText(JSON.stringify({ ...rawPack(), schemaVersion: 2 })))).toBe('This pack was made by a newer VoiceDrill (pack schemaVersion 2); update VoiceDrill to open it.');
    expect(errorOf(payloadOfText(JSON.stringify(rawPack()).replace('{', '{"__proto__":{"x":1},')))).toBe('The pack has a field named "__proto__", which VoiceDrill refuses.');
  });
  it('reads a link whose pack says it has models as a pack without them', () => {
    const r = readPackLink(payloadOfText(JSON.stringify(samplePack())));
    expect(r.ok && r.value.pack.drills.map((d) => d.hasModel)).toEqual([false, false]);
  });
});

describe('QR codes', () => {
  it('draws a short link as a version-1 code with its finder patterns', () => {
    const qr = qrModules('HELLO WORLD');
    expect(qr?.size).toBe(21);
    // The top-left finder pattern: a dark 7×7 ring, a light ring, a dark 3×3 centre.
    const row0 = Array.from(qr!.dark.subarray(0, 8));
    expect(row0).toEqual([1, 1, 1, 1, 1, 1, 1, 0]);
    expect(Array.from(qr!.dark.subarray(21 * 3, 21 * 3 + 7))).toEqual([1, 0, 1, 1, 1, 0, 1]);
  });
  it('draws the sample pack’s link, and says null when a text does not fit', () => {
    const url = packLinkUrl('http://localhost:4173/', samplePack());
    expect(url.length).toBeLessThan(QR_MAX_LINK_CHARS);
    const qr = qrModules(url);
    expect(qr).not.toBeNull();
    expect(qr!.dark.length).toBe(qr!.size * qr!.size);
    expect(qrModules('x'.repeat(3000))).toBeNull();
    expect(qrModules('')).toBeNull();
  });
  it('fits a link of QR_MAX_LINK_CHARS characters of payload-like text', () => {
    let seed = 7;
    const random = (n: number): Uint8Array => Uint8Array.from({ length: n }, () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) & 255);
    const payload = (chars: number): string => base64UrlEncode(random(chars)).slice(0, chars);
    const qr = qrModules('http://localhost:4173/#/pack/' + payload(QR_MAX_LINK_CHARS - 29));
    expect(qr?.size).toBeGreaterThanOrEqual(141);
    expect(qr?.size).toBeLessThanOrEqual(177);
  });
});
