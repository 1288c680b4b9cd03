/**
 * Reads a WAV file in ~1 MB pieces as float samples per channel, so a long call is never held whole
 * (RIFF only, not RF64). Encodings: PCM 8 (unsigned), 16, 24 and 32-bit integer; IEEE float 32 and
 * 64-bit; WAVE_FORMAT_EXTENSIBLE with a PCM or float sub-format.
 *
 * A data chunk that ends early (the file is shorter than its header says, as when a recorder stopped
 * before finishing the file) is read up to the end of the file, whole frames only, and reported as
 * truncated in the result, so the caller can say so in one sentence; a size of 0 or 0xFFFFFFFF (left
 * by recorders that stream the file) likewise means "up to the end of the file".
 */
import { open, type FileHandle } from 'node:fs/promises';

/** Bytes read per piece. */
export const WAV_READ_BYTES = 1 << 20;

const FORMAT_PCM = 1;
const FORMAT_FLOAT = 3;
const FORMAT_EXTENSIBLE = 0xfffe;

/** What the header says. */
export interface WavFormat {
  sampleRateHz: number;
  channelCount: number;
  /** Bits per sample of the stored encoding. */
  bits: number;
  float: boolean;
}

/** A WAV file that cannot be read; the message is the reason, for people. */
export class WavError extends Error {
  override name = 'WavError';
}

/** An encoding this reader does not decode (A-law, µ-law, ADPCM…): the caller may try a full decoder. */
export class WavEncodingError extends WavError {
  override name = 'WavEncodingError';
}

/** How a read ended. */
export interface WavEnd {
  frames: number;
  /** True when the file ends before the data chunk's declared end. */
  truncated: boolean;
}

/**
 * Read the WAV file at `path`: `onFormat` once with the header, then `onChunk` per piece (one array per
 * channel, equal lengths; the arrays are reused by the next piece). Throws WavError for a file it cannot read.
 */
export async function readWavChunks(
  path: string,
  onFormat: (format: WavFormat) => void,
  onChunk: (channels: Float32Array[]) => void,
): Promise<WavEnd> {
  const fh = await open(path, 'r');
  try {
    const size = (await fh.stat()).size;
    const { format, dataStart, dataBytes } = await readHeader(fh, size);
    onFormat(format);
    const frameBytes = (format.bits / 8) * format.channelCount;
    const available = size - dataStart;
    const declared = dataBytes === 0 || dataBytes === 0xffffffff ? available : dataBytes;
    const truncated = declared > available && !(dataBytes === 0 || dataBytes === 0xffffffff);
    const totalFrames = Math.floor(Math.min(declared, available) / frameBytes);
    const framesPerRead = Math.max(1, Math.floor(WAV_READ_BYTES / frameBytes));
    const bytes = new Uint8Array(framesPerRead * frameBytes);
    const view = new DataView(bytes.buffer);
    const channels = Array.from({ length: format.channelCount }, () => new Float32Array(framesPerRead));
    const decode = sampleDecoder(format);
    for (let frame = 0; frame < totalFrames; ) {
      const frames = Math.min(framesPerRead, totalFrames - frame);
      const want = frames * frameBytes;
      const { bytesRead } = await fh.read(bytes, 0, want, dataStart + frame * frameBytes);
      if (bytesRead < want) throw new WavError('the file changed or could not be read while it was being analysed');
      decode(view, frames, channels);
      onChunk(frames === framesPerRead ? channels : channels.map((c) => c.subarray(0, frames)));
      frame += frames;
    }
    return { frames: totalFrames, truncated };
  } finally {
    await fh.close();
  }
}

