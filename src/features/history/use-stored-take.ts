/**
 * One stored take for its screen: loads it and, when analysed, shows it at once and then the takes it is compared with; analyses
 * it (again) on request in its own worker, terminated when the screen closes. Deleting goes through
 * the app's UndoDelete (TakeScreen).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useApp } from '../../services/app-context.ts';
import { isStorageError, needsReanalysis, type TakeRecord } from '../../storage/index.ts';
import { AnalysisClient } from '../../workers/analysis-client.ts';
import { spawnAnalysisWorker } from '../../workers/spawn-analysis-worker.ts';
import { storageErrorMessage } from '../../services/error-messages.ts';
import { analyseTake, drillOfTake, loadComparison, toBaseline, type AnalysedTake } from '../../takes/index.ts';

/** What the take screen shows. */
export interface StoredTakeState {
  loading: boolean;
  take: TakeRecord | null;
  analysed: AnalysedTake | null;
  busy: boolean;
  error: string | null;
  /** The scorecard's comparison with other takes has been read (or could not be): the page is drawn whole. */
  comparisonSettled: boolean;
  analyse: () => void;
}

/** Load a take by id; analyse it on request. */
export function useStoredTake(takeId: string): StoredTakeState {
  const { store, profile, t } = useApp();
  const [take, setTake] = useState<TakeRecord | null>(null);
  const [analysed, setAnalysed] = useState<AnalysedTake | null>(null);
  const [loading, setLoading] = useState(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [comparisonSettled, setComparisonSettled] = useState(false);
  const client = useRef<AnalysisClient | null>(null);
  const abort = useRef<AbortController | null>(null);
  const message = useCallback((e: unknown) => (isStorageError(e) ? t(storageErrorMessage(e.kind)) : e instanceof Error ? e.message : String(e)), [t]);

  const messageRef = useRef(message);
  messageRef.current = message;

  useEffect(() => () => {
    abort.current?.abort();
    client.current?.dispose();
  }, []);

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      if (!store) return setLoading(false);
      try {
        const found = await store.getTake(takeId);
        if (cancelled) return;
        setTake(found);
        const drill = found ? drillOfTake(found) : null;
        if (found?.report && drill && !needsReanalysis(found)) {
          // Shown at once from the stored report; the previous take and the personal best (other records
          // to read) fill the scorecard's comparison in when they come.
          const shown: AnalysedTake = { take: found, drill, report: { file: found.id, ...found.report }, comparison: { previous: null, best: null }, saved: Promise.resolve(found) };
          setAnalysed(shown);
          setLoading(false);
          try {
            const comparison = await loadComparison(store, found);
            if (!cancelled && (comparison.previous || comparison.best)) setAnalysed((now) => (now === shown ? { ...shown, comparison } : now));
          } finally {
            if (!cancelled) setComparisonSettled(true);
          }
        }
      } catch (e) {
        if (!cancelled) setError(messageRef.current(e));
      } finally {
        if (!cancelled) setLoading(false);
      }
    })();
    return () => { cancelled = true; };
  }, [store, takeId]);

  const analyse = useCallback(() => {
    if (!store || !take || busy) return;
    client.current ??= new AnalysisClient(spawnAnalysisWorker);
    const controller = new AbortController();
    abort.current = controller;
    setBusy(true);
    setError(null);
    void (async () => {
      try {
        const ready = take.status === 'recording' ? await store.recoverTake(take.id) : take;
        const result = await analyseTake({ store, analyser: client.current as AnalysisClient, take: ready, baseline: toBaseline(profile.baseline), signal: controller.signal });
        if (controller.signal.aborted) return;
        setTake(await result.saved);
        setAnalysed(result);
      } catch (e) {
        if (!controller.signal.aborted) setError(message(e));
      } finally {
        if (!controller.signal.aborted) setBusy(false);
      }
    })();
  }, [store, take, busy, profile.baseline, message]);

  return { loading, take, analysed, busy, error, comparisonSettled, analyse };
}
