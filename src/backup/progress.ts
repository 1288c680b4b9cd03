/**
 * Progress and stop of the long part of a backup: moving calls' kept audio (hundreds of MB), one stored piece
 * at a time. The caller is told the bytes done against the bytes to do after each piece, and can stop between
 * pieces with an AbortSignal (the work then throws an AbortError DOMException; store-io.ts undoes what it wrote).
 */
import { errorChain } from '../storage/index.ts';

/** What the caller of a long backup step may pass. */
export interface AudioWork {
  /** Called after each piece of calls' audio with the bytes done and the bytes to do in this step. */
  onProgress?: (doneBytes: number, totalBytes: number) => void;
  /** Stops the step between two pieces. */
  signal?: AbortSignal;
}

/** True when `e` is the AbortError a stopped step throws. */
export function isAbort(e: unknown): e is DOMException {
  return e instanceof DOMException && e.name === 'AbortError';
}

/** The stopped step's AbortError in `e` or what it wraps (Dexie wraps an error thrown in a transaction as `inner`), else null. */
export function abortIn(e: unknown): DOMException | null {
  return errorChain(e).find(isAbort) ?? null;
}

/** Counts one step's bytes and checks its signal. */
export class AudioProgress {
  private doneBytes = 0;
  private readonly work: AudioWork;
  private readonly totalBytes: number;

  constructor(work: AudioWork, totalBytes: number) {
    this.work = work;
    this.totalBytes = totalBytes;
  }

  /** Throws an AbortError when the signal has stopped the step. */
  check(): void {
    if (this.work.signal?.aborted) throw new DOMException('The backup was stopped.', 'AbortError');
  }

  /** `bytes` more are done. */
  add(bytes: number): void {
    this.doneBytes += bytes;
    this.work.onProgress?.(this.doneBytes, this.totalBytes);
  }
}
