/**
 * One pack: its id (made from the title when left empty), title, author (the profile's name by default) and version;
 * its drills (add, edit, remove with a confirmation); sharing it. Every change is stored at once through `store`,
 * and the form keeps what was typed when storing fails.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { PACK_LIMITS, type PackDrill, type PackJson } from '../../packs/types.ts';
import { useApp } from '../../services/app-context.ts';
import { editedPack, exportedPack, newAuthoredPack, type AuthoredPack } from '../../storage/index.ts';
import type { MessageKey } from '../../i18n/index.ts';
import { DrillEditor } from './DrillEditor.tsx';
import { ExportPanel } from './ExportPanel.tsx';
import { idFromTitle, TrainerError, type FormMessage } from './trainer-model.ts';
import { MessageText, messageOf } from './use-form-message.tsx';

const PACK_ID_RE = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** Props of PackEditor. */
export interface PackEditorProps {
  /** The stored pack, or null for a new one. */
  initial: AuthoredPack | null;
  /** Ids of the trainer's other packs. */
  takenIds: ReadonlySet<string>;
  /** Called after every stored change. */
  onStored: (record: AuthoredPack) => void;
  onBack: () => void;
}

/** The pack editor. */
export function PackEditor({ initial, takenIds, onStored, onBack }: PackEditorProps): React.JSX.Element {
  const { t, uiLang, store, profile } = useApp();
  const [record, setRecord] = useState<AuthoredPack | null>(initial);
  const latest = useRef<AuthoredPack | null>(initial);
  const [fields, setFields] = useState(() => ({
    id: initial?.id ?? '', title: initial?.pack.title ?? '', author: initial?.pack.author ?? profile.fills[profile.scriptLang].name,
  }));
  const [errors, setErrors] = useState<FormMessage[]>([]);
  const [justSaved, setJustSaved] = useState(false);
  const [editing, setEditing] = useState<{ drillId: string | null; session: number } | null>(null);
  const sessions = useRef(0);
  const openDrill = (drillId: string | null): void => setEditing({ drillId, session: ++sessions.current });
  const [confirmRemove, setConfirmRemove] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement | null>(null);
  useEffect(() => heading.current?.focus(), []);

  // Store a change made from the latest stored record; the screen's list follows.
  const commit = useCallback(async (change: (r: AuthoredPack) => AuthoredPack): Promise<AuthoredPack> => {
    const current = latest.current;
    if (store === null || current === null) throw new TrainerError({ key: 'trainer.noStore' });
    const stored = await store.putAuthoredPack(change(current));
    latest.current = stored;
    setRecord(stored);
    onStored(stored);
    return stored;
  }, [store, onStored]);

  const savePack = async (): Promise<void> => {
    const problems: FormMessage[] = [];
    const title = fields.title.trim();
    const author = fields.author.trim();
    if (title === '' || title.length > PACK_LIMITS.titleChars) problems.push({ key: 'trainer.error.packTitle', params: { max: PACK_LIMITS.titleChars } });
    if (author.length > PACK_LIMITS.titleChars) problems.push({ key: 'trainer.error.packAuthor', params: { max: PACK_LIMITS.titleChars } });
    let id = record?.id ?? fields.id.trim();
    if (record === null) {
      if (id === '') id = idFromTitle(title, takenIds, `pack-${takenIds.size + 1}`);
      if (!PACK_ID_RE.test(id)) problems.push({ key: 'trainer.error.packId' });
      else if (takenIds.has(id)) problems.push({ key: 'trainer.error.packIdTaken', params: { id } });
    }
    setErrors(problems);
    setJustSaved(false);
    if (problems.length > 0 || store === null) return;
    try {
      if (record === null) {
        const stored = await store.putAuthoredPack(newAuthoredPack(id, title, author, Date.now()));
        latest.current = stored;
        setRecord(stored);
        onStored(stored);
      } else {
        await commit((r) => editedPack(r, { ...r.pack, title, author }, Date.now()));
      }
      setFields({ id, title, author });
      setJustSaved(true);
    } catch (error) {
      setErrors([messageOf(error)]);
    }
  };

  const saveDrill = useCallback(async (pd: PackDrill): Promise<PackDrill> => {
    const current = latest.current;
    if (current === null) throw new TrainerError({ key: 'trainer.noStore' });
    const exists = current.pack.drills.some((d) => d.drill.id === pd.drill.id);
    if (!exists && current.pack.drills.length >= PACK_LIMITS.drills) throw new TrainerError({ key: 'trainer.error.tooManyDrills', params: { max: PACK_LIMITS.drills } });
    const stored = await commit((r) => editedPack(r, {
      ...r.pack, drills: exists ? r.pack.drills.map((d) => (d.drill.id === pd.drill.id ? pd : d)) : [...r.pack.drills, pd],
    }, Date.now()));
    setEditing((e) => (e === null ? e : { ...e, drillId: pd.drill.id }));
    return stored.pack.drills.find((d) => d.drill.id === pd.drill.id) ?? pd;
  }, [commit]);

  const modelChanged = useCallback((drillId: string, hasModel: boolean) => {
    commit((r) => editedPack(r, { ...r.pack, drills: r.pack.drills.map((d) => (d.drill.id === drillId ? { ...d, hasModel } : d)) }, Date.now()))
      .catch((error: unknown) => setErrors([messageOf(error)]));
  }, [commit]);

  const removeDrill = async (drillId: string): Promise<void> => {
    setConfirmRemove(null);
    try {
      await commit((r) => editedPack(r, { ...r.pack, drills: r.pack.drills.filter((d) => d.drill.id !== drillId) }, Date.now()));
      if (record !== null) await store?.deleteAuthoredModel(record.id, drillId);
    } catch (error) {
      setErrors([messageOf(error)]);
    }
  };

  const markExported = useCallback(async (exported: PackJson): Promise<void> => {
    await commit((r) => exportedPack(r, exported, Date.now()));
  }, [commit]);

  const pack = record?.pack ?? null;
  const versionText = record === null ? null
    : record.exportedVersion === null ? t('trainer.pack.version', { version: record.pack.version })
    : record.exportedVersion === record.pack.version ? t('trainer.pack.versionExported', { version: record.pack.version })
    : t('trainer.pack.versionNext', { version: record.pack.version, exported: record.exportedVersion });
  const editingDrill = editing === null || editing.drillId === null || pack === null ? null : pack.drills.find((d) => d.drill.id === editing.drillId) ?? null;

  return (
    <div className="trainer-pack">
      <div className="actions"><button type="button" data-testid="trainer-back" onClick={onBack}>{t('trainer.back')}</button></div>
      <section className="card" aria-labelledby="pack-editor-title">
        <h3 id="pack-editor-title" tabIndex={-1} ref={heading}>{record === null ? t('trainer.pack.newTitle') : t('trainer.pack.title')}</h3>
        <form onSubmit={(e) => { e.preventDefault(); void savePack(); }} noValidate>
          <label className="field">
            <span>{t('trainer.pack.id')}</span>
            <input type="text" data-testid="pack-id" value={fields.id} readOnly={record !== null} autoComplete="off" spellCheck={false}
              aria-describedby="pack-id-hint" onChange={(e) => setFields({ ...fields, id: e.target.value })} />
            <small className="hint" id="pack-id-hint">{t('trainer.pack.idHint')}</small>
          </label>
          <label className="field">
            <span>{t('trainer.pack.titleField')}</span>
            <input type="text" data-testid="pack-title" value={fields.title} maxLength={PACK_LIMITS.titleChars} onChange={(e) => setFields({ ...fields, title: e.target.value })} />
          </label>
          <label className="field">
            <span>{t('trainer.pack.author')}</span>
            <input type="text" data-testid="pack-author" value={fields.author} maxLength={PACK_LIMITS.titleChars} onChange={(e) => setFields({ ...fields, author: e.target.value })} />
          </label>
          {versionText !== null && <p data-testid="pack-version" data-value={record?.pack.version}>{versionText}</p>}
          {errors.length > 0 && (
            <div className="notice notice-error" role="alert" data-testid="pack-errors">
              <ul>{errors.map((m, i) => <li key={i}><MessageText m={m} /></li>)}</ul>
            </div>
          )}
          <div className="actions">
            <button type="submit" className="primary" data-testid="save-pack">{t('trainer.pack.save')}</button>
            {justSaved && <span className="ok-text" role="status">{t('trainer.pack.saved')}</span>}
          </div>
        </form>
      </section>

      {record !== null && pack !== null && (
        <>
          <section className="card" aria-labelledby="pack-drills-title">
            <h3 id="pack-drills-title">{t('trainer.pack.drills')}</h3>
            {pack.drills.length === 0 ? <p className="empty-state">{t('trainer.pack.noDrills')}</p> : (
              <ul className="trainer-list" data-testid="pack-drills">
                {pack.drills.map((d) => (
                  <li key={d.drill.id} data-drill-id={d.drill.id}>
                    <div className="trainer-list-text">
                      <strong>{d.drill.title[uiLang]}</strong>
                      <span className="hint">
                        {t('trainer.pack.drillSummary', { kind: t(`trainer.drill.kind.${d.drill.kind}` as MessageKey), lang: t(`trainer.drill.lang.${d.drill.lang}` as MessageKey), n: d.attemptsRequired })}
                        {d.dueDate !== null && <> · {t('trainer.pack.due', { date: d.dueDate })}</>}
                        {d.hasModel && <> · {t('trainer.pack.hasModel')}</>}
                      </span>
                    </div>
                    {confirmRemove === d.drill.id ? (
                      <div className="actions" role="group" aria-label={t('trainer.pack.confirmDeleteDrill', { title: d.drill.title[uiLang] })}>
                        <span>{t('trainer.pack.confirmDeleteDrill', { title: d.drill.title[uiLang] })}</span>
                        <button type="button" className="danger" data-action="confirm-remove-drill" onClick={() => void removeDrill(d.drill.id)}>{t('trainer.pack.confirmDeleteDrillYes')}</button>
                        <button type="button" autoFocus onClick={() => setConfirmRemove(null)}>{t('trainer.cancel')}</button>
                      </div>
                    ) : (
                      <div className="actions">
                        <button type="button" data-action="edit-drill" aria-label={t('trainer.pack.editDrillLabel', { title: d.drill.title[uiLang] })}
                          onClick={() => openDrill(d.drill.id)}>{t('trainer.pack.editDrill')}</button>
                        <button type="button" className="danger" data-action="remove-drill" aria-label={t('trainer.pack.deleteDrillLabel', { title: d.drill.title[uiLang] })}
                          onClick={() => setConfirmRemove(d.drill.id)}>{t('trainer.pack.deleteDrill')}</button>
                      </div>
                    )}
                  </li>
                ))}
              </ul>
            )}
            <div className="actions">
              <button type="button" data-testid="add-drill" onClick={() => openDrill(null)}>{t('trainer.pack.addDrill')}</button>
            </div>
          </section>
          {editing !== null && (
            <DrillEditor key={editing.session} packId={record.id} existing={editingDrill}
              otherIds={new Set(pack.drills.map((d) => d.drill.id).filter((id) => id !== editing.drillId))}
              onSave={saveDrill} onModelChanged={modelChanged} onClose={() => setEditing(null)} />
          )}
          <ExportPanel record={record} onExported={markExported} />
        </>
      )}
    </div>
  );
}
