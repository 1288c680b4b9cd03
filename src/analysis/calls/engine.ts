/**
 * The call analysis after the front end: segmentation from the contours, activity and turns, per-turn
 * pitch, level and nuclei on slices of the stored signals, events and findings. One path: the call
 * stream (stream.ts) ends here, and analyzeCall is the stream fed in chunks.
 */
import { DEFAULT_BANDS, type GuidelineBands } from '../../guidelines/bands.ts';
import { DEFAULT_CALL_RULES, type CallRules } from '../../guidelines/call-rules.ts';
import type { IntensityContour, Lang, SampleReader } from '../types.ts';
import { channelActivity, segmentChannel, type CallChannel } from './activity.ts';
import type { SpeakerSegment } from './diarise.ts';
import { monoSides, monoSpeech, type CallDiarisation } from './mono.ts';
import { deadAir, monologues, overtalk, responseGaps, slowResponses } from './events.ts';
import { agentReferenceDbfs, flatFindings, levelFindings } from './delivery.ts';
import { measureTurns, paceExchanges, paceMismatches, rateFindings, sideRate } from './pace.ts';
import type { CallReport } from './report.ts';
import { roundCallReport } from './round-call.ts';
import { callTurns, talkShare } from './turns.ts';
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

/** One channel out of the front end. */
export interface FrontChannel {
  contour: IntensityContour;
  signal: SampleReader;
}

/** The call report from both channels' front ends; onProgress gets 0–1 as the turns are measured. */
export function analyzeFrontEnds(
  channels: readonly FrontChannel[],
  durationSec: number,
  sampleRateHz: number,
  options: CallOptions,
  onProgress?: (fraction: number) => void,
): CallReport {
  const rules = options.rules ?? DEFAULT_CALL_RULES;
  const bands = options.bands ?? DEFAULT_BANDS[options.lang];
  const sides = options.agentChannel === 'mono'
    ? monoFrontSides(segmentChannel(channels[0].signal, channels[0].contour), durationSec, options.agentSpeaker ?? 0, options.speakerCorrections ?? [])
    : stereoFrontSides(channels, options.agentChannel, durationSec);
  const { agentCh, customerCh, agentSplit, customerSplit, diarisation } = sides;
  const agentSpeech = agentSplit.speech;
  const customerSpeech = customerSplit.speech;
  const sounds = [
    ...agentSplit.sounds.map((x) => ({ ...x, channel: 'agent' as const })),
    ...customerSplit.sounds.map((x) => ({ ...x, channel: 'customer' as const })),
  ].sort((a, b) => a.startSec - b.startSec);

  const raw = callTurns(agentSpeech, customerSpeech);
  let measured = 0;
  const onTurn = (): void => onProgress?.(++measured / raw.length);
  const agentTurns = measureTurns(agentCh.signal, agentSpeech, raw.filter((t) => t.speaker === 'agent'), onTurn);
  const customerTurns = measureTurns(customerCh.signal, customerSpeech, raw.filter((t) => t.speaker === 'customer'), onTurn);
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
    diarisation: roundDiarisation(diarisation),
  });
}

/** Each side of a stereo call: its channel, and its activity split into speech and hold sounds. */
function stereoFrontSides(channels: readonly FrontChannel[], agentChannel: 'left' | 'right', durationSec: number) {
  const [left, right] = channels.map((c) => segmentChannel(c.signal, c.contour));
  const [agentCh, customerCh] = agentChannel === 'left' ? [left, right] : [right, left];
  // Hold music and tones count as silence of speech (GUIDELINES, Recorded calls).
  const agentSplit = splitSounds(channelActivity(agentCh, customerCh, durationSec), agentCh.seg.thresholdDbfs, agentCh.signal);
  const customerSplit = splitSounds(channelActivity(customerCh, agentCh, durationSec), customerCh.seg.thresholdDbfs, customerCh.signal);
  return { agentCh, customerCh, agentSplit, customerSplit, diarisation: null };
}

/** Both sides of a mono call: the one channel twice; its speech (hold sounds out) diarised into the two voices. */
function monoFrontSides(ch: CallChannel, durationSec: number, agentSpeaker: 0 | 1, corrections: readonly SpeakerSegment[]) {
  const split = splitSounds(monoSpeech(ch, durationSec), ch.seg.thresholdDbfs, ch.signal);
  const sides = monoSides(ch, split.speech, agentSpeaker, corrections);
  // The channel's hold sounds are listed once, on the agent's side.
  return { agentCh: ch, customerCh: ch, agentSplit: { speech: sides.agentSpeech, sounds: split.sounds }, customerSplit: { speech: sides.customerSpeech, sounds: [] }, diarisation: sides.diarisation };
}

/** The diarisation as the report keeps it (separation 2 decimals, seconds 3). */
function roundDiarisation(d: CallDiarisation | null): CallDiarisation | null {
  if (!d) return null;
  const sec = (x: number): number => Math.round(x * 1000) / 1000;
  return { ...d, separation: Math.round(d.separation * 100) / 100, segments: d.segments.map((x) => ({ startSec: sec(x.startSec), endSec: sec(x.endSec), speaker: x.speaker })) };
}
