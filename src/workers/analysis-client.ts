/**
 * The app's side of the analysis worker: typed, one promise per request, abortable. Aborting (or
 * dispose) terminates the worker, the only way to stop a running analysis; the next request starts a
 * fresh one. Errors come back as sentences. No DOM types: the worker is made by a given factory
 * (spawn-analysis-worker.ts in the app, a fake in tests).
 */
import type { AnalyzeOptions, AudioInput, FileReport } from '../analysis/index.ts';
import type { AnalysisRequest, AnalysisResponse } from './analysis-protocol.ts';

/** The part of a Worker the client uses. */
export interface WorkerLike {
  postMessage(message: AnalysisRequest, transfer: ArrayBuffer[]): void;
  terminate(): void;
  onmessage: ((event: { data: AnalysisResponse }) => void) | null;
  onerror: ((event: { message?: string }) => void) | null;
}

/** The error of an aborted analysis (name 'AbortError', like fetch's). */
export class AnalysisAbortedError extends Error {
  override readonly name = 'AbortError';
  constructor() {
    super('The analysis was stopped before it finished.');
  }
}

interface Pending {
  resolve: (report: FileReport | null) => void;
  reject: (error: Error) => void;
  release: () => void;
}

/** A client of the analysis worker. */
export class AnalysisClient {
  private worker: WorkerLike | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  // Rates the current worker has analysed once (each rate has its own resampling path to warm).
  private readonly warmRates = new Set<number>();

  constructor(private readonly spawn: () => WorkerLike) {}

  /** Start the worker and warm it up with a short synthetic analysis at this rate (once per rate; resolves when done). */
  async warmUp(sampleRateHz: number): Promise<void> {
    if (this.warmRates.has(sampleRateHz)) return;
    this.warmRates.add(sampleRateHz);
    await this.request({ type: 'warmUp', id: this.nextId++, sampleRateHz }, []);
  }

  /** analyzeToJson(input, options, fileLabel) in the worker. The input's buffers are transferred (detached here). */
  async analyse(input: AudioInput, options: AnalyzeOptions, fileLabel: string, signal?: AbortSignal): Promise<FileReport> {
    const transfer = [...new Set(input.channels.map((c) => c.buffer as ArrayBuffer))];
    const report = await this.request({
      type: 'analyse', id: this.nextId++, channels: input.channels, sampleRateHz: input.sampleRateHz, options, fileLabel,
    }, transfer, signal);
    if (report === null) throw new Error('The analysis returned no report.');
    return report;
  }

  /** Terminate the worker; pending requests fail with AnalysisAbortedError. Safe to call twice. */
  dispose(): void {
    this.stop(new AnalysisAbortedError());
  }

  private request(message: AnalysisRequest, transfer: ArrayBuffer[], signal?: AbortSignal): Promise<FileReport | null> {
    if (signal?.aborted) return Promise.reject(new AnalysisAbortedError());
    return new Promise<FileReport | null>((resolve, reject) => {
      const onAbort = (): void => this.stop(new AnalysisAbortedError());
      signal?.addEventListener('abort', onAbort, { once: true });
      const release = (): void => signal?.removeEventListener('abort', onAbort);
      this.pending.set(message.id, { resolve, reject, release });
      try {
        this.ensureWorker().postMessage(message, transfer);
      } catch (error) {
        this.settle(message.id, null, new Error(`The analysis could not be started: ${error instanceof Error ? error.message : String(error)}.`));
      }
    });
  }

  private ensureWorker(): WorkerLike {
    if (this.worker) return this.worker;
    const worker = this.spawn();
    worker.onmessage = (event) => {
      const r = event.data;
      if (r.ok) this.settle(r.id, r.report, null);
      else this.settle(r.id, null, new Error(r.message));
    };
    worker.onerror = (event) => {
      const detail = event.message ? ` (${event.message})` : '';
      this.stop(new Error(`The analysis engine stopped unexpectedly${detail}. Reload the page and try again; your recording is saved.`));
    };
    this.worker = worker;
    return worker;
  }

  private settle(id: number, report: FileReport | null, error: Error | null): void {
    const p = this.pending.get(id);
    if (!p) return;
    this.pending.delete(id);
    p.release();
    if (error) p.reject(error);
    else p.resolve(report);
  }

  private stop(error: Error): void {
    this.worker?.terminate();
    this.worker = null;
    this.warmRates.clear();
    for (const id of [...this.pending.keys()]) this.settle(id, null, error);
  }
}
