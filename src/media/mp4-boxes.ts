/**
 * A cut-short MP4 / M4A found from its top-level boxes (ISO/IEC 14496-12 §4.2), before any decoding: a
 * box that declares more bytes than the file holds. With the index (moov) in front ("fast start"), the
 * decoders would otherwise analyse what the file holds as if it were the whole call; with it at the end,
 * it is missing and the decoders only say that they found no track. Pure: reads through a ReadBytes.
 */
import type { ReadBytes } from './wav-layout.ts';

/** Top-level boxes walked before giving up (a real file has a handful). */
const MAX_BOXES = 64;

const ascii = (b: Uint8Array, at: number): string => String.fromCharCode(b[at], b[at + 1], b[at + 2], b[at + 3]);
const u32 = (b: Uint8Array, at: number): number => new DataView(b.buffer, b.byteOffset, b.length).getUint32(at, false);

/** True when the first bytes are an MP4 file type box. */
export function looksLikeMp4(head: Uint8Array): boolean {
  return head.length >= 8 && ascii(head, 4) === 'ftyp';
}

/** One box's header: its type, where its body starts and where it ends (as declared). */
interface BoxHead {
  type: string;
  bodyAt: number;
  endAt: number;
}

async function boxAt(read: ReadBytes, at: number, limit: number): Promise<BoxHead | null> {
  const h = await read(at, 16);
  if (h.length < 8) return null;
  const size = u32(h, 0);
  const type = ascii(h, 4);
  if (size === 1) return h.length < 16 ? null : { type, bodyAt: at + 16, endAt: at + u32(h, 8) * 2 ** 32 + u32(h, 12) };
  if (size === 0) return { type, bodyAt: at + 8, endAt: limit }; // runs to the end
  return size < 8 ? null : { type, bodyAt: at + 8, endAt: at + size };
}

/** The movie's length from moov's mvhd, s, or null. */
async function movieSec(read: ReadBytes, moov: BoxHead): Promise<number | null> {
  for (let at = moov.bodyAt, k = 0; at + 8 <= moov.endAt && k < MAX_BOXES; k++) {
    const box = await boxAt(read, at, moov.endAt);
    if (box === null) return null;
    if (box.type === 'mvhd') {
      const b = await read(box.bodyAt, 32);
      const v1 = b[0] === 1;
      if (b.length < (v1 ? 32 : 20)) return null;
      const timescale = u32(b, v1 ? 20 : 12);
      const duration = v1 ? u32(b, 24) * 2 ** 32 + u32(b, 28) : u32(b, 16);
      return timescale > 0 ? duration / timescale : null;
    }
    at = box.endAt;
  }
  return null;
}

/**
 * Why the MP4 file of `fileBytes` bytes is truncated (a clause, as WavError's reason), or null: not MP4,
 * whole, or not readable as boxes (the decoder then has the last word).
 */
export async function mp4Truncation(read: ReadBytes, fileBytes: number): Promise<string | null> {
  if (!looksLikeMp4(await read(0, 8))) return null;
  let declaredSec: number | null = null;
  for (let at = 0, k = 0; at + 8 <= fileBytes && k < MAX_BOXES; k++) {
    const box = await boxAt(read, at, fileBytes);
    if (box === null) return null;
    if (box.endAt > fileBytes) {
      if (box.type === 'mdat' && declaredSec !== null) {
        const share = (fileBytes - box.bodyAt) / (box.endAt - box.bodyAt);
        return `the file is truncated: its header declares ${declaredSec.toFixed(2)} s of audio but only about ${(share * declaredSec).toFixed(2)} s is there`;
      }
      return `the file is truncated: it ends ${box.endAt - fileBytes} bytes before the end of its '${box.type.trim()}' box`;
    }
    if (box.type === 'moov') declaredSec = await movieSec(read, box);
    at = box.endAt;
  }
  return null;
}
