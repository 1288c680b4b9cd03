/** Speech/pause segmentation after Praat's "To TextGrid (silences)", with a no-speech guard. */
import { quantileSorted } from './stats.ts';
import {
  detectSilences,
  edgeFrameTime,
  intensityContour,
  PRAAT_DB_SPL_OFFSET,
  refineEdgeSec,
  SEGMENTATION_MIN_PITCH_HZ,
} from './intensity.ts';
import { readerOf, type IntensityContour, type IntervalSec, type MonoSignal, type NoSpeechReason, type SampleReader, type Segmentation } from './types.ts';

/** Segmentation parameters; the defaults are the fixtures' Praat reference settings. */
export interface SegmentationOptions {
  /** Silence threshold below the 99th percentile of intensity, dB (SIL_BELOW_Q99=25). */
  belowQ99Db?: number;
  /** Minimum silent interval, s (MIN_PAUSE=0.25). */
  minPauseSec?: number;
  /** Minimum sounding interval, s (MIN_SOUNDING=0.10). */
  minSoundingSec?: number;
  /** Below this q99 the file is silent, dBFS (MIN_Q99=20 dB SPL). */
  minQ99Dbfs?: number;
  /** Below this q99 − q05 the file is steady, dB (MIN_DR=6). */
  minDynamicRangeDb?: number;
  /** Less sounding time than this is no speech, s. */
  minSpeechSec?: number;
  /** Use Praat's guard only (silent, steady), without the tonal/voicing/too-short criteria. */
  praatGuardOnly?: boolean;
  /** Move each speech/pause edge to where a 10 ms window crosses the threshold (false: Praat's frame edges). */
  refineEdges?: boolean;
}

/** What the no-speech guard measured on the sounding frames. */
export interface SpeechEvidence {
  soundingSec: number;
  /** Share of frames predicted by a 2nd-order linear predictor to ≥ TONAL_GAIN_DB: a single sinusoid. */
  tonalShare: number;
  /** Share of frames with a clear periodicity peak (normalised cross-correlation, 50–600 Hz). */
  voicedShare: number;
  /** Spread (p90 − p10) of the voiced frames' periodicity in semitones; 0 for a machine-steady pitch. */
  pitchSpreadSt: number;
  frames: number;
}

const DEFAULTS: Required<SegmentationOptions> = {
  belowQ99Db: 25,
  minPauseSec: 0.25,
  minSoundingSec: 0.1,
  minQ99Dbfs: 20 - PRAAT_DB_SPL_OFFSET,
  minDynamicRangeDb: 6,
  minSpeechSec: 0.3,
  praatGuardOnly: false,
  refineEdges: true,
};

// Guard limits. Fixture speech: tonal share ≤ 0.12, voiced share ≥ 0.49 (0.52 at 15 dB SNR), pitch spread
// ≥ 3.1 st. Synthetic tones/sweeps: tonal ≥ 0.93; white/brown noise: voiced ≤ 0.06; buzz/DTMF: spread ≈ 0.
const MAX_TONAL_SHARE = 0.5;
const MIN_VOICED_SHARE = 0.2;
const MIN_PITCH_SPREAD_ST = 1;
/** Fewer voiced frames than this say nothing about pitch spread. */
const MIN_SPREAD_FRAMES = 10;

/** Segment the preprocessed (80 Hz high-passed) mono signal into speech, pauses and phrases. */
export function segmentSpeech(
  signal: MonoSignal,
  options: SegmentationOptions = {},
  // The 100 Hz intensity contour of `signal`, when the caller already has it (a second segmentation of the same signal).
  contour: IntensityContour = intensityContour(signal.samples, signal.sampleRateHz, SEGMENTATION_MIN_PITCH_HZ),
): Segmentation {
  return segmentReader(readerOf(signal), options, contour);
}

/**
 * segmentSpeech on a signal read piecewise with its contour: the edges and the guard read only short
 * windows of the signal (±42 ms around each edge, ±0.1 s around each of ≤ MAX_FRAMES guard frames).
 */
