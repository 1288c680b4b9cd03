/**
 * Two takes side by side: each take's pitch contour is aligned in time by scaling its script span
 * (first heard part → last heard part) or, failing that, its speech span to the same length, so the
 * same words line up however fast each take was read. Pure.
 */
import type { AnalysisReport } from '../../takes/index.ts';
import type { TimeRange } from './review-model.ts';
import { contourAt, type PitchContour } from '../../takes/index.ts';

/** What is scaled to a common length. */
export type AlignMode = 'script' | 'speech';

/** A take's aligned span. */
export interface AlignSpan extends TimeRange {
  mode: AlignMode;
}

/** Points of the common time grid (0 … 100 % in steps of 0.5 %). */
export const ALIGN_POINTS = 201;

/** The script span (first found part's start → last found part's end), or null when no part was heard. */
export function scriptSpan(report: AnalysisReport): TimeRange | null {
  const found = report.parts.filter((p) => p.found && p.startSec !== null && p.endSec !== null);
  if (found.length === 0) return null;
  const startSec = Math.min(...found.map((p) => p.startSec as number));
  const endSec = Math.max(...found.map((p) => p.endSec as number));
  return endSec > startSec ? { startSec, endSec } : null;
}

/** The speech span (first → last speech), or null when no speech was found. */
export function speechSpan(report: AnalysisReport): TimeRange | null {
  const { startSec, endSec } = report.speech;
  return report.speechFound && startSec !== null && endSec !== null && endSec > startSec ? { startSec, endSec } : null;
}

/** The mode both takes can be aligned by: the script span when both have one, else the speech span. */
export function commonAlignMode(a: AnalysisReport, b: AnalysisReport): AlignMode {
  return scriptSpan(a) !== null && scriptSpan(b) !== null ? 'script' : 'speech';
}

/** A take's span in the given mode, or null when it has none. */
export function alignSpan(report: AnalysisReport, mode: AlignMode): AlignSpan | null {
  const span = mode === 'script' ? scriptSpan(report) : speechSpan(report);
  return span === null ? null : { ...span, mode };
}

/** The take time at a fraction (0…1) of its span. */
export function timeAtFraction(span: TimeRange, fraction: number): number {
  return span.startSec + fraction * (span.endSec - span.startSec);
}

/** The fraction (0…1, unclamped) of its span at a take time. */
export function fractionAtTime(span: TimeRange, timeSec: number): number {
  return (timeSec - span.startSec) / (span.endSec - span.startSec);
}

/** One take's contour on the common grid. */
export interface AlignedTake {
  span: AlignSpan;
  /** Semitones at each grid point (null where unvoiced or outside the track). */
  semitones: (number | null)[];
}

/** The two aligned contours, on one grid. */
export interface AlignedComparison {
  mode: AlignMode;
  /** Grid positions, percent of the span (0 … 100). */
  percent: number[];
  current: AlignedTake;
  other: AlignedTake;
}

function sample(contour: PitchContour, span: AlignSpan, percent: readonly number[]): AlignedTake {
  return { span, semitones: percent.map((p) => contourAt(contour, timeAtFraction(span, p / 100))) };
}

/** Align two takes' contours; null when either take has no span to align by. */
export function alignContours(
  current: { report: AnalysisReport; contour: PitchContour },
  other: { report: AnalysisReport; contour: PitchContour },
  points: number = ALIGN_POINTS,
): AlignedComparison | null {
  const mode = commonAlignMode(current.report, other.report);
  const a = alignSpan(current.report, mode);
  const b = alignSpan(other.report, mode);
  if (a === null || b === null) return null;
  const percent = Array.from({ length: points }, (_, i) => (100 * i) / (points - 1));
  return { mode, percent, current: sample(current.contour, a, percent), other: sample(other.contour, b, percent) };
}

/** uPlot data of a comparison: [percent, current, other]. */
export function comparisonData(c: AlignedComparison): [number[], (number | null)[], (number | null)[]] {
  return [c.percent, c.current.semitones, c.other.semitones];
}

/** One take's line in the comparison legend. */
export interface LegendEntry {
  series: 'current' | 'other';
  label: string;
  /** Semitones at the cursor (null: unvoiced there, or no cursor). */
  valueSt: number | null;
  /** The take's pitch range (5th–95th percentile, st) from its report, shown when there is no cursor. */
  rangeSt: number | null;
}

/** The legend's content: both takes' values at grid point `idx` (the chart's cursor), or their ranges without one. */
export interface ComparisonLegend {
  /** Cursor position, percent of the span; null without a cursor. */
  percent: number | null;
  entries: [LegendEntry, LegendEntry];
}

/** The comparison legend at the chart's cursor index (null or out of range: no cursor). */
export function comparisonLegend(
  c: AlignedComparison,
  reports: { current: AnalysisReport; other: AnalysisReport },
  labels: { current: string; other: string },
  idx: number | null,
): ComparisonLegend {
  const at = idx !== null && idx >= 0 && idx < c.percent.length ? idx : null;
  const entry = (series: 'current' | 'other'): LegendEntry => ({
    series,
    label: labels[series],
    valueSt: at === null ? null : c[series].semitones[at],
    rangeSt: reports[series].pitch.rangeSt,
  });
  return { percent: at === null ? null : c.percent[at], entries: [entry('current'), entry('other')] };
}

/** Semitones as the legend prints them: signed, one decimal ("+1.5", "−0.3", "0.0"). */
export function formatSt(st: number): string {
  const r = Math.round(st * 10) / 10;
  return r > 0 ? `+${r.toFixed(1)}` : r < 0 ? `−${Math.abs(r).toFixed(1)}` : '0.0';
}
