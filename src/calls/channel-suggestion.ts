/**
 * Which channel is probably the agent's: calls open with the agent's greeting, so the side whose speech
 * starts first. Computed from an analysed call's turns; pure.
 */
import type { CallReport } from '../analysis/index.ts';

/** The channel that opens the call, when it is not the one analysed as the agent's; null when it is (or no one speaks, or a mono call). */
export function otherChannelOpens(report: Pick<CallReport, 'turns' | 'agentChannel'>): 'left' | 'right' | null {
  const first = report.turns[0];
  // A mono call has no other channel: its voices are chosen by listening (voice-samples.ts).
  if (first === undefined || first.speaker === 'agent' || report.agentChannel === 'mono') return null;
  return report.agentChannel === 'left' ? 'right' : 'left';
}
