/** Per-frame F0 candidates: the CMNDF dips of FFT-YIN on the 8 kHz search signal, with their voicing strength. */
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

/**
 * How a pass measures voicing. `strength`: 'cmndf' = 1 − YIN's d′ at the dip; 'correlation' = the
 * normalised cross-correlation of the compared segments, 1 − d(τ)/(e(0) + e(τ)), the kind of
 * strength Praat's voicing threshold and path costs are defined on (d′ divides d by its mean over the
 * shorter lags instead, so a frame's strength also depends on its spectrum below F0). `peakScale`: the
 * level, as a fraction of the global peak, that the silence threshold is relative to (1 = Praat's
 * global peak; intensities are divided by it and capped at 1).
 */
export interface VoicingMeasure {
  strength: 'cmndf' | 'correlation';
  peakScale: number;
}

/** Praat's reference recipe on YIN (the first pass, the nuclei's lenient voicing, fixed-range tracks). */
export const REFERENCE_VOICING: VoicingMeasure = { strength: 'cmndf', peakScale: 1 };

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
  /** The voicing measure the candidates were made with. */
  voicing: VoicingMeasure;
  /** Candidate lags in full-rate samples and 1 − their strength, MAX_CANDIDATES slots per frame. */
  lagSamples: Float32Array;
  dissimilarity: Float32Array;
}

/** YIN integration window in seconds for a pitch floor. */
export function yinWindowSec(floorHz: number): number {
  return Math.min(MAX_WINDOW_SEC, Math.max(MIN_WINDOW_SEC, WINDOW_FLOOR_PERIODS / floorHz));
}

/**
 * YIN candidates of every frame within [floorHz, ceilingHz] (the dips of d′; their strength as
 * `voicing` says). Frames whose local peak is at most `quietRatio` of voicing.peakScale × the global
 * peak are skipped (they cannot be voiced; Praat's silence threshold).
 */
export function pitchCandidates(
  sig: PitchSignal,
  floorHz: number,
  ceilingHz: number,
  quietRatio: number,
  hopSec: number = PITCH_HOP_SEC,
  voicing: VoicingMeasure = REFERENCE_VOICING,
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
    if (envelopePeak(sig, t - reachSec, t + reachSec) <= quietRatio * voicing.peakScale) continue;
    // Frame normalisation: d' is scale-free, the gain only keeps the sums well scaled.
    const peak = envelopePeak(sig, start / fs, (start + w + maxLag) / fs);
    if (peak === 0) continue;
    const dn = engine.analyse(x, start, 1 / peak);
    const strengthOf = voicing.strength === 'correlation' ? engine.normDiff : dn;
    count[f] = collectDips(dn, strengthOf, minLag, maxLag - 1, { lags, vals, base: f * MAX_CANDIDATES, lagScale: factor });
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
    voicing,
    lagSamples: lags,
    dissimilarity: vals,
  };
}

/** Where collectDips writes one frame's candidates. */
interface DipSlots {
  lags: Float32Array;
  vals: Float32Array;
  base: number;
  lagScale: number;
}

/**
 * Local minima of d′ in [minLag, maxLag], interpolated, with the interpolated value of `diss` (1 − strength:
 * d′ itself or the normalised difference) at each; the best MAX_CANDIDATES by Praat's ranking.
 */
function collectDips(dn: Float64Array, diss: Float64Array, minLag: number, maxLag: number, out: DipSlots): number {
  const { lags, vals, base, lagScale } = out;
  let n = 0;
  for (let tau = minLag; tau <= maxLag; tau++) {
    const v = dn[tau];
    if (v >= MAX_DIP_CMNDF || v > dn[tau - 1] || v >= dn[tau + 1]) continue;
    const off = parabolicOffset(dn[tau - 1], v, dn[tau + 1]);
    const lag = (tau + off) * lagScale;
    // The parabola through diss at τ − 1, τ, τ + 1, read at the vertex found on d′.
    const [l, m, r] = [diss[tau - 1], diss[tau], diss[tau + 1]];
    const val = Math.max(0, m + 0.5 * (r - l) * off + 0.5 * (l - 2 * m + r) * off * off);
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

function rankScore(diss: number, lag: number): number {
  return diss + RANK_OCTAVE_COST * Math.log2(lag);
}
