/**
 * Speech activity of one channel of a stereo call, robust to cross-talk bleed.
 *
 * Each channel is preprocessed like a take (16 kHz, 80 Hz high-pass), gets the 100 Hz intensity contour
 * (both as the chunks arrive: channel-front.ts) and the take's segmentation (segmentation.ts: threshold
 * q99 − 25 dB, no-speech guard; a side that speaks under 1 % of the call takes it from its loudest
 * frames instead: sparse-side.ts). Both channels have the same length, so their contours share frame times.
 *
 * Bleed: the other party heard on this channel sits a fixed coupling below them (−20 to −40 dB on call
 * recorders), whatever either side's level. The coupling of the call is measured: the median of
 * (own level − other level) over the frames where the other channel is above its threshold (most of
 * the other's speech is not talked over; a minority of overtalk does not move a median). It is capped
 * at MAX_COUPLING_DB: channels closer than that are not separated, and no frame is called bleed.
 *
 * Rule: frame f is this channel's speech when its level is above the channel's segmentation threshold
 * AND above other level + coupling + BLEED_HEADROOM_DB (more than the bleed alone can make). A raw
 * margin against the other level would fail when the two sides' gains differ: a quiet agent under a
 * loud customer is 16 dB below them in true overtalk. Then, as Praat's silences tier does: speech runs
 * shorter than MIN_SOUNDING_SEC are dropped and gaps shorter than MIN_PAUSE_SEC filled (the take's 0.10 s
 * and 0.25 s).
 */
import { quantile } from '../stats.ts';
import type { IntensityContour, IntervalSec, SampleReader, Segmentation } from '../types.ts';
import { dropShort, intervalsFromMask, mergeGaps } from './intervals.ts';
import { segmentCallChannel } from './sparse-side.ts';

/** Own speech must exceed the bleed the other channel predicts by this much, dB. */
export const BLEED_HEADROOM_DB = 6;
/** Highest coupling taken as bleed, dB: closer channels are not separated. */
export const MAX_COUPLING_DB = -10;
/** Shortest speech run kept, s (segmentation.ts minSoundingSec). */
export const MIN_SOUNDING_SEC = 0.1;
/** Gaps shorter than this are inside speech, s (segmentation.ts minPauseSec). */
export const MIN_PAUSE_SEC = 0.25;

/** One channel ready for the call analysis. */
export interface CallChannel {
  /** 16 kHz high-passed signal, read piecewise. */
  signal: SampleReader;
  contour: IntensityContour;
  seg: Segmentation;
}

/** What the bleed test reads of a channel: its contour and segmentation (not its signal). */
export type ChannelLevels = Pick<CallChannel, 'contour' | 'seg'>;

/** What the bleed test reads of the other channel: its frame levels and segmentation (sent across threads: no frame times). */
export interface BleedSource {
  contour: Pick<IntensityContour, 'levelDbfs'>;
  seg: Segmentation;
}

/** Segment one channel from its front end's contour and signal. */
export function segmentChannel(signal: SampleReader, contour: IntensityContour): CallChannel {
  return { signal, contour, seg: segmentCallChannel(signal, contour) };
}

/** Median of (own − other level) over the other channel's frames above its threshold, capped; null when it has none. */
export function bleedCouplingDb(own: BleedSource, other: BleedSource): number | null {
  const threshold = other.seg.thresholdDbfs;
  if (!other.seg.speechFound || threshold === null) return null;
  const a = own.contour.levelDbfs;
  const b = other.contour.levelDbfs;
  const d: number[] = [];
  for (let f = 0; f < Math.min(a.length, b.length); f++) if (b[f] > threshold) d.push(a[f] - b[f]);
  return d.length ? Math.min(MAX_COUPLING_DB, quantile(d, 0.5)) : null;
}

/** Speech intervals of `own`, with the frames that are `other`'s bleed taken out. */
export function channelActivity(own: ChannelLevels, other: BleedSource, durationSec: number): IntervalSec[] {
  const threshold = own.seg.thresholdDbfs;
  if (!own.seg.speechFound || threshold === null) return [];
  const a = own.contour.levelDbfs;
  const b = other.contour.levelDbfs;
  const coupling = bleedCouplingDb(own, other);
  const mask = new Array<boolean>(a.length);
  for (let f = 0; f < a.length; f++) {
    mask[f] = a[f] > threshold && !(coupling !== null && f < b.length && a[f] <= b[f] + coupling + BLEED_HEADROOM_DB);
  }
  const runs = intervalsFromMask(mask, own.contour.timesSec, own.contour.hopSec, durationSec);
  return mergeGaps(dropShort(runs, MIN_SOUNDING_SEC), MIN_PAUSE_SEC);
}
