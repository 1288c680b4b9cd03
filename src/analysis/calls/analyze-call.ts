/** analyzeCall: the recorded-call engine for a stereo call (agent and customer on separate channels) or a mono call (diarised, mono.ts). */
import { DEFAULT_BANDS, type GuidelineBands } from '../../guidelines/bands.ts';
import { DEFAULT_CALL_RULES, type CallRules } from '../../guidelines/call-rules.ts';
import { validateAudioInput, type AudioInput } from '../options.ts';
import type { IntervalSec, Lang } from '../types.ts';
import { channelActivity, prepareChannel, type CallChannel } from './activity.ts';
import type { SpeakerSegment } from './diarise.ts';
import { monoSides, type CallDiarisation } from './mono.ts';
import { deadAir, monologues, overtalk, responseGaps, slowResponses } from './events.ts';
import { agentReferenceDbfs, flatFindings, levelFindings } from './delivery.ts';
import { measureTurns, paceExchanges, paceMismatches, rateFindings, sidePitch, sideRate } from './pace.ts';
import type { CallReport } from './report.ts';
import { roundCallReport } from './round-call.ts';
import { callTurns, talkShare } from './turns.ts';

/** Options of analyzeCall. */
export interface CallOptions {
  /** 'mono': one channel holding both voices, told apart by diarisation. */
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

/** Each side's prepared channel and speech of a stereo call. */
function stereoSides(input: AudioInput, agentChannel: 'left' | 'right', durationSec: number): { agentCh: CallChannel; customerCh: CallChannel; agentSpeech: IntervalSec[]; customerSpeech: IntervalSec[]; diarisation: null } {
  const [left, right] = input.channels.map((c) => prepareChannel(c, input.sampleRateHz));
  const [agentCh, customerCh] = agentChannel === 'left' ? [left, right] : [right, left];
  const agentSpeech = channelActivity(agentCh, customerCh, durationSec);
  const customerSpeech = channelActivity(customerCh, agentCh, durationSec);
  return { agentCh, customerCh, agentSpeech, customerSpeech, diarisation: null };
}

/** The diarisation as the report keeps it (separation 2 decimals, seconds 3). */
function roundDiarisation(d: CallDiarisation | null): CallDiarisation | null {
  if (!d) return null;
  const sec = (x: number): number => Math.round(x * 1000) / 1000;
  return { ...d, separation: Math.round(d.separation * 100) / 100, segments: d.segments.map((s) => ({ startSec: sec(s.startSec), endSec: sec(s.endSec), speaker: s.speaker })) };
}

/** Analyse a stereo or mono call. Pure: same input, same (rounded) report. */
export function analyzeCall(input: AudioInput, options: CallOptions): CallReport {
  const needed = options.agentChannel === 'mono' ? 1 : 2;
  if (input.channels.length !== needed) throw new RangeError(`a ${needed === 1 ? 'mono' : 'stereo'} call needs ${needed} channel${needed === 1 ? '' : 's'}, not ${input.channels.length}`);
  validateAudioInput(input);
  const rules = options.rules ?? DEFAULT_CALL_RULES;
  const bands = options.bands ?? DEFAULT_BANDS[options.lang];
  const durationSec = input.channels[0].length / input.sampleRateHz;
  // Mono: both sides are the one channel, their speech split by diarisation (mono.ts).
  const { agentCh, customerCh, agentSpeech, customerSpeech, diarisation } = options.agentChannel === 'mono'
    ? monoSides(input.channels[0], input.sampleRateHz, options.agentSpeaker ?? 0, options.speakerCorrections ?? [])
    : stereoSides(input, options.agentChannel, durationSec);

  const raw = callTurns(agentSpeech, customerSpeech);
  const agentTurns = measureTurns(agentCh.hp, sidePitch(agentCh.hp, agentSpeech), raw.filter((t) => t.speaker === 'agent'));
  const customerTurns = measureTurns(customerCh.hp, sidePitch(customerCh.hp, customerSpeech), raw.filter((t) => t.speaker === 'customer'));
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
    ...slowResponses(responses, rules),
    ...monologues(raw, customerSpeech, rules),
  ].sort((a, b) => a.startSec - b.startSec);

  return roundCallReport({
    callRulesVersion: rules.version,
    durationSec,
    sampleRateHz: input.sampleRateHz,
    agentChannel: options.agentChannel,
    lang: options.lang,
    agentSpeechFound: agentSpeech.length > 0,
    customerSpeechFound: customerSpeech.length > 0,
    turns,
    talkShare: talkShare(agentSpeech, customerSpeech, durationSec),
    pace: {
      agentSyllablesPerSec: agentRate,
      customerSyllablesPerSec: customerRate,
      ratio: agentRate !== null && customerRate !== null && customerRate > 0 ? agentRate / customerRate : null,
      exchanges,
    },
    responses,
    longestAgentTurnSec: agentTurns.length ? Math.max(...agentTurns.map((t) => t.endSec - t.startSec)) : null,
    agentReferenceLevelDbfs: referenceDbfs,
    findings,
    diarisation: roundDiarisation(diarisation),
  });
}
