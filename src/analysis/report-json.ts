/** The exported form of a report: what `voicedrill analyze --json` prints and the app's worker returns. */
import { analyzeRecording } from './analyze.ts';
import type { AnalyzeOptions, AudioInput } from './options.ts';
import type { AnalysisReport, FileReport } from './report.ts';
import { roundReport } from './round.ts';

/** A report labelled with its file: `file` first, then the rounded report in canonical key order. */
export function toFileReport(report: AnalysisReport, fileLabel: string): FileReport {
  return { file: fileLabel, ...roundReport(report) };
}

/** Analyse one recording and return its rounded, ordered, labelled report (the CLI's JSON object). */
export function analyzeToJson(input: AudioInput, options: AnalyzeOptions, fileLabel: string): FileReport {
  return toFileReport(analyzeRecording(input, options), fileLabel);
}
