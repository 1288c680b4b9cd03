/**
 * Recorded calls' lifecycle, the one layer between the calls screens and the call engine: import
 * (analyse in the call worker, store with or without the audio), re-analysis with a mono call's voices
 * chosen and corrected, the channel suggestion, and the types the screens show. Screens import calls
 * from here, never from src/analysis or src/workers.
 */
import { analyseCallInWorker } from '../workers/call-client.ts';
import { spawnCallWorker } from '../workers/spawn-call-worker.ts';
import type { CallAnalyser } from './import-call.ts';

export { importCall, audioWouldNotFit, callMimeType, CALL_AUDIO_HEADROOM_BYTES, type CallAnalyser, type ImportCallArgs, type ImportedCall } from './import-call.ts';
export { otherChannelOpens } from './channel-suggestion.ts';
export { reanalyseCall, type ReanalyseCallArgs } from './reanalyse-call.ts';
export { callVoices, canChooseVoice, pickSample, SAMPLE_SEC, type CallVoice, type CallVoices, type SampleClip } from './voice-samples.ts';
export { chooseAgentVoice, correctCallTurn, correctTurn, monoChoiceOf, type CorrectedSide, type MonoChoice } from './speaker-corrections.ts';
export { DEFAULT_GREETING_KIND, firstFill, GREETING_KINDS, greetingChoice, greetingNeeds, type CallGreetingChoice, type GreetingKind } from './greeting-choice.ts';
export { CallAnalysisAbortedError, CallAnalysisError, CALL_FILE_ERROR_KINDS, type CallFileErrorKind, type CallProgress } from '../workers/call-client.ts';
export type { CallFinding, CallPeaks, CallReport, CallTurn, Lang } from '../analysis/index.ts';
export type { AgentChannel, CallGreetingRecord, CallRecord } from '../storage/index.ts';

/** The app's analyser: each call in a fresh worker, terminated when done or cancelled. */
export const workerCallAnalyser: CallAnalyser = (file, options, onProgress, signal) => analyseCallInWorker(spawnCallWorker, file, options, onProgress, signal);

/** File types offered by the picker and the manifest's file handlers. */
export const CALL_FILE_ACCEPT = '.wav,.mp3,.m4a,.aac,.ogg,.opus,.webm,.flac,audio/*';
