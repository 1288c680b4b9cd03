/** Starts a call worker; Vite bundles call.worker.ts (the engine and mediabunny) from this pattern. */
import type { CallWorkerLike } from './call-client.ts';

/** A new call worker (an ES module worker). */
export function spawnCallWorker(): CallWorkerLike {
  return new Worker(new URL('./call.worker.ts', import.meta.url), { type: 'module', name: 'voicedrill-call' }) as unknown as CallWorkerLike;
}