export function segmentReader(signal: SampleReader, options: SegmentationOptions, contour: IntensityContour): Segmentation {
  const o = { ...DEFAULTS, ...options };
  const levels = contour.levelDbfs;
  if (levels.length === 0) return noSpeech('too-short', null);
  const sorted = Float64Array.from(levels).sort();
  const q99 = quantileSorted(sorted, 0.99);
  const q05 = quantileSorted(sorted, 0.05);
  const thresholdDbfs = q99 - o.belowQ99Db;
  if (q99 < o.minQ99Dbfs) return noSpeech('silent', thresholdDbfs);
  if (q99 - q05 < o.minDynamicRangeDb) return noSpeech('steady', thresholdDbfs);

  const durationSec = signal.length / signal.sampleRateHz;
  const tier = detectSilences(contour, thresholdDbfs, durationSec, o.minPauseSec, o.minSoundingSec);
  const first = tier.findIndex((x) => x.sounding);
  if (first < 0) return noSpeech('too-short', thresholdDbfs);
  let last = tier.length - 1;
  while (!tier[last].sounding) last--;
  // Edges alternate rising (speech or phrase start) and falling: start, pause starts/ends, end.
  const edges = [Math.max(tier[first].startSec, edgeFrameTime(contour, tier[first].startSec, thresholdDbfs, 1))];
  for (let k = first + 1; k < last; k++) if (!tier[k].sounding) edges.push(tier[k].startSec, tier[k].endSec);
  edges.push(Math.min(tier[last].endSec, edgeFrameTime(contour, tier[last].endSec, thresholdDbfs, -1)));
  for (let i = 0; o.refineEdges && i < edges.length; i++) {
    const refined = refineEdgeIn(signal, edges[i], thresholdDbfs, i % 2 === 0);
    edges[i] = Math.max(refined, i > 0 ? edges[i - 1] : 0);
  }
  const sounding: IntervalSec[] = [];
  const pauses: IntervalSec[] = [];
  for (let i = 0; i + 1 < edges.length; i++) (i % 2 === 0 ? sounding : pauses).push({ startSec: edges[i], endSec: edges[i + 1] });
  const startSec = edges[0];
  const endSec = edges[edges.length - 1];
  if (!o.praatGuardOnly) {
    const reason = guardReason(speechEvidence(signal, contour, sounding, thresholdDbfs), o.minSpeechSec);
    if (reason) return noSpeech(reason, thresholdDbfs);
  }
  return { speechFound: true, noSpeechReason: null, startSec, endSec, sounding, pauses, thresholdDbfs };
}

/** refineEdgeSec on the window of the signal it reads. */
function refineEdgeIn(signal: SampleReader, edgeSec: number, thresholdDbfs: number, rising: boolean): number {
  const rate = signal.sampleRateHz;
  const edge = Math.round(edgeSec * rate);
  const reach = Math.round(EDGE_READ_SEC * rate);
  const from = Math.max(0, edge - reach);
  const to = Math.min(signal.length, edge + reach);
  return refineEdgeSec(signal.read(from, to), rate, edgeSec, thresholdDbfs, rising, from, signal.length);
}

/** Reach of refineEdgeSec's reads around an edge, s (its search ±32 ms plus its 10 ms window, with room). */
const EDGE_READ_SEC = 0.05;

/** Which extra guard criterion, if any, says the sounding part is not speech. */
export function guardReason(e: SpeechEvidence, minSpeechSec: number = DEFAULTS.minSpeechSec): NoSpeechReason | null {
  if (e.soundingSec < minSpeechSec) return 'too-short';
  if (e.tonalShare > MAX_TONAL_SHARE) return 'tonal';
  if (e.voicedShare < MIN_VOICED_SHARE) return 'unvoiced';
  // A machine-steady pitch (buzzer, dial tone, DTMF): even monotone speech drifts by semitones.
  if (e.voicedShare * e.frames >= MIN_SPREAD_FRAMES && e.pitchSpreadSt < MIN_PITCH_SPREAD_ST) return 'tonal';
  return null;
}

