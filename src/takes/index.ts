/**
 * The take lifecycle, the one layer between the screens and the analysis: analyse a take (the only
 * place that builds AnalyzeOptions, from the drill), re-analyse old takes, load a take for review,
 * compare two takes, undo a delete; the personal best and the take order, each defined once.
 * Screens import takes and the report's types from here, never from src/analysis.
 */
export {
  analyseTake, analyseUnsaved, analysisOptions, drillOfTake, loadComparison, toBaseline,
  type AnalysedTake, type AnalyseTakeArgs, type AnalyseUnsavedArgs, type Analyser, type Comparison,
} from './analyse-take.ts';
export { compareReports, reportScore, takeCounts, type ReportScore } from './best.ts';
export { personalBest, previousTake, type BestOptions } from './comparison.ts';
export { resolveComparison, type CompareAgainst, type ComparisonRole, type ResolvedComparison } from './compare-takes.ts';
export {
  loadReviewHead, loadTakeForReview, reviewNeedsReanalysis, signalsOf, withCurrentReport, type CurrentReportOptions, type LoadedTake, type ReviewHead,
} from './load-review.ts';
export { outdatedTakeIds, reanalyseOutdated, reanalyseTake, type AnalyseFn, type ReanalyseOptions, type ReanalyseProgress, type ReanalyseResult } from './reanalyse.ts';
export { UNDO_WINDOW_MS, UndoDelete, type PendingDelete, type UndoDeleteOptions, type UndoTimers } from './undo-delete.ts';
export { takeOrder } from '../storage/index.ts';
export type {
  AnalysisReport, AnalyzeOptions, AudioInput, Baseline, BandSummary, EmphasisStatus, EmphasisWordReport, FileReport,
  GuidelineId, Lang, PhraseReport, ScriptPartReport, Verdict, VerdictReason, VerdictStatus,
} from '../analysis/index.ts';
// Imported from their own modules (not the analysis index) so the main bundle takes only these.
export { ANALYSIS_VERSION } from '../analysis/report.ts';
export { countText, parseScript, partWords, type ParsedScript, type PartWord, type ScriptPart } from '../analysis/script.ts';
export { compareWithModel, contourDistance, speechSpanContour, MIN_COMMON_POINTS, MODEL_GRID_POINTS, type ModelGridContour } from './model-comparison.ts';
export { analyseModel, decodeModelWav } from './analyse-model.ts';
export { agentNameOf, buildResults, exportResults, newAgentId, packTakes, resultsFileName, resultTakeOf, takeWav, type ResultsAgent } from './results-export.ts';
export { contourAt, hasTracks, waveformPeaks, type LoudnessEnvelope, type PitchContour, type ReviewSignals } from './review-signal.ts';
