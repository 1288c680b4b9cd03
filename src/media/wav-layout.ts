/**
 * The header of a WAV file (RIFF/WAVE, also WAVE_FORMAT_EXTENSIBLE; not RF64), walked with small reads
 * through a given ReadBytes (an fs handle in the CLI, File.slice in the call worker, a buffer in tests),
 * and the refusal policy both hosts share: a file that ends before its header says (cut off while copying
 * or recording) is refused before any sample is read, as is a header that contradicts itself or an
 * encoding this reader does not decode. Pure: no Node, no DOM.
 */
import { imaSamplesPerBlock } from './ima-adpcm.ts';
import { MS_ADPCM_STANDARD_COEFFICIENTS, msAdpcmSamplesPerBlock } from './ms-adpcm.ts';

/**
 * Read `length` bytes from `offset` (fewer at the end of the file). A host may read into `into` (at least
 * `length` long, the caller's buffer for reuse) and return a view of it, or ignore it and return new bytes.
 */
export type ReadBytes = (offset: number, length: number, into?: Uint8Array) => Promise<Uint8Array>;

/**
 * Why a WAV file cannot be read: notWav — no RIFF/WAVE header; truncated — the file ends before its
 * header says; corrupt — a header that cannot be right; codec — an encoding this reader does not decode
 * (the CLI may hand those to a full decoder); empty — no audio frames.
 */
export type WavErrorKind = 'notWav' | 'truncated' | 'corrupt' | 'codec' | 'empty';

/** A WAV file that cannot be read: `reason` is the why (a clause), `message` names the file and says why. */
export class WavError extends Error {
  override readonly name = 'WavError';

  constructor(readonly kind: WavErrorKind, readonly fileName: string, readonly reason: string) {
    super(`${fileName}: ${reason}.`);
  }
}

/** Where the samples are and how they are coded. */
export interface WavLayout {
  /**
   * int: PCM (8-bit unsigned, 16/24/32-bit signed); float: IEEE 32/64-bit; alaw / mulaw: G.711, 8-bit;
   * ima-adpcm: 4-bit IMA ADPCM blocks; ms-adpcm: 4-bit Microsoft ADPCM blocks.
   */
  encoding: 'int' | 'float' | 'alaw' | 'mulaw' | 'ima-adpcm' | 'ms-adpcm';
  bitsPerSample: number;
  channelCount: number;
  sampleRateHz: number;
  /** Bytes per block (all channels): one frame for PCM, float and G.711, `framesPerBlock` frames for ADPCM. */
  blockAlign: number;
  /** Frames each block decodes to (1 but for ADPCM). */
  framesPerBlock: number;
  dataOffset: number;
  /** Bytes of whole blocks in the data chunk (an ADPCM file's last, partial block is left out). */
  dataBytes: number;
  /** Frames in the data chunk. */
  frames: number;
  /** Microsoft ADPCM only: the predictor coefficient pairs of the format chunk (the standard seven when it has none). */
  coefficients?: readonly (readonly [number, number])[];
}

const FORMAT_PCM = 1;
const FORMAT_FLOAT = 3;
const FORMAT_ALAW = 6;
const FORMAT_MULAW = 7;
const FORMAT_IMA_ADPCM = 0x11;
const FORMAT_MS_ADPCM = 0x2;
/** Bytes of a format chunk read: room for Microsoft ADPCM's coefficient table (22 bytes, then 4 per pair, at most 256 pairs). */
const FMT_READ_BYTES = 22 + 4 * 256;
const FORMAT_EXTENSIBLE = 0xfffe;
/** Header chunks walked before giving up (a real header has a handful). */
const MAX_HEADER_CHUNKS = 64;
/** Data sizes left by recorders that stream and never go back to write the size: the file's end is the end. */
const OPEN_SIZES = new Set([0, 0xffffffff]);

const ascii = (b: Uint8Array, at: number): string => String.fromCharCode(b[at], b[at + 1], b[at + 2], b[at + 3]);

/** True when the first bytes are a RIFF/WAVE header. */
export function looksLikeWav(head: Uint8Array): boolean {
  return head.length >= 12 && ascii(head, 0) === 'RIFF' && ascii(head, 8) === 'WAVE';
}

function encodingOf(code: number, bits: number): WavLayout['encoding'] | null {
  if (code === FORMAT_PCM && [8, 16, 24, 32].includes(bits)) return 'int';
  if (code === FORMAT_FLOAT && (bits === 32 || bits === 64)) return 'float';
  if (code === FORMAT_ALAW && bits === 8) return 'alaw';
  if (code === FORMAT_MULAW && bits === 8) return 'mulaw';
  if (code === FORMAT_IMA_ADPCM && bits === 4) return 'ima-adpcm';
  if (code === FORMAT_MS_ADPCM && bits === 4) return 'ms-adpcm';
  return null;
}

