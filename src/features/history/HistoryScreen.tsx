/** History: the takes grouped by drill and day, with key figures; each opens its scorecard. */
import { useEffect, useState } from 'react';
import { useApp } from '../../app/app-context.ts';
import { routeHref } from '../../app/routes.ts';
import { isStorageError } from '../../storage/index.ts';
import { storageErrorMessage } from '../practice/errors-model.ts';
import { groupTakes, type DrillGroup } from './history-model.ts';

/** The history screen. */
export function HistoryScreen(): React.JSX.Element {
  const { t, uiLang, store } = useApp();
  const [groups, setGroups] = useState<DrillGroup[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    if (!store) {
      setGroups([]);
      return;
    }
    store.listTakes().then(
      (takes) => { if (!cancelled) setGroups(groupTakes(takes, uiLang)); },
      (e: unknown) => { if (!cancelled) setError(t(storageErrorMessage(isStorageError(e) ? e.kind : 'unknown'))); },
    );
    return () => { cancelled = true; };
  }, [store, uiLang, t]);

  return (
    <section className="screen history" aria-labelledby="history-title">
      <h2 id="history-title">{t('nav.history')}</h2>
      {error && <p role="alert" className="notice notice-error">{error}</p>}
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
                {day.takes.map((take) => (
                  <li key={take.id} data-take-id={take.id} data-status={take.status}>
                    <a href={routeHref({ screen: 'take', takeId: take.id })} className="take-link">
                      <span className="take-time">{take.timeText}</span>
                      <span className="take-duration">{take.durationText}</span>
                      {take.status === 'analysed'
                        ? <span className="take-score">{t('history.goodCount', { good: take.goodCount, measured: take.measuredCount })}</span>
                        : <span className="take-score muted">{take.statusText}</span>}
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
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      ))}
    </section>
  );
}
