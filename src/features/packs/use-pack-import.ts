/**
 * Importing a pack the agent has previewed: merge it with the stored packs (one transaction: a refusal or failure
 * changes nothing), then analyse its model recordings in an analysis worker (as the practice screen analyses takes)
 * and store their reports. Owns the worker while it runs; leaving the screen aborts it.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ReadPack } from '../../packs/types.ts';
import { useApp } from '../../services/app-context.ts';
import { storageErrorMessage } from '../../services/error-messages.ts';
import { isStorageError } from '../../storage/index.ts';
import { analyseModel } from '../../takes/index.ts';
import { renderDrill } from '../../drills/index.ts';
import { AnalysisClient } from '../../workers/analysis-client.ts';
import { spawnAnalysisWorker } from '../../workers/spawn-analysis-worker.ts';
import { importMessage } from './assigned-model.ts';
import type { Notice } from './import-notice.ts';
import { t as tr, type UiLang } from '../../i18n/index.ts';

/** Where an import is. */
export type PackImportState =
  | { phase: 'idle' }
  | { phase: 'reading' }
  | { phase: 'preview'; read: ReadPack }
  | { phase: 'saving'; read: ReadPack }
  | { phase: 'analysing'; read: ReadPack }
  | ({ phase: 'done' } & Notice);

/** What the import screens get. */
export interface PackImportController {
  state: PackImportState;
  reading: () => void;
  preview: (read: ReadPack) => void;
  /** A reader's refusal (one sentence) or another failure to show. */
  fail: (text: (lang: UiLang) => string) => void;
  /** Confirm the previewed pack; resolves with the final sentence once the models are analysed. */
  confirm: () => Promise<Notice | null>;
  cancel: () => void;
}

/** The import of one previewed pack at a time. */
export function usePackImport(onImported?: () => void, initial: PackImportState = { phase: 'idle' }): PackImportController {
  const { store, profile } = useApp();
  const [state, setState] = useState<PackImportState>(initial);
  const alive = useRef(true);
  const abort = useRef<AbortController | null>(null);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
      abort.current?.abort();
    };
  }, []);
  const set = useCallback((s: PackImportState) => { if (alive.current) setState(s); }, []);
  const stateRef = useRef(state);
  stateRef.current = state;

  const confirm = useCallback(async (): Promise<Notice | null> => {
    const current = stateRef.current;
    if (current.phase !== 'preview') return null;
    const { read } = current;
    const finish = (text: (lang: UiLang) => string, ok: boolean): Notice => {
      set({ phase: 'done', text, ok });
      return { text, ok };
    };
    if (store === null) return finish((l) => tr(l, 'packs.noStore'), false);
    set({ phase: 'saving', read });
    let outcome;
    try {
      outcome = await store.importAssignedPack(read);
    } catch (e) {
      return finish((l) => (isStorageError(e) ? tr(l, storageErrorMessage(e.kind)) : String(e)), false);
    }
    const merged = outcome;
    const text = (l: UiLang): string => importMessage(merged, read.pack, l);
    if (outcome.kind === 'refused') return finish(text, false);
    onImported?.();
    const pending = (await store.listAssignedModels(read.pack.id).catch(() => [])).filter((m) => m.report === null);
    if (pending.length === 0) return finish(text, true);
    set({ phase: 'analysing', read });
    const controller = new AbortController();
    abort.current = controller;
    const client = new AnalysisClient(spawnAnalysisWorker);
    let done = 0;
    try {
      for (const model of pending) {
        const drill = outcome.record.pack.drills.find((d) => d.drill.id === model.drillId && d.drill.version === model.drillVersion)?.drill;
        if (!drill || controller.signal.aborted) continue;
        try {
          const report = await analyseModel(client, model.wav, drill, renderDrill(drill, profile).script, controller.signal);
          if (await store.saveAssignedModelReport(read.pack.id, model.drillId, model.drillVersion, report)) done += 1;
        } catch {
          // A model that cannot be analysed leaves only its comparison missing (counted below).
        }
      }
    } finally {
      client.dispose();
    }
    onImported?.();
    const count = pending.length;
    return finish((l) => `${text(l)} ${tr(l, 'packs.import.modelsAnalysed', { done, count })}`, true);
  }, [store, set, onImported, profile]);

  return {
    state,
    reading: useCallback(() => set({ phase: 'reading' }), [set]),
    preview: useCallback((read: ReadPack) => set({ phase: 'preview', read }), [set]),
    fail: useCallback((text: (lang: UiLang) => string) => set({ phase: 'done', text, ok: false }), [set]),
    confirm,
    cancel: useCallback(() => set({ phase: 'done', text: (l) => tr(l, 'packs.import.cancelled'), ok: true }), [set]),
  };
}
