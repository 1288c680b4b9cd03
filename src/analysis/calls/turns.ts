/** Turns of each side and the talk share. */
import type { IntervalSec } from '../types.ts';
import { gaps, intersect, totalSec, union } from './intervals.ts';
import type { Speaker, TalkShare } from './report.ts';

/**
 * A speaker's gaps shorter than this stay inside their turn whatever the other side does, s: longer
 * than a within-phrase pause (0.25 s) and the typical 0.2 s turn gap, so a backchannel ("嗯") from the
 * other side does not end the turn.
 */
export const TURN_MERGE_GAP_SEC = 0.4;
/**
 * A speaker holding the floor: gaps shorter than this, with the other side silent throughout, stay
 * inside the turn, s. GUIDELINES.md's longest acceptable pause (1.2 s) is above a sentence break
 * (~0.6 s); a turn ends at a longer silence or when the other side speaks.
 */
export const HOLD_FLOOR_GAP_SEC = 1.2;

/** A turn before its rate is measured. */
export interface RawTurn extends IntervalSec {
  speaker: Speaker;
  speechSec: number;
}

/** One side's turns from its speech intervals and the other side's speech. */
export function sideTurns(speaker: Speaker, speech: readonly IntervalSec[], other: readonly IntervalSec[]): RawTurn[] {
  const out: RawTurn[] = [];
  let o = 0; // the first interval of `other` ending after the current gap's start (gaps only move forward)
  // True when no interval of `other` overlaps (fromSec, toSec): `other` is sorted and disjoint, so only
  // its first interval ending after fromSec can.
  const silentBetween = (fromSec: number, toSec: number): boolean => {
    while (o < other.length && other[o].endSec <= fromSec) o++;
    return !(o < other.length && other[o].startSec < toSec);
  };
  for (const x of speech) {
    const last = out[out.length - 1];
    const gapSec = last ? x.startSec - last.endSec : Infinity;
    if (last && (gapSec < TURN_MERGE_GAP_SEC || (gapSec < HOLD_FLOOR_GAP_SEC && silentBetween(last.endSec, x.startSec)))) {
      last.endSec = x.endSec;
      last.speechSec += x.endSec - x.startSec;
    } else out.push({ speaker, startSec: x.startSec, endSec: x.endSec, speechSec: x.endSec - x.startSec });
  }
  return out;
}

/** Both sides' turns in order of start. */
export function callTurns(agent: readonly IntervalSec[], customer: readonly IntervalSec[]): RawTurn[] {
  return [...sideTurns('agent', agent, customer), ...sideTurns('customer', customer, agent)].sort((a, b) => a.startSec - b.startSec || a.endSec - b.endSec);
}

/** Talk share over [0, durationSec] from the two sides' speech. */
export function talkShare(agent: readonly IntervalSec[], customer: readonly IntervalSec[], durationSec: number): TalkShare {
  const agentSec = totalSec(agent);
  const customerSec = totalSec(customer);
  const overlapSec = totalSec(intersect(agent, customer));
  const silenceSec = totalSec(gaps(union(agent, customer), 0, durationSec));
  const f = (x: number): number => (durationSec > 0 ? x / durationSec : 0);
  return {
    agentSec, customerSec, overlapSec, silenceSec,
    agentFraction: f(agentSec), customerFraction: f(customerSec), overlapFraction: f(overlapSec), silenceFraction: f(silenceSec),
  };
}
