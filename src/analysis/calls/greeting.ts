/**
 * The opening greeting of a call (issue 11 point 4): the agent's first phrase group, scored like a drill
 * take with the same engine, script and bands, so it gets the same scorecard.
 *
 * The phrase group: the first agent turn, from its start to the first pause inside it longer than the
 * longest pause allowed between greeting parts (bands.pauses.betweenPartsMaxSec, GUIDELINES.md: between
 * greeting parts 0.15–0.8 s), or to the turn's end. The pauses are the take engine's own (segmentSpeech
 * on the agent channel's slice of the turn, preprocessed as a take: 16 kHz, high-passed), so a greeting's
 * part pauses (≤ 0.8 s) stay inside it and a longer break ends it. That span, with up to GREETING_PAD_SEC of
 * the channel around it (a take has silence before and after its speech), is analysed by analyzeRecording.
 * Pure: same input, same result.
 */
import { DEFAULT_BANDS, type GuidelineBands } from '../../guidelines/bands.ts';
import { analyzeRecording } from '../analyze.ts';
import { highpass } from '../dsp/highpass.ts';
import { resampleTo } from '../dsp/resample.ts';
import type { AudioInput, Baseline } from '../options.ts';
import type { AnalysisReport } from '../report.ts';
import { segmentSpeech } from '../segmentation.ts';
import { ANALYSIS_RATE_HZ, type IntervalSec, type Lang } from '../types.ts';
import type { CallReport } from './report.ts';

/** Silence of the agent channel kept before and after the greeting's span, at most, s. */
export const GREETING_PAD_SEC = 0.3;

/** How the greeting is scored: the drill's script (placeholders filled), language and bands. */
export interface GreetingOptions {
  lang: Lang;
  script: string;
  /** Default DEFAULT_BANDS[lang]. */
  bands?: GuidelineBands;
  baseline?: Baseline | null;
}

/**
 * A call's greeting as scored against a greeting drill and kept: what the call worker gives and the call
 * record stores (one shape for both).
 */
export interface ScoredCallGreeting {
  /** The built-in greeting drill (e.g. 'en-greeting4'): its language and bands scored the greeting. */
  drillId: string;
  /** The drill's template filled with the agent's name and company, as scored. */
  script: string;
  /** The greeting's span in the call, s (ms precision). */
  startSec: number;
  endSec: number;
  /** Where the analysed slice starts in the call: the report's times are from here, s. */
  sliceStartSec: number;
  /** The take report, rounded as a take's report is stored (roundReport). */
  report: AnalysisReport;
  /** The agent's calibration it was scored against (null: none; effort and pitch level are then not measured). */
  baseline: Baseline | null;
}

/** The greeting found in a call and its take report. */
export interface CallGreeting {
  /** The agent's first phrase group in the call, s. */
  startSec: number;
  endSec: number;
  /** Where the analysed slice starts in the call, s: the report's times are from here. */
  sliceStartSec: number;
  sliceEndSec: number;
  report: AnalysisReport;
}

/**
 * The first phrase group of a turn: from its start to the start of the first pause longer than
 * maxPauseSec that lies inside it, else the whole turn.
 */
export function firstPhraseGroup(turn: IntervalSec, pauses: readonly IntervalSec[], maxPauseSec: number): IntervalSec {
  const end = pauses
    .filter((p) => p.startSec > turn.startSec && p.endSec < turn.endSec && p.endSec - p.startSec > maxPauseSec)
    .reduce((first, p) => Math.min(first, p.startSec), turn.endSec);
  return { startSec: turn.startSec, endSec: end };
}

const sliceOf = (x: Float32Array, rateHz: number, fromSec: number, toSec: number): Float32Array =>
  x.subarray(Math.max(0, Math.round(fromSec * rateHz)), Math.min(x.length, Math.round(toSec * rateHz)));

/** Pauses (the take's segmentation) of the agent channel between fromSec and toSec, in call time. */
function pausesIn(agent: Float32Array, rateHz: number, fromSec: number, toSec: number): IntervalSec[] {
  const hp = highpass(resampleTo(sliceOf(agent, rateHz, fromSec, toSec), rateHz, ANALYSIS_RATE_HZ), ANALYSIS_RATE_HZ);
  const seg = segmentSpeech({ samples: hp, sampleRateHz: ANALYSIS_RATE_HZ });
  return seg.pauses.map((p) => ({ startSec: p.startSec + fromSec, endSec: p.endSec + fromSec }));
}

/**
 * Find the greeting (the agent's first phrase group) of a stereo call analysed by analyzeCall and score it
 * as a take; null when the agent never speaks, or first speaks after the end of `input` (the whole call,
 * or its opening as a call stream keeps it: the span is cut at its end).
 */
export function analyzeCallGreeting(input: AudioInput, call: Pick<CallReport, 'turns' | 'agentChannel'>, options: GreetingOptions): CallGreeting | null {
  const agentTurns = call.turns.filter((t) => t.speaker === 'agent');
  if (agentTurns.length === 0) return null;
  const rateHz = input.sampleRateHz;
  const agent = input.channels[call.agentChannel === 'right' ? 1 : 0]; // mono: the one channel
  const durationSec = agent.length / rateHz;
  const bands = options.bands ?? DEFAULT_BANDS[options.lang];
  const [turn, next] = agentTurns;
  // `input` may be the call's opening only (stream.ts OPENING_SEC): a first agent turn past it is not scored.
  if (turn.startSec >= durationSec) return null;
  const before = Math.max(0, turn.startSec - GREETING_PAD_SEC);
  const group = firstPhraseGroup(turn, pausesIn(agent, rateHz, before, Math.min(durationSec, turn.endSec + GREETING_PAD_SEC)), bands.pauses.betweenPartsMaxSec);
  // After the span: the pad, but never past half-way to the agent's next speech.
  const nextSpeechSec = group.endSec < turn.endSec ? turn.endSec : (next?.startSec ?? durationSec);
  const after = Math.min(durationSec, group.endSec + Math.min(GREETING_PAD_SEC, (nextSpeechSec - group.endSec) / 2));
  const samples = Float32Array.from(sliceOf(agent, rateHz, before, after));
  const report = analyzeRecording({ channels: [samples], sampleRateHz: rateHz }, {
    lang: options.lang, script: options.script, bands, baseline: options.baseline ?? null,
  });
  return { startSec: group.startSec, endSec: group.endSec, sliceStartSec: before, sliceEndSec: after, report };
}
