/**
 * Settings → your data: delete everything (takes, audio, profile and calibration) in two explicit
 * steps. The second step says how many takes go, offers a backup first, and nothing is deleted until
 * "Yes, delete everything"; afterwards a sentence says what was deleted.
 */
import { useState } from 'react';
import { deleteAllData } from '../../backup/index.ts';
import { t, type UiLang } from '../../i18n/index.ts';
import type { VoiceDrillStore } from '../../storage/index.ts';
import { exportBackupNow } from './backup-panel-model.ts';
import { useDownloads } from '../../ui/use-downloads.ts';

/** Props of DeleteAllPanel. */
export interface DeleteAllPanelProps {
  store: VoiceDrillStore;
  uiLang: UiLang;
  /** Called after everything was deleted (e.g. to forget the profile in the app). */
  onDeleted?: () => void;
}

/** The "delete all my data" card. */
export function DeleteAllPanel({ store, uiLang, onDeleted }: DeleteAllPanelProps): React.JSX.Element {
  const download = useDownloads();
  const [busy, setBusy] = useState(false);
  const [asking, setAsking] = useState<{ count: number; calls: number } | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  const guard = async (work: () => Promise<void>, errorKey: 'deleteAll.error' | 'backup.error.unknown'): Promise<void> => {
    setBusy(true);
    try {
      await work();
    } catch {
      setMessage({ text: t(uiLang, errorKey), error: true });
    } finally {
      setBusy(false);
    }
  };

  const ask = (): Promise<void> => guard(async () => {
    setMessage(null);
    setAsking({ count: (await store.listSummaries()).length, calls: (await store.listCallSummaries()).length });
  }, 'deleteAll.error');

  const backupFirst = (): Promise<void> => guard(async () => {
    setMessage({ text: await exportBackupNow(store, download, uiLang), error: false });
  }, 'backup.error.unknown');

  const confirm = (): Promise<void> => guard(async () => {
    const { takes, calls } = await deleteAllData(store);
    setAsking(null);
    setMessage({ text: t(uiLang, 'deleteAll.done', { count: takes, calls }), error: false });
    onDeleted?.();
  }, 'deleteAll.error');

  return (
    <section className="card delete-all" aria-labelledby="delete-all-title" data-testid="delete-all-panel" aria-busy={busy}>
      <h3 id="delete-all-title">{t(uiLang, 'deleteAll.title')}</h3>
      <p>{t(uiLang, 'deleteAll.explain')}</p>
      {asking === null ? (
        <button type="button" className="danger" disabled={busy} onClick={() => void ask()} data-action="delete-all">{t(uiLang, 'deleteAll.start')}</button>
      ) : (
        <div role="group" aria-labelledby="delete-all-question" data-testid="delete-all-confirm">
          <p id="delete-all-question" className="notice">{t(uiLang, 'deleteAll.question', { count: asking.count, calls: asking.calls })}</p>
          <div className="actions">
            <button type="button" disabled={busy} onClick={() => void backupFirst()} data-action="delete-all-backup">{t(uiLang, 'deleteAll.backupFirst')}</button>
            <button type="button" className="danger" disabled={busy} onClick={() => void confirm()} data-action="delete-all-confirm">{t(uiLang, 'deleteAll.confirm')}</button>
            <button type="button" disabled={busy} data-action="delete-all-cancel"
              onClick={() => { setAsking(null); setMessage({ text: t(uiLang, 'deleteAll.cancelled'), error: false }); }}>{t(uiLang, 'deleteAll.cancel')}</button>
          </div>
        </div>
      )}
      {message && (message.error
        ? <p role="alert" className="notice notice-error" data-delete-all-message="error">{message.text}</p>
        : <p role="status" className="notice notice-ok" data-delete-all-message="ok">{message.text}</p>)}
    </section>
  );
}
