/**
 * Raw ADTS AAC (.aac, as some call recorders write it): the first frame header's sample rate and channels,
 * and the decoded chunks put back at that rate. The CLI's AAC decoder (FAAD2 in @audio/decode-aac) decodes
 * a stream of 24 kHz or less as implicit HE-AAC: twice the file's rate, behind SBR's QMF filterbank delay
 * (962 output samples), which no container's edit list trims in a raw stream. Measured on ffmpeg's AAC-LC
 * at 8 and 16 kHz: 16 / 32 kHz out, 60 / 30 ms late. Here the delay is dropped and the audio halved back to
 * the file's rate (half-band low-pass, then every other sample), so a call analyses as its .m4a twin does.
 */
import { open } from 'node:fs/promises';

/** What the first ADTS frame header says. */
export interface AdtsHead {
  sampleRateHz: number;
  channelCount: number;
}

/** SBR's QMF analysis and synthesis delay, in output samples (ISO/IEC 14496-3 §4.6.18; FAAD2 `sbr_dec`). */
export const SBR_DELAY_SAMPLES = 962;

const ADTS_RATES = [96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000, 11025, 8000, 7350];

/** True when the bytes start with an ADTS frame header (12-bit sync, layer 0). */
export function isAdts(b: Uint8Array): boolean {
  return b.length >= 7 && b[0] === 0xff && (b[1] & 0xf6) === 0xf0;
}

/** The first ADTS header's rate and channel configuration (ISO/IEC 14496-3 §1.A.2.2.1), or null. */
export function adtsHead(b: Uint8Array): AdtsHead | null {
  if (!isAdts(b)) return null;
  const sampleRateHz = ADTS_RATES[(b[2] >> 2) & 0x0f] ?? 0;
  const channelCount = ((b[2] & 0x01) << 2) | (b[3] >> 6);
  return sampleRateHz > 0 ? { sampleRateHz, channelCount } : null;
}

/** adtsHead of the file at `path`. */
export async function readAdtsHead(path: string): Promise<AdtsHead | null> {
  const fh = await open(path, 'r');
  try {
    const b = new Uint8Array(7);
    const { bytesRead } = await fh.read(b, 0, 7, 0);
    return adtsHead(b.subarray(0, bytesRead));
  } finally {
    await fh.close();
  }
}

/** Half-band low-pass taps for 2:1 decimation: Blackman-windowed sinc at a quarter of the input rate, 2·HALF+1 long. */
const HALF = 23;
const TAPS = ((): Float64Array => {
  const h = new Float64Array(2 * HALF + 1);
  for (let j = -HALF; j <= HALF; j++) {
    const sinc = j === 0 ? 0.5 : Math.sin((Math.PI * j) / 2) / (Math.PI * j);
    const w = 0.42 + 0.5 * Math.cos((Math.PI * j) / (HALF + 1)) + 0.08 * Math.cos((2 * Math.PI * j) / (HALF + 1));
    h[j + HALF] = sinc * w;
  }
  const sum = h.reduce((s, x) => s + x, 0);
  return h.map((x) => x / sum);
})();

/**
 * One channel halved in rate, chunk by chunk: output k is the filtered input at 2k (zero-phase, no delay),
 * so the output has ceil(n / 2) samples for n in.
 */
export class HalfRate {
  /** Input from absolute index `base` on (before 0: zeros). */
  private buffer = new Float32Array(HALF);
  private base = -HALF;
  private next = 0;
  private fed = 0;

  /** Feed `x`; `last` pads the end with zeros and gives the remaining outputs. */
  push(x: Float32Array, last = false): Float32Array {
    const joined = new Float32Array(this.buffer.length + x.length + (last ? HALF : 0));
    joined.set(this.buffer);
    joined.set(x, this.buffer.length);
    this.buffer = joined;
    this.fed += x.length;
    const end = this.base + this.buffer.length;
    const stop = last ? Math.ceil(this.fed / 2) : Math.max(this.next, Math.floor((end - HALF - 1) / 2) + 1);
    const out = new Float32Array(Math.max(0, stop - this.next));
    for (let k = 0; k < out.length; k++) {
      const c = 2 * (this.next + k) - this.base;
      let y = TAPS[HALF] * this.buffer[c];
      for (let j = 1; j <= HALF; j += 2) y += TAPS[HALF + j] * (this.buffer[c - j] + this.buffer[c + j]);
      out[k] = y;
    }
    this.next = stop;
    const keepFrom = 2 * this.next - HALF - this.base;
    if (keepFrom > 0) {
      this.buffer = this.buffer.slice(keepFrom);
      this.base += keepFrom;
    }
    return out;
  }
}

/**
 * Decoded ADTS chunks at the file's rate: when the decoder doubled it (implicit SBR), the SBR delay dropped
 * and every channel halved; otherwise the chunks as they come.
 */
export async function* atAdtsRate<T extends { channelData: Float32Array[]; sampleRate: number }>(chunks: AsyncIterable<T>, head: AdtsHead): AsyncGenerator<{ channelData: Float32Array[]; sampleRate: number }> {
  let halves: HalfRate[] | null = null;
  let skip = SBR_DELAY_SAMPLES;
  for await (const chunk of chunks) {
    const n = chunk.channelData[0]?.length ?? 0;
    if (n === 0) continue;
    if (chunk.sampleRate !== 2 * head.sampleRateHz) {
      yield chunk;
      continue;
    }
    const drop = Math.min(skip, n);
    skip -= drop;
    if (drop === n) continue;
    // The decoder gives a stereo stretch whose channels are the same as one channel (audio-decode's dedupe).
    const decoded = head.channelCount === 2 && chunk.channelData.length === 1 ? [chunk.channelData[0], chunk.channelData[0]] : chunk.channelData;
    halves ??= decoded.map(() => new HalfRate());
    const channels = halves;
    // A channel count that changes is left for the caller's checks to refuse.
    if (decoded.length !== channels.length) {
      yield chunk;
      continue;
    }
    yield { channelData: decoded.map((c, k) => channels[k].push(c.subarray(drop))), sampleRate: head.sampleRateHz };
  }
  if (halves !== null) yield { channelData: halves.map((h) => h.push(new Float32Array(0), true)), sampleRate: head.sampleRateHz };
}
