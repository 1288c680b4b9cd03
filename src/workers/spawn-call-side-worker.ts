/** Starts a side worker from the call worker; Vite bundles call-side.worker.ts (the call engine) from this pattern. */
import type { SideWorkerLike } from './call-side-client.ts';

/** A new side worker (an ES module worker, nested in the call worker: it ends when the call worker ends). */
export function spawnCallSideWorker(): SideWorkerLike {
  return new Worker(new URL('./call-side.worker.ts', import.meta.url), { type: 'module', name: 'voicedrill-call-side' }) as unknown as SideWorkerLike;
}