/** Evidence for the guard from up to MAX_FRAMES sounding frames above the threshold. */
export function speechEvidence(
  signal: SampleReader,
  contour: IntensityContour,
  sounding: readonly IntervalSec[],
  thresholdDbfs: number,
): SpeechEvidence {
  const soundingSec = sounding.reduce((s, x) => s + x.endSec - x.startSec, 0);
  const frames: number[] = [];
  for (let f = 0, k = 0; f < contour.timesSec.length && k < sounding.length; f++) {
    const tf = contour.timesSec[f];
    while (k < sounding.length && tf > sounding[k].endSec) k++;
    if (k < sounding.length && tf >= sounding[k].startSec && contour.levelDbfs[f] > thresholdDbfs) frames.push(tf);
  }
  const step = Math.max(1, frames.length / MAX_FRAMES);
  let tonal = 0, n = 0;
  const pitchSt: number[] = [];
  for (let j = 0; j < frames.length; j += step) {
    const centre = Math.round(frames[Math.floor(j)] * signal.sampleRateHz);
    const reach = Math.round(EVIDENCE_READ_SEC * signal.sampleRateHz);
    const from = Math.max(0, centre - reach);
    const x: SignalWindow = { samples: signal.read(from, Math.min(signal.length, centre + reach)), offset: from, total: signal.length };
    if (predictionGainDb(x, centre, Math.round(TONAL_WINDOW_SEC * signal.sampleRateHz)) >= TONAL_GAIN_DB) tonal++;
    const periodSec = periodAt(x, centre, signal.sampleRateHz);
    if (periodSec > 0) pitchSt.push(-12 * Math.log2(periodSec));
    n++;
  }
  const st = Float64Array.from(pitchSt).sort();
  const pitchSpreadSt = st.length ? quantileSorted(st, 0.9) - quantileSorted(st, 0.1) : 0;
  return { soundingSec, tonalShare: n ? tonal / n : 0, voicedShare: n ? st.length / n : 0, pitchSpreadSt, frames: n };
}

const MAX_FRAMES = 300;
/** Reach of a guard frame's reads around its centre, s (the periodicity's 40 ms window plus a 50 Hz lag, with room). */
const EVIDENCE_READ_SEC = 0.1;

/** Samples [offset, offset + samples.length) of a signal of `total` samples. */
interface SignalWindow {
  samples: Float32Array;
  offset: number;
  total: number;
}
/** A frame predicted this well by order-2 linear prediction is one sinusoid (fixture speech: median 15 dB). */
const TONAL_GAIN_DB = 30;
const TONAL_WINDOW_SEC = 0.03;
// Periodicity: NCCF at 8 kHz over 40 ms, lags for 50–600 Hz (the nuclei pitch range of the Praat script).
const PERIODIC_RATE_HZ = 8000;
const PERIODIC_WINDOW_SEC = 0.04;
const PERIODIC_MIN_HZ = 50;
const PERIODIC_MAX_HZ = 600;
/** A voiced frame has an NCCF peak ≥ this, rising ≥ PERIODIC_MIN_RISE above the dip before it (brown noise only decays). */
const PERIODIC_MIN_PEAK = 0.6;
const PERIODIC_MIN_RISE = 0.3;

/** Order-2 covariance-method linear prediction gain of a window centred on `centre`, dB. */
function predictionGainDb(win: SignalWindow, centre: number, width: number): number {
  const { samples: x, offset } = win;
  const lo = Math.max(2, centre - (width >> 1));
  const hi = Math.min(win.total, lo + width);
  let p00 = 0, p01 = 0, p02 = 0, p11 = 0, p12 = 0, p22 = 0;
  for (let i = lo - offset; i < hi - offset; i++) {
    const a = x[i], b = x[i - 1], c = x[i - 2];
    p00 += a * a; p01 += a * b; p02 += a * c; p11 += b * b; p12 += b * c; p22 += c * c;
  }
  const det = p11 * p22 - p12 * p12;
  if (!(p00 > 0) || !(det > 1e-12 * p11 * p22)) return 0;
  const a1 = (p01 * p22 - p02 * p12) / det;
  const a2 = (p02 * p11 - p01 * p12) / det;
  const residual = Math.max(p00 - a1 * p01 - a2 * p02, p00 * 1e-12);
  return 10 * Math.log10(p00 / residual);
}

