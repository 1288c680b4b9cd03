/** Per-frame F0 candidates: the CMNDF dips of FFT-YIN on the 8 kHz search signal. */
import { envelopePeak, type PitchSignal } from './signal.ts';
import { parabolicOffset, YinEngine } from './yin.ts';

/** Frame hop in seconds. */
export const PITCH_HOP_SEC = 0.01;
/**
 * YIN integration window = this many floor periods (clamped below): Praat's ac window is 3 floor
 * periods of Hann taper, whose bulk is the middle ~1.25 periods (tuned on the fixtures, 1–2 all pass).
 */
const WINDOW_FLOOR_PERIODS = 1.25;
const MIN_WINDOW_SEC = 0.0075;
const MAX_WINDOW_SEC = 0.04;
/** Most candidates (CMNDF dips) kept per frame. */
export const MAX_CANDIDATES = 8;
/** Dips with d'(τ) above this are no candidates (Praat keeps r > voicingThreshold/2 ≈ 0.225). */
const MAX_DIP_CMNDF = 0.8;
/** Octave cost used to rank dips when a frame has too many (Praat's default, Sound_to_Pitch). */
const RANK_OCTAVE_COST = 0.01;

/** YIN candidates of every frame of one pitch range. */
export interface PitchCandidates {
  signal: PitchSignal;
  timesSec: Float64Array;
  hopSec: number;
  /** Frequency range the candidates cover. */
  floorHz: number;
  ceilingHz: number;
  /** Full-rate first sample and integration window of each frame's difference function. */
  frameStart: Int32Array;
  windowSamples: number;
  /** Number of candidates per frame (0 for frames skipped as too quiet). */
  count: Uint8Array;
  /** Candidate lags in full-rate samples and their d'(τ), MAX_CANDIDATES slots per frame. */
  lagSamples: Float32Array;
  cmndf: Float32Array;
}

/** YIN integration window in seconds for a pitch floor. */
export function yinWindowSec(floorHz: number): number {
  return Math.min(MAX_WINDOW_SEC, Math.max(MIN_WINDOW_SEC, WINDOW_FLOOR_PERIODS / floorHz));
}

/**
 * YIN candidates of every frame within [floorHz, ceilingHz]. Frames whose local peak is at most
 * `quietRatio` of the global peak are skipped (they cannot be voiced; Praat's silence threshold).
 */
export function pitchCandidates(
  sig: PitchSignal,
  floorHz: number,
  ceilingHz: number,
  quietRatio: number,
  hopSec: number = PITCH_HOP_SEC,
): PitchCandidates {
  const factor = sig.factor;
  const x = sig.search;
  const fs = sig.sampleRateHz / factor;
  const w = Math.round(yinWindowSec(floorHz) * fs);
  const maxLag = Math.ceil(fs / floorHz) + 1;
  const minLag = Math.max(2, Math.floor(fs / ceilingHz));
  // Frame centre = centre of the compared segments at the mean lag of the range.
  const halfSpan = (w + Math.round(fs / Math.sqrt(floorHz * ceilingHz))) >> 1;
  const nFrames = Math.max(0, Math.floor(sig.samples.length / sig.sampleRateHz / hopSec));
  const times = new Float64Array(nFrames);
  const frameStart = new Int32Array(nFrames);
  const count = new Uint8Array(nFrames);
  const lags = new Float32Array(nFrames * MAX_CANDIDATES);
  const vals = new Float32Array(nFrames * MAX_CANDIDATES);
  const engine = new YinEngine(w, maxLag);
  const reachSec = 0.5 / floorHz;
  for (let f = 0; f < nFrames; f++) {
    const t = (f + 0.5) * hopSec;
    times[f] = t;
    const start = Math.round(t * fs) - halfSpan;
    frameStart[f] = start * factor;
    // Like Praat, no analysis where the frame does not fit inside the signal.
    if (start < 0 || start + w + maxLag > x.length) continue;
    // Unweighted peak over Praat's local-peak span: an upper bound of the frame intensity.
    if (envelopePeak(sig, t - reachSec, t + reachSec) <= quietRatio) continue;
    // Frame normalisation: d' is scale-free, the gain only keeps the sums well scaled.
    const peak = envelopePeak(sig, start / fs, (start + w + maxLag) / fs);
    if (peak === 0) continue;
    const dn = engine.analyse(x, start, 1 / peak);
    count[f] = collectDips(dn, minLag, maxLag - 1, lags, vals, f * MAX_CANDIDATES, factor);
  }
  return {
    signal: sig,
    timesSec: times,
    hopSec,
    floorHz,
    ceilingHz,
    frameStart,
    windowSamples: w * factor,
    count,
    lagSamples: lags,
    cmndf: vals,
  };
}

/** Local minima of d' in [minLag, maxLag], interpolated; the best MAX_CANDIDATES by Praat's ranking. */
function collectDips(
  dn: Float64Array,
  minLag: number,
  maxLag: number,
  lags: Float32Array,
  vals: Float32Array,
  base: number,
  lagScale: number,
): number {
  let n = 0;
  for (let tau = minLag; tau <= maxLag; tau++) {
    const v = dn[tau];
    if (v >= MAX_DIP_CMNDF || v > dn[tau - 1] || v >= dn[tau + 1]) continue;
    const off = parabolicOffset(dn[tau - 1], v, dn[tau + 1]);
    const lag = (tau + off) * lagScale;
    const val = Math.max(0, v - 0.25 * (dn[tau - 1] - dn[tau + 1]) * off);
    let slot = n;
    if (n === MAX_CANDIDATES) {
      // Replace the weakest kept dip (Praat ranks by strength − octaveCost·log2(lag)).
      slot = -1;
      let worst = rankScore(val, lag);
      for (let k = 0; k < n; k++) {
        const s = rankScore(vals[base + k], lags[base + k]);
        if (s > worst) {
          worst = s;
          slot = k;
        }
      }
      if (slot < 0) continue;
    } else n++;
    lags[base + slot] = lag;
    vals[base + slot] = val;
  }
  return n;
}

function rankScore(cmndf: number, lag: number): number {
  return cmndf + RANK_OCTAVE_COST * Math.log2(lag);
}
