/** The pitch part of a report: adaptive two-pass track, its statistics and a lenient voicing track for nuclei. */
import { adaptivePitch, choosePitchPath, DEFAULT_PATH_COSTS, pitchStats } from './pitch/index.ts';
import type { IntervalSec, PitchStats, PitchTrack } from './types.ts';
import { ANALYSIS_RATE_HZ } from './types.ts';
import { quantile } from './stats.ts';

/** Pitch results the report needs. */
export interface PitchResult {
  track: PitchTrack | null;
  stats: PitchStats;
  floorHz: number | null;
  ceilingHz: number | null;
  /** Voicing for syllable nuclei: 50–600 Hz with voicing threshold 0.25 (the Praat reference's nuclei pass). */
  lenientVoicing: PitchTrack;
  /** Median F0 of voiced frames inside an interval, or null. */
  medianHzIn(interval: IntervalSec): number | null;
}

const EMPTY_STATS: PitchStats = { medianHz: null, p5Hz: null, p95Hz: null, rangeSt: null, sdSt: null, voicedFraction: null };

// Index of the first element ≥ t in ascending `sorted` (its length when none).
function firstAtOrAfter(sorted: ArrayLike<number>, t: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Run the pitch analyses on the 16 kHz high-passed signal over the speech intervals. */
export function analysePitch(hp16k: Float32Array, sounding: readonly IntervalSec[]): PitchResult {
  const adaptive = adaptivePitch(hp16k, ANALYSIS_RATE_HZ, sounding);
  const track = adaptive.track;
  // Re-run only the path over the first pass's stored candidates: a third candidate analysis would
  // cost more than both adaptive passes together.
  const lenientVoicing = choosePitchPath(adaptive.firstPassCandidates, 50, 600, { ...DEFAULT_PATH_COSTS, voicingThreshold: 0.25 }, false);
  return {
    track,
    stats: track ? pitchStats(track, sounding) : EMPTY_STATS,
    floorHz: adaptive.floorHz,
    ceilingHz: adaptive.ceilingHz,
    lenientVoicing,
    medianHzIn(interval) {
      if (!track) return null;
      const times = track.timesSec;
      const values: number[] = [];
      // Frame times are sorted: start at the interval instead of scanning the whole track per phrase.
      for (let i = firstAtOrAfter(times, interval.startSec); i < times.length && times[i] <= interval.endSec; i++) {
        if (track.f0Hz[i] > 0) values.push(track.f0Hz[i]);
      }
      return values.length >= 3 ? quantile(values, 0.5) : null;
    },
  };
}
