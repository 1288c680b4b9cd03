/** Public surface of the pitch (F0) analysis. */
export {
  YinEngine,
  yinFrameHz,
  yinPickLag,
  parabolicOffset,
  differenceAt,
  refineLag,
  YIN_DEFAULT_THRESHOLD,
  type YinFrameOptions,
} from './yin.ts';
export { preparePitchSignal, decimateBy2, robustPeak, type PitchSignal } from './signal.ts';
export { PITCH_HOP_SEC, REFERENCE_VOICING, yinWindowSec, type PitchCandidates, type VoicingMeasure } from './candidates.ts';
export {
  pitchTrack,
  analysePitchCandidates,
  choosePitchPath,
  quietFrameRatio,
  DEFAULT_PATH_COSTS,
  type PitchPathCosts,
  type PitchTrackOptions,
} from './track.ts';
export {
  adaptivePitch,
  FIRST_PASS_FLOOR_HZ,
  FIRST_PASS_CEILING_HZ,
  FIRST_PASS_HOP_SEC,
  ADAPTED_CEILING_Q75_FACTOR,
  SILENCE_REFERENCE_QUANTILE,
  trackVoicing,
  type AdaptivePitchResult,
} from './adaptive.ts';
export { pitchStats, voicedSpeechF0Hz } from './stats.ts';
