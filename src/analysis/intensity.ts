/** Praat-style intensity ("Sound: To Intensity", in dBFS) and its silence tier ("To TextGrid (silences)"). */
import type { IntensityContour, IntervalSec } from './types.ts';

/** Praat's dB SPL minus dBFS of the mean square: samples are read as Pa re 2e-5 Pa, 10·log10(1/4e-10). */
export const PRAAT_DB_SPL_OFFSET = 10 * Math.log10(1 / 4e-10);
/** Minimum pitch of the intensity used for speech/pause segmentation, Hz (praat_reference.praat). */
export const SEGMENTATION_MIN_PITCH_HZ = 100;
/** Minimum pitch of the intensity used for syllable nuclei, Hz (de Jong & Wempe 2009). */
export const NUCLEI_MIN_PITCH_HZ = 50;
/** Level Praat gives to a frame of (near) digital silence: −300 dB SPL, here in dBFS. */
export const SILENT_FRAME_DBFS = -300 - PRAAT_DB_SPL_OFFSET;

// Sound_to_Intensity.cpp: window 6.4/minPitch (2 × 3.2 periods), default step 0.8/minPitch,
// Kaiser window I0((2π² + 0.5)·√(1 − x²)), mean pressure of the window subtracted (unweighted).
const WINDOW_PERIODS = 6.4;
const STEP_PERIODS = 0.8;
const KAISER_ALPHA = 2 * Math.PI * Math.PI + 0.5;

/** Intensity contour at minPitchHz (window 6.4/minPitch, hop 0.8/minPitch unless given); empty when shorter than a window. */
export function intensityContour(
  samples: Float32Array,
  sampleRateHz: number,
  minPitchHz: number,
  hopSec: number = STEP_PERIODS / minPitchHz,
): IntensityContour {
  // Also a marker: tests/e2e/bundle-walls.test.ts finds this sentence only in the analysis worker.
  if (!(minPitchHz > 0 && hopSec > 0)) throw new RangeError(`The intensity contour needs a minimum pitch and a hop above 0, not ${minPitchHz} Hz and ${hopSec} s.`);
  const dx = 1 / sampleRateHz;
  const n = samples.length;
  const windowSec = WINDOW_PERIODS / minPitchHz;
  const half = Math.floor((0.5 * windowSec) / dx); // Praat's floating-point arithmetic, kept on purpose
  const durationSec = n * dx;
  // Sampled_shortTermAnalysis: frames centred in the signal.
  const nFrames = windowSec > durationSec ? 0 : Math.floor((durationSec - windowSec) / hopSec) + 1;
  const t1 = 0.5 * durationSec - 0.5 * (nFrames - 1) * hopSec;
  const w = kaiserWindow(half, (windowSec / 2) * sampleRateHz);
  const timesSec = new Float64Array(nFrames);
  const levelDbfs = new Float64Array(nFrames);
  for (let f = 0; f < nFrames; f++) {
    const t = t1 + f * hopSec;
    timesSec[f] = t;
    const centre = Math.round(t / dx - 0.5); // nearest sample (sample i sits at (i + 0.5)·dx)
    const lo = Math.max(0, centre - half);
    const hi = Math.min(n - 1, centre + half);
    levelDbfs[f] = frameLevelDbfs(samples, lo, hi, lo - centre + half, w);
  }
  return { timesSec, levelDbfs, hopSec };
}

/** Level of one frame: samples[lo..hi] (inclusive) under window taps w[k0..], mean removed, dBFS. */
function frameLevelDbfs(samples: Float32Array, lo: number, hi: number, k0: number, w: Float64Array): number {
  let sx = 0, swx = 0, swxx = 0, sw = 0;
  for (let i = lo, k = k0; i <= hi; i++, k++) {
    const x = samples[i];
    const wk = w[k];
    sx += x;
    swx += wk * x;
    swxx += wk * x * x;
    sw += wk;
  }
  const m = sx / (hi - lo + 1);
  // Σw(x − m)² expanded, so the window is read once.
  const power = Math.max(0, (swxx - 2 * m * swx + m * m * sw) / sw);
  return power * 2.5e9 < 1e-30 ? SILENT_FRAME_DBFS : 10 * Math.log10(power);
}

/** An intensity contour computed as the signal arrives (see createIntensityStream). */
export interface IntensityStream {
  /** The next samples of the signal. */
  push(samples: Float32Array): void;
  /** The contour of everything pushed. */
  finish(): IntensityContour;
}

/**
 * The contour of intensityContour frame by frame as the signal arrives, on a grid anchored at the start
 * instead of centred in the whole signal (whose length is not known yet): frame f is centred on sample
 * half + f·hop, and only frames whose window lies wholly inside the signal exist. Each frame's level is
 * intensityContour's arithmetic on the same samples; the grid sits up to half a hop (4 ms at 100 Hz)
 * earlier than the centred one. Keeps one window of samples.
 */
