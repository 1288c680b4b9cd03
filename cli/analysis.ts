/** The CLI's only door into the analysis core: src/analysis/index.ts, and the band overrides of src/guidelines. */
export { analysisLang, analyzeCall, analyzeCallGreeting, ANALYSIS_VERSION, callChannelsRefusal, createCallStream, analyzeToJson, DECIMALS, decimalsForUnit, quantile, roundReport } from '../src/analysis/index.ts';
export type { AnalysisReport, AnalysisWarning, AnalyzeOptions, AudioInput, Baseline, CallFinding, CallReport, CallStream, ChannelMode, ScratchFile, FileReport, Lang, TimeTrack, Verdict, VerdictMeasure } from '../src/analysis/index.ts';
export { applyBandOverrides } from '../src/guidelines/band-overrides.ts';
