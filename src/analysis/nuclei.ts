/** Syllable nuclei after de Jong & Wempe (2009), exactly as the fixtures' Praat script counts them. */
import { quantile } from './stats.ts';
import type { IntensityContour, IntervalSec } from './types.ts';

/** Frame-wise voicing: any F0 track with ascending times (0 or NaN = unvoiced); a PitchTrack fits. */
export interface VoicingTrack {
  timesSec: ArrayLike<number>;
  f0Hz: ArrayLike<number>;
}

/** Nuclei parameters; defaults from the fixtures' reference.sh (SIL_BELOW_Q99=25, MIN_DIP=2). */
export interface NucleiOptions {
  /** Peaks must exceed q99 of the contour minus this, dB. */
  belowQ99Db?: number;
  /** Minimum intensity dip between two kept peaks, seen from both, dB. */
  minDipDb?: number;
}

/** Syllable nuclei found in the speech span. */
export interface SyllableNuclei {
  count: number;
  /** Time of each kept peak. */
  timesSec: number[];
  /** Voiced peaks above the threshold, before the dip test. */
  candidateCount: number;
  thresholdDbfs: number | null;
}

/**
 * Count syllable nuclei: voiced local maxima of a 50 Hz-minimum-pitch intensity contour
 * (intensityContour(x, rate, NUCLEI_MIN_PITCH_HZ)) above q99 − 25 dB inside the speech span, merged
 * unless the dip to the previously kept peak is ≥ 2 dB on both sides (then the louder is kept).
 * Voicing should come from a lenient 50–600 Hz track with voicing threshold 0.25, as in the script.
 */
export function syllableNuclei(
  intensity: IntensityContour,
  voicing: VoicingTrack,
  span: IntervalSec | null,
  options: NucleiOptions = {},
): SyllableNuclei {
  const belowQ99Db = options.belowQ99Db ?? 25;
  const minDipDb = options.minDipDb ?? 2;
  const v = intensity.levelDbfs;
  const t = intensity.timesSec;
  if (!span || v.length < 3) return { count: 0, timesSec: [], candidateCount: 0, thresholdDbfs: null };
  const thresholdDbfs = quantile(v, 0.99) - belowQ99Db;
  const tolSec = intensity.hopSec / 2; // the span is cut at 100 Hz frames, the peaks sit on 50 Hz frames
  const candidates: number[] = [];
  for (let f = 1; f < v.length - 1; f++) {
    if (t[f] < span.startSec - tolSec || t[f] > span.endSec + tolSec) continue;
    if (v[f] > thresholdDbfs && v[f] > v[f - 1] && v[f] >= v[f + 1] && isVoicedAt(voicing, t[f])) candidates.push(f);
  }
  const kept = keepPeaksApartByDips(v, candidates, minDipDb);
  return { count: kept.length, timesSec: kept.map((f) => t[f]), candidateCount: candidates.length, thresholdDbfs };
}

/** Whether the track frame nearest to timeSec is voiced (Praat's Pitch "Get value at time": nearest frame decides). */
export function isVoicedAt(track: VoicingTrack, timeSec: number): boolean {
  const times = track.timesSec;
  const n = times.length;
  if (n === 0) return false;
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (times[mid] <= timeSec) lo = mid;
    else hi = mid;
  }
  const i = Math.abs(times[hi] - timeSec) < Math.abs(timeSec - times[lo]) ? hi : lo;
  const halfStepSec = n > 1 ? Math.abs(times[1] - times[0]) / 2 : Infinity;
  if (Math.abs(times[i] - timeSec) > halfStepSec + 1e-9) return false;
  const f0 = track.f0Hz[i];
  return f0 > 0;
}

/**
 * De Jong & Wempe's peak rule, shared by both nuclei counters: of the candidate frames (local maxima, in
 * time order), keep one when the curve dips at least `minDipDb` below both it and the last kept peak
 * between them; otherwise the higher of the two stands for both.
 */
export function keepPeaksApartByDips(v: ArrayLike<number>, candidates: readonly number[], minDipDb: number): number[] {
  const kept: number[] = [];
  for (const c of candidates) {
    const k = kept.length - 1;
    if (k < 0) {
      kept.push(c);
      continue;
    }
    let dip = Infinity;
    for (let f = kept[k]; f <= c; f++) dip = Math.min(dip, v[f]);
    if (v[kept[k]] - dip >= minDipDb && v[c] - dip >= minDipDb) kept.push(c);
    else if (v[c] > v[kept[k]]) kept[k] = c;
  }
  return kept;
}
