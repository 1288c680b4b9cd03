/**
 * Chunked reading of WAV (RIFF/WAVE, also WAVE_FORMAT_EXTENSIBLE): the header is walked with small
 * reads, then the data chunk is read a block at a time and turned into Float32 per channel, so a
 * 60-minute call never sits in memory whole. PCM 8-bit (unsigned), 16/24/32-bit integer, 32/64-bit float.
 * Pure: reads go through a given function (File.slice in the worker, a buffer in tests).
 */
import { CallFileError } from './call-file-error.ts';

/** Read `length` bytes from `offset` (fewer at the end of the file). */
export type ReadBytes = (offset: number, length: number) => Promise<Uint8Array>;

/** Where the samples are and how they are coded. */
export interface WavLayout {
  encoding: 'int' | 'float';
  bitsPerSample: number;
  channelCount: number;
  sampleRateHz: number;
  /** Bytes per frame (all channels). */
  blockAlign: number;
  dataOffset: number;
  /** Bytes of whole frames in the data chunk. */
  dataBytes: number;
  /** Frames in the data chunk. */
  frames: number;
}

const FORMAT_PCM = 1;
const FORMAT_FLOAT = 3;
const FORMAT_EXTENSIBLE = 0xfffe;
/** Header chunks walked before giving up (a real header has a handful). */
const MAX_HEADER_CHUNKS = 64;

const ascii = (b: Uint8Array, at: number): string => String.fromCharCode(b[at], b[at + 1], b[at + 2], b[at + 3]);

/** True when the first bytes are a RIFF/WAVE header. */
export function looksLikeWav(head: Uint8Array): boolean {
  return head.length >= 12 && ascii(head, 0) === 'RIFF' && ascii(head, 8) === 'WAVE';
}

function encodingOf(format: number, fmt: DataView, fmtBytes: number): 'int' | 'float' | null {
  const code = format === FORMAT_EXTENSIBLE && fmtBytes >= 26 ? fmt.getUint16(24, true) : format;
  if (code === FORMAT_PCM) return 'int';
  if (code === FORMAT_FLOAT) return 'float';
  return null;
}

/** Read the header of a WAV file of `fileBytes` bytes; throws CallFileError (corrupt, truncated, codec). */
export async function readWavLayout(read: ReadBytes, fileBytes: number, fileName: string): Promise<WavLayout> {
  let at = 12;
  let fmt: { format: number; view: DataView; bytes: number } | null = null;
  for (let k = 0; k < MAX_HEADER_CHUNKS; k++) {
    if (at + 8 > fileBytes) break;
    const head = await read(at, 8);
    if (head.length < 8) break;
    const id = ascii(head, 0);
    const size = new DataView(head.buffer, head.byteOffset, 8).getUint32(4, true);
    const body = at + 8;
    if (id === 'fmt ') {
      if (size < 16) throw new CallFileError('corrupt', `${fileName}: the WAV format chunk is ${size} bytes, too short to read.`);
      const bytes = await read(body, Math.min(size, 40));
      if (bytes.length < 16) throw new CallFileError('truncated', `${fileName}: the file ends inside its WAV header.`);
      const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
      fmt = { format: view.getUint16(0, true), view, bytes: bytes.length };
    } else if (id === 'data') {
      if (fmt === null) throw new CallFileError('corrupt', `${fileName}: the WAV audio comes before its format chunk.`);
      return layoutOf(fmt, body, size, fileBytes, fileName);
    }
    at = body + size + (size % 2);
  }
  if (fmt === null) throw new CallFileError(at >= fileBytes ? 'truncated' : 'corrupt', `${fileName}: no WAV format chunk was found.`);
  throw new CallFileError('truncated', `${fileName}: the file ends before its WAV audio starts.`);
}

