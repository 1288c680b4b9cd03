/**
 * Analysing a stored call again with another choice of who is who (a mono call's voice, the user's
 * corrections): one at a time, progress with the time it started, Cancel (the worker is terminated and
 * nothing saved changes), the outcome. Leaving the screen cancels it.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { reanalyseCall, workerCallAnalyser, type CallGreetingChoice, type CallProgress, type CallRecord, type MonoChoice } from '../../calls/index.ts';
import type { VoiceDrillStore } from '../../storage/index.ts';

/** Where the re-analysis is. */
export type ReanalyseState =
  | { phase: 'idle' }
  | { phase: 'running'; progress: CallProgress | null; startedAtMs: number }
  | { phase: 'done' }
  | { phase: 'failed'; error: unknown }
  | { phase: 'cancelled' };

/** The re-analysis state and its actions. */
export interface CallReanalyse {
  state: ReanalyseState;
  /** Analyse `call` again from `audio` with `choice` (ignored while one runs); `greeting` scores an opening the call has none of. */
  start(call: CallRecord, audio: Blob, choice: MonoChoice, greeting?: CallGreetingChoice): void;
  cancel(): void;
}

/** Re-analyses into `store` with the agent's calibration; `onSaved` gets the stored call. */
export function useCallReanalyse(store: VoiceDrillStore | null, calibrationLevelDbfs: number | null, onSaved: (call: CallRecord) => void): CallReanalyse {
  const [state, setState] = useState<ReanalyseState>({ phase: 'idle' });
  const running = useRef<AbortController | null>(null);
  const saved = useRef(onSaved);
  saved.current = onSaved;

  const start = useCallback((call: CallRecord, audio: Blob, choice: MonoChoice, greeting?: CallGreetingChoice): void => {
    if (!store || running.current) return;
    const controller = new AbortController();
    running.current = controller;
    const startedAtMs = Date.now();
    const live = (): boolean => running.current === controller;
    setState({ phase: 'running', progress: null, startedAtMs });
    reanalyseCall({
      store, call, audio, choice, calibrationLevelDbfs, ...(greeting ? { greeting } : {}), analyse: workerCallAnalyser, signal: controller.signal,
      onProgress: (progress) => { if (live()) setState({ phase: 'running', progress, startedAtMs }); },
    }).then(
      (stored) => {
        if (!live()) return;
        setState({ phase: 'done' });
        saved.current(stored);
      },
      (error: unknown) => {
        if (!live()) return;
        setState(error instanceof Error && error.name === 'AbortError' ? { phase: 'cancelled' } : { phase: 'failed', error });
      },
    ).finally(() => {
      if (live()) running.current = null;
    });
  }, [store, calibrationLevelDbfs]);

  const cancel = useCallback((): void => running.current?.abort(), []);

  useEffect(() => () => {
    const controller = running.current;
    running.current = null;
    controller?.abort();
  }, []);

  return { state, start, cancel };
}
