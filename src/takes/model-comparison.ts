/**
 * A take compared with its drill's model take (a trainer's reading, analysed on this device): speaking-rate and
 * pitch-variety ratios and the distance of the two pitch contours. Pure: reads the two reports only.
 *
 * contourDistanceSt — how differently the agent's melody moves from the model's, in semitones:
 *  1. each report's F0 track (Hz, 10 ms grid) is cut to its speech span (report.speech.startSec → endSec) and
 *     expressed in semitones against its own median F0 over the voiced cells of that span (so a higher or lower
 *     voice is no difference: only the shape counts);
 *  2. both spans are scaled to 0 … 1 and sampled at the same MODEL_GRID_POINTS fractions (the nearest 10 ms cell;
 *     the same time normalisation as the review's compare-with-best, over the speech span);
 *  3. the distance is the median of |agent − model| over the fractions voiced in both (Praat's median: the mean
 *     of the two middle values for an even count); null when fewer than MIN_COMMON_POINTS fractions are voiced
 *     in both, or either report has no speech or no track.
 * Ratios are agent ÷ model (syllables per second; F0 SD in semitones); null when either is unknown or the model's
 * is 0. Rounded as stored: ratios to 3 decimals, the distance to 2.
 */
import type { AnalysisReport, TimeTrack } from '../analysis/report.ts';
import type { ModelComparison } from '../packs/types.ts';
import { medianOf, semitonesAbove } from './review-signal.ts';

/** Fractions of the speech span both contours are sampled at (0 … 1 in steps of 0.5 %, as the review's grid). */
export const MODEL_GRID_POINTS = 201;
/** Fewest fractions voiced in both contours for a distance (≈ 5 % of the grid): fewer say nothing about a melody. */
export const MIN_COMMON_POINTS = 10;

/** One take's contour on the common grid: semitones re its own median over its speech span, null unvoiced. */
export interface ModelGridContour {
  semitones: (number | null)[];
  medianHz: number;
}

const round = (x: number, digits: number): number => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};

function ratio(agent: number | null, model: number | null): number | null {
  if (agent === null || model === null || !Number.isFinite(agent) || !Number.isFinite(model) || model === 0) return null;
  return round(agent / model, 3);
}

function cellIndex(track: TimeTrack, timeSec: number): number {
  return Math.round((timeSec - track.startSec) / track.hopSec);
}

/** The report's contour over its speech span sampled at `points` fractions, or null without speech or a voiced track. */
export function speechSpanContour(report: AnalysisReport, points: number = MODEL_GRID_POINTS): ModelGridContour | null {
  const track = report.pitch.track;
  const { startSec, endSec } = report.speech;
  if (!report.speechFound || track === null || startSec === null || endSec === null || endSec <= startSec) return null;
  const first = Math.max(0, cellIndex(track, startSec));
  const last = Math.min(track.values.length - 1, cellIndex(track, endSec));
  const voiced: number[] = [];
  for (let i = first; i <= last; i++) {
    const hz = track.values[i];
    if (hz !== null && hz > 0) voiced.push(hz);
  }
  const medianHz = medianOf(voiced);
  if (medianHz === null) return null;
  const semitones = Array.from({ length: points }, (_, k) => {
    const i = cellIndex(track, startSec + (k / (points - 1)) * (endSec - startSec));
    const hz = i >= first && i <= last ? track.values[i] : null;
    return hz !== null && hz > 0 ? semitonesAbove(hz, medianHz) : null;
  });
  return { semitones, medianHz };
}

/** Median absolute difference of two grid contours over the points voiced in both (null below MIN_COMMON_POINTS). */
export function contourDistance(a: ModelGridContour, b: ModelGridContour): number | null {
  const diffs: number[] = [];
  a.semitones.forEach((x, i) => {
    const y = b.semitones[i];
    if (x !== null && y !== null && y !== undefined) diffs.push(Math.abs(x - y));
  });
  if (diffs.length < MIN_COMMON_POINTS) return null;
  const median = medianOf(diffs);
  return median === null ? null : round(median, 2);
}

/** The agent's take compared with the model take (see the file's comment for each number). */
export function compareWithModel(take: AnalysisReport, model: AnalysisReport): ModelComparison {
  const a = speechSpanContour(take);
  const b = speechSpanContour(model);
  return {
    rateRatio: ratio(take.rate.syllablesPerSec, model.rate.syllablesPerSec),
    pitchVarietyRatio: ratio(take.pitch.sdSt, model.pitch.sdSt),
    contourDistanceSt: a !== null && b !== null ? contourDistance(a, b) : null,
  };
}
