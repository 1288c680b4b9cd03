/** The CLI's only door into the analysis core: everything comes from src/analysis/index.ts. */
export { ANALYSIS_VERSION, analyzeToJson, DECIMALS, decimalsForUnit } from '../src/analysis/index.ts';
export type { AnalyzeOptions, AudioInput, ChannelMode, FileReport, Lang, Verdict } from '../src/analysis/index.ts';