/** Pitch period of the frame centred on `centre`, s (first clear NCCF peak after a dip); 0 when aperiodic. */
function periodAt(x: SignalWindow, centre: number, rateHz: number): number {
  const factor = Math.max(1, Math.round(rateHz / PERIODIC_RATE_HZ));
  const d = decimateAround(x, centre, rateHz, factor);
  const rate = rateHz / factor;
  const w = Math.round(PERIODIC_WINDOW_SEC * rate);
  const lagMin = Math.floor(rate / PERIODIC_MAX_HZ);
  const lagMax = Math.ceil(rate / PERIODIC_MIN_HZ);
  if (d.length < w + lagMax + 1) return 0;
  let e0 = 0;
  for (let i = 0; i < w; i++) e0 += d[i] * d[i];
  if (!(e0 > 0)) return 0;
  let eLag = 0;
  for (let i = lagMin; i < lagMin + w; i++) eLag += d[i] * d[i];
  let prev = -2, prev2 = -2, dip = 2;
  for (let lag = lagMin; lag <= lagMax + 1; lag++) {
    let s = 0;
    for (let i = 0; i < w; i++) s += d[i] * d[i + lag];
    const r = eLag > 0 ? s / Math.sqrt(e0 * eLag) : 0;
    // prev is a local maximum at lag − 1
    if (prev >= prev2 && prev > r && prev >= PERIODIC_MIN_PEAK && prev - dip >= PERIODIC_MIN_RISE) {
      return (lag - 1 + parabolicOffset(prev2, prev, r)) / rate;
    }
    dip = Math.min(dip, r);
    prev2 = prev;
    prev = r;
    eLag += d[lag + w] * d[lag + w] - d[lag] * d[lag];
  }
  return 0;
}

/** Offset of a parabola's vertex through three equally spaced points, in steps from the middle one. */
function parabolicOffset(a: number, b: number, c: number): number {
  const d = a - 2 * b + c;
  return d < 0 ? (0.5 * (a - c)) / d : 0;
}

/**
 * Where decimateAround writes, reused: a new 4 KB array per guard frame (300 per call of speechEvidence, one
 * call per sound stretch of a call channel) was short-lived memory outside the JS heap that a worker frees only
 * at its next full collection (tens of MB held at the call finish, where the tab's memory peaks).
 */
let decimated = new Float64Array(0);

/**
 * The frame's neighbourhood decimated by `factor` after a [1 3 3 1]/8 low-pass (16 kHz → 8 kHz): a view of a
 * buffer reused by the next call (every value is written).
 */
function decimateAround(win: SignalWindow, centre: number, rateHz: number, factor: number): Float64Array {
  const n = Math.round(((PERIODIC_WINDOW_SEC + 1.05 / PERIODIC_MIN_HZ) * rateHz) / factor) + 2;
  const first = centre - Math.round((PERIODIC_WINDOW_SEC / 2) * rateHz);
  if (decimated.length < n) decimated = new Float64Array(n);
  const out = decimated.subarray(0, n);
  const { samples: x, offset, total } = win;
  const at = (i: number): number => (i >= 0 && i < total ? x[i - offset] : 0);
  for (let k = 0; k < n; k++) {
    const i = first + k * factor;
    out[k] = factor === 1 ? at(i) : (at(i - 1) + 3 * at(i) + 3 * at(i + 1) + at(i + 2)) / 8;
  }
  return out;
}

function noSpeech(reason: NoSpeechReason, thresholdDbfs: number | null): Segmentation {
  return { speechFound: false, noSpeechReason: reason, startSec: null, endSec: null, sounding: [], pauses: [], thresholdDbfs };
}