/** Read the header of the WAV file `fileName` of `fileBytes` bytes; throws WavError. */
export async function readWavLayout(read: ReadBytes, fileBytes: number, fileName: string): Promise<WavLayout> {
  const fail = (kind: WavErrorKind, reason: string): never => {
    throw new WavError(kind, fileName, reason);
  };
  if (fileBytes === 0) fail('empty', 'the file is empty (0 bytes)');
  if (!looksLikeWav(await read(0, 12))) fail('notWav', 'the file is not a WAV file (it has no RIFF/WAVE header)');
  let at = 12;
  let fmt: DataView | null = null;
  for (let k = 0; k < MAX_HEADER_CHUNKS && at + 8 <= fileBytes; k++) {
    const head = await read(at, 8);
    if (head.length < 8) break;
    const id = ascii(head, 0);
    const size = new DataView(head.buffer, head.byteOffset, 8).getUint32(4, true);
    const body = at + 8;
    if (id === 'fmt ') {
      if (size < 16) fail('corrupt', `the WAV format chunk is ${size} bytes, too short to be one`);
      const bytes = await read(body, Math.min(size, FMT_READ_BYTES));
      if (bytes.length < 16) fail('truncated', 'the file is truncated: it ends inside its WAV header');
      fmt = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
    } else if (id === 'data') {
      if (fmt === null) return fail('corrupt', 'the WAV audio comes before its format chunk');
      return layoutOf(fmt, body, size, fileBytes, fail);
    }
    at = body + size + (size % 2);
  }
  if (fmt === null) return fail(at >= fileBytes ? 'truncated' : 'corrupt', 'the WAV file has no format chunk');
  return fail('truncated', 'the file is truncated: it ends before its WAV audio starts');
}

function layoutOf(v: DataView, dataOffset: number, declaredBytes: number, fileBytes: number, fail: (kind: WavErrorKind, reason: string) => never): WavLayout {
  let code = v.getUint16(0, true);
  const channelCount = v.getUint16(2, true);
  const sampleRateHz = v.getUint32(4, true);
  const byteRate = v.getUint32(8, true);
  const blockAlign = v.getUint16(12, true);
  const bitsPerSample = v.getUint16(14, true);
  // Cut short is said first, whatever the encoding: the bytes are missing, not just unreadable here.
  const available = Math.max(0, fileBytes - dataOffset);
  const open = OPEN_SIZES.has(declaredBytes);
  if (!open && declaredBytes > available) {
    const rate = byteRate > 0 ? byteRate : sampleRateHz * blockAlign;
    fail('truncated', rate > 0
      ? `the file is truncated: its header declares ${(declaredBytes / rate).toFixed(2)} s of audio but only ${(available / rate).toFixed(2)} s is there`
      : `the file is truncated: its header declares ${declaredBytes} bytes of audio but only ${available} are there`);
  }
  // WAVE_FORMAT_EXTENSIBLE: the sub-format GUID (at 24) starts with the real format code.
  if (code === FORMAT_EXTENSIBLE) code = v.byteLength >= 26 ? v.getUint16(24, true) : fail('corrupt', 'the WAV extensible format chunk is too short to be one');
  const encoding = encodingOf(code, bitsPerSample);
  if (encoding === null) {
    return fail('codec', `the WAV audio is in format 0x${code.toString(16)} (${bitsPerSample} bits), an encoding VoiceDrill does not decode`);
  }
  const adpcm = encoding === 'ima-adpcm' || encoding === 'ms-adpcm';
  const framesPerBlock = encoding === 'ima-adpcm' ? adpcmFramesPerBlock(v, imaSamplesPerBlock(blockAlign, channelCount))
    : encoding === 'ms-adpcm' ? adpcmFramesPerBlock(v, msAdpcmSamplesPerBlock(blockAlign, channelCount)) : 1;
  const frameBytesOk = adpcm ? framesPerBlock > 1 : blockAlign === channelCount * (bitsPerSample / 8);
  if (channelCount < 1 || sampleRateHz < 1 || !frameBytesOk) {
    fail('corrupt', `the WAV header contradicts itself (${channelCount} channels, ${sampleRateHz} Hz, ${bitsPerSample} bits, ${blockAlign} bytes per ${adpcm ? 'block' : 'frame'})`);
  }
  const coefficients = encoding === 'ms-adpcm' ? msCoefficients(v) : undefined;
  if (coefficients === null) fail('corrupt', 'the WAV format chunk is too short for the ADPCM coefficient table it declares');
  const blocks = Math.floor((open ? available : declaredBytes) / blockAlign);
  if (blocks === 0) fail('empty', 'the file contains no audio samples');
  return { encoding, bitsPerSample, channelCount, sampleRateHz, blockAlign, framesPerBlock, dataOffset, dataBytes: blocks * blockAlign, frames: blocks * framesPerBlock, ...(coefficients && { coefficients }) };
}

/**
 * An ADPCM block's frames (IMA or Microsoft): what the format's extra field says, when it agrees with
 * `fromSize`, the count the block's size gives (0: not a block size); else 0.
 */
function adpcmFramesPerBlock(v: DataView, fromSize: number): number {
  // The extra field (after cbSize at 16) holds samplesPerBlock; writers that leave it out get the size's count.
  const declared = v.byteLength >= 20 && v.getUint16(16, true) >= 2 ? v.getUint16(18, true) : fromSize;
  return fromSize > 0 && declared === fromSize ? fromSize : 0;
}

/**
 * A Microsoft ADPCM format chunk's coefficient pairs (after cbSize, samplesPerBlock and the pair count at 20);
 * the standard seven when the chunk has no table; null when it declares more pairs than it holds, or none.
 */
function msCoefficients(v: DataView): readonly (readonly [number, number])[] | null {
  if (v.byteLength < 22 || v.getUint16(16, true) < 4) return MS_ADPCM_STANDARD_COEFFICIENTS;
  const count = v.getUint16(20, true);
  if (count === 0 || v.byteLength < 22 + 4 * count) return null;
  return Array.from({ length: count }, (_, k) => [v.getInt16(22 + 4 * k, true), v.getInt16(24 + 4 * k, true)] as const);
}
