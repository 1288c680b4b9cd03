/** Frame-by-frame F0 track: YIN candidates per 10 ms frame, a Praat-style Viterbi path, full-rate refinement. */
import type { PitchTrack } from '../types.ts';
import { MAX_CANDIDATES, PITCH_HOP_SEC, pitchCandidates, REFERENCE_VOICING, type PitchCandidates, type VoicingMeasure } from './candidates.ts';
import { frameIntensity, preparePitchSignal, type PitchSignal } from './signal.ts';
import { refineLag } from './yin.ts';

/** Path costs, named after Praat's `To Pitch (ac)` arguments (Praat manual: Sound: To Pitch (ac)...). */
export interface PitchPathCosts {
  silenceThreshold: number;
  voicingThreshold: number;
  octaveCost: number;
  octaveJumpCost: number;
  voicedUnvoicedCost: number;
}

/** Praat's standard `To Pitch (ac)` constants, applied to the strength 1 − d'(τ) at a 10 ms step. */
export const DEFAULT_PATH_COSTS: PitchPathCosts = {
  silenceThreshold: 0.03,
  voicingThreshold: 0.45,
  octaveCost: 0.01,
  octaveJumpCost: 0.35,
  voicedUnvoicedCost: 0.14,
};

/** Options of a pitch track. */
export interface PitchTrackOptions {
  floorHz: number;
  ceilingHz: number;
  costs?: PitchPathCosts;
  /** Default REFERENCE_VOICING. */
  voicing?: VoicingMeasure;
}

/** Praat scales the transition costs by 0.01 s / time step (Pitch_pathFinder's timeStepCorrection). */
function timeStepCorrection(hopSec: number): number {
  return 0.01 / hopSec;
}

/**
 * Local-peak ratio below which a frame cannot be voiced: there Praat's unvoiced strength
 * vt + 2 − intensity·(1 + vt)/silenceThreshold exceeds any voiced strength (≤ 1) plus two V/U costs.
 */
export function quietFrameRatio(costs: PitchPathCosts, hopSec: number = PITCH_HOP_SEC): number {
  const vt = costs.voicingThreshold;
  const vuv = costs.voicedUnvoicedCost * timeStepCorrection(hopSec);
  return (costs.silenceThreshold / (1 + vt)) * Math.max(0, 1 + vt - 2 * vuv);
}

/** Candidates of one pitch range over a prepared signal, at the given hop. */
export function analysePitchCandidates(
  sig: PitchSignal,
  floorHz: number,
  ceilingHz: number,
  costs: PitchPathCosts = DEFAULT_PATH_COSTS,
  hopSec: number = PITCH_HOP_SEC,
  voicing: VoicingMeasure = REFERENCE_VOICING,
): PitchCandidates {
  // Also a marker: tests/e2e/bundle-walls.test.ts finds this sentence only in the analysis worker.
  if (!(floorHz > 0 && ceilingHz > floorHz)) throw new RangeError(`The pitch search range must satisfy 0 < floor < ceiling, not ${floorHz}-${ceilingHz} Hz.`);
  return pitchCandidates(sig, floorHz, ceilingHz, quietFrameRatio(costs, hopSec), hopSec, voicing);
}

/**
 * Best voiced/unvoiced path through the candidates within [floorHz, ceilingHz] (Praat's
 * Pitch_pathFinder: strengths minus octave-jump and voiced/unvoiced transition costs); with `refine`,
 * each voiced lag is re-interpolated on the full-rate signal.
 */
