/** Timing events of a call: dead air, overtalk (and who started it), response gaps, monologues. */
import type { CallRules } from '../../guidelines/call-rules.ts';
import type { IntervalSec } from '../types.ts';
import { gaps, union } from './intervals.ts';
import type { CallFinding, ResponseGap, Speaker } from './report.ts';
import type { RawTurn } from './turns.ts';

function finding(id: CallFinding['id'], iv: IntervalSec, startedBy: Speaker | null = null, ratio: number | null = null): CallFinding {
  return { id, startSec: iv.startSec, endSec: iv.endSec, durationSec: iv.endSec - iv.startSec, startedBy, ratio };
}

/** Both sides silent ≥ deadAirMinSec between the first and the last speech (ringing before and hang-up after are not dead air). */
export function deadAir(agent: readonly IntervalSec[], customer: readonly IntervalSec[], rules: CallRules): CallFinding[] {
  const speech = union(agent, customer);
  if (speech.length === 0) return [];
  return gaps(speech, speech[0].startSec, speech[speech.length - 1].endSec)
    .filter((g) => g.endSec - g.startSec >= rules.deadAirMinSec)
    .map((g) => finding('deadAir', g));
}

/** Overlaps of an agent turn and a customer turn ≥ overtalkMinSec; started by the side whose turn began later. */
export function overtalk(turns: readonly RawTurn[], rules: CallRules): CallFinding[] {
  const a = turns.filter((t) => t.speaker === 'agent');
  const c = turns.filter((t) => t.speaker === 'customer');
  const out: CallFinding[] = [];
  for (let i = 0, j = 0; i < a.length && j < c.length; ) {
    const startSec = Math.max(a[i].startSec, c[j].startSec);
    const endSec = Math.min(a[i].endSec, c[j].endSec);
    if (endSec - startSec >= rules.overtalkMinSec) out.push(finding('overtalk', { startSec, endSec }, a[i].startSec > c[j].startSec ? 'agent' : 'customer'));
    if (a[i].endSec < c[j].endSec) i++;
    else j++;
  }
  return out;
}

/**
 * The agent's response after each customer turn: the first agent turn starting after it ends, when the
 * agent was not already speaking at that moment and the customer did not start again first.
 */
export function responseGaps(turns: readonly RawTurn[]): ResponseGap[] {
  // One pass (a call has hundreds of turns): a side's turns are disjoint, so the customer turns' ends
  // increase, and both pointers below only move forward.
  const agentTurns = turns.filter((t) => t.speaker === 'agent');
  const out: ResponseGap[] = [];
  let a = -1; // the last agent turn starting before the customer turn's end
  let n = 0; // the first turn starting at or after it
  for (const c of turns) {
    if (c.speaker !== 'customer') continue;
    while (a + 1 < agentTurns.length && agentTurns[a + 1].startSec < c.endSec) a++;
    while (n < turns.length && turns[n].startSec < c.endSec) n++;
    if (a >= 0 && agentTurns[a].endSec > c.endSec) continue; // the agent was speaking when the customer stopped
    const next = turns[n];
    if (!next || next.speaker !== 'agent') continue; // no answer, or the customer started again first
    out.push({ customerEndSec: c.endSec, agentStartSec: next.startSec, gapSec: next.startSec - c.endSec });
  }
  return out;
}

/** Responses later than slowResponseAboveSec, except across a hold (a hold sound in the gap: GUIDELINES "not during a hold"). */
export function slowResponses(responses: readonly ResponseGap[], rules: CallRules, holds: readonly IntervalSec[] = []): CallFinding[] {
  const duringHold = (r: ResponseGap): boolean => holds.some((h) => h.startSec < r.agentStartSec && h.endSec > r.customerEndSec);
  return responses
    .filter((r) => r.gapSec > rules.slowResponseAboveSec && !duringHold(r))
    .map((r) => finding('slowResponse', { startSec: r.customerEndSec, endSec: r.agentStartSec }));
}

/**
 * Stretches of an agent turn longer than monologueAboveSec without the customer speaking (GUIDELINES.md:
 * "without the customer speaking"): a backchannel from the customer splits the stretch.
 */
export function monologues(turns: readonly RawTurn[], customerSpeech: readonly IntervalSec[], rules: CallRules): CallFinding[] {
  return turns
    .filter((t) => t.speaker === 'agent' && t.endSec - t.startSec > rules.monologueAboveSec)
    .flatMap((t) => gaps(customerSpeech, t.startSec, t.endSec))
    .filter((g) => g.endSec - g.startSec > rules.monologueAboveSec)
    .map((g) => finding('monologue', g));
}

export { finding };
