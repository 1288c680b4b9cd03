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
  const out: ResponseGap[] = [];
  turns.forEach((c, k) => {
    if (c.speaker !== 'customer') return;
    if (turns.some((t) => t.speaker === 'agent' && t.startSec < c.endSec && t.endSec > c.endSec)) return;
    const next = turns.slice(k + 1).find((t) => t.startSec >= c.endSec);
    const agent = turns.slice(k + 1).find((t) => t.speaker === 'agent' && t.startSec >= c.endSec);
    if (!agent || next !== agent) return;
    out.push({ customerEndSec: c.endSec, agentStartSec: agent.startSec, gapSec: agent.startSec - c.endSec });
  });
  return out;
}

/** Responses later than slowResponseAboveSec. */
export function slowResponses(responses: readonly ResponseGap[], rules: CallRules): CallFinding[] {
  return responses.filter((r) => r.gapSec > rules.slowResponseAboveSec).map((r) => finding('slowResponse', { startSec: r.customerEndSec, endSec: r.agentStartSec }));
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
