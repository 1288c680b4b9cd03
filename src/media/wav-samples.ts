/**
 * A WAV file's samples, read a piece of about 1 MB at a time through a ReadBytes and turned into Float32
 * per channel (−1…1), so a long call is never held whole. Pure: no Node, no DOM.
 */
import { decodeImaBlocks } from './ima-adpcm.ts';
import { decodeMsAdpcmBlocks, MS_ADPCM_STANDARD_COEFFICIENTS } from './ms-adpcm.ts';
import { WavError, type ReadBytes, type WavLayout } from './wav-layout.ts';

/** Bytes read per piece (whole frames: rounded down to the frame size). */
export const WAV_READ_BYTES = 1 << 20;

/** G.711 A-law byte → linear 16-bit value (ITU-T G.711). */
function alawValue(byte: number): number {
  const a = byte ^ 0x55;
  const segment = (a & 0x70) >> 4;
  let t = (a & 0x0f) << 4;
  t = segment === 0 ? t + 8 : (t + 0x108) << (segment - 1);
  return a & 0x80 ? t : -t;
}

/** G.711 µ-law byte → linear 16-bit value (ITU-T G.711). */
function mulawValue(byte: number): number {
  const u = ~byte & 0xff;
  const t = (((u & 0x0f) << 3) + 0x84) << ((u & 0x70) >> 4);
  return u & 0x80 ? 0x84 - t : t - 0x84;
}

const G711 = {
  alaw: Float32Array.from({ length: 256 }, (_, b) => alawValue(b) / 32768),
  mulaw: Float32Array.from({ length: 256 }, (_, b) => mulawValue(b) / 32768),
};

function sampleReader(layout: WavLayout, v: DataView): (at: number) => number {
  const width = layout.bitsPerSample / 8;
  switch (layout.encoding) {
    case 'float': return width === 4 ? (at) => v.getFloat32(at, true) : (at) => v.getFloat64(at, true);
    case 'alaw':
    case 'mulaw': {
      const table = G711[layout.encoding];
      return (at) => table[v.getUint8(at)];
    }
    default:
      switch (width) {
        case 1: return (at) => (v.getUint8(at) - 128) / 128;
        case 2: return (at) => v.getInt16(at, true) / 32768;
        case 3: return (at) => (v.getUint8(at) | (v.getUint8(at + 1) << 8) | (v.getInt8(at + 2) << 16)) / 8388608;
        default: return (at) => v.getInt32(at, true) / 2147483648;
      }
  }
}

/** True when typed arrays are little-endian here, as WAV is (every platform in practice). */
const LITTLE_ENDIAN_HOST = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * Decode the whole frames of interleaved WAV data in `bytes` into one Float32Array per channel (into the
 * front of `into`'s arrays when given, long enough: views of them are returned).
 */
export function decodeWavBlock(bytes: Uint8Array, layout: WavLayout, into?: Float32Array[]): Float32Array[] {
  const n = layout.channelCount;
  const blocks = Math.floor(bytes.length / layout.blockAlign);
  const frames = blocks * layout.framesPerBlock;
  const out = into ? into.map((c) => c.subarray(0, frames)) : Array.from({ length: n }, () => new Float32Array(frames));
  if (layout.encoding === 'ima-adpcm') {
    decodeImaBlocks(bytes, blocks, layout.blockAlign, layout.framesPerBlock, out);
    return out;
  }
  if (layout.encoding === 'ms-adpcm') {
    decodeMsAdpcmBlocks(bytes, blocks, layout.blockAlign, layout.framesPerBlock, layout.coefficients ?? MS_ADPCM_STANDARD_COEFFICIENTS, out);
    return out;
  }
  if (layout.encoding === 'int' && layout.bitsPerSample === 16 && bytes.byteOffset % 2 === 0 && LITTLE_ENDIAN_HOST) {
    // 16-bit PCM, the common case, through an Int16Array view: several times faster than DataView calls in
    // Chromium (7.7 s against 1.3 s in Node for a 60-minute stereo call), the same values (getInt16(at, true) / 32768).
    const s16 = new Int16Array(bytes.buffer, bytes.byteOffset, frames * n);
    for (let c = 0; c < n; c++) {
      const dest = out[c];
      for (let i = 0, j = c; i < frames; i++, j += n) dest[i] = s16[j] / 32768;
    }
    return out;
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  if (layout.encoding === 'int' && layout.bitsPerSample === 16 && n === 2) {
    // The common case (a stereo call; the 60-minute bench's), in one pass without a call per sample.
    const [left, right] = out;
    for (let i = 0, at = 0; i < frames; i++, at += 4) {
      left[i] = view.getInt16(at, true) / 32768;
      right[i] = view.getInt16(at + 2, true) / 32768;
    }
    return out;
  }
  if (layout.encoding === 'int' && layout.bitsPerSample === 16) {
    for (let c = 0; c < n; c++) {
      const ch = out[c];
      for (let i = 0, at = 2 * c, step = layout.blockAlign; i < frames; i++, at += step) ch[i] = view.getInt16(at, true) / 32768;
    }
    return out;
  }
  const sample = sampleReader(layout, view);
  const width = layout.bitsPerSample / 8;
  for (let i = 0, base = 0; i < frames; i++, base += layout.blockAlign) {
    for (let c = 0; c < n; c++) out[c][i] = sample(base + c * width);
  }
  return out;
}

/** How wavBlocks hands out its pieces. */
export interface WavBlockOptions {
  /** Bytes read per piece (default WAV_READ_BYTES). */
  pieceBytes?: number;
  /**
   * Reuse one byte buffer and one set of channel arrays for every piece: each is valid until the next is asked
   * for. A channel array given away meanwhile (transferred to another thread: its buffer detached) is replaced,
   * by `renew`'s array when it gives one of the length asked (an array handed back), else a new one.
   */
  reuse?: boolean;
  renew?: (frames: number) => Float32Array | undefined;
}

/**
 * The data chunk of the WAV file `fileName`, piece by piece, decoded (new arrays each piece unless `reuse`).
 * Throws WavError when the file yields fewer bytes than its header promised (it changed while being read).
 */
export async function* wavBlocks(read: ReadBytes, layout: WavLayout, fileName: string, options: WavBlockOptions = {}): AsyncGenerator<Float32Array[]> {
  const blocksPerPiece = Math.max(1, Math.floor((options.pieceBytes ?? WAV_READ_BYTES) / layout.blockAlign));
  const framesPerPiece = blocksPerPiece * layout.framesPerBlock;
  const blockBytes = blocksPerPiece * layout.blockAlign;
  const buffer = options.reuse ? new Uint8Array(Math.min(blockBytes, layout.dataBytes)) : undefined;
  const frames = Math.min(framesPerPiece, layout.frames);
  const channels: Float32Array[] | undefined = options.reuse ? Array.from({ length: layout.channelCount }, () => new Float32Array(frames)) : undefined;
  for (let at = 0; at < layout.dataBytes; at += blockBytes) {
    const want = Math.min(blockBytes, layout.dataBytes - at);
    const bytes = await read(layout.dataOffset + at, want, buffer);
    if (bytes.length < want) throw new WavError('truncated', fileName, 'the file became shorter while it was being read');
    channels?.forEach((c, k) => {
      if (c.buffer.byteLength === 0) {
        const back = options.renew?.(frames);
        channels[k] = back?.length === frames ? back : new Float32Array(frames);
      }
    });
    yield decodeWavBlock(bytes, layout, channels);
  }
}
