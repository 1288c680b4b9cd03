/**
 * The call worker's side of its side worker: a RemoteCallSide (src/analysis split-finish.ts) over
 * messages. Chunks are transferred, not copied, and at most PUSHES_IN_FLIGHT wait unanswered, so a
 * slower side worker holds the reader back instead of queueing the file in memory. Requests are
 * answered in order; a failure of the side worker fails every request after it. release() terminates it.
 */
import type { RemoteCallSide } from '../analysis/index.ts';
import type { SideRequest, SideResponse } from './call-side-protocol.ts';

/** The part of a Worker the client uses. */
export interface SideWorkerLike {
  postMessage(message: SideRequest, transfer?: Transferable[]): void;
  terminate(): void;
  onmessage: ((event: { data: SideResponse }) => void) | null;
  onerror: ((event: { message?: string }) => void) | null;
}

/** Chunks sent and not yet taken by the side worker before push waits (4 × ~0.5 MB). */
export const PUSHES_IN_FLIGHT = 4;

/** A connected side: the remote steps, the arrays handed back, and release. */
export interface ConnectedCallSide extends RemoteCallSide {
  /** An array of `length` samples the side worker handed back after taking it (to be filled again), if one is spare. */
  spare(length: number): Float32Array | undefined;
  /** Ends the worker (idempotent). */
  release(): void;
}

/** A remote call side of `sampleRateHz` in `worker`; release() ends the worker (idempotent). */
export function connectCallSide(worker: SideWorkerLike, sampleRateHz: number): ConnectedCallSide {
  const waiting: { resolve: (answer: SideResponse) => void; reject: (e: Error) => void }[] = [];
  const pushes: Promise<SideResponse>[] = [];
  const spares: Float32Array[] = [];
  let failure: Error | null = null;
  const fail = (e: Error): void => {
    failure ??= e;
    for (const w of waiting.splice(0)) w.reject(failure);
  };
  worker.onmessage = ({ data }) => {
    if (data.type === 'error') fail(new Error(data.message));
    else {
      // At most PUSHES_IN_FLIGHT + 1 arrays go round; more are not kept.
      if (data.type === 'pushed' && data.samples && spares.length <= PUSHES_IN_FLIGHT) spares.push(data.samples);
      waiting.shift()?.resolve(data);
    }
  };
  worker.onerror = (event) => fail(new Error(`the second analysis thread stopped${event.message ? ` (${event.message})` : ''}`));
  const ask = (request: SideRequest, transfer: Transferable[] = []): Promise<SideResponse> => {
    let answered: Promise<SideResponse>;
    if (failure) answered = Promise.reject(failure);
    else {
      worker.postMessage(request, transfer);
      answered = new Promise<SideResponse>((resolve, reject) => waiting.push({ resolve, reject }));
    }
    // Marked handled: an answer nobody awaits any more (the analysis failed elsewhere) must not be reported as unhandled.
    answered.catch(() => undefined);
    return answered;
  };
  async function answer<T extends SideResponse['type']>(request: SideRequest, type: T): Promise<Extract<SideResponse, { type: T }>> {
    const got = await ask(request);
    if (got.type !== type) throw new Error(`the second analysis thread answered ${got.type} to ${request.type}`);
    return got as Extract<SideResponse, { type: T }>;
  }
  worker.postMessage({ type: 'start', sampleRateHz });
  return {
    async push(samples) {
      // A view into a larger buffer is copied: transferring would take the rest of the buffer too.
      const own = samples.byteOffset === 0 && samples.byteLength === samples.buffer.byteLength ? samples : samples.slice();
      pushes.push(ask({ type: 'push', samples: own }, [own.buffer as ArrayBuffer]));
      if (pushes.length >= PUSHES_IN_FLIGHT) await pushes.shift();
    },
    spare(length) {
      const k = spares.findIndex((s) => s.length === length && s.buffer.byteLength === length * 4);
      return k < 0 ? undefined : spares.splice(k, 1)[0];
    },
    summary: async () => (await answer({ type: 'summary' }, 'summary')).summary,
    speech: async (other, durationSec) => (await answer({ type: 'speech', other, durationSec }, 'speech')).speech,
    measure: async (turns, speech) => (await answer({ type: 'measure', turns, speech }, 'measured')).turns,
    release() {
      worker.onmessage = null;
      worker.onerror = null;
      worker.terminate();
      spares.length = 0;
      fail(new Error('the second analysis thread was released'));
    },
  };
}
