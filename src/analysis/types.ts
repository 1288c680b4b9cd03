/** Shared types of the analysis core. Every stored or printed number carries its unit in its name. */

/** Internal analysis rate: every signal is resampled to this before framing. */
export const ANALYSIS_RATE_HZ = 16000;

/** A mono signal with its sample rate. */
export interface MonoSignal {
  samples: Float32Array;
  sampleRateHz: number;
}

/** A mono signal read piecewise (a long call kept compactly), for analyses that look at a few windows of it. */
export interface SampleReader {
  sampleRateHz: number;
  /** Samples in the signal. */
  length: number;
  /** Samples [from, to), 0 ≤ from ≤ to ≤ length; the result may be a view, valid until the next read. */
  read(from: number, to: number): Float32Array;
}

/** A reader over a signal held whole (views, no copies). */
export function readerOf(signal: MonoSignal): SampleReader {
  return { sampleRateHz: signal.sampleRateHz, length: signal.samples.length, read: (from, to) => signal.samples.subarray(from, to) };
}

/** A time interval in seconds from the start of the file. */
export interface IntervalSec {
  startSec: number;
  endSec: number;
}

/** Frame-wise intensity contour (Praat-style, dB re full scale). */
export interface IntensityContour {
  /** Time of each frame centre. */
  timesSec: Float64Array;
  /** Mean-power level of each frame in dBFS (a full-scale sine is −3.01 dBFS). */
  levelDbfs: Float64Array;
  hopSec: number;
}

/** Frame-wise F0 track; 0 means unvoiced. */
export interface PitchTrack {
  timesSec: Float64Array;
  f0Hz: Float64Array;
  hopSec: number;
  floorHz: number;
  ceilingHz: number;
}

/** Result of speech/pause segmentation. */
export interface Segmentation {
  speechFound: boolean;
  /** Why no speech was found (null when speech was found). */
  noSpeechReason: NoSpeechReason | null;
  startSec: number | null;
  endSec: number | null;
  /** Sounding intervals clipped to [startSec, endSec]. */
  sounding: IntervalSec[];
  /** Silent intervals ≥ minimum pause inside the speech. */
  pauses: IntervalSec[];
  /** Threshold used, dBFS. */
  thresholdDbfs: number | null;
}

/** Why the no-speech guard fired. */
export type NoSpeechReason = 'silent' | 'steady' | 'tonal' | 'unvoiced' | 'too-short';

/** Level measures. */
export interface LoudnessMeasures {
  activeLevelDbfs: number | null;
  peakDbfs: number | null;
  clippedFraction: number;
  noiseFloorDbfs: number | null;
  snrDb: number | null;
}

/** Pitch statistics over voiced speech frames. */
export interface PitchStats {
  medianHz: number | null;
  p5Hz: number | null;
  p95Hz: number | null;
  rangeSt: number | null;
  sdSt: number | null;
  voicedFraction: number | null;
}

export type { GuidelineId, Lang, VerdictStatus } from '../guidelines/ids.ts';
