/** A signal prepared once for pitch analysis: an 8 kHz copy for the YIN search and a peak envelope. */

/** The YIN search runs at this rate: F0 ≤ 1 kHz needs no more, and the FFTs halve. */
const SEARCH_RATE_HZ = 8000;
/** Block length of the peak envelope. */
export const PEAK_BLOCK_SEC = 0.001;

/** Signal views shared by every pitch pass over the same audio. */
export interface PitchSignal {
  /** Full-rate samples (refinement) and their rate. */
  samples: Float32Array;
  sampleRateHz: number;
  /** Search-rate samples (decimated by `factor`). */
  search: Float32Array;
  factor: number;
  /** Peak |x − mean| per PEAK_BLOCK_SEC block over the global peak (Praat's globalPeak, Sound_to_Pitch). */
  blockPeak: Float32Array;
}

/** Half-band low-pass (Blackman-windowed sinc, 23 taps): centre tap and the taps at odd offsets 1, 3, …, 11. */
const HALF_BAND = ((): { centre: number; side: Float64Array } => {
  const m = 12;
  const side = new Float64Array(m / 2);
  let sum = 0.5;
  for (let i = 0; i < side.length; i++) {
    const k = 2 * i + 1;
    const win = 0.42 + 0.5 * Math.cos((Math.PI * k) / m) + 0.08 * Math.cos((2 * Math.PI * k) / m);
    side[i] = (Math.sin((Math.PI * k) / 2) / (Math.PI * k)) * win;
    sum += 2 * side[i];
  }
  // Unit DC gain.
  for (let i = 0; i < side.length; i++) side[i] /= sum;
  return { centre: 0.5 / sum, side };
})();

/** Halves the sample rate with a zero-phase half-band FIR (samples outside x count as zeros). */
export function decimateBy2(x: Float32Array): Float32Array {
  const n = x.length >> 1;
  const out = new Float32Array(n);
  const { centre, side } = HALF_BAND;
  const [h1, h3, h5, h7, h9, h11] = side;
  const reach = 2 * side.length - 1;
  const at = (i: number): number => (i >= 0 && i < x.length ? x[i] : 0);
  for (let i = 0; i < n; i++) {
    const c = 2 * i;
    if (c - reach >= 0 && c + reach < x.length) {
      out[i] =
        centre * x[c] +
        h1 * (x[c - 1] + x[c + 1]) +
        h3 * (x[c - 3] + x[c + 3]) +
        h5 * (x[c - 5] + x[c + 5]) +
        h7 * (x[c - 7] + x[c + 7]) +
        h9 * (x[c - 9] + x[c + 9]) +
        h11 * (x[c - 11] + x[c + 11]);
    } else {
      let s = centre * x[c];
      for (let t = 0; t < side.length; t++) s += side[t] * (at(c - 2 * t - 1) + at(c + 2 * t + 1));
      out[i] = s;
    }
  }
  return out;
}

/** Prepares a mono signal (16 kHz, already high-passed) for one or more pitch passes. */
export function preparePitchSignal(samples: Float32Array, sampleRateHz: number): PitchSignal {
  const factor = sampleRateHz >= 2 * SEARCH_RATE_HZ ? 2 : 1;
  return {
    samples,
    sampleRateHz,
    search: factor === 2 ? decimateBy2(samples) : samples,
    factor,
    blockPeak: peakEnvelope(samples, Math.max(1, Math.round(PEAK_BLOCK_SEC * sampleRateHz))),
  };
}

/** Peak |x − mean| per block of `block` samples, relative to the largest. */
function peakEnvelope(x: Float32Array, block: number): Float32Array {
  let mean = 0;
  for (let i = 0; i < x.length; i++) mean += x[i];
  mean = x.length > 0 ? mean / x.length : 0;
  const out = new Float32Array(Math.ceil(x.length / block));
  let global = 0;
  for (let b = 0; b < out.length; b++) {
    let peak = 0;
    for (let i = b * block, end = Math.min(x.length, i + block); i < end; i++) {
      const v = Math.abs(x[i] - mean);
      if (v > peak) peak = v;
    }
    out[b] = peak;
    if (peak > global) global = peak;
  }
  if (global > 0) for (let b = 0; b < out.length; b++) out[b] /= global;
  return out;
}

/** Largest envelope value within [fromSec, toSec]. */
export function envelopePeak(sig: PitchSignal, fromSec: number, toSec: number): number {
  const env = sig.blockPeak;
  let peak = 0;
  for (let b = Math.max(0, Math.floor(fromSec / PEAK_BLOCK_SEC)), end = Math.min(env.length - 1, Math.floor(toSec / PEAK_BLOCK_SEC)); b <= end; b++) {
    if (env[b] > peak) peak = env[b];
  }
  return peak;
}

/**
 * Praat's frame intensity for a pass with this floor: the local peak within half a floor period
 * around each frame centre, weighted by the 3-period Hann window, over the global peak (Sound_to_Pitch)
 * times `peakScale` (≤ 1; 1 = Praat's), capped at 1.
 */
export function frameIntensity(sig: PitchSignal, timesSec: Float64Array, floorHz: number, peakScale = 1): Float32Array {
  const out = new Float32Array(timesSec.length);
  const reach = 0.5 / floorHz;
  const windowSec = 3 / floorHz;
  const env = sig.blockPeak;
  for (let f = 0; f < timesSec.length; f++) {
    const t = timesSec[f];
    let peak = 0;
    const b0 = Math.max(0, Math.floor((t - reach) / PEAK_BLOCK_SEC));
    const b1 = Math.min(env.length - 1, Math.floor((t + reach) / PEAK_BLOCK_SEC));
    for (let b = b0; b <= b1; b++) {
      const u = (b + 0.5) * PEAK_BLOCK_SEC - t;
      const v = env[b] * (0.5 + 0.5 * Math.cos((2 * Math.PI * u) / windowSec));
      if (v > peak) peak = v;
    }
    out[f] = Math.min(1, peak / peakScale);
  }
  return out;
}

/**
 * Level of the `q` quantile of the peak envelope over the given intervals, as a fraction of the global
 * peak (1 when they cover no block): a loud level that one click or plosive cannot set.
 */
export function robustPeak(sig: PitchSignal, intervals: readonly { startSec: number; endSec: number }[], q: number): number {
  const env = sig.blockPeak;
  const inside: number[] = [];
  for (const iv of intervals) {
    const end = Math.min(env.length - 1, Math.floor(iv.endSec / PEAK_BLOCK_SEC));
    for (let b = Math.max(0, Math.floor(iv.startSec / PEAK_BLOCK_SEC)); b <= end; b++) inside.push(env[b]);
  }
  if (inside.length === 0) return 1;
  const sorted = Float32Array.from(inside).sort();
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] || 1;
}
