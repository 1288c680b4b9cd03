/** Public surface of the recorded-call engine. */
export { analyzeCall, type CallOptions } from './analyze-call.ts';
export { BLEED_HEADROOM_DB, MAX_COUPLING_DB } from './activity.ts';
export { HOLD_FLOOR_GAP_SEC, TURN_MERGE_GAP_SEC } from './turns.ts';
export { MIN_RATE_SPEECH_SEC } from './pace.ts';
export type { CallFinding, CallReport, CallTurn, PaceExchange, PaceStatus, ResponseGap, Speaker, TalkShare } from './report.ts';
export { createCallStream, PEAKS_PER_SEC, type CallPeaks, type CallResult, type CallStream } from './stream.ts';
export { diarise, MIN_MINOR_SHARE, MIN_SEPARATION, type Diarisation, type SpeakerSegment } from './diarise.ts';
export { applyCorrections, type CallDiarisation } from './mono.ts';
