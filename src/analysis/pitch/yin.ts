/**
 * YIN (de Cheveigné & Kawahara 2002, JASA 111:1917) in FFT form: the fixed-integration-window
 * difference function (their eqs. 6–7), its cumulative-mean normalisation (eq. 8), the absolute
 * threshold (step 4) and parabolic interpolation (step 5). Same algorithm as pitchfinder's YIN,
 * without its d'(1) = 1 override and with the lag range set by the caller.
 */
import { nextPow2, realFft, type RealFft } from '../dsp/fft.ts';

/** Default absolute threshold on d'(τ) (de Cheveigné & Kawahara 2002 use 0.1–0.15). */
export const YIN_DEFAULT_THRESHOLD = 0.15;

/** Reusable FFT-based YIN difference-function engine for one window length and maximum lag. */
export class YinEngine {
  /** Integration window W in samples. */
  readonly windowSamples: number;
  /** Largest lag τmax in samples; a frame spans W + τmax samples. */
  readonly maxLagSamples: number;
  /** FFT size: the smallest power of two ≥ W + τmax, so circular correlation never wraps. */
  readonly fftSize: number;
  /** Difference function d(τ), τ = 0..τmax, of the last frame. */
  readonly diff: Float64Array;
  /** Cumulative-mean-normalised difference d'(τ), τ = 0..τmax, of the last frame. */
  readonly cmndf: Float64Array;
  /**
   * d(τ) / (e(0) + e(τ)), τ = 0..τmax, of the last frame: 1 − the normalised cross-correlation of the two
   * compared segments, 2·r(τ) / (e(0) + e(τ)); unlike d′ it does not depend on d at the shorter lags.
   */
  readonly normDiff: Float64Array;
  private readonly fft: RealFft;
  private readonly frame: Float64Array;
  private readonly aRe: Float64Array;
  private readonly aIm: Float64Array;
  private readonly bRe: Float64Array;
  private readonly bIm: Float64Array;
  private readonly corr: Float64Array;

  constructor(windowSamples: number, maxLagSamples: number) {
    if (windowSamples < 2 || maxLagSamples < 2) throw new Error('YIN window and lag must be ≥ 2 samples');
    this.windowSamples = windowSamples;
    this.maxLagSamples = maxLagSamples;
    this.fftSize = nextPow2(windowSamples + maxLagSamples);
    this.fft = realFft(this.fftSize);
    const bins = (this.fftSize >> 1) + 1;
    this.frame = new Float64Array(windowSamples + maxLagSamples);
    this.aRe = new Float64Array(bins);
    this.aIm = new Float64Array(bins);
    this.bRe = new Float64Array(bins);
    this.bIm = new Float64Array(bins);
    this.corr = new Float64Array(this.fftSize);
    this.diff = new Float64Array(maxLagSamples + 1);
    this.cmndf = new Float64Array(maxLagSamples + 1);
    this.normDiff = new Float64Array(maxLagSamples + 1);
  }

  /**
   * Computes d and d' for the frame x[start .. start + W + τmax), scaled by `gain` (samples outside
   * x count as zeros). Returns the d' buffer (owned by the engine, overwritten by the next call).
   */
  analyse(x: ArrayLike<number>, start: number, gain = 1): Float64Array {
    const w = this.windowSamples;
    const maxLag = this.maxLagSamples;
    const span = w + maxLag;
    const f = this.frame;
    if (start >= 0 && start + span <= x.length) {
      for (let i = 0; i < span; i++) f[i] = x[start + i] * gain;
    } else {
      for (let i = 0; i < span; i++) {
        const j = start + i;
        f[i] = j >= 0 && j < x.length ? x[j] * gain : 0;
      }
    }
    // r(τ) = Σ_{j<W} f[j]·f[j+τ] as IFFT(conj(A)·B), A = FFT of the window, B = FFT of the frame.
    this.fft.forward(f, this.aRe, this.aIm, w);
    this.fft.forward(f, this.bRe, this.bIm);
    const aRe = this.aRe;
    const aIm = this.aIm;
    const bRe = this.bRe;
    const bIm = this.bIm;
    for (let k = 0; k < aRe.length; k++) {
      const pr = aRe[k] * bRe[k] + aIm[k] * bIm[k];
      const pi = aRe[k] * bIm[k] - aIm[k] * bRe[k];
      bRe[k] = pr;
      bIm[k] = pi;
    }
    this.fft.inverse(bRe, bIm, this.corr);
    // d(τ) = e(0) + e(τ) − 2 r(τ), with the window energies e(τ) = Σ_{j<W} f[j+τ]² as running sums.
    const r = this.corr;
    const d = this.diff;
    const dn = this.cmndf;
    const nd = this.normDiff;
    let e0 = 0;
    for (let j = 0; j < w; j++) e0 += f[j] * f[j];
    let et = e0;
    d[0] = 0;
    dn[0] = 1;
    nd[0] = 0;
    let cum = 0;
    for (let tau = 1; tau <= maxLag; tau++) {
      const out = f[tau - 1];
      const inn = f[tau + w - 1];
      et += inn * inn - out * out;
      const v = Math.max(0, e0 + et - 2 * r[tau]);
      d[tau] = v;
      nd[tau] = e0 + et > 0 ? v / (e0 + et) : 1;
      cum += v;
      dn[tau] = cum > 0 ? (v * tau) / cum : 1;
    }
    return dn;
  }
}

