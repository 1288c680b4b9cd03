/**
 * The roster's data on this device: the cells built from the stored results, refreshed after an import or
 * a delete, and the import of many results files one after another (each file its own transaction).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { buildRoster, PACK_LIMITS, readResultsFile, type RosterCell } from '../../packs/index.ts';
import type { VoiceDrillStore } from '../../storage/index.ts';
import { importTotals, localDay, splitResultsFiles, type FileOutcome, type ImportTotals } from './roster-model.ts';

/** Progress of an import of many files. */
export interface ImportProgress {
  done: number;
  total: number;
  fileName: string;
}

/** Sentences the import needs from the screen's language (the reader's own sentences come from src/packs). */
export interface ImportTexts {
  tooLarge: (fileName: string) => string;
  unreadable: (fileName: string) => string;
  storeFailed: (fileName: string) => string;
}

/** The roster state and actions. */
export interface RosterData {
  /** null while loading. */
  cells: RosterCell[] | null;
  loadError: boolean;
  progress: ImportProgress | null;
  lastImport: ImportTotals | null;
  importFiles: (files: readonly File[]) => Promise<void>;
  deleteAgent: (agentId: string) => Promise<number>;
  refresh: () => void;
}

/** Read the roster from the store and import results files into it. */
export function useRoster(store: VoiceDrillStore | null, texts: ImportTexts): RosterData {
  const [cells, setCells] = useState<RosterCell[] | null>(null);
  const [loadError, setLoadError] = useState(false);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [lastImport, setLastImport] = useState<ImportTotals | null>(null);
  const [generation, setGeneration] = useState(0);
  const busy = useRef(false);
  const textsRef = useRef(texts);
  textsRef.current = texts;

  useEffect(() => {
    if (!store) {
      setCells([]);
      return;
    }
    let live = true;
    store.listRosterInputs().then(
      (inputs) => { if (live) { setCells(buildRoster(inputs, localDay(new Date()))); setLoadError(false); } },
      () => { if (live) { setCells([]); setLoadError(true); } },
    );
    return () => { live = false; };
  }, [store, generation]);

  const refresh = useCallback(() => setGeneration((g) => g + 1), []);

  const importFiles = useCallback(async (files: readonly File[]) => {
    if (!store || busy.current) return;
    busy.current = true;
    const { results, skipped } = splitResultsFiles(files);
    const outcomes: FileOutcome[] = [];
    try {
      for (let i = 0; i < results.length; i++) {
        const file = results[i];
        setProgress({ done: i, total: results.length, fileName: file.name });
        outcomes.push(await importOne(store, file, textsRef.current));
      }
    } finally {
      setProgress(null);
      setLastImport(importTotals(outcomes, skipped));
      busy.current = false;
      setGeneration((g) => g + 1);
    }
  }, [store]);

  const deleteAgent = useCallback(async (agentId: string) => {
    if (!store) return 0;
    const n = await store.deleteRosterAgent(agentId);
    setGeneration((g) => g + 1);
    return n;
  }, [store]);

  return { cells, loadError, progress, lastImport, importFiles, deleteAgent, refresh };
}

// One file: read and validated by src/packs, then stored in one transaction.
async function importOne(store: VoiceDrillStore, file: File, texts: ImportTexts): Promise<FileOutcome> {
  const fileName = file.name;
  if (file.size > PACK_LIMITS.resultsFileBytes) return { fileName, ok: false, error: texts.tooLarge(fileName) };
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    return { fileName, ok: false, error: texts.unreadable(fileName) };
  }
  const read = readResultsFile(bytes);
  if (!read.ok) return { fileName, ok: false, error: read.error };
  try {
    const counts = await store.importRosterResults(read.value);
    return { fileName, ok: true, newTakes: counts.newTakes, alreadyPresent: counts.alreadyPresent };
  } catch {
    return { fileName, ok: false, error: texts.storeFailed(fileName) };
  }
}
