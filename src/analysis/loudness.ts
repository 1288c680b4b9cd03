/**
 * Level measures: active speech level (the recording's from p56.ts, phrases' from a fast P.56 variant
 * here), peak, clipping, noise floor and SNR.
 *
 * dBFS convention (as the G.191 STL's dBov): 10·log10(mean square) with samples in [−1, 1], so a
 * full-scale square wave is 0 dBFS and a full-scale sine is −3.01 dBFS.
 */
import { ANALYSIS_RATE_HZ, type IntervalSec, type LoudnessMeasures } from './types.ts';
import { p56ActiveLevel } from './p56.ts';
import { quantile } from './stats.ts';

/**
 * The phrase/part level: P.56 method B with the constants of G.191 STL `src/sv56/sv-p56.c` (openitu/STL)
 * T, H, M, but a finer threshold grid, 1 ms activity blocks and exact interpolation (unchanged since
 * issue 2). The recording's level follows sv56 itself: p56.ts.
 */
const P56_TIME_CONSTANT_SEC = 0.03;
const P56_HANGOVER_SEC = 0.2;
const P56_MARGIN_DB = 15.9;
/**
 * Threshold grid. The STL uses 15 thresholds a factor 2 (6.02 dB) apart, 2^-15 … 2^-1; we use 1 dB
 * steps from −120 to 0 dBFS (finer grid, float input); integer-dB gains then shift counts exactly.
 */
const P56_THRESHOLD_MIN_DB = -120;
const P56_THRESHOLD_STEP_DB = 1;
const P56_THRESHOLD_COUNT = 121;
/** Time resolution of the activity decision (ours, for speed; the STL decides per sample). */
const P56_BLOCK_SEC = 0.001;

/** Lowest level any measure here reports; digital silence is clamped to it instead of −Infinity. */
export const MIN_LEVEL_DBFS = -120;
/** Share of samples with |x| at or above this counts as clipped (same as the Praat reference). */
export const CLIP_ABS = 0.99;
/** Intervals shorter than this get plain RMS instead of P.56 (envelope rise + hangover ≈ 0.25 s). */
export const MIN_P56_INTERVAL_SEC = 0.3;
/** Frame length of the noise-floor estimate. */
const NOISE_FRAME_SEC = 0.025;
/** Percentile of frame levels taken as the noise floor. */
const NOISE_PERCENTILE = 0.1;
/** Fewer non-speech frames than this (0.25 s) and the floor is taken over the whole signal. */
const NOISE_MIN_FRAMES = 10;

/** Result of the phrase-level P.56 voltmeter. */
export interface ActiveSpeechLevel {
  /** Active speech level in dBFS; null when nothing is active (silence). */
  activeLevelDbfs: number | null;
  /** Active time / total time (0 when the level is null). */
  activityFactor: number;
}

/**
 * P.56 method B level of a phrase or part (fast variant of the STL's `speech_voltmeter()`): the STL's
 * per-threshold hangover counters are replaced by a sliding maximum of 1 ms block maxima of the envelope
 * over H, binned once on a 1 dB grid. Within ~0.1 dB of sv56; the recording's level uses p56.ts.
 */
