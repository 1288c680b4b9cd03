/**
 * Running imports on the Calls screen: one file at a time (more wait in a queue), progress with the
 * time it started, Cancel (aborts: the worker is terminated and nothing is saved), and the outcome.
 * Leaving the screen cancels a running import.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { importCall, workerCallAnalyser, type CallGreetingChoice, type CallProgress, type CallRecord } from '../../calls/index.ts';
import type { VoiceDrillStore } from '../../storage/index.ts';

/** What an import needs besides the file. */
export interface ImportChoices {
  agentChannel: 'left' | 'right';
  lang: 'zh' | 'en';
  keepAudio: boolean;
  calibrationLevelDbfs: number | null;
  /** The greeting template the opening greeting is scored against (absent or null: not scored). */
  greeting?: CallGreetingChoice | null;
  /** A call this import replaces (analysed again with the other channel): deleted once the new one is saved. */
  replaces?: string;
}

/** Where the import is. */
export type ImportState =
  | { phase: 'idle' }
  | { phase: 'running'; fileName: string; progress: CallProgress | null; startedAtMs: number }
  | { phase: 'done'; file: File; call: CallRecord; audioNotKept: boolean; choices: ImportChoices }
  | { phase: 'failed'; fileName: string; error: unknown }
  | { phase: 'cancelled'; fileName: string };

/** The import state and its actions. */
export interface CallImport {
  state: ImportState;
  start: (files: readonly File[], choices: ImportChoices) => void;
  cancel: () => void;
}

/** Imports into `store`; `onStored` runs after each call is saved (or replaced). */
export function useCallImport(store: VoiceDrillStore | null, onStored: () => void): CallImport {
  const [state, setState] = useState<ImportState>({ phase: 'idle' });
  const queue = useRef<{ file: File; choices: ImportChoices }[]>([]);
  const running = useRef<AbortController | null>(null);
  const stored = useRef(onStored);
  stored.current = onStored;

  const next = useCallback(async (): Promise<void> => {
    const job = queue.current.shift();
    if (!job || !store) return;
    const { file, choices } = job;
    const controller = new AbortController();
    running.current = controller;
    const startedAtMs = Date.now();
    const update = (progress: CallProgress | null): void => {
      if (running.current === controller) setState({ phase: 'running', fileName: file.name, progress, startedAtMs });
    };
    update(null);
    try {
      const imported = await importCall({
        store, file, ...choices, analyse: workerCallAnalyser, signal: controller.signal,
        onProgress: update,
      });
      if (choices.replaces) await store.deleteCall(choices.replaces).catch(() => undefined);
      if (running.current === controller) setState({ phase: 'done', file, call: imported.call, audioNotKept: imported.audioNotKept !== null, choices });
      stored.current();
    } catch (error) {
      if (running.current !== controller) return;
      const aborted = error instanceof Error && error.name === 'AbortError';
      setState(aborted ? { phase: 'cancelled', fileName: file.name } : { phase: 'failed', fileName: file.name, error });
    } finally {
      if (running.current === controller) running.current = null;
    }
    if (running.current === null) void next();
  }, [store]);

  const start = useCallback((files: readonly File[], choices: ImportChoices): void => {
    queue.current.push(...files.map((file) => ({ file, choices })));
    if (running.current === null) void next();
  }, [next]);

  const cancel = useCallback((): void => {
    queue.current = [];
    running.current?.abort();
  }, []);

  useEffect(() => () => {
    queue.current = [];
    const controller = running.current;
    running.current = null;
    controller?.abort();
  }, []);

  return { state, start, cancel };
}
