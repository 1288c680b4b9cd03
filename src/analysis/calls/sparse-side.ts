/**
 * A side that hardly speaks (under 1 % of the call: one word in a 3-minute call). The take's segmentation
 * sets its threshold 25 dB below the channel's 99th percentile of intensity, which on such a channel is
 * its background noise: the threshold falls deep in the noise and the whole channel counts as sounding
 * (or the steady noise trips the no-speech guard), and the word is lost either way.
 *
 * Told by two signs together: the channel's loudest SPARSE_TOP_SEC stand SPARSE_GAP_DB or more above its
 * 99th percentile (a few frames far above the bulk: the bulk is noise), and the 99th-percentile threshold
 * found no speech or called at least NOISE_SOUNDING_SHARE of the channel sounding (a threshold in speech
 * leaves the pauses out). Then the threshold is taken 25 dB below those loudest frames, and at least
 * ABOVE_NOISE_DB above the noise's 99th percentile, and the steady-noise guard is not applied (the gap
 * already shows more than steady noise); the speech-evidence guard still is. Any other channel is
 * segmented exactly as before.
 */
import { segmentReader } from '../segmentation.ts';
import { quantileSorted } from '../stats.ts';
import type { IntensityContour, SampleReader, Segmentation } from '../types.ts';

/** The loudest stretch a sparse side is judged by, s (at least a short word). */
export const SPARSE_TOP_SEC = 0.2;
/** Its level above the channel's 99th percentile that marks the 99th percentile as noise, dB. */
export const SPARSE_GAP_DB = 20;
/** A threshold that calls this share of the channel sounding sits in the noise. */
export const NOISE_SOUNDING_SHARE = 0.9;
/** A sparse side's threshold is at least this far above its noise's 99th percentile, dB. */
export const ABOVE_NOISE_DB = 3;
/** The take's threshold below the reference level, dB (segmentation.ts belowQ99Db). */
const BELOW_REFERENCE_DB = 25;

/** The channel's segmentation, with a sparse side's threshold taken from its loudest frames. */
export function segmentCallChannel(signal: SampleReader, contour: IntensityContour): Segmentation {
  const seg = segmentReader(signal, {}, contour);
  const levels = contour.levelDbfs;
  const top = Math.round(SPARSE_TOP_SEC / contour.hopSec);
  if (levels.length < 2 * top) return seg;
  const sorted = Float64Array.from(levels).sort();
  const q99 = quantileSorted(sorted, 0.99);
  const loudest = sorted[sorted.length - top];
  if (loudest - q99 < SPARSE_GAP_DB) return seg;
  const soundingSec = seg.sounding.reduce((sum, s) => sum + s.endSec - s.startSec, 0);
  if (seg.speechFound && soundingSec < NOISE_SOUNDING_SHARE * levels.length * contour.hopSec) return seg;
  const thresholdDbfs = Math.max(loudest - BELOW_REFERENCE_DB, q99 + ABOVE_NOISE_DB);
  return segmentReader(signal, { belowQ99Db: q99 - thresholdDbfs, minDynamicRangeDb: -Infinity }, contour);
}
