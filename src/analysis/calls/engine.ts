/**
 * The call analysis after the front end: segmentation from the contours, activity and turns, per-turn
 * pitch, level and nuclei on slices of the stored signals (each side's steps: call-side.ts), events and
 * findings. One path: the call stream (stream.ts) ends here, analyzeCall is the stream fed in chunks, and
 * the browser's two-thread finish (split-finish.ts) runs the same side steps and the same join.
 */
import { DEFAULT_BANDS, type GuidelineBands } from '../../guidelines/bands.ts';
import { DEFAULT_CALL_RULES, type CallRules } from '../../guidelines/call-rules.ts';
import type { Lang } from '../types.ts';
import type { CallChannel } from './activity.ts';
import type { CallSide, SideSpeech } from './call-side.ts';
import type { SpeakerSegment } from './diarise.ts';
import { monoSides, monoSpeech, type CallDiarisation } from './mono.ts';
import { deadAir, monologues, overtalk, responseGaps, slowResponses } from './events.ts';
import { agentReferenceDbfs, flatFindings, levelFindings } from './delivery.ts';
import { paceExchanges, paceMismatches, rateFindings, sideRate } from './pace.ts';
import type { CallReport, CallTurn, Speaker } from './report.ts';
import { roundCallReport } from './round-call.ts';
import { callTurns, talkShare, type RawTurn } from './turns.ts';
import { splitSounds } from './non-speech.ts';

/** Options of analyzeCall. */
export interface CallOptions {
  /** 'mono': one channel holding both voices, told apart by diarisation (mono.ts). */
  agentChannel: 'left' | 'right' | 'mono';
  lang: Lang;
  /** Mono: the diarised voice that is the agent (default 0, the one who opens the call). */
  agentSpeaker?: 0 | 1;
  /** Mono: the user's corrections, each stretch's voice overriding the diarisation's. */
  speakerCorrections?: SpeakerSegment[];
  /** Default DEFAULT_CALL_RULES. */
  rules?: CallRules;
  /** Rate and pitch-variety bands for rushing / slow / flat; default DEFAULT_BANDS[lang]. */
  bands?: GuidelineBands;
  /** The agent's calibration level for loud / soft; without it, the median of the agent's turns. */
  calibrationLevelDbfs?: number | null;
}

/** Both sides of a call with their speech split and their turns measured: what the report is built from. */
export interface MeasuredSides {
  agent: SideSpeech;
  customer: SideSpeech;
  /** The turns of both sides (turns.ts callTurns of their speech). */
  raw: RawTurn[];
  agentTurns: CallTurn[];
  customerTurns: CallTurn[];
  diarisation: CallDiarisation | null;
}

/** The turns of one speaker, in time order. */
export function turnsOf(raw: readonly RawTurn[], speaker: Speaker): RawTurn[] {
  return raw.filter((t) => t.speaker === speaker);
}

/**
 * The call report from its sides, fed and ready to finish: `sides` are the input channels in order (two for
 * a stereo call, one for a mono call); onProgress gets 0–1 as the turns are measured. A stereo call's
 * per-side steps run here one after the other; split-finish.ts runs the same steps with the second side
 * in another thread.
 */
export function analyzeSides(
  sides: readonly CallSide[],
  durationSec: number,
  sampleRateHz: number,
  options: CallOptions,
  onProgress?: (fraction: number) => void,
): CallReport {
  if (options.agentChannel === 'mono') return monoReport(sides[0], durationSec, sampleRateHz, options, onProgress);
  const [agent, customer] = options.agentChannel === 'left' ? [sides[0], sides[1]] : [sides[1], sides[0]];
  const agentSummary = agent.summary();
  const customerSummary = customer.summary();
  const agentSplit = agent.speech(customerSummary, durationSec);
  const customerSplit = customer.speech(agentSummary, durationSec);
  const raw = callTurns(agentSplit.speech, customerSplit.speech);
  const onTurn = turnCounter(raw.length, onProgress);
  // Each side's last read of its signal: its stored blocks go as its turns are measured.
  const agentTurns = agent.measure(turnsOf(raw, 'agent'), agentSplit.speech, onTurn, true);
  const customerTurns = customer.measure(turnsOf(raw, 'customer'), customerSplit.speech, onTurn, true);
  return assembleCallReport({ agent: agentSplit, customer: customerSplit, raw, agentTurns, customerTurns, diarisation: null }, durationSec, sampleRateHz, options);
}

function turnCounter(total: number, onProgress?: (fraction: number) => void): () => void {
  let measured = 0;
  return () => onProgress?.(++measured / total);
}