/** Parabolic-vertex offset in (−1, 1) of three samples around a local minimum (YIN step 5). */
export function parabolicOffset(left: number, mid: number, right: number): number {
  const den = left - 2 * mid + right;
  if (den <= 0) return 0;
  const off = (0.5 * (left - right)) / den;
  return off > 1 ? 1 : off < -1 ? -1 : off;
}

/**
 * YIN steps 4–5 on d'(τ): the first lag in [minLag, maxLag] below the threshold, walked down to
 * its local minimum and refined by parabolic interpolation. Returns the fractional lag, or −1.
 */
export function yinPickLag(cmndf: Float64Array, minLag: number, maxLag: number, threshold: number): number {
  const last = Math.min(maxLag, cmndf.length - 1);
  for (let tau = Math.max(1, minLag); tau <= last; tau++) {
    if (cmndf[tau] < threshold) {
      while (tau + 1 <= last && cmndf[tau + 1] < cmndf[tau]) tau++;
      if (tau <= 1 || tau >= cmndf.length - 1) return tau;
      return tau + parabolicOffset(cmndf[tau - 1], cmndf[tau], cmndf[tau + 1]);
    }
  }
  return -1;
}

/** Raw difference d(τ) = Σ_{j<W} (x[s+j] − x[s+j+τ])² at one lag, computed directly (zeros outside x). */
export function differenceAt(x: ArrayLike<number>, start: number, windowSamples: number, lag: number): number {
  let sum = 0;
  const n = x.length;
  if (start >= 0 && start + windowSamples + lag <= n) {
    for (let j = start, end = start + windowSamples; j < end; j++) {
      const d = x[j] - x[j + lag];
      sum += d * d;
    }
    return sum;
  }
  for (let j = start, end = start + windowSamples; j < end; j++) {
    const a = j >= 0 && j < n ? x[j] : 0;
    const b = j + lag >= 0 && j + lag < n ? x[j + lag] : 0;
    sum += (a - b) * (a - b);
  }
  return sum;
}

/**
 * Refines an approximate lag (e.g. from a decimated signal) on x itself: walks d(τ) down to the
 * nearest local minimum (at most `maxSteps` samples away) and interpolates it (YIN step 5).
 */
export function refineLag(x: ArrayLike<number>, start: number, windowSamples: number, approxLag: number, maxSteps = 2): number {
  let tau = Math.max(2, Math.round(approxLag));
  let mid = differenceAt(x, start, windowSamples, tau);
  let left = differenceAt(x, start, windowSamples, tau - 1);
  let right = differenceAt(x, start, windowSamples, tau + 1);
  for (let step = 0; step < maxSteps; step++) {
    if (left < mid && left <= right && tau > 2) {
      tau--;
      right = mid;
      mid = left;
      left = differenceAt(x, start, windowSamples, tau - 1);
    } else if (right < mid) {
      tau++;
      left = mid;
      mid = right;
      right = differenceAt(x, start, windowSamples, tau + 1);
    } else break;
  }
  return tau + parabolicOffset(left, mid, right);
}

/** Options of a one-frame YIN estimate. */
export interface YinFrameOptions {
  sampleRateHz: number;
  /** Absolute threshold on d'(τ); default YIN_DEFAULT_THRESHOLD. */
  threshold?: number;
  /** Integration window in samples; default half the frame. */
  windowSamples?: number;
  /** Search range in Hz; default: every lag the frame allows (≥ 2 samples). */
  floorHz?: number;
  ceilingHz?: number;
}

/** F0 in Hz of one frame by classic YIN (the frame holds W + τmax samples), or null if unvoiced. */
export function yinFrameHz(frame: ArrayLike<number>, options: YinFrameOptions): number | null {
  const fs = options.sampleRateHz;
  const w = options.windowSamples ?? frame.length >> 1;
  const maxLagAll = frame.length - w;
  const maxLag = Math.min(maxLagAll, options.floorHz ? Math.ceil(fs / options.floorHz) : maxLagAll);
  const minLag = Math.max(2, options.ceilingHz ? Math.floor(fs / options.ceilingHz) : 2);
  const engine = engineFor(w, maxLagAll);
  const dn = engine.analyse(frame, 0);
  const lag = yinPickLag(dn, minLag, maxLag, options.threshold ?? YIN_DEFAULT_THRESHOLD);
  return lag > 0 ? fs / lag : null;
}

const engines = new Map<string, YinEngine>();

function engineFor(w: number, maxLag: number): YinEngine {
  const key = `${w}:${maxLag}`;
  let e = engines.get(key);
  if (!e) {
    e = new YinEngine(w, maxLag);
    engines.set(key, e);
  }
  return e;
}
