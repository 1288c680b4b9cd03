/**
 * The pace of both speakers over time, pure: one point per measured turn (its middle, its syllables/s),
 * joined into a line per speaker, and the lines' pixels in the timeline's view.
 */
import type { CallTurn, Speaker } from './call-types.ts';
import { timeToX, type TimelineView } from './timeline-model.ts';

/** One point of a pace line. */
export interface PacePoint {
  timeSec: number;
  syllablesPerSec: number;
  turnIndex: number;
}

/** Each speaker's pace line, in time order, and the top of the scale. */
export interface PaceLines {
  agent: PacePoint[];
  customer: PacePoint[];
  /** A round top for the y axis, syllables/s (at least 6). */
  maxSyllablesPerSec: number;
}

/** The pace lines of a call's turns (turns without a measured rate are left out). */
export function paceLines(turns: readonly CallTurn[]): PaceLines {
  const out: PaceLines = { agent: [], customer: [], maxSyllablesPerSec: 6 };
  turns.forEach((t, turnIndex) => {
    if (t.syllablesPerSec === null || !Number.isFinite(t.syllablesPerSec)) return;
    out[t.speaker].push({ timeSec: (t.startSec + t.endSec) / 2, syllablesPerSec: t.syllablesPerSec, turnIndex });
    out.maxSyllablesPerSec = Math.max(out.maxSyllablesPerSec, Math.ceil(t.syllablesPerSec));
  });
  for (const s of ['agent', 'customer'] as const) out[s].sort((a, b) => a.timeSec - b.timeSec);
  return out;
}

/**
 * A line's pixels in view: the points inside it plus one each side (so the line runs to the edges),
 * y from the top of a `heightPx` tall plot with 0 at the bottom.
 */
export function paceLinePixels(points: readonly PacePoint[], view: TimelineView, widthPx: number, heightPx: number, maxSyllablesPerSec: number): { x: number; y: number }[] {
  const end = view.startSec + view.spanSec;
  let first = points.findIndex((p) => p.timeSec >= view.startSec);
  if (first < 0) first = points.length;
  let last = first;
  while (last < points.length && points[last].timeSec <= end) last++;
  const from = Math.max(0, first - 1);
  const to = Math.min(points.length, last + 1);
  const out: { x: number; y: number }[] = [];
  for (let i = from; i < to; i++) {
    const p = points[i];
    out.push({ x: timeToX(p.timeSec, view, widthPx), y: heightPx * (1 - Math.min(1, p.syllablesPerSec / maxSyllablesPerSec)) });
  }
  return out;
}

/** The speaker whose line is drawn first (under the other). */
export const PACE_DRAW_ORDER: readonly Speaker[] = ['customer', 'agent'];
