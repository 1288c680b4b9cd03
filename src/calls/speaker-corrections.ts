/**
 * The user's corrections of who spoke when on a mono call, kept in the engine's terms (voice numbers,
 * SpeakerSegment) and made from the page's terms (this turn was me / the customer). Pure.
 */
import type { SpeakerSegment } from '../analysis/index.ts';
import type { CallRecord } from '../storage/index.ts';

/** Who the user says spoke. */
export type CorrectedSide = 'agent' | 'customer';

/** A stretch of the call, s. */
export interface TurnSpan {
  startSec: number;
  endSec: number;
}

/** The voice number of `side` when `agentSpeaker` is the agent's voice. */
export function voiceOf(side: CorrectedSide, agentSpeaker: 0 | 1): 0 | 1 {
  if (side === 'agent') return agentSpeaker;
  return agentSpeaker === 0 ? 1 : 0;
}

/**
 * The corrections with `turn` said to be `side`'s: earlier corrections the new one covers are dropped
 * (it replaces them), the rest kept in order (the engine applies them in order, later ones winning).
 */
export function correctTurn(corrections: readonly SpeakerSegment[], turn: TurnSpan, side: CorrectedSide, agentSpeaker: 0 | 1): SpeakerSegment[] {
  if (!(turn.endSec > turn.startSec)) return [...corrections];
  const kept = corrections.filter((c) => c.startSec < turn.startSec || c.endSec > turn.endSec);
  return [...kept, { startSec: turn.startSec, endSec: turn.endSec, speaker: voiceOf(side, agentSpeaker) }];
}

/**
 * The corrections when the agent's voice changes from `from` to `to`: each keeps what the user said
 * ("this was me" stays me), so their voice numbers swap with the choice.
 */
export function correctionsForAgentVoice(corrections: readonly SpeakerSegment[], from: 0 | 1, to: 0 | 1): SpeakerSegment[] {
  if (from === to) return corrections.map((c) => ({ ...c }));
  return corrections.map((c) => ({ ...c, speaker: c.speaker === 0 ? 1 : 0 }));
}

/** What a mono call is re-analysed with: the agent's voice and the corrections. */
export interface MonoChoice {
  agentSpeaker: 0 | 1;
  speakerCorrections: SpeakerSegment[];
}

/** A stored mono call's current choice (a report without diarisation: voice 0, no corrections). */
export function monoChoiceOf(call: Pick<CallRecord, 'report' | 'speakerCorrections'>): MonoChoice {
  const d = call.report.diarisation;
  // Not told apart and not corrected: the engine took everything for the agent's, i.e. voice 0.
  const agentSpeaker = d && (d.confident || d.corrections > 0) ? d.agentSpeaker : 0;
  return { agentSpeaker, speakerCorrections: [...(call.speakerCorrections ?? [])] };
}

/** The choice that makes voice `speaker` the agent's, the corrections keeping their meaning. */
export function chooseAgentVoice(call: Pick<CallRecord, 'report' | 'speakerCorrections'>, speaker: 0 | 1): MonoChoice {
  const now = monoChoiceOf(call);
  return { agentSpeaker: speaker, speakerCorrections: correctionsForAgentVoice(now.speakerCorrections, now.agentSpeaker, speaker) };
}

/** The choice with turn `turnIndex` of the report said to be `side`'s; null when there is no such turn. */
export function correctCallTurn(call: Pick<CallRecord, 'report' | 'speakerCorrections'>, turnIndex: number, side: CorrectedSide): MonoChoice | null {
  const turn = call.report.turns[turnIndex];
  if (turn === undefined) return null;
  const now = monoChoiceOf(call);
  return { agentSpeaker: now.agentSpeaker, speakerCorrections: correctTurn(now.speakerCorrections, turn, side, now.agentSpeaker) };
}
