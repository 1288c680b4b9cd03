/**
 * The Assigned section of the practice screen: each drill of each assigned pack with its due date, attempts done /
 * required, completion and overdue state (in words, not colour only); a click opens it for practice. Per pack, the
 * results export (the agent's takes as a results file, audio only when ticked), and the pack file import.
 */
import { useState } from 'react';
import { useApp } from '../../services/app-context.ts';
import { routeHref } from '../../services/routes.ts';
import { storageErrorMessage } from '../../services/error-messages.ts';
import { isStorageError } from '../../storage/index.ts';
import { agentNameOf, exportResults, newAgentId } from '../../takes/index.ts';
import type { Drill } from '../../drills/index.ts';
import type { Assigned } from './use-assigned.ts';
import { takeImportNotice, type Notice } from './import-notice.ts';
import { t as tr } from '../../i18n/index.ts';
import { PackImportPanel } from './PackImportPanel.tsx';
import { useDownloads } from '../../ui/use-downloads.ts';

/** Props of AssignedList. */
export interface AssignedListProps {
  assigned: Assigned;
  /** The drill being practised (marked in the list). */
  currentDrillId: string;
  /** Select a drill for practice (the link also moves to #/practice/<drillId>). */
  onOpen: (drill: Drill) => void;
  disabled: boolean;
}

/** The Assigned section. */
export function AssignedList({ assigned, currentDrillId, onOpen, disabled }: AssignedListProps): React.JSX.Element {
  const { t, uiLang, store, profile, saveProfile } = useApp();
  const [includeAudio, setIncludeAudio] = useState(false);
  // The sentence a pack link's import ended with (its page replaced itself with this one).
  const [linkNotice] = useState<Notice | null>(() => takeImportNotice());
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busy, setBusy] = useState(false);
  const download = useDownloads();
  // The pack whose removal is being asked about (two steps: nothing is removed by one press).
  const [asking, setAsking] = useState<string | null>(null);

  const removePack = async (packId: string, title: string): Promise<void> => {
    if (!store) return;
    setBusy(true);
    try {
      await store.deleteAssignedPack(packId);
      setAsking(null);
      setNotice({ text: (l) => tr(l, 'assigned.removed', { title }), ok: true });
      assigned.reload();
    } catch (e) {
      setNotice({ text: (l) => tr(l, 'assigned.removeFailed', { title, detail: isStorageError(e) ? tr(l, storageErrorMessage(e.kind)) : e instanceof Error ? e.message : String(e) }), ok: false });
    } finally {
      setBusy(false);
    }
  };

  const exportPack = async (packId: string): Promise<void> => {
    const pack = assigned.packs.find((p) => p.id === packId);
    if (!store || !pack) return;
    setBusy(true);
    setNotice({ text: (l) => tr(l, 'assigned.exporting'), ok: true });
    try {
      let agentId = profile.agentId;
      if (agentId === undefined) {
        agentId = newAgentId();
        await saveProfile({ ...profile, agentId });
      }
      const out = await exportResults(store, pack, { id: agentId, name: agentNameOf(profile, pack) }, includeAudio);
      download(new Blob([out.bytes as Uint8Array<ArrayBuffer>], { type: 'application/zip' }), out.fileName);
      setNotice({ text: (l) => tr(l, 'assigned.exported', { file: out.fileName, count: out.takes }), ok: true });
    } catch (e) {
      setNotice({ text: (l) => tr(l, 'assigned.exportFailed', { detail: isStorageError(e) ? tr(l, storageErrorMessage(e.kind)) : e instanceof Error ? e.message : String(e) }), ok: false });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card assigned" data-testid="assigned-list" aria-labelledby="assigned-title">
      <h3 id="assigned-title">{t('assigned.title')}</h3>
      {assigned.items.length === 0 && <p className="hint">{t('assigned.empty')}</p>}
      {assigned.packs.map((pack) => (
        <div key={pack.id} className="assigned-pack" data-pack-id={pack.id}>
          <h4>{pack.pack.title}</h4>
          <ul className="assigned-drills">
            {assigned.items.filter((i) => i.packId === pack.id).map((item) => {
              const title = item.drill.title[uiLang];
              return (
                <li key={item.drill.id} data-testid={`assigned-drill-${item.drill.id}`} data-done={item.done} data-required={item.required}
                  data-complete={String(item.complete)} data-overdue={String(item.overdue)}
                  className={`assigned-drill${item.overdue ? ' overdue' : ''}${item.complete ? ' complete' : ''}${item.drill.id === currentDrillId ? ' current' : ''}`}>
                  <a href={routeHref({ screen: 'drill', drillId: item.drill.id })} aria-label={t('assigned.open', { title })}
                    aria-current={item.drill.id === currentDrillId ? 'true' : undefined}
                    onClick={(e) => { if (disabled) e.preventDefault(); else onOpen(item.drill); }}>{title}</a>
                  <span className="assigned-facts">
                    <span className="assigned-due">{item.dueDate === null ? t('assigned.noDue') : t('assigned.due', { date: item.dueDate })}</span>
                    <span className="assigned-attempts">{t('assigned.attempts', { done: item.done, required: item.required })}</span>
                    {item.complete && <span className="assigned-complete"><span aria-hidden="true">✓ </span>{t('assigned.complete')}</span>}
                    {item.overdue && <strong className="assigned-overdue">{t('assigned.overdue')}</strong>}
                  </span>
                </li>
              );
            })}
          </ul>
          <div className="assigned-actions">
            <button type="button" data-testid={`export-results-${pack.id}`} disabled={busy || !store} onClick={() => void exportPack(pack.id)}>
              {t('assigned.export', { title: pack.pack.title })}
            </button>
            {asking !== pack.id && (
              <button type="button" data-testid={`remove-pack-${pack.id}`} disabled={busy || !store} onClick={() => setAsking(pack.id)}>
                {t('assigned.remove', { title: pack.pack.title })}
              </button>
            )}
          </div>
          {asking === pack.id && (
            <div className="notice" role="group" aria-label={t('assigned.remove', { title: pack.pack.title })} data-testid={`remove-pack-ask-${pack.id}`}>
              <p>{t('assigned.removeAsk', { title: pack.pack.title })}</p>
              <button type="button" data-action="remove-pack-cancel" autoFocus onClick={() => setAsking(null)}>{t('assigned.removeCancel')}</button>{' '}
              <button type="button" className="danger" data-action="remove-pack-confirm" disabled={busy} onClick={() => void removePack(pack.id, pack.pack.title)}>{t('assigned.removeConfirm')}</button>
            </div>
          )}
        </div>
      ))}
      {assigned.packs.length > 0 && (
        <label className="check">
          <input type="checkbox" data-testid="results-include-audio" checked={includeAudio} onChange={(e) => setIncludeAudio(e.currentTarget.checked)} />
          <span>{t('assigned.includeAudio')}</span>
        </label>
      )}
      {notice && <p role="status" className={notice.ok ? 'hint' : 'notice notice-error'} data-testid="results-export-status">{notice.text(uiLang)}</p>}
      <PackImportPanel onImported={assigned.reload} notice={linkNotice} />
    </section>
  );
}
