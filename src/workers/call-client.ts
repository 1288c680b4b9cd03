/**
 * The app's side of the call worker: one worker per analysis, progress by callback, the result as a
 * promise. Cancel (the AbortSignal) terminates the worker, the only way to stop it mid-file; a finished
 * or failed analysis terminates it too, so nothing is left running. No DOM types: the worker comes from
 * a given factory (spawn-call-worker.ts in the app, a fake in tests).
 */
import type { CallFileErrorKind } from './call-file-error.ts';
import type { CallAnalysis, CallAnalysisOptions, CallProgress } from './call-analysis.ts';
import type { CallRequest, CallResponse } from './call-protocol.ts';

export type { CallAnalysis, CallAnalysisOptions, CallProgress } from './call-analysis.ts';
export { CALL_FILE_ERROR_KINDS, type CallFileErrorKind } from './call-file-error.ts';

/** The part of a Worker the client uses. */
export interface CallWorkerLike {
  postMessage(message: CallRequest): void;
  terminate(): void;
  onmessage: ((event: { data: CallResponse }) => void) | null;
  onerror: ((event: { message?: string }) => void) | null;
}

/** Why an analysis failed: the file's problem (kind) in a sentence that names it. */
export class CallAnalysisError extends Error {
  override readonly name = 'CallAnalysisError';
  constructor(readonly kind: CallFileErrorKind, message: string, readonly channelCount: number | null = null) {
    super(message);
  }
}

/** The error of a cancelled analysis (name 'AbortError', like fetch's). */
export class CallAnalysisAbortedError extends Error {
  override readonly name = 'AbortError';
  constructor() {
    super('The call analysis was cancelled.');
  }
}

/** Analyse one call file in a fresh worker; rejects with CallAnalysisError or CallAnalysisAbortedError. */
export function analyseCallInWorker(
  spawn: () => CallWorkerLike, file: File, options: CallAnalysisOptions, onProgress: (p: CallProgress) => void, signal?: AbortSignal,
): Promise<CallAnalysis> {
  if (signal?.aborted) return Promise.reject(new CallAnalysisAbortedError());
  return new Promise<CallAnalysis>((resolve, reject) => {
    const worker = spawn();
    const end = (): void => {
      worker.onmessage = null;
      worker.onerror = null;
      worker.terminate();
      signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = (): void => {
      end();
      reject(new CallAnalysisAbortedError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.onmessage = ({ data }) => {
      if (data.type === 'progress') {
        const { type: _type, ...progress } = data;
        onProgress(progress);
        return;
      }
      end();
      if (data.type === 'done') resolve(data.analysis);
      else reject(new CallAnalysisError(data.kind, data.message, data.channelCount));
    };
    worker.onerror = (event) => {
      end();
      reject(new CallAnalysisError('unknown', `${file.name} could not be analysed: the analysis stopped unexpectedly${event.message ? ` (${event.message})` : ''}.`));
    };
    worker.postMessage({ type: 'analyse', file, options });
  });
}
