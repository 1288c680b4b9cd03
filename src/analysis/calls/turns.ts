/** Turns of each side and the talk share. */
import type { IntervalSec } from '../types.ts';
import { gaps, intersect, totalSec, union } from './intervals.ts';
import type { Speaker, TalkShare } from './report.ts';

/**
 * Gaps shorter than this stay inside a turn, s: longer than a within-phrase pause (0.25 s) and the
 * typical 0.2 s turn gap, shorter than a sentence break (~0.6 s).
 */
export const TURN_MERGE_GAP_SEC = 0.4;

/** A turn before its rate is measured. */
export interface RawTurn extends IntervalSec {
  speaker: Speaker;
  speechSec: number;
}

/** One side's turns from its speech intervals. */
export function sideTurns(speaker: Speaker, speech: readonly IntervalSec[]): RawTurn[] {
  const out: RawTurn[] = [];
  for (const x of speech) {
    const last = out[out.length - 1];
    if (last && x.startSec - last.endSec < TURN_MERGE_GAP_SEC) {
      last.endSec = x.endSec;
      last.speechSec += x.endSec - x.startSec;
    } else out.push({ speaker, startSec: x.startSec, endSec: x.endSec, speechSec: x.endSec - x.startSec });
  }
  return out;
}

/** Both sides' turns in order of start. */
export function callTurns(agent: readonly IntervalSec[], customer: readonly IntervalSec[]): RawTurn[] {
  return [...sideTurns('agent', agent), ...sideTurns('customer', customer)].sort((a, b) => a.startSec - b.startSec || a.endSec - b.endSec);
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
