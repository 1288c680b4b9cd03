/**
 * The three prominence cues of a word against its neighbours (GUIDELINES.md, Emphasis: "F0 peak,
 * level, duration"): pitch gain, level gain and duration ratio, over the sounding parts of each.
 */
import { quantile, semitones } from './stats.ts';
import type { IntervalSec, PitchTrack } from './types.ts';

/** Signals a cue is measured on. */
export interface CueSignals {
  /** The 16 kHz high-passed signal. */
  samples: Float32Array;
  sampleRateHz: number;
  /** The adaptive F0 track (0 = unvoiced), or null without one. */
  track: PitchTrack | null;
}

/** Where a stretch of speech sounds, and how many script syllables it holds. */
export interface SyllableStretch {
  /** Sounding intervals (silences already cut out). */
  intervals: IntervalSec[];
  syllables: number;
}

/** The cues of one word; null when a cue cannot be measured. */
export interface WordCues {
  /** F0 p90 of the word's voiced frames − median F0 of the neighbours' voiced frames, semitones. */
  pitchGainSt: number | null;
  /** RMS level of the word's sounding samples − the neighbours', dB. */
  levelGainDb: number | null;
  /** Word's sounding time per syllable ÷ the neighbours'. */
  durationRatio: number | null;
  /** The word has voiced frames (else nothing about it is measured). */
  wordVoiced: boolean;
}

/** Fewest voiced frames for an F0 statistic (as PitchResult.medianHzIn). */
export const MIN_VOICED_FRAMES = 3;
/** The word's F0 peak: the 90th percentile, robust to a stray octave error (the brief's "F0 peak (p90)"). */
const PEAK_QUANTILE = 0.9;

/** Total duration of intervals, s. */
export function totalSec(intervals: readonly IntervalSec[]): number {
  return intervals.reduce((s, iv) => s + iv.endSec - iv.startSec, 0);
}

// First index of ascending times at or after t.
function lowerBound(times: ArrayLike<number>, t: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (times[mid] < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Voiced F0 values (Hz) of the track frames inside the intervals (start inclusive, end exclusive). */
export function voicedHzIn(track: PitchTrack | null, intervals: readonly IntervalSec[]): number[] {
  if (!track) return [];
  const out: number[] = [];
  for (const iv of intervals) {
    for (let i = lowerBound(track.timesSec, iv.startSec); i < track.timesSec.length && track.timesSec[i] < iv.endSec; i++) {
      if (track.f0Hz[i] > 0) out.push(track.f0Hz[i]);
    }
  }
  return out;
}

/** Mean square of the samples inside the intervals; null when they hold no samples. */
export function meanSquareIn(samples: Float32Array, sampleRateHz: number, intervals: readonly IntervalSec[]): number | null {
  let sum = 0;
  let n = 0;
  for (const iv of intervals) {
    const from = Math.max(0, Math.round(iv.startSec * sampleRateHz));
    const to = Math.min(samples.length, Math.round(iv.endSec * sampleRateHz));
    for (let i = from; i < to; i++) sum += samples[i] * samples[i];
    n += Math.max(0, to - from);
  }
  return n > 0 ? sum / n : null;
}

/**
 * The cues of `word` against `neighbours`. `durationKnown` false (both timed by the same
 * proportional split, so their ratio is 1 by construction) leaves the duration ratio null.
 */
export function measureCues(signals: CueSignals, word: SyllableStretch, neighbours: SyllableStretch, durationKnown: boolean): WordCues {
  const wordHz = voicedHzIn(signals.track, word.intervals);
  const wordVoiced = wordHz.length >= MIN_VOICED_FRAMES;
  const none: WordCues = { pitchGainSt: null, levelGainDb: null, durationRatio: null, wordVoiced };
  if (!wordVoiced || neighbours.syllables === 0 || neighbours.intervals.length === 0) return none;
  const neighbourHz = voicedHzIn(signals.track, neighbours.intervals);
  const pitchGainSt = neighbourHz.length >= MIN_VOICED_FRAMES
    ? semitones(quantile(wordHz, PEAK_QUANTILE) / quantile(neighbourHz, 0.5))
    : null;
  const wordPower = meanSquareIn(signals.samples, signals.sampleRateHz, word.intervals);
  const neighbourPower = meanSquareIn(signals.samples, signals.sampleRateHz, neighbours.intervals);
  const levelGainDb = wordPower !== null && neighbourPower !== null && wordPower > 0 && neighbourPower > 0
    ? 10 * Math.log10(wordPower / neighbourPower)
    : null;
  const neighbourPerSyllable = totalSec(neighbours.intervals) / neighbours.syllables;
  const durationRatio = durationKnown && word.syllables > 0 && neighbourPerSyllable > 0
    ? totalSec(word.intervals) / word.syllables / neighbourPerSyllable
    : null;
  return { pitchGainSt, levelGainDb, durationRatio, wordVoiced };
}
