/** One take in the History list: opens its screen; renamed in place (Enter saves, Escape cancels); deleted with undo. */
import { useEffect, useRef, useState } from 'react';
import { useApp } from '../../services/app-context.ts';
import { routeHref } from '../../services/routes.ts';
import { TAKE_NAME_MAX_CHARS } from '../../storage/index.ts';
import { checkTakeName, type TakeSummary } from './history-model.ts';

/** Props of TakeItem. */
export interface TakeItemProps {
  take: TakeSummary;
  /** Store the new name (null clears it); rejects with the reason as a sentence. */
  onRename: (takeId: string, name: string | null) => Promise<void>;
  onDelete: (take: TakeSummary) => void;
}

/** A take's list entry. */
export function TakeItem({ take, onRename, onDelete }: TakeItemProps): React.JSX.Element {
  const { t, uiLang } = useApp();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const renameButton = useRef<HTMLButtonElement | null>(null);
  const wasEditing = useRef(false);
  const fieldId = `rename-${take.id}`;

  // Back to the Rename button when the field closes (saved or cancelled), so the keyboard user is not lost.
  useEffect(() => {
    if (wasEditing.current && !editing) renameButton.current?.focus();
    wasEditing.current = editing;
  }, [editing]);

  const open = (): void => {
    setDraft(take.name ?? '');
    setError(null);
    setEditing(true);
  };
  const save = async (): Promise<void> => {
    const checked = checkTakeName(draft, uiLang);
    if (!checked.ok) return setError(checked.error);
    setBusy(true);
    try {
      await onRename(take.id, checked.name);
      setEditing(false);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <li data-take-id={take.id} data-status={take.status} data-name={take.name ?? ''}>
      <a href={routeHref({ screen: 'take', takeId: take.id })} className="take-link">
        {take.name && <span className="take-name">{take.name}</span>}
        <span className="take-time">{take.timeText}</span>
        <span className="take-duration">{take.durationText}</span>
        {take.status === 'analysed' && !take.unscored
          ? <span className="take-score">{t('history.goodCount', { good: take.goodCount, measured: take.measuredCount })}</span>
          : <span className="take-score muted" data-unscored={String(take.unscored)}>{take.unscored ? t('history.unscored') : take.statusText}</span>}
        {take.completeness && (
          <span className="tag" data-completeness={take.completeness}>
            {t(take.completeness === 'counted' ? 'history.incompleteCounted' : 'history.incomplete')}
          </span>
        )}
      </a>
      {take.figures.length > 0 && (
        <ul className="figures">
          {take.figures.map((f) => (
            <li key={f.guideline} data-guideline={f.guideline} data-status={f.status}>
              <span className="figure-label">{f.label}</span> <span className={`pill status-${f.status}`}>{f.valueText}</span>
            </li>
          ))}
        </ul>
      )}
      {editing ? (
        <form className="rename-form" onSubmit={(e) => { e.preventDefault(); void save(); }}
          onKeyDown={(e) => { if (e.key === 'Escape') { e.preventDefault(); setEditing(false); } }}>
          <label htmlFor={fieldId}>{t('history.renameLabel')}</label>{' '}
          {/* The field opens on request, so taking the focus is what the agent expects. */}
          <input id={fieldId} name="take-name" type="text" value={draft} maxLength={TAKE_NAME_MAX_CHARS} autoFocus
            aria-describedby={`${fieldId}-hint`} aria-invalid={error !== null} onChange={(e) => setDraft(e.target.value)} />{' '}
          <button type="submit" disabled={busy} data-action="save-name">{t('history.renameSave')}</button>{' '}
          <button type="button" onClick={() => setEditing(false)} data-action="cancel-rename">{t('history.renameCancel')}</button>
          <p id={`${fieldId}-hint`} className="muted">{t('history.renameHint')}</p>
          {error && <p role="alert" className="notice notice-error">{error}</p>}
        </form>
      ) : (
        <p className="take-actions">
          <button type="button" ref={renameButton} onClick={open} aria-label={t('history.renameFor', { take: take.label })} data-action="rename">
            {t('history.rename')}
          </button>{' '}
          <button type="button" className="danger" onClick={() => onDelete(take)} aria-label={t('history.deleteFor', { take: take.label })} data-action="delete">
            {t('history.delete')}
          </button>
        </p>
      )}
    </li>
  );
}
