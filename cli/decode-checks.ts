/**
 * Checks that tell a damaged file from a good one where the decoders do not: a WAV whose data stops
 * before its header says (cut off while copying or recording), and decoders that report a damaged frame
 * only on the console (mpg123 and the FLAC decoder print it and carry on with the frames they could read).
 */
import { open } from 'node:fs/promises';

/** Bytes read from the start of a WAV to find its fmt and data chunks. */
const WAV_HEAD_BYTES = 4096;
/** A data size streaming writers leave when they cannot seek back (then nothing is declared). */
const UNKNOWN_SIZES = new Set([0, 0xffffffff]);

function ascii(b: Uint8Array, offset: number, text: string): boolean {
  if (b.length < offset + text.length) return false;
  for (let i = 0; i < text.length; i++) if (b[offset + i] !== text.charCodeAt(i)) return false;
  return true;
}

/**
 * Why the WAV whose first bytes are `head` is truncated, given its size on disk, or null: its data chunk
 * declares more bytes than the file holds. Null too when the header is not plain RIFF/WAVE with the data
 * chunk in the head (the decoder then has the last word).
 */
export function wavTruncation(head: Uint8Array, sizeBytes: number): string | null {
  if (!ascii(head, 0, 'RIFF') || !ascii(head, 8, 'WAVE')) return null;
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  let byteRate = 0;
  for (let at = 12; at + 8 <= head.length; ) {
    const size = view.getUint32(at + 4, true);
    if (ascii(head, at, 'fmt ') && at + 20 <= head.length) byteRate = view.getUint32(at + 16, true);
    if (ascii(head, at, 'data')) {
      if (UNKNOWN_SIZES.has(size)) return null;
      const present = Math.max(0, sizeBytes - (at + 8));
      if (present >= size) return null;
      if (byteRate > 0) {
        return `the file is truncated: its header declares ${(size / byteRate).toFixed(2)} s of audio but only ${(present / byteRate).toFixed(2)} s is there`;
      }
      return `the file is truncated: its header declares ${size} bytes of audio but only ${present} are there`;
    }
    at += 8 + size + (size % 2);
  }
  return null;
}

/** wavTruncation of the file at `path` (its first bytes read from disk). */
export async function wavFileTruncation(path: string, sizeBytes: number): Promise<string | null> {
  const fh = await open(path, 'r');
  try {
    const head = new Uint8Array(Math.min(WAV_HEAD_BYTES, sizeBytes));
    await fh.read(head, 0, head.length, 0);
    return wavTruncation(head, sizeBytes);
  } finally {
    await fh.close();
  }
}

/**
 * Runs `work` with console.error captured (the decoders' only report of a damaged frame) and returns the
 * messages with its result; console.error is restored whatever happens. The CLI decodes one file at a time.
 */
export async function withDecoderErrors<T>(work: () => Promise<T>): Promise<{ result: T; errors: string[] }> {
  const errors: string[] = [];
  const original = console.error;
  console.error = (...parts: unknown[]): void => {
    errors.push(parts.map(String).join(' ').replace(/\s+/g, ' ').trim());
  };
  try {
    return { result: await work(), errors };
  } finally {
    console.error = original;
  }
}

/** The sentence for a file whose decoder reported damaged frames. */
export function damagedFramesMessage(errors: readonly string[]): string {
  const first = errors[0].replace(/^[^:]*decoders?[^:]*:\s*/i, '');
  return `the audio data is damaged: the decoder could not read ${errors.length} part${errors.length === 1 ? '' : 's'} of it (${first})`;
}
