/** An analysis worker owned by a review screen: started only when a take must be analysed again, terminated on unmount. */
import { useCallback, useEffect, useRef } from 'react';
import type { Analyser } from '../../takes/index.ts';
import { AnalysisClient } from '../../workers/analysis-client.ts';
import { spawnAnalysisWorker } from '../../workers/spawn-analysis-worker.ts';

/** A getter of the screen's analyser: `given` (tests), else a lazily started worker client disposed on unmount. */
export function useLazyAnalyser(given?: Analyser): () => Analyser {
  const client = useRef<AnalysisClient | null>(null);
  useEffect(() => () => {
    client.current?.dispose();
    client.current = null;
  }, []);
  return useCallback(() => given ?? (client.current ??= new AnalysisClient(spawnAnalysisWorker)), [given]);
}