export function choosePitchPath(
  cands: PitchCandidates,
  floorHz: number,
  ceilingHz: number,
  costs: PitchPathCosts = DEFAULT_PATH_COSTS,
  refine = true,
): PitchTrack {
  const n = cands.timesSec.length;
  const sig = cands.signal;
  const fs = sig.sampleRateHz;
  const K = MAX_CANDIDATES + 1;
  const lag = new Float64Array(n * K);
  const delta = new Float64Array(n * K);
  const nState = new Uint8Array(n);
  const vt = costs.voicingThreshold;
  const minLag = fs / ceilingHz;
  const maxLag = fs / floorHz;
  const intensity = frameIntensity(sig, cands.timesSec, floorHz, cands.voicing.peakScale);
  for (let f = 0; f < n; f++) {
    // Praat's unvoiced strength: the voicing threshold, raised in frames near the silence threshold.
    delta[f * K] = vt + Math.max(0, 2 - intensity[f] / (costs.silenceThreshold / (1 + vt)));
    let m = 1;
    for (let c = 0; c < cands.count[f]; c++) {
      const l = cands.lagSamples[f * MAX_CANDIDATES + c];
      if (l < minLag || l > maxLag) continue;
      lag[f * K + m] = l;
      delta[f * K + m] = 1 - cands.dissimilarity[f * MAX_CANDIDATES + c] - costs.octaveCost * Math.log2((ceilingHz * l) / fs);
      m++;
    }
    nState[f] = m;
  }
  const path = viterbi(lag, delta, nState, K, costs, timeStepCorrection(cands.hopSec));
  const f0 = new Float64Array(n);
  for (let f = 0; f < n; f++) {
    let l = path[f];
    if (l === 0) continue;
    if (refine) l = refineLag(sig.samples, cands.frameStart[f], cands.windowSamples, l);
    f0[f] = fs / l;
  }
  return { timesSec: cands.timesSec, f0Hz: f0, hopSec: cands.hopSec, floorHz, ceilingHz };
}

/** Lag (0 = unvoiced) of each frame on the best path. */
function viterbi(
  lag: Float64Array,
  delta: Float64Array,
  nState: Uint8Array,
  K: number,
  costs: PitchPathCosts,
  correction: number,
): Float64Array {
  const vuv = costs.voicedUnvoicedCost * correction;
  const jump = costs.octaveJumpCost * correction;
  const n = nState.length;
  const out = new Float64Array(n);
  if (n === 0) return out;
  const score = new Float64Array(n * K);
  const back = new Uint8Array(n * K);
  const log2Lag = new Float64Array(n * K);
  for (let i = 0; i < lag.length; i++) log2Lag[i] = lag[i] > 0 ? Math.log2(lag[i]) : 0;
  for (let s = 0; s < nState[0]; s++) score[s] = delta[s];
  for (let f = 1; f < n; f++) {
    const p = (f - 1) * K;
    const q = f * K;
    for (let s = 0; s < nState[f]; s++) {
      const voiced = s > 0;
      const ls = log2Lag[q + s];
      let best = -Infinity;
      let arg = 0;
      for (let r = 0; r < nState[f - 1]; r++) {
        let cost: number;
        if (r === 0) cost = voiced ? vuv : 0;
        else if (!voiced) cost = vuv;
        else cost = jump * Math.abs(ls - log2Lag[p + r]);
        const v = score[p + r] - cost;
        if (v > best) {
          best = v;
          arg = r;
        }
      }
      score[q + s] = best + delta[q + s];
      back[q + s] = arg;
    }
  }
  let arg = 0;
  const last = (n - 1) * K;
  for (let s = 1; s < nState[n - 1]; s++) if (score[last + s] > score[last + arg]) arg = s;
  for (let f = n - 1; f >= 0; f--) {
    out[f] = lag[f * K + arg];
    arg = back[f * K + arg];
  }
  return out;
}

/** F0 track of a mono signal (16 kHz, already high-passed) within [floorHz, ceilingHz]; 0 = unvoiced. */
export function pitchTrack(samples: Float32Array, sampleRateHz: number, options: PitchTrackOptions): PitchTrack {
  const costs = options.costs ?? DEFAULT_PATH_COSTS;
  const sig = preparePitchSignal(samples, sampleRateHz);
  const cands = analysePitchCandidates(sig, options.floorHz, options.ceilingHz, costs, PITCH_HOP_SEC, options.voicing);
  return choosePitchPath(cands, options.floorHz, options.ceilingHz, costs);
}
