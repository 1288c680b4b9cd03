/** The deletes that can still be undone, each with its Undo button (focused when it appears). */
import { useApp } from '../../services/app-context.ts';
import type { PendingDelete } from '../../takes/index.ts';

/** Props of UndoBar. */
export interface UndoBarProps {
  pending: readonly PendingDelete[];
  onUndo: (takeId: string) => void;
}

/** The undo bar (a polite live region, so screen readers hear what was deleted). */
export function UndoBar({ pending, onUndo }: UndoBarProps): React.JSX.Element {
  const { t } = useApp();
  return (
    <div className="undo-bar" role="status" aria-live="polite" data-testid="undo-bar">
      {pending.length > 0 && (
        <div className="card notice">
          <ul>
            {pending.map((p) => (
              <li key={p.takeId} data-pending-take-id={p.takeId}>
                {t('history.deleted', { take: p.label })}{' '}
                {/* Focus moves here when a take is deleted, so Enter undoes it at once. */}
                <button type="button" autoFocus onClick={() => onUndo(p.takeId)} aria-label={t('history.undoFor', { take: p.label })} data-action="undo-delete">
                  {t('history.undo')}
                </button>
              </li>
            ))}
          </ul>
          <p className="muted">{t('history.undoHint')}</p>
        </div>
      )}
    </div>
  );
}
