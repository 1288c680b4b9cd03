/**
 * Writes a recording to storage while it is made: samples are gathered into chunks of about
 * CHUNK_SEC, converted to Int16 (the stored form) and appended one after another, each its own
 * transaction, so a closed tab or a crash loses at most the last chunk. The first failed append stops
 * the writing (later chunks would leave a gap); everything appended before it stays. Pure: the
 * append function is given, so the logic is tested without a database.
 */
import { floatToInt16 } from '../storage/pcm.ts';

/** Length of a stored chunk, seconds (storage/takes.ts: chunks of ≈ 1 s). */
export const CHUNK_SEC = 1;

/** Stores chunk `seq` (from 0); rejects when it could not be stored. */
export type AppendChunk = (seq: number, pcm: Int16Array) => Promise<void>;

/** Gathers samples into chunks and appends them in order; stops at the first failure. */
export class ChunkWriter {
  private readonly chunkSamples: number;
  private pending: Float32Array;
  private pendingLength = 0;
  private nextSeq = 0;
  private queue: Promise<void> = Promise.resolve();
  private readonly saved: Int16Array[] = [];
  private savedCount = 0;
  private error: unknown = null;
  private failedOnce = false;

  constructor(
    readonly sampleRateHz: number,
    private readonly append: AppendChunk,
    private readonly onFailure: (error: unknown) => void = () => undefined,
    chunkSec: number = CHUNK_SEC,
  ) {
    this.chunkSamples = Math.max(1, Math.round(chunkSec * sampleRateHz));
    this.pending = new Float32Array(this.chunkSamples);
  }

  /** The first append error, or null. */
  get failure(): unknown {
    return this.error;
  }

  /** True once an append has failed (nothing more is written). */
  get failed(): boolean {
    return this.failedOnce;
  }

  /** Samples confirmed stored. */
  get savedSamples(): number {
    return this.savedCount;
  }

  /** Seconds confirmed stored (the take's length as the app records it). */
  get savedSec(): number {
    return this.savedCount / this.sampleRateHz;
  }

  /** The stored chunks, in order: exactly the audio a later loadTakeAudio returns. */
  get savedChunks(): readonly Int16Array[] {
    return this.saved;
  }

  /** Add recorded samples; full chunks are queued for storage at once. */
  push(samples: Float32Array): void {
    if (this.failedOnce) return;
    let offset = 0;
    while (offset < samples.length) {
      const n = Math.min(samples.length - offset, this.chunkSamples - this.pendingLength);
      this.pending.set(samples.subarray(offset, offset + n), this.pendingLength);
      this.pendingLength += n;
      offset += n;
      if (this.pendingLength === this.chunkSamples) this.emit();
    }
  }

  /** Queue what is left as a last, shorter chunk and wait until every queued chunk is stored or failed. */
  async flush(): Promise<void> {
    if (this.pendingLength > 0 && !this.failedOnce) this.emit();
    await this.queue;
  }

  private emit(): void {
    const pcm = floatToInt16(this.pending.subarray(0, this.pendingLength));
    this.pendingLength = 0;
    const seq = this.nextSeq++;
    this.queue = this.queue.then(async () => {
      if (this.failedOnce) return;
      try {
        await this.append(seq, pcm);
        this.saved.push(pcm);
        this.savedCount += pcm.length;
      } catch (e) {
        this.failedOnce = true;
        this.error = e;
        this.onFailure(e);
      }
    });
  }
}