export function createIntensityStream(sampleRateHz: number, minPitchHz: number): IntensityStream {
  const dx = 1 / sampleRateHz;
  const windowSec = WINDOW_PERIODS / minPitchHz;
  const hopSec = STEP_PERIODS / minPitchHz;
  const hop = Math.round(hopSec * sampleRateHz);
  if (!(Math.abs(hop - hopSec * sampleRateHz) < 1e-9)) throw new RangeError(`the intensity hop must be a whole number of samples at ${sampleRateHz} Hz`);
  const half = Math.floor((0.5 * windowSec) / dx);
  const w = kaiserWindow(half, (windowSec / 2) * sampleRateHz);
  let buf = new Float32Array(4 * (2 * half + 1));
  let bufStart = 0; // global index of buf[0]
  let held = 0;
  let times = new Float64Array(1024);
  let levels = new Float64Array(1024);
  let frames = 0;
  return {
    push(samples) {
      if (held + samples.length > buf.length) {
        const bigger = new Float32Array(Math.max(held + samples.length, 2 * buf.length));
        bigger.set(buf.subarray(0, held));
        buf = bigger;
      }
      buf.set(samples, held);
      held += samples.length;
      for (let centre = half + frames * hop; centre + half < bufStart + held; centre += hop) {
        if (frames === times.length) {
          times = grown(times);
          levels = grown(levels);
        }
        times[frames] = (centre + 0.5) * dx;
        levels[frames] = frameLevelDbfs(buf, centre - half - bufStart, centre + half - bufStart, 0, w);
        frames++;
      }
      const keepFrom = half + frames * hop - half;
      const drop = Math.min(held, keepFrom - bufStart);
      if (drop > 0) {
        buf.copyWithin(0, drop, held);
        held -= drop;
        bufStart += drop;
      }
    },
    finish() {
      return { timesSec: times.slice(0, frames), levelDbfs: levels.slice(0, frames), hopSec };
    },
  };
}

function grown(a: Float64Array<ArrayBuffer>): Float64Array<ArrayBuffer> {
  const b = new Float64Array(2 * a.length);
  b.set(a);
  return b;
}

/** Window of the edge refinement, s: short enough to locate an onset within a few ms. */
const EDGE_WINDOW_SEC = 0.01;
/** How far an edge may move: half the 100 Hz intensity window, the most it can smear a step. */
const EDGE_SEARCH_SEC = 0.032;

/**
 * Refine a speech edge that the long intensity window smeared outward (by up to ~20 ms at a loud
 * step): the first (rising) or last (falling) instant within ±32 ms where the 10 ms energy on the
 * sounding side of it exceeds the threshold. Returns edgeSec when nothing in reach crosses it.
 */
export function refineEdgeSec(
  samples: Float32Array,
  sampleRateHz: number,
  edgeSec: number,
  thresholdDbfs: number,
  rising: boolean,
  // A window of a longer signal: samples[0] is sample `offset` of `total` (every sample read must be inside).
  offset = 0,
  total: number = samples.length,
): number {
  const w = Math.max(1, Math.round(EDGE_WINDOW_SEC * sampleRateHz));
  const reach = Math.round(EDGE_SEARCH_SEC * sampleRateHz);
  const edge = Math.round(edgeSec * sampleRateHz);
  const limit = 10 ** (thresholdDbfs / 10) * w; // threshold as a sum of squares over the window
  const sq = (i: number): number => (i >= 0 && i < total ? samples[i - offset] * samples[i - offset] : 0);
  if (rising) {
    // energy of [c − w, c): the sound that has started by c
    let sum = 0;
    for (let i = edge - reach - w; i < edge - reach; i++) sum += sq(i);
    for (let c = edge - reach; c <= edge + reach; c++) {
      if (sum > limit) return c / sampleRateHz;
      sum += sq(c) - sq(c - w);
    }
  } else {
    // energy of [c, c + w): the sound still to come after c
    let sum = 0;
    for (let i = edge + reach; i < edge + reach + w; i++) sum += sq(i);
    for (let c = edge + reach; c >= edge - reach; c--) {
      if (sum > limit) return c / sampleRateHz;
      sum += sq(c - 1) - sq(c + w - 1);
    }
  }
  return edgeSec;
}

/** dBFS of a mean square to Praat's intensity dB (samples read as pascals). */
export function dbfsToPraatDb(levelDbfs: number): number {
  return levelDbfs + PRAAT_DB_SPL_OFFSET;
}

