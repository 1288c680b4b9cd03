/** Messages between the app and the call worker (call.worker.ts): one analysis per worker. */
import type { CallFileErrorKind } from './call-file-error.ts';
import type { CallAnalysis, CallAnalysisOptions, CallProgress } from './call-analysis.ts';

/** Analyse this file (the worker reads it itself, in slices). */
export interface CallRequest {
  type: 'analyse';
  file: File;
  options: CallAnalysisOptions;
}

/** The worker's messages: progress, then the result or the reason it failed. */
export type CallResponse =
  | ({ type: 'progress' } & CallProgress)
  | { type: 'done'; analysis: CallAnalysis }
  | { type: 'error'; kind: CallFileErrorKind; message: string; channelCount: number | null };

/** The typed arrays of an analysis, to transfer rather than copy. */
export function transferablesOf(analysis: CallAnalysis): ArrayBuffer[] {
  return analysis.peaks.channels.flatMap((c) => [c.min.buffer as ArrayBuffer, c.max.buffer as ArrayBuffer]);
}
