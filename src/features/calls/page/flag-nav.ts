/** Moving between flagged moments ([ and ], the jump list): pure. */
import type { CallFinding } from './call-types.ts';

/** A flag counts as "here" within this much of the playhead, s (so ] from a flag's start goes to the next one). */
export const AT_FLAG_TOLERANCE_SEC = 0.25;
/** Playback starts this long before a flag so its beginning is heard, s. */
export const FLAG_LEAD_IN_SEC = 1;

/** The findings in time order (start, then end), each with its index in the report. */
export function flagsInOrder(findings: readonly CallFinding[]): (CallFinding & { index: number })[] {
  return findings.map((f, index) => ({ ...f, index })).sort((a, b) => a.startSec - b.startSec || a.endSec - b.endSec || a.index - b.index);
}

/** Position (in `ordered`) of the next flag starting after `timeSec`, or null at the last. */
export function nextFlag(ordered: readonly { startSec: number }[], timeSec: number): number | null {
  const i = ordered.findIndex((f) => f.startSec > timeSec + AT_FLAG_TOLERANCE_SEC);
  return i < 0 ? null : i;
}

/** Position (in `ordered`) of the previous flag starting before `timeSec`, or null before the first. */
export function previousFlag(ordered: readonly { startSec: number }[], timeSec: number): number | null {
  for (let i = ordered.length - 1; i >= 0; i--) if (ordered[i].startSec < timeSec - AT_FLAG_TOLERANCE_SEC) return i;
  return null;
}

/** Where playback of a flag starts: a lead-in before it, not before 0. */
export function flagPlayFromSec(flag: { startSec: number }): number {
  return Math.max(0, flag.startSec - FLAG_LEAD_IN_SEC);
}