function kaiserWindow(half: number, halfSamples: number): Float64Array {
  const w = new Float64Array(2 * half + 1);
  for (let k = -half; k <= half; k++) {
    const x = k / halfSamples;
    w[k + half] = besselI0(KAISER_ALPHA * Math.sqrt(Math.max(0, 1 - x * x)));
  }
  return w;
}

function besselI0(x: number): number {
  let sum = 1;
  let term = 1;
  const q = (x * x) / 4;
  for (let k = 1; k < 200; k++) {
    term *= q / (k * k);
    sum += term;
    if (term < sum * 1e-15) break;
  }
  return sum;
}

/** A labelled interval of the silences tier. */
export interface TierInterval extends IntervalSec {
  sounding: boolean;
}

/** Praat's Intensity "To TextGrid (silences)": label frames, drop short sounding, then short silent runs. */
export function detectSilences(
  contour: IntensityContour,
  thresholdDbfs: number,
  durationSec: number,
  minPauseSec: number,
  minSoundingSec: number,
): TierInterval[] {
  const v = contour.levelDbfs;
  const t = contour.timesSec;
  let max = -Infinity, min = Infinity, iMax = 0;
  for (let i = 0; i < v.length; i++) {
    if (v[i] > max) [max, iMax] = [v[i], i];
    if (v[i] < min) min = v[i];
  }
  // Praat thresholds at the parabolically interpolated maximum minus (max − threshold).
  const threshold = parabolicPeak(v, iMax) - (max - thresholdDbfs);
  if (minPauseSec > durationSec || threshold < min) return [{ startSec: 0, endSec: durationSec, sounding: true }];
  const tier: TierInterval[] = [];
  let silent = v[0] < threshold;
  let startSec = 0;
  for (let i = 1; i < v.length; i++) {
    if (v[i] < threshold !== silent) {
      tier.push({ startSec, endSec: t[i], sounding: !silent }); // boundary at the first frame of the new state
      startSec = t[i];
      silent = !silent;
    }
  }
  tier.push({ startSec, endSec: durationSec, sounding: !silent });
  cutShort(tier, true, minSoundingSec);
  mergeEqual(tier, false);
  cutShort(tier, false, minPauseSec);
  mergeEqual(tier, true);
  return tier;
}

/** Time of the first (dir 1) or last (dir −1) frame above the threshold, searching inward from timeSec (the script's edge trim). */
export function edgeFrameTime(c: IntensityContour, timeSec: number, thresholdDbfs: number, dir: 1 | -1): number {
  const n = c.timesSec.length;
  const pos = (timeSec - c.timesSec[0]) / c.hopSec;
  const near = Math.round(pos);
  const snapped = Math.abs(pos - near) < 1e-6 ? near : pos; // boundaries sit on frame times
  let f = dir === 1 ? Math.max(0, Math.ceil(snapped)) : Math.min(n - 1, Math.floor(snapped));
  while (dir === 1 ? f < n - 1 : f > 0) {
    if (c.levelDbfs[f] > thresholdDbfs) break;
    f += dir;
  }
  return c.timesSec[f];
}

function parabolicPeak(v: Float64Array, i: number): number {
  if (i <= 0 || i >= v.length - 1) return v[i];
  const dy = 0.5 * (v[i + 1] - v[i - 1]);
  const d2y = 2 * v[i] - v[i - 1] - v[i + 1];
  return d2y > 0 ? v[i] + (0.5 * dy * dy) / d2y : v[i];
}

/** IntervalTier_cutIntervals_minimumDuration: a short interval goes to its earlier neighbour. */
function cutShort(tier: TierInterval[], sounding: boolean, minSec: number): void {
  for (let i = 0; i < tier.length; ) {
    if (tier.length > 1 && tier[i].sounding === sounding && tier[i].endSec - tier[i].startSec < minSec) cut(tier, i, false);
    else i++;
  }
}

/** IntervalTier_combineIntervalsOnLabelMatch: join neighbours with the same label. */
function mergeEqual(tier: TierInterval[], sounding: boolean): void {
  for (let i = 0; i < tier.length - 1; ) {
    if (tier[i].sounding === sounding && tier[i + 1].sounding === sounding) cut(tier, i, true);
    else i++;
  }
}

/** IntervalTier_cutInterval: remove interval i; a neighbour takes over its time. */
function cut(tier: TierInterval[], i: number, extendNext: boolean): void {
  const [gone] = tier.splice(i, 1);
  if (i === 0) tier[0].startSec = gone.startSec;
  else if (i === tier.length) tier[i - 1].endSec = gone.endSec;
  else if (extendNext) tier[i].startSec = gone.startSec;
  else tier[i - 1].endSec = gone.endSec;
}