export function phraseActiveLevel(samples: Float32Array, sampleRateHz: number): ActiveSpeechLevel {
  const none: ActiveSpeechLevel = { activeLevelDbfs: null, activityFactor: 0 };
  const n = samples.length;
  if (n === 0) return none;
  const g = Math.exp(-1 / (sampleRateHz * P56_TIME_CONSTANT_SEC));
  // STL: sample k is active at threshold c iff max(q[k−I … k]) ≥ c (q ≥ c, or within the hangover).
  // Speed: that maximum is taken over 1 ms blocks of q, so an activity edge may move by < 1 ms.
  const blockLen = Math.max(1, Math.round(P56_BLOCK_SEC * sampleRateHz));
  const hangBlocks = Math.ceil(Math.floor(P56_HANGOVER_SEC * sampleRateHz + 0.5) / blockLen);
  const thr = new Float64Array(P56_THRESHOLD_COUNT);
  for (let j = 0; j < P56_THRESHOLD_COUNT; j++) {
    thr[j] = 10 ** ((P56_THRESHOLD_MIN_DB + j * P56_THRESHOLD_STEP_DB) / 20);
  }
  const hist = new Float64Array(P56_THRESHOLD_COUNT + 1); // hist[b + 1]: samples whose max is in bin b
  let cap = 1;
  while (cap < hangBlocks + 2) cap <<= 1;
  const mask = cap - 1;
  const dqVal = new Float64Array(cap); // monotonic deque of block maxima, values decreasing
  const dqIdx = new Int32Array(cap);
  let head = 0;
  let tail = 0;
  let p = 0;
  let q = 0;
  let sumSq = 0;
  let bin = -1;
  for (let b = 0, from = 0; from < n; b++, from += blockLen) {
    const to = Math.min(n, from + blockLen);
    let blockMax = 0;
    for (let k = from; k < to; k++) {
      const x = samples[k];
      sumSq += x * x;
      // Process 2 of P.56: two-stage exponential smoothing of |x|.
      p = g * p + (1 - g) * Math.abs(x);
      q = g * q + (1 - g) * p;
      if (q > blockMax) blockMax = q;
    }
    while (tail !== head && dqVal[(tail - 1) & mask] <= blockMax) tail--;
    dqVal[tail & mask] = blockMax;
    dqIdx[tail & mask] = b;
    tail++;
    if (dqIdx[head & mask] < b - hangBlocks) head++;
    const m = dqVal[head & mask];
    // The windowed max moves smoothly, so walking the bin index is amortised O(1) and log-free.
    while (bin < P56_THRESHOLD_COUNT - 1 && m >= thr[bin + 1]) bin++;
    while (bin >= 0 && m < thr[bin]) bin--;
    hist[bin + 1] += to - from;
  }
  const counts = new Float64Array(P56_THRESHOLD_COUNT);
  let acc = 0;
  for (let j = P56_THRESHOLD_COUNT - 1; j >= 0; j--) {
    acc += hist[j + 1];
    counts[j] = acc;
  }
  const level = p56Interpolate(sumSq, counts);
  if (level === null) return none;
  const longTermDb = 10 * Math.log10(sumSq / n);
  return { activeLevelDbfs: level, activityFactor: 10 ** ((longTermDb - level) / 10) };
}

/**
 * The STL's final step: find the first threshold where (active level − threshold) ≤ M and interpolate
 * with the threshold below. STL `bin_interp` bisects to 0.5 dB; we take its limit (exact linear).
 */
function p56Interpolate(sumSq: number, counts: Float64Array): number | null {
  if (counts[0] === 0 || sumSq === 0) return null;
  const levelAt = (j: number): number => 10 * Math.log10(sumSq / counts[j]);
  const thrDb = (j: number): number => P56_THRESHOLD_MIN_DB + j * P56_THRESHOLD_STEP_DB;
  // STL: below the margin already at the lowest threshold means silence.
  if (levelAt(0) - thrDb(0) < P56_MARGIN_DB) return null;
  for (let j = 1; j < counts.length; j++) {
    if (counts[j] === 0) break;
    const deltaHi = levelAt(j) - thrDb(j);
    if (deltaHi <= P56_MARGIN_DB) {
      const aLo = levelAt(j - 1);
      const deltaLo = aLo - thrDb(j - 1);
      const t = deltaLo === deltaHi ? 0 : (deltaLo - P56_MARGIN_DB) / (deltaLo - deltaHi);
      return aLo + t * (levelAt(j) - aLo);
    }
  }
  return null; // STL returns its "silence" value when no threshold brackets the margin
}

/** Peak |x| in dBFS (0 dBFS = |x| of 1); null for an empty or all-zero signal. */
export function peakDbfs(samples: Float32Array): number | null {
  const peak = scanPeak(samples).peakAbs;
  return peak > 0 ? 20 * Math.log10(peak) : null;
}

/** Share of samples with |x| ≥ 0.99 (0 for an empty signal). */
export function clippedFraction(samples: Float32Array): number {
  return scanPeak(samples).clippedFraction;
}

/** One pass for peak and clipping (measureLoudness needs both on a possibly long native-rate signal). */
function scanPeak(samples: Float32Array): { peakAbs: number; clippedFraction: number } {
  let peak = 0;
  let clipped = 0;
  for (let i = 0; i < samples.length; i++) {
    const a = Math.abs(samples[i]);
    if (a > peak) peak = a;
    if (a >= CLIP_ABS) clipped++;
  }
  return { peakAbs: peak, clippedFraction: samples.length > 0 ? clipped / samples.length : 0 };
}