/** The fmt chunk and where the data chunk starts. */
async function readHeader(fh: FileHandle, size: number): Promise<{ format: WavFormat; dataStart: number; dataBytes: number }> {
  const head = await readAt(fh, 0, 12);
  if (head.length < 12 || ascii(head, 0) !== 'RIFF' || ascii(head, 8) !== 'WAVE') throw new WavError('not a WAV file (no RIFF/WAVE header)');
  let format: WavFormat | null = null;
  for (let at = 12; at + 8 <= size; ) {
    const chunk = await readAt(fh, at, 8);
    const id = ascii(chunk, 0);
    const length = new DataView(chunk.buffer, chunk.byteOffset).getUint32(4, true);
    if (id === 'fmt ') format = parseFmt(await readAt(fh, at + 8, Math.min(length, 40)));
    else if (id === 'data') {
      if (!format) throw new WavError('the WAV file has its data before its format chunk');
      return { format, dataStart: at + 8, dataBytes: length };
    }
    at += 8 + length + (length & 1);
  }
  throw new WavError(format ? 'the WAV file has no data chunk' : 'the WAV file has no format chunk');
}

function parseFmt(b: Uint8Array): WavFormat {
  if (b.length < 16) throw new WavError('the WAV format chunk is too short');
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let tag = v.getUint16(0, true);
  const channelCount = v.getUint16(2, true);
  const sampleRateHz = v.getUint32(4, true);
  const bits = v.getUint16(14, true);
  if (tag === FORMAT_EXTENSIBLE) {
    if (b.length < 26) throw new WavError('the WAV extensible format chunk is too short');
    tag = v.getUint16(24, true); // the sub-format GUID starts with the format tag
  }
  if (channelCount === 0) throw new WavError('the WAV file declares no channels');
  if (sampleRateHz === 0) throw new WavError('the WAV file declares a sample rate of 0 Hz');
  const float = tag === FORMAT_FLOAT;
  if (!(tag === FORMAT_PCM && [8, 16, 24, 32].includes(bits)) && !(float && (bits === 32 || bits === 64))) {
    throw new WavEncodingError(`unsupported WAV encoding (format ${tag}, ${bits} bits); VoiceDrill reads 8–32-bit integer and 32/64-bit float WAV`);
  }
  return { sampleRateHz, channelCount, bits, float };
}

/** Decodes `frames` interleaved frames from the view into the channel arrays. */
function sampleDecoder(f: WavFormat): (v: DataView, frames: number, out: Float32Array[]) => void {
  const n = f.channelCount;
  const read = ((): ((v: DataView, at: number) => number) => {
    if (f.float) return f.bits === 32 ? (v, at) => v.getFloat32(at, true) : (v, at) => v.getFloat64(at, true);
    switch (f.bits) {
      case 8: return (v, at) => (v.getUint8(at) - 128) / 128;
      case 16: return (v, at) => v.getInt16(at, true) / 32768;
      case 24: return (v, at) => ((v.getUint8(at) | (v.getUint8(at + 1) << 8) | (v.getInt8(at + 2) << 16)) / 8388608);
      default: return (v, at) => v.getInt32(at, true) / 2147483648;
    }
  })();
  const step = f.bits / 8;
  if (!f.float && f.bits === 16 && n === 2) {
    return (v, frames, out) => {
      const [l, r] = out;
      for (let i = 0, at = 0; i < frames; i++, at += 4) {
        l[i] = v.getInt16(at, true) / 32768;
        r[i] = v.getInt16(at + 2, true) / 32768;
      }
    };
  }
  return (v, frames, out) => {
    for (let i = 0, at = 0; i < frames; i++) {
      for (let c = 0; c < n; c++, at += step) out[c][i] = read(v, at);
    }
  };
}

async function readAt(fh: FileHandle, position: number, length: number): Promise<Uint8Array> {
  const b = new Uint8Array(length);
  const { bytesRead } = await fh.read(b, 0, length, position);
  return b.subarray(0, bytesRead);
}

function ascii(b: Uint8Array, at: number): string {
  return String.fromCharCode(b[at], b[at + 1], b[at + 2], b[at + 3]);
}
