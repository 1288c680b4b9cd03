/**
 * "Your data is yours": export everything to one .voicedrill file, import such a file back (merged,
 * never overwriting audio; a bad file changes nothing), and export the results as CSV.
 */
import { useState } from 'react';
import { downloadName, exportBackup, importBackup, isBackupError, takesToCsv, type BackupErrorKind, type ImportResult } from '../../backup/index.ts';
import { t, type MessageKey, type UiLang } from '../../i18n/index.ts';
import { isStorageError, type VoiceDrillStore } from '../../storage/index.ts';
import { storageErrorMessage } from '../../services/error-messages.ts';
import { useDownloads } from './use-downloads.ts';

/** Props of BackupPanel. */
export interface BackupPanelProps {
  store: VoiceDrillStore;
  uiLang: UiLang;
  /** Called after a successful import (e.g. to reload lists). */
  onImported?: (result: ImportResult) => void;
}

const BACKUP_ERROR_KEYS: Record<BackupErrorKind, MessageKey> = {
  'not-a-backup': 'backup.error.notABackup',
  'newer-version': 'backup.error.newerVersion',
  truncated: 'backup.error.truncated',
  corrupt: 'backup.error.corrupt',
};

/** The message for a failed export or import, in the UI language. */
export function backupErrorMessage(e: unknown, lang: UiLang): string {
  if (isBackupError(e)) return t(lang, BACKUP_ERROR_KEYS[e.kind]);
  if (isStorageError(e)) return t(lang, storageErrorMessage(e.kind));
  return t(lang, 'backup.error.unknown');
}

/** The backup panel. */
export function BackupPanel({ store, uiLang, onImported }: BackupPanelProps): React.JSX.Element {
  const download = useDownloads();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  const run = async (work: () => Promise<string>): Promise<void> => {
    setBusy(true);
    setMessage(null);
    try {
      setMessage({ text: await work(), error: false });
    } catch (e) {
      setMessage({ text: backupErrorMessage(e, uiLang), error: true });
    } finally {
      setBusy(false);
    }
  };

  const exportAll = (): Promise<void> => run(async () => {
    const now = new Date();
    const { blob, takeCount } = await exportBackup(store, now);
    download(blob, downloadName('backup', now));
    return t(uiLang, 'backup.exported', { count: takeCount });
  });

  const exportCsv = (): Promise<void> => run(async () => {
    const now = new Date();
    const takes = await store.listTakes({ order: 'oldest' });
    download(new Blob([takesToCsv(takes, uiLang)], { type: 'text/csv;charset=utf-8' }), downloadName('results', now));
    return t(uiLang, 'backup.csvExported', { count: takes.length });
  });

  const importFile = (file: File): Promise<void> => run(async () => {
    const result = await importBackup(store, file);
    onImported?.(result);
    return t(uiLang, 'backup.imported', { added: result.added, updated: result.updated, skipped: result.skipped });
  });

  return (
    <section className="card backup-panel" aria-labelledby="backup-title" data-testid="backup-panel" aria-busy={busy}>
      <h3 id="backup-title">{t(uiLang, 'backup.title')}</h3>
      <p>{t(uiLang, 'backup.explain')}</p>
      <button type="button" disabled={busy} onClick={() => void exportAll()} data-action="export-backup">{t(uiLang, 'backup.export')}</button>{' '}
      <button type="button" disabled={busy} onClick={() => void exportCsv()} data-action="export-csv">{t(uiLang, 'backup.csv')}</button>
      <label className="field">
        <span>{t(uiLang, 'backup.import')}</span>
        <input type="file" accept=".voicedrill,application/octet-stream" disabled={busy} data-action="import-backup"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = ''; // the same file can be chosen again after a failure
            if (file) void importFile(file);
          }} />
      </label>
      {message && <p role={message.error ? 'alert' : 'status'} data-backup-message={message.error ? 'error' : 'ok'}>{message.text}</p>}
    </section>
  );
}
