/** Starts the analysis worker; Vite bundles analysis.worker.ts (with the analysis core) from this pattern. */
import type { WorkerLike } from './analysis-client.ts';

/** A new analysis worker (an ES module worker). */
export function spawnAnalysisWorker(): WorkerLike {
  return new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module', name: 'voicedrill-analysis' }) as unknown as WorkerLike;
}
