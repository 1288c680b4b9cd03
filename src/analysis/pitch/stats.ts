/** Pitch statistics over voiced speech frames, computed as the Praat reference script does. */
import { quantileSorted, semitones, standardDeviation } from '../stats.ts';
import type { IntervalSec, PitchStats, PitchTrack } from '../types.ts';

/** Fewest voiced speech frames for which statistics are defined (Praat reference: ≥ 3). */
const MIN_VOICED_FRAMES = 3;

const EMPTY: PitchStats = { medianHz: null, p5Hz: null, p95Hz: null, rangeSt: null, sdSt: null, voicedFraction: null };

/** Voiced F0 values (Hz) of frames whose centre lies inside one of the intervals, in time order. */
export function voicedSpeechF0Hz(track: PitchTrack, intervals: readonly IntervalSec[]): { f0Hz: Float64Array; speechFrames: number } {
  const sorted = [...intervals].sort((a, b) => a.startSec - b.startSec);
  const values: number[] = [];
  let speechFrames = 0;
  let k = 0;
  for (let f = 0; f < track.timesSec.length; f++) {
    const t = track.timesSec[f];
    while (k < sorted.length && t > sorted[k].endSec) k++;
    if (k >= sorted.length) break;
    if (t < sorted[k].startSec) continue;
    speechFrames++;
    if (track.f0Hz[f] > 0) values.push(track.f0Hz[f]);
  }
  return { f0Hz: Float64Array.from(values), speechFrames };
}

/** Median, p5, p95 (Hz), range and SD (semitones) and voiced fraction over voiced speech frames. */
export function pitchStats(track: PitchTrack, soundingIntervals: readonly IntervalSec[]): PitchStats {
  const { f0Hz, speechFrames } = voicedSpeechF0Hz(track, soundingIntervals);
  if (speechFrames === 0) return { ...EMPTY };
  const voicedFraction = f0Hz.length / speechFrames;
  if (f0Hz.length < MIN_VOICED_FRAMES) return { ...EMPTY, voicedFraction };
  const sorted = Float64Array.from(f0Hz).sort();
  const p5Hz = quantileSorted(sorted, 0.05);
  const p95Hz = quantileSorted(sorted, 0.95);
  // Semitones re 100 Hz, as the reference script's "st" column.
  const st = f0Hz.map((hz) => semitones(hz / 100));
  return {
    medianHz: quantileSorted(sorted, 0.5),
    p5Hz,
    p95Hz,
    rangeSt: semitones(p95Hz / p5Hz),
    sdSt: standardDeviation(st),
    voicedFraction,
  };
}
