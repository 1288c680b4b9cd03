/**
 * Trainer mode's screen (#/trainer): the trainer's packs (new, open, delete with a confirmation) and, for the open
 * pack, the pack editor with its drills, model recordings and sharing (PackEditor.tsx).
 */
import { useCallback, useEffect, useState } from 'react';
import { useApp } from '../../services/app-context.ts';
import type { AuthoredPack } from '../../storage/index.ts';
import { PackEditor } from './PackEditor.tsx';
import type { FormMessage } from './trainer-model.ts';
import { MessageText, messageOf } from './use-form-message.tsx';
import './trainer.css';

type View = { kind: 'list' } | { kind: 'pack'; packId: string | null; session: number };

/** The screen. */
export function TrainerScreen(): React.JSX.Element {
  const { t, store } = useApp();
  const [packs, setPacks] = useState<AuthoredPack[] | null>(null);
  const [view, setView] = useState<View>({ kind: 'list' });
  const [confirm, setConfirm] = useState<string | null>(null);
  const [message, setMessage] = useState<{ m: FormMessage; error: boolean } | null>(null);

  useEffect(() => {
    if (store === null) return;
    let live = true;
    store.listAuthoredPacks().then((list) => { if (live) setPacks(list); }, (error: unknown) => {
      if (live) {
        setPacks([]);
        setMessage({ m: messageOf(error), error: true });
      }
    });
    return () => { live = false; };
  }, [store]);

  const onStored = useCallback((record: AuthoredPack) => {
    setPacks((list) => [record, ...(list ?? []).filter((p) => p.id !== record.id)]);
    setView((v) => (v.kind === 'pack' && v.packId === null ? { ...v, packId: record.id } : v));
  }, []);

  const remove = async (pack: AuthoredPack): Promise<void> => {
    setConfirm(null);
    if (store === null) return;
    try {
      await store.deleteAuthoredPack(pack.id);
      setPacks((list) => (list ?? []).filter((p) => p.id !== pack.id));
      setMessage({ m: { key: 'trainer.deleted', params: { title: pack.pack.title } }, error: false });
    } catch (error) {
      setMessage({ m: messageOf(error), error: true });
    }
  };

  if (store === null) {
    return <section className="screen trainer"><h2>{t('trainer.title')}</h2><p className="notice">{t('trainer.noStore')}</p></section>;
  }

  if (view.kind === 'pack') {
    const initial = view.packId === null ? null : (packs ?? []).find((p) => p.id === view.packId) ?? null;
    return (
      <section className="screen trainer" aria-labelledby="trainer-title">
        <h2 id="trainer-title">{t('trainer.title')}</h2>
        <PackEditor key={view.session} initial={initial} takenIds={new Set((packs ?? []).map((p) => p.id).filter((id) => id !== view.packId))}
          onStored={onStored} onBack={() => { setView({ kind: 'list' }); setMessage(null); }} />
      </section>
    );
  }

  return (
    <section className="screen trainer" aria-labelledby="trainer-title">
      <h2 id="trainer-title">{t('trainer.title')}</h2>
      <p className="hint">{t('trainer.intro')}</p>
      <div className="actions">
        <button type="button" className="primary" data-testid="new-pack" onClick={() => setView({ kind: 'pack', packId: null, session: Date.now() })}>{t('trainer.newPack')}</button>
      </div>
      {message !== null && <p className={message.error ? 'error-text' : 'ok-text'} role={message.error ? 'alert' : 'status'}><MessageText m={message.m} /></p>}
      <section className="card" aria-labelledby="trainer-packs-title">
        <h3 id="trainer-packs-title">{t('trainer.packList')}</h3>
        {packs === null ? <p className="loading">{t('trainer.loading')}</p>
          : packs.length === 0 ? <p className="empty-state">{t('trainer.empty')}</p> : (
            <ul className="trainer-list" data-testid="pack-list">
              {packs.map((p) => (
                <li key={p.id} data-pack-id={p.id}>
                  <div className="trainer-list-text">
                    <strong>{p.pack.title}</strong>
                    <span className="hint">{t('trainer.packSummary', { version: p.pack.version, n: p.pack.drills.length })}</span>
                  </div>
                  {confirm === p.id ? (
                    <div className="actions" role="group" aria-label={t('trainer.confirmDelete', { title: p.pack.title })}>
                      <span>{t('trainer.confirmDelete', { title: p.pack.title })}</span>
                      <button type="button" className="danger" data-action="confirm-delete-pack" onClick={() => void remove(p)}>{t('trainer.confirmDeleteYes')}</button>
                      <button type="button" autoFocus onClick={() => setConfirm(null)}>{t('trainer.cancel')}</button>
                    </div>
                  ) : (
                    <div className="actions">
                      <button type="button" data-action="open-pack" aria-label={t('trainer.openLabel', { title: p.pack.title })}
                        onClick={() => { setMessage(null); setView({ kind: 'pack', packId: p.id, session: Date.now() }); }}>{t('trainer.open')}</button>
                      <button type="button" className="danger" data-action="delete-pack" aria-label={t('trainer.deleteLabel', { title: p.pack.title })}
                        onClick={() => setConfirm(p.id)}>{t('trainer.delete')}</button>
                    </div>
                  )}
                </li>
              ))}
            </ul>
          )}
      </section>
    </section>
  );
}
