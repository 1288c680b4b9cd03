/**
 * Speech activity of one channel of a stereo call, robust to cross-talk bleed.
 *
 * Each channel is preprocessed like a take (16 kHz, 80 Hz high-pass), gets the 100 Hz intensity contour
 * and the take's segmentation (segmentation.ts: threshold q99 − 25 dB, no-speech guard). Both channels
 * have the same length, so their contours share frame times.
 *
 * Rule: frame f is this channel's speech when its level is above the channel's segmentation threshold
 * AND it is not more than BLEED_MARGIN_DB below the other channel's level at f. The other party heard
 * on this channel (bleed, echo of the line) sits 20–40 dB below them, so it fails the second test; two
 * people really talking at once on their own microphones differ by far less. Then, as Praat's silences
 * tier does: speech runs shorter than MIN_SOUNDING_SEC are dropped and gaps shorter than MIN_PAUSE_SEC
 * filled (the take's 0.10 s and 0.25 s).
 */
import { highpass } from '../dsp/highpass.ts';
import { resampleTo } from '../dsp/resample.ts';
import { intensityContour, SEGMENTATION_MIN_PITCH_HZ } from '../intensity.ts';
import { segmentSpeech } from '../segmentation.ts';
import { ANALYSIS_RATE_HZ, type IntensityContour, type IntervalSec, type Segmentation } from '../types.ts';
import { dropShort, intervalsFromMask, mergeGaps } from './intervals.ts';

/** A frame more than this below the other channel is the other party's bleed, dB. */
export const BLEED_MARGIN_DB = 12;
/** Shortest speech run kept, s (segmentation.ts minSoundingSec). */
export const MIN_SOUNDING_SEC = 0.1;
/** Gaps shorter than this are inside speech, s (segmentation.ts minPauseSec). */
export const MIN_PAUSE_SEC = 0.25;

/** One channel ready for the call analysis. */
export interface CallChannel {
  /** 16 kHz high-passed signal. */
  hp: Float32Array;
  contour: IntensityContour;
  seg: Segmentation;
}

/** Preprocess and segment one channel. */
export function prepareChannel(samples: Float32Array, sampleRateHz: number): CallChannel {
  const hp = highpass(resampleTo(samples, sampleRateHz, ANALYSIS_RATE_HZ), ANALYSIS_RATE_HZ);
  const contour = intensityContour(hp, ANALYSIS_RATE_HZ, SEGMENTATION_MIN_PITCH_HZ);
  const seg = segmentSpeech({ samples: hp, sampleRateHz: ANALYSIS_RATE_HZ }, {}, contour);
  return { hp, contour, seg };
}

/** Speech intervals of `own`, with the frames that are `other`'s bleed taken out. */
export function channelActivity(own: CallChannel, other: CallChannel, durationSec: number): IntervalSec[] {
  const threshold = own.seg.thresholdDbfs;
  if (!own.seg.speechFound || threshold === null) return [];
  const a = own.contour.levelDbfs;
  const b = other.contour.levelDbfs;
  const mask = new Array<boolean>(a.length);
  for (let f = 0; f < a.length; f++) mask[f] = a[f] > threshold && !(f < b.length && a[f] < b[f] - BLEED_MARGIN_DB);
  const runs = intervalsFromMask(mask, own.contour.timesSec, own.contour.hopSec, durationSec);
  return mergeGaps(dropShort(runs, MIN_SOUNDING_SEC), MIN_PAUSE_SEC);
}
