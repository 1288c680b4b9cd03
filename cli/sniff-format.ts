/**
 * Recognises the container of the formats the CLI streams (so it can stop decoding at the length
 * limit). Magic numbers as in audio-type 2.8 (the detector audio-decode uses); anything else
 * returns null and is decoded whole by audio-decode, which has the last word on the format.
 */

/** The audio-decode stream decoders the CLI uses. */
export type StreamFormat = 'wav' | 'mp3' | 'flac' | 'm4a' | 'opus' | 'oga' | 'webm' | 'aac';

/** Bytes needed at the start of a file (and after an ID3v2 tag) to recognise it. */
export const SNIFF_BYTES = 64;

function ascii(bytes: Uint8Array, offset: number, text: string): boolean {
  if (bytes.length < offset + text.length) return false;
  for (let i = 0; i < text.length; i++) if (bytes[offset + i] !== text.charCodeAt(i)) return false;
  return true;
}

import { isAdts } from './adts.ts';

/** MPEG audio frame sync with a layer other than 0 (layer 0 is AAC ADTS). */
function isMpegSync(b: Uint8Array): boolean {
  return b.length >= 2 && b[0] === 0xff && (b[1] & 0xe0) === 0xe0 && (b[1] & 0x06) !== 0;
}

/** EBML DocType "webm" (a generic Matroska file is left to audio-decode). */
function isWebm(b: Uint8Array): boolean {
  if (!(b.length >= 4 && b[0] === 0x1a && b[1] === 0x45 && b[2] === 0xdf && b[3] === 0xa3)) return false;
  for (let i = 4; i + 6 < Math.min(b.length, SNIFF_BYTES); i++) {
    if (b[i] === 0x42 && b[i + 1] === 0x82) return ascii(b, i + 3, 'webm');
  }
  return false;
}

/** Byte length of a leading ID3v2 tag (header, body and footer), or 0 when there is none. */
export function id3v2Length(b: Uint8Array): number {
  if (b.length < 10 || !ascii(b, 0, 'ID3')) return 0;
  // Synchsafe size: 4 × 7 bits (id3.org, ID3v2.3.0 §3.1); flag bit 4 adds a 10-byte footer.
  const size = ((b[6] & 0x7f) << 21) | ((b[7] & 0x7f) << 14) | ((b[8] & 0x7f) << 7) | (b[9] & 0x7f);
  return 10 + size + (b[5] & 0x10 ? 10 : 0);
}

/** The stream format of a file from its first bytes (or the bytes after its ID3v2 tag), or null. */
export function sniffFormat(head: Uint8Array): StreamFormat | null {
  if (ascii(head, 0, 'RIFF') && ascii(head, 8, 'WAVE')) return 'wav';
  if (isMpegSync(head)) return 'mp3';
  if (isAdts(head)) return 'aac';
  if (ascii(head, 0, 'fLaC')) return 'flac';
  if (ascii(head, 4, 'ftyp')) return 'm4a';
  if (ascii(head, 0, 'OggS')) {
    if (ascii(head, 28, 'OpusHead')) return 'opus';
    if (head.length > 34 && head[28] === 0x01 && ascii(head, 29, 'vorbis')) return 'oga';
    return null;
  }
  if (isWebm(head)) return 'webm';
  return null;
}

/** The format of the audio that follows an ID3v2 tag (mp3 or flac), or null. */
export function sniffAfterId3(afterTag: Uint8Array): StreamFormat | null {
  if (isMpegSync(afterTag)) return 'mp3';
  if (ascii(afterTag, 0, 'fLaC')) return 'flac';
  return null;
}
