/** Public surface of the recorded-call engine. */
export { analyzeCall, type CallOptions } from './analyze-call.ts';
export { callChannelsRefusal } from './channels.ts';
export { BLEED_HEADROOM_DB, MAX_COUPLING_DB } from './activity.ts';
export { HOLD_FLOOR_GAP_SEC, TURN_MERGE_GAP_SEC } from './turns.ts';
export { MIN_RATE_SPEECH_SEC } from './pace.ts';
export type { CallFinding, CallReport, CallSound, CallTurn, PaceExchange, PaceStatus, ResponseGap, Speaker, TalkShare } from './report.ts';
export { createCallSide, type CallSide, type SideSpeech, type SideSummary } from './call-side.ts';
export { createSplitCallStream, type RemoteCallSide, type SplitCallStream } from './split-finish.ts';
export type { RawTurn } from './turns.ts';
export type { ScratchFile } from './signal-store.ts';
export { createCallStream, OPENING_SEC, PEAKS_PER_SEC, type CallFinishOptions, type CallPeaks, type CallResult, type CallStream, type CallStreamOptions } from './stream.ts';
export { analyzeCallGreeting, firstPhraseGroup, GREETING_PAD_SEC, type CallGreeting, type GreetingOptions, type ScoredCallGreeting } from './greeting.ts';
export { diarise, MIN_MINOR_SHARE, MIN_SEPARATION, type Diarisation, type SpeakerSegment } from './diarise.ts';
export { applyCorrections, type CallDiarisation } from './mono.ts';