/** Plain RMS level in dBFS of samples[from, to); null when the power is zero or the range empty. */
export function rmsDbfs(samples: Float32Array, from = 0, to = samples.length): number | null {
  if (to <= from) return null;
  let s = 0;
  for (let i = from; i < to; i++) s += samples[i] * samples[i];
  return s > 0 ? 10 * Math.log10(s / (to - from)) : null;
}

/**
 * Noise floor in dBFS: 10th percentile of 25 ms frame levels outside the speech intervals (over the
 * whole signal when intervals are null or leave < 0.25 s); digital silence is clamped to −120 dBFS.
 * Null only for an empty signal.
 */
export function noiseFloorDbfs(
  samples: Float32Array,
  sampleRateHz: number,
  speechIntervals: IntervalSec[] | null = null,
): number | null {
  if (samples.length === 0) return null;
  const frameLen = Math.max(1, Math.round(NOISE_FRAME_SEC * sampleRateHz));
  const frameCount = Math.max(1, Math.floor(samples.length / frameLen));
  const all = new Float64Array(frameCount);
  const outside: number[] = [];
  const sorted = (speechIntervals ?? []).slice().sort((a, b) => a.startSec - b.startSec);
  let iv = 0;
  for (let f = 0; f < frameCount; f++) {
    const from = f * frameLen;
    const to = Math.min(samples.length, from + frameLen);
    const db = Math.max(MIN_LEVEL_DBFS, rmsDbfs(samples, from, to) ?? -Infinity);
    all[f] = db;
    const t0 = from / sampleRateHz;
    const t1 = to / sampleRateHz;
    while (iv < sorted.length && sorted[iv].endSec <= t0) iv++;
    const overlaps = iv < sorted.length && sorted[iv].startSec < t1;
    if (!overlaps) outside.push(db);
  }
  const useOutside = speechIntervals !== null && outside.length >= NOISE_MIN_FRAMES;
  return quantile(useOutside ? outside : all, NOISE_PERCENTILE);
}

/**
 * Active level (P.56) of one interval, e.g. a phrase, in dBFS. Intervals shorter than 0.3 s, or where
 * P.56 finds no activity, fall back to plain RMS over the interval. Null for silence or an empty range.
 */
export function intervalLevelDbfs(
  samples: Float32Array,
  sampleRateHz: number,
  interval: IntervalSec,
): number | null {
  const from = Math.max(0, Math.round(interval.startSec * sampleRateHz));
  const to = Math.min(samples.length, Math.round(interval.endSec * sampleRateHz));
  if (to <= from) return null;
  if ((to - from) / sampleRateHz >= MIN_P56_INTERVAL_SEC) {
    const level = phraseActiveLevel(samples.subarray(from, to), sampleRateHz).activeLevelDbfs;
    if (level !== null) return level;
  }
  return rmsDbfs(samples, from, to);
}

/**
 * All level measures of one recording. The active level is P.56 as sv56 computes it (p56.ts) on the
 * whole original signal (native rate, mixed down or the analysed channel, no filtering), as the ITU-T
 * reference program measures a file; it is reported only when speech was found (an empty interval list
 * means "no speech": no active level, no SNR; null intervals: measure without a speech decision).
 * The noise floor uses `hp16k` (the 80 Hz high-passed signal at ANALYSIS_RATE_HZ) outside the
 * intervals; peak and clipping use the original signal.
 */
export function measureLoudness(
  original: { samples: Float32Array; sampleRateHz: number },
  hp16k: Float32Array,
  speechIntervals: IntervalSec[] | null,
): LoudnessMeasures {
  const activeLevel = speechIntervals !== null && speechIntervals.length === 0
    ? null
    : p56ActiveLevel(original.samples, original.sampleRateHz).activeLevelDbfs;
  const floor = noiseFloorDbfs(hp16k, ANALYSIS_RATE_HZ, speechIntervals);
  const { peakAbs, clippedFraction: clipped } = scanPeak(original.samples);
  return {
    activeLevelDbfs: activeLevel,
    peakDbfs: peakAbs > 0 ? 20 * Math.log10(peakAbs) : null,
    clippedFraction: clipped,
    noiseFloorDbfs: floor,
    snrDb: activeLevel !== null && floor !== null ? activeLevel - floor : null,
  };
}