function layoutOf(fmt: { format: number; view: DataView; bytes: number }, dataOffset: number, declaredBytes: number, fileBytes: number, fileName: string): WavLayout {
  const v = fmt.view;
  const channelCount = v.getUint16(2, true);
  const sampleRateHz = v.getUint32(4, true);
  const blockAlign = v.getUint16(12, true);
  const bitsPerSample = v.getUint16(14, true);
  const encoding = encodingOf(fmt.format, v, fmt.bytes);
  if (encoding === null) throw new CallFileError('codec', `${fileName}: WAV audio in format 0x${fmt.format.toString(16)} is not PCM or float, which is all this reader decodes.`);
  const bytesPerSample = Math.ceil(bitsPerSample / 8);
  const sizes = encoding === 'float' ? [4, 8] : [1, 2, 3, 4];
  if (channelCount < 1 || sampleRateHz < 1 || !sizes.includes(bytesPerSample) || blockAlign !== channelCount * bytesPerSample) {
    throw new CallFileError('corrupt', `${fileName}: the WAV header is inconsistent (${channelCount} channels, ${sampleRateHz} Hz, ${bitsPerSample} bits, ${blockAlign} bytes per frame).`);
  }
  const available = fileBytes - dataOffset;
  // 0 or 0xFFFFFFFF: a recorder that streamed and never went back to write the size; the file's end is the end.
  const open = declaredBytes === 0 || declaredBytes === 0xffffffff;
  if (!open && declaredBytes > available) {
    throw new CallFileError('truncated', `${fileName}: the WAV header promises ${declaredBytes} bytes of audio but the file holds ${Math.max(0, available)}; it was cut short.`);
  }
  const frames = Math.floor((open ? available : declaredBytes) / blockAlign);
  return { encoding, bitsPerSample, channelCount, sampleRateHz, blockAlign, dataOffset, dataBytes: frames * blockAlign, frames };
}

/** True when typed arrays are little-endian here, as WAV is (every browser platform in practice). */
const LITTLE_ENDIAN_HOST = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Decode whole frames of interleaved WAV data into one Float32Array per channel (−1…1). */
export function decodeWavBlock(bytes: Uint8Array, layout: WavLayout): Float32Array[] {
  const frames = Math.floor(bytes.length / layout.blockAlign);
  const n = layout.channelCount;
  const out = Array.from({ length: n }, () => new Float32Array(frames));
  const width = layout.blockAlign / n;
  if (layout.encoding === 'int' && width === 2 && bytes.byteOffset % 2 === 0 && LITTLE_ENDIAN_HOST) {
    // 16-bit PCM, the common case: read through an Int16Array view, several times faster than DataView
    // calls in Chromium (the same values: getInt16(at, true) / 32768).
    const s16 = new Int16Array(bytes.buffer, bytes.byteOffset, frames * n);
    for (let c = 0; c < n; c++) {
      const dest = out[c];
      for (let i = 0, j = c; i < frames; i++, j += n) dest[i] = s16[j] / 32768;
    }
    return out;
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  const sample = sampleReader(layout.encoding, width, view);
  for (let i = 0; i < frames; i++) {
    const base = i * layout.blockAlign;
    for (let c = 0; c < n; c++) out[c][i] = sample(base + c * width);
  }
  return out;
}

function sampleReader(encoding: 'int' | 'float', width: number, v: DataView): (at: number) => number {
  if (encoding === 'float') return width === 4 ? (at) => v.getFloat32(at, true) : (at) => v.getFloat64(at, true);
  switch (width) {
    case 1: return (at) => (v.getUint8(at) - 128) / 128;
    case 2: return (at) => v.getInt16(at, true) / 32768;
    case 3: return (at) => ((v.getUint8(at) | (v.getUint8(at + 1) << 8) | (v.getInt8(at + 2) << 16)) / 8388608);
    default: return (at) => v.getInt32(at, true) / 2147483648;
  }
}

/** Frames per block read from the file: about 2 s at 44.1 kHz. */
export const WAV_BLOCK_FRAMES = 1 << 17;

/** The data chunk, block by block, decoded. */
export async function* wavBlocks(read: ReadBytes, layout: WavLayout, blockFrames = WAV_BLOCK_FRAMES): AsyncGenerator<Float32Array[]> {
  const blockBytes = blockFrames * layout.blockAlign;
  for (let at = 0; at < layout.dataBytes; at += blockBytes) {
    const bytes = await read(layout.dataOffset + at, Math.min(blockBytes, layout.dataBytes - at));
    yield decodeWavBlock(bytes, layout);
  }
}
