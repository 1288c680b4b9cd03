/** Settings → your data: storage usage and quota, re-analysis, backup and CSV export, delete everything. */
import { useEffect, useMemo } from 'react';
import { useApp } from '../../services/app-context.ts';
import type { AnalyseFn } from '../../takes/index.ts';
import { AnalysisClient } from '../../workers/analysis-client.ts';
import { spawnAnalysisWorker } from '../../workers/spawn-analysis-worker.ts';
import { BackupPanel } from './BackupPanel.tsx';
import { DeleteAllPanel } from './DeleteAllPanel.tsx';
import { StoragePanel } from './StoragePanel.tsx';

/** The storage and backup cards; owns (and disposes) the worker used for re-analysis. */
export function StorageSettings(): React.JSX.Element | null {
  const { store, uiLang, reloadStored, reportStorageError } = useApp();
  const client = useMemo(() => new AnalysisClient(spawnAnalysisWorker), []);
  useEffect(() => () => client.dispose(), [client]);
  const analyse: AnalyseFn = (input, options, label, signal) => client.analyse(input, options, label, signal);
  // The profile (and interrupted takes) may have changed underneath: the app reads them again.
  const reload = (): void => { reloadStored().catch(() => reportStorageError('unknown')); };
  if (!store) return null;
  return (
    <>
      <StoragePanel store={store} uiLang={uiLang} analyse={analyse} />
      <BackupPanel store={store} uiLang={uiLang} onImported={reload} />
      <DeleteAllPanel store={store} uiLang={uiLang} onDeleted={reload} />
    </>
  );
}
