/**
 * Pack links: `<app url>#/pack/<payload>`, payload = base64url without padding of deflate-raw (fflate, level 9)
 * of pack.json's UTF-8 JSON. Models never travel in a link. A link is read under limits: its length, its
 * alphabet, and the inflated size (inflating stops as soon as it passes PACK_LIMITS.packJsonBytes).
 */
import { deflateSync, Inflate } from 'fflate';
import { readPackJsonBytes } from './pack-file.ts';
import { PACK_LIMITS, type PackJson, type ReadPack, type ReadResult } from './types.ts';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) VALUE[ALPHABET.charCodeAt(i)] = i;

/** base64url of bytes, without padding. */
export function base64UrlEncode(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    out += ALPHABET[n >> 18] + ALPHABET[(n >> 12) & 63] + ALPHABET[(n >> 6) & 63] + ALPHABET[n & 63];
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i] << 16;
    out += ALPHABET[n >> 18] + ALPHABET[(n >> 12) & 63];
  } else if (rest === 2) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8);
    out += ALPHABET[n >> 18] + ALPHABET[(n >> 12) & 63] + ALPHABET[(n >> 6) & 63];
  }
  return out;
}

/** The bytes of base64url text without padding, or null when it holds another character or cannot be whole bytes. */
export function base64UrlDecode(text: string): Uint8Array | null {
  if (text.length % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let bits = 0;
  let acc = 0;
  let o = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const x = c < 128 ? VALUE[c] : -1;
    if (x < 0) return null;
    acc = ((acc << 6) | x) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  return out;
}

/** The payload of `#/pack/<payload>` for a pack (models dropped, hasModel false). */
export function packLinkPayload(pack: PackJson): string {
  const linkPack: PackJson = { ...pack, drills: pack.drills.map((d) => ({ ...d, hasModel: false })) };
  return base64UrlEncode(deflateSync(new TextEncoder().encode(JSON.stringify(linkPack)), { level: 9 }));
}

/** The full link: the app's URL without its fragment + `#/pack/<payload>`. */
export function packLinkUrl(appUrl: string, pack: PackJson): string {
  return `${appUrl.split('#')[0]}#/pack/${packLinkPayload(pack)}`;
}

// Compressed bytes pushed per step: one step inflates to at most ~1 MB more (deflate expands ≤ 1032×).
const INFLATE_STEP_BYTES = 1024;

/** Inflated bytes of deflate-raw data, or 'large' past `maxBytes`, or 'damaged'. */
function inflateCapped(data: Uint8Array, maxBytes: number): Uint8Array | 'large' | 'damaged' {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let ended = false;
  const inflater = new Inflate((chunk, final) => {
    chunks.push(chunk);
    total += chunk.length;
    if (final) ended = true;
  });
  try {
    for (let at = 0; at < data.length && total <= maxBytes; at += INFLATE_STEP_BYTES) {
      const end = Math.min(data.length, at + INFLATE_STEP_BYTES);
      inflater.push(data.subarray(at, end), end === data.length);
    }
  } catch {
    return 'damaged';
  }
  if (total > maxBytes) return 'large';
  if (!ended) return 'damaged';
  const out = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

/** The pack in a link's payload, or one sentence. */
export function readPackLink(payload: string): ReadResult<ReadPack> {
  if (payload.length === 0) return { ok: false, error: 'This link holds no pack.' };
  if (payload.length > PACK_LIMITS.linkChars) return { ok: false, error: `This link is longer than ${PACK_LIMITS.linkChars} characters, the most VoiceDrill reads; ask for the pack file instead.` };
  const bytes = base64UrlDecode(payload);
  if (bytes === null) return { ok: false, error: 'This link is damaged: it has characters or a length a pack link never has (it may have been cut or changed when it was copied).' };
  const json = inflateCapped(bytes, PACK_LIMITS.packJsonBytes);
  if (json === 'large') return { ok: false, error: `This link unpacks to more than ${PACK_LIMITS.packJsonBytes / 1024} KB, the most VoiceDrill reads.` };
  if (json === 'damaged') return { ok: false, error: 'This link is damaged: its pack cannot be unpacked (it may have been cut when it was copied).' };
  const parsed = readPackJsonBytes(json, 'The pack in this link');
  if (!parsed.ok) return parsed;
  // Models never travel in a link: a drill that says otherwise is read without one.
  const pack: PackJson = { ...parsed.value, drills: parsed.value.drills.map((d) => ({ ...d, hasModel: false })) };
  return { ok: true, value: { pack, models: new Map(), source: 'link' } };
}
