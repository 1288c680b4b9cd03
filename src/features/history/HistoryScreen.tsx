/** History: the takes grouped by drill and day, with key figures; each opens its scorecard, is renamed or deleted (with undo). */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useApp } from '../../services/app-context.ts';
import { routeHref } from '../../services/routes.ts';
import { isStorageError, type TakeRecord } from '../../storage/index.ts';
import { storageErrorMessage } from '../../services/error-messages.ts';
import { groupTakes, withoutHidden, type TakeSummary } from './history-model.ts';
import { TakeItem } from './TakeItem.tsx';
import { UndoBar } from './UndoBar.tsx';
import { useUndoDelete } from './use-undo-delete.ts';

/** The history screen. */
export function HistoryScreen(): React.JSX.Element {
  const { t, uiLang, store } = useApp();
  const undoDelete = useUndoDelete(true);
  const [takes, setTakes] = useState<TakeRecord[] | null>(null);
  // When the list was read (undoDelete.listStamp): a delete confirmed after it still hides its take.
  const [listedAt, setListedAt] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [restored, setRestored] = useState<string | null>(null);
  const message = useCallback((e: unknown) => t(storageErrorMessage(isStorageError(e) ? e.kind : 'unknown')), [t]);
  useEffect(() => {
    let cancelled = false;
    if (!store) {
      setTakes([]);
      return;
    }
    const stamp = undoDelete?.listStamp() ?? 0;
    store.listTakes().then(
      (list) => {
        if (cancelled) return;
        setTakes(list);
        setListedAt(stamp);
      },
      (e: unknown) => { if (!cancelled) setError(message(e)); },
    );
    return () => { cancelled = true; };
  }, [store, message, undoDelete]);

  const allGroups = useMemo(() => (takes ? groupTakes(takes, uiLang) : null), [takes, uiLang]);
  // Not memoised: what is hidden changes with the undo model (useUndoDelete re-renders on each change).
  const groups = allGroups && (undoDelete ? withoutHidden(allGroups, (id) => undoDelete.isHidden(id, listedAt)) : allGroups);

  // After Undo the focus goes back to the restored take.
  useEffect(() => {
    if (restored === null) return;
    document.querySelector<HTMLElement>(`li[data-take-id="${CSS.escape(restored)}"] a.take-link`)?.focus();
    setRestored(null);
  }, [restored]);

  const rename = useCallback(async (takeId: string, name: string | null) => {
    if (!store) return;
    try {
      const renamed = await store.renameTake(takeId, name);
      setTakes((list) => list && list.map((take) => (take.id === takeId ? renamed : take)));
    } catch (e) {
      throw new Error(message(e), { cause: e });
    }
  }, [store, message]);
  const remove = useCallback((take: TakeSummary) => undoDelete?.delete(take.id, take.label), [undoDelete]);
  const undo = useCallback((takeId: string) => { if (undoDelete?.undo(takeId)) setRestored(takeId); }, [undoDelete]);

  return (
    <section className="screen history" aria-labelledby="history-title">
      <h2 id="history-title">{t('nav.history')}</h2>
      {error && <p role="alert" className="notice notice-error">{error}</p>}
      <UndoBar pending={undoDelete?.pendingDeletes() ?? []} onUndo={undo} />
      {groups === null && !error && <p role="status">{t('app.loading')}</p>}
      {groups !== null && groups.length === 0 && (
        <div className="card empty-state"><p>{t('history.empty')} <a href={routeHref({ screen: 'practice' })}>{t('nav.practice')}</a></p></div>
      )}
      {groups?.map((group) => (
        <section key={group.drillId} className="card history-drill" aria-labelledby={`h-${group.drillId}`} data-drill-id={group.drillId}>
          <h3 id={`h-${group.drillId}`}>{group.title} <span className="count">{t('history.takeCount', { count: group.takeCount })}</span></h3>
          {group.days.map((day) => (
            <div key={day.dayKey} className="history-day" data-day={day.dayKey}>
              <h4>{day.dayLabel}</h4>
              <ul className="take-list">
                {day.takes.map((take) => <TakeItem key={take.id} take={take} onRename={rename} onDelete={remove} />)}
              </ul>
            </div>
          ))}
        </section>
      ))}
    </section>
  );
}
