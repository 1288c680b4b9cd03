/** analyzeCall: the recorded-call engine for a stereo call (agent and customer on separate channels). */
import { DEFAULT_BANDS, type GuidelineBands } from '../../guidelines/bands.ts';
import { DEFAULT_CALL_RULES, type CallRules } from '../../guidelines/call-rules.ts';
import { validateAudioInput, type AudioInput } from '../options.ts';
import type { Lang } from '../types.ts';
import { channelActivity, prepareChannel } from './activity.ts';
import { deadAir, monologues, overtalk, responseGaps, slowResponses } from './events.ts';
import { agentReferenceDbfs, flatFindings, levelFindings } from './delivery.ts';
import { measureTurns, paceExchanges, paceMismatches, rateFindings, sidePitch, sideRate } from './pace.ts';
import type { CallReport } from './report.ts';
import { roundCallReport } from './round-call.ts';
import { callTurns, talkShare } from './turns.ts';

/** Options of analyzeCall. */
export interface CallOptions {
  agentChannel: 'left' | 'right';
  lang: Lang;
  /** Default DEFAULT_CALL_RULES. */
  rules?: CallRules;
  /** Rate and pitch-variety bands for rushing / slow / flat; default DEFAULT_BANDS[lang]. */
  bands?: GuidelineBands;
  /** The agent's calibration level for loud / soft; without it, the median of the agent's turns. */
  calibrationLevelDbfs?: number | null;
}

/** Analyse a stereo call. Pure: same input, same (rounded) report. */
export function analyzeCall(input: AudioInput, options: CallOptions): CallReport {
  if (input.channels.length !== 2) throw new RangeError(`a stereo call needs 2 channels, not ${input.channels.length}`);
  validateAudioInput(input);
  const rules = options.rules ?? DEFAULT_CALL_RULES;
  const bands = options.bands ?? DEFAULT_BANDS[options.lang];
  const durationSec = input.channels[0].length / input.sampleRateHz;
  const [left, right] = input.channels.map((c) => prepareChannel(c, input.sampleRateHz));
  const [agentCh, customerCh] = options.agentChannel === 'left' ? [left, right] : [right, left];
  const agentSpeech = channelActivity(agentCh, customerCh, durationSec);
  const customerSpeech = channelActivity(customerCh, agentCh, durationSec);

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
  });
}
