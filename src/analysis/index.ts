/** Public surface of the analysis core. Hosts (worker, CLI, tests) import from here only. */
export { analyzeRecording } from './analyze.ts';
export { ANALYSIS_VERSION, TRACK_HOP_SEC } from './report.ts';
export { analyzeToJson } from './report-json.ts';
export { DECIMALS, decimalsForUnit, roundReport } from './round.ts';
export { quantile } from './stats.ts';
export { parseScript, countText, guessLang, partWords, type ParsedScript, type ScriptPart, type PartWord } from './script.ts';
export type { AnalysisReport, FileReport, Verdict, VerdictMeasure, VerdictReason, PhraseReport, ScriptPartReport, BandSummary, EmphasisWordReport, EmphasisStatus, TimeTrack } from './report.ts';
export { analysisLang, type AnalyzeOptions, type AudioInput, type Baseline, type ChannelMode } from './options.ts';
export type { Lang, GuidelineId, IntervalSec, VerdictStatus } from './types.ts';
export type { AnalysisWarning, AnalysisWarningCode } from './warnings.ts';
export { analyzeCall, createCallStream, PEAKS_PER_SEC, type CallFinishOptions, type CallOptions, type CallPeaks, type CallResult, type CallStream, type CallStreamOptions } from './calls/index.ts';
export { analyzeCallGreeting, type CallGreeting, type GreetingOptions, type ScoredCallGreeting } from './calls/index.ts';
export { callChannelsRefusal } from './calls/index.ts';
export { createCallSide, createSplitCallStream, type CallSide, type RawTurn, type RemoteCallSide, type ScratchFile, type SideSpeech, type SideSummary, type SplitCallStream } from './calls/index.ts';
export type { CallFinding, CallReport, CallSound, CallTurn, PaceExchange, PaceStatus, ResponseGap, Speaker, TalkShare } from './calls/index.ts';
export type { SpeakerSegment } from './calls/index.ts';
export { CALL_FINDING_IDS, type CallFindingId } from '../guidelines/call-rules.ts';