/** A mono call: its one side's speech diarised into the two voices, each voice's turns measured on it. */
function monoReport(side: CallSide, durationSec: number, sampleRateHz: number, options: CallOptions, onProgress?: (fraction: number) => void): CallReport {
  side.summary();
  const { agentSplit, customerSplit, diarisation } = monoFrontSides(side.channel(), durationSec, options.agentSpeaker ?? 0, options.speakerCorrections ?? []);
  const raw = callTurns(agentSplit.speech, customerSplit.speech);
  const onTurn = turnCounter(raw.length, onProgress);
  const agentTurns = side.measure(turnsOf(raw, 'agent'), agentSplit.speech, onTurn);
  // The one channel's last read: the customer's turns are measured after the agent's.
  const customerTurns = side.measure(turnsOf(raw, 'customer'), customerSplit.speech, onTurn, true);
  return assembleCallReport({ agent: agentSplit, customer: customerSplit, raw, agentTurns, customerTurns, diarisation }, durationSec, sampleRateHz, options);
}

/** The report from both sides' speech and measured turns: events, pace, findings (the join of both sides). */
export function assembleCallReport(m: MeasuredSides, durationSec: number, sampleRateHz: number, options: CallOptions): CallReport {
  const rules = options.rules ?? DEFAULT_CALL_RULES;
  const bands = options.bands ?? DEFAULT_BANDS[options.lang];
  const { raw, agentTurns, customerTurns } = m;
  const agentSpeech = m.agent.speech;
  const customerSpeech = m.customer.speech;
  const sounds = [
    ...m.agent.sounds.map((x) => ({ ...x, channel: 'agent' as const })),
    ...m.customer.sounds.map((x) => ({ ...x, channel: 'customer' as const })),
  ].sort((a, b) => a.startSec - b.startSec);
  const turns = [...agentTurns, ...customerTurns].sort((a, b) => a.startSec - b.startSec || a.endSec - b.endSec);
  const exchanges = paceExchanges(turns, rules);
  const responses = responseGaps(raw);
  const agentRate = sideRate(turns, 'agent');
  const customerRate = sideRate(turns, 'customer');
  const referenceDbfs = agentReferenceDbfs(turns, options.calibrationLevelDbfs ?? null);
  const findings = [
    ...rateFindings(turns, bands, options.lang, rules),
    ...flatFindings(turns, bands, rules),
    ...levelFindings(turns, referenceDbfs, rules),
    ...deadAir(agentSpeech, customerSpeech, rules),
    ...overtalk(raw, rules),
    ...paceMismatches(turns, exchanges),
    ...slowResponses(responses, rules, sounds),
    ...monologues(raw, customerSpeech, rules),
  ].sort((a, b) => a.startSec - b.startSec);

  return roundCallReport({
    callRulesVersion: rules.version,
    durationSec,
    sampleRateHz,
    agentChannel: options.agentChannel,
    lang: options.lang,
    agentSpeechFound: agentSpeech.length > 0,
    customerSpeechFound: customerSpeech.length > 0,
    turns,
    sounds,
    talkShare: talkShare(agentSpeech, customerSpeech, durationSec),
    pace: {
      agentSyllablesPerSec: agentRate,
      customerSyllablesPerSec: customerRate,
      ratio: agentRate !== null && customerRate !== null && customerRate > 0 ? agentRate / customerRate : null,
      exchanges,
    },
    responses,
    longestAgentTurnSec: agentTurns.length ? agentTurns.reduce((m, t) => Math.max(m, t.endSec - t.startSec), 0) : null,
    agentReferenceLevelDbfs: referenceDbfs,
    findings,
    diarisation: roundDiarisation(m.diarisation),
  });
}

/** Both sides of a mono call: the one channel twice; its speech (hold sounds out) diarised into the two voices. */
function monoFrontSides(ch: CallChannel, durationSec: number, agentSpeaker: 0 | 1, corrections: readonly SpeakerSegment[]): { agentSplit: SideSpeech; customerSplit: SideSpeech; diarisation: CallDiarisation } {
  const split = splitSounds(monoSpeech(ch, durationSec), ch.seg.thresholdDbfs, ch.signal);
  const sides = monoSides(ch, split.speech, agentSpeaker, corrections);
  // The channel's hold sounds are listed once, on the agent's side.
  return { agentSplit: { speech: sides.agentSpeech, sounds: split.sounds }, customerSplit: { speech: sides.customerSpeech, sounds: [] }, diarisation: sides.diarisation };
}

/** The diarisation as the report keeps it (separation 2 decimals, seconds 3). */
function roundDiarisation(d: CallDiarisation | null): CallDiarisation | null {
  if (!d) return null;
  const sec = (x: number): number => Math.round(x * 1000) / 1000;
  return { ...d, separation: Math.round(d.separation * 100) / 100, segments: d.segments.map((x) => ({ startSec: sec(x.startSec), endSec: sec(x.endSec), speaker: x.speaker })) };
}
