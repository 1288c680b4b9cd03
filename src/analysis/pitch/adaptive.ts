/** Speaker-adaptive two-pass pitch, as the Praat reference (De Looze & Hirst style range). */
import { quantileSorted } from '../stats.ts';
import type { IntervalSec, PitchTrack } from '../types.ts';
import { analysePitchCandidates, choosePitchPath, DEFAULT_PATH_COSTS, type PitchPathCosts } from './track.ts';
import type { PitchCandidates, VoicingMeasure } from './candidates.ts';
import { preparePitchSignal, robustPeak, type PitchSignal } from './signal.ts';
import { voicedSpeechF0Hz } from './stats.ts';

/** First-pass floor (Praat reference script, step 5b: 50–700 Hz). */
export const FIRST_PASS_FLOOR_HZ = 50;
/** First-pass ceiling (Praat reference script, step 5b). */
export const FIRST_PASS_CEILING_HZ = 700;
/** Lowest adapted floor: floor = max(40, 0.75·q25) (Praat reference script). */
export const ADAPTED_MIN_FLOOR_HZ = 40;
/** Highest adapted ceiling: ceiling = min(1000, factor·q75) (Praat reference script). */
export const ADAPTED_MAX_CEILING_HZ = 1000;
/**
 * Adapted ceiling = this × q75 of the first pass. The Praat reference script (De Looze & Hirst) uses 1.5,
 * but phrase-initial accents of read speech reach 1.5–1.6 × q75 (Keele laryngograph, development set) and
 * a ceiling below the true F0 leaves only the half-F0 candidate: an octave error. More headroom lets the
 * path pick the double of F0 instead (1.75 did so on a fast Mandarin TTS fixture), hence only 1.6.
 */
export const ADAPTED_CEILING_Q75_FACTOR = 1.6;
/** First-pass hop: quartiles need no 10 ms resolution (Praat's own first pass steps 15 ms). */
export const FIRST_PASS_HOP_SEC = 0.02;

/**
 * The track's silence threshold is relative to this quantile of the 1 ms peak envelope over the speech
 * (Praat's is relative to the absolute peak, so one click or a loud plosive unvoices quiet voiced
 * speech; the segmentation's threshold is relative to a quantile too, q99 of intensity).
 */
export const SILENCE_REFERENCE_QUANTILE = 0.995;

/**
 * Voicing of the reported track: the normalised correlation as strength, the silence threshold
 * relative to the robust speech peak (see VoicingMeasure). The first pass keeps REFERENCE_VOICING.
 */
export function trackVoicing(sig: PitchSignal, speechIntervals: readonly IntervalSec[]): VoicingMeasure {
  return { strength: 'correlation', peakScale: robustPeak(sig, speechIntervals, SILENCE_REFERENCE_QUANTILE) };
}

/** Both passes of the adaptive method. */
export interface AdaptivePitchResult {
  /** Wide 50–700 Hz pass (20 ms hop, lags not refined). */
  firstPass: PitchTrack;
  /**
   * Its candidates: choosePitchPath on them gives any other track inside 50–700 Hz at no FFT cost,
   * e.g. the reference's lenient nuclei voicing (50–600 Hz, voicing threshold 0.25).
   */
  firstPassCandidates: PitchCandidates;
  /** Pass in the adapted range; null when the first pass had < 3 voiced speech frames. */
  track: PitchTrack | null;
  /** Adapted range; null when undefined. */
  floorHz: number | null;
  ceilingHz: number | null;
}

/** Two-pass speaker-adapted F0 track of a 16 kHz mono, high-passed signal over the given speech intervals. */
export function adaptivePitch(
  samples: Float32Array,
  sampleRateHz: number,
  speechIntervals: readonly IntervalSec[],
  costs: PitchPathCosts = DEFAULT_PATH_COSTS,
): AdaptivePitchResult {
  const sig = preparePitchSignal(samples, sampleRateHz);
  // The first pass only feeds two quartiles: a 20 ms hop and no full-rate refinement suffice.
  const wide = analysePitchCandidates(sig, FIRST_PASS_FLOOR_HZ, FIRST_PASS_CEILING_HZ, costs, FIRST_PASS_HOP_SEC);
  const firstPass = choosePitchPath(wide, FIRST_PASS_FLOOR_HZ, FIRST_PASS_CEILING_HZ, costs, false);
  const { f0Hz } = voicedSpeechF0Hz(firstPass, speechIntervals);
  if (f0Hz.length < 3) return { firstPass, firstPassCandidates: wide, track: null, floorHz: null, ceilingHz: null };
  const sorted = f0Hz.sort();
  const floorHz = Math.max(ADAPTED_MIN_FLOOR_HZ, 0.75 * quantileSorted(sorted, 0.25));
  const ceilingHz = Math.min(ADAPTED_MAX_CEILING_HZ, ADAPTED_CEILING_Q75_FACTOR * quantileSorted(sorted, 0.75));
  // Second pass: its own YIN window (a fixed number of floor periods, like Praat's) and lag range.
  const cands = analysePitchCandidates(sig, floorHz, ceilingHz, costs, undefined, trackVoicing(sig, speechIntervals));
  const track = choosePitchPath(cands, floorHz, ceilingHz, costs);
  return { firstPass, firstPassCandidates: wide, track, floorHz, ceilingHz };
}
