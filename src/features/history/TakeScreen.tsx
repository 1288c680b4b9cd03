/** One take from History: its scorecard, or the way to analyse it; listen back; delete (undone in History). */
import { useMemo } from 'react';
import { useApp } from '../../services/app-context.ts';
import { routeHref } from '../../services/routes.ts';
import { needsReanalysis } from '../../storage/index.ts';
import { CompareTakes } from '../review/components.ts';
import { TakeReview } from '../review/components.ts';
import { ScorecardView } from '../practice/components.ts';
import { toBaseline } from '../../takes/index.ts';
import { takeLabel } from './history-model.ts';
import { StoredTakeAudio } from './StoredTakeAudio.tsx';
import { useStoredTake } from './use-stored-take.ts';
import { useTakeFirstPaint } from './use-take-first-paint.ts';

/** The take screen. */
export function TakeScreen({ takeId }: { takeId: string }): React.JSX.Element {
  const { t, profile, navigate, store, uiLang, undoDelete } = useApp();
  const s = useStoredTake(takeId);
  const baseline = useMemo(() => toBaseline(profile.baseline), [profile.baseline]);
  const take = s.take;
  const onDrawn = useTakeFirstPaint(takeId, !s.loading && (s.error !== null || s.analysed === null || store === null), s.comparisonSettled);
  // No confirm dialog: History hides the take and offers Undo before the real delete (undo-delete-model.ts).
  const remove = (): void => {
    if (!take || !undoDelete) return;
    undoDelete.delete(take.id, takeLabel(take, uiLang));
    navigate({ screen: 'history' });
  };
  const canAnalyse = take !== null && (take.status === 'recorded' || take.status === 'recording' || needsReanalysis(take));
  return (
    <section className="screen take" aria-labelledby="take-title">
      <p><a href={routeHref({ screen: 'history' })}>← {t('history.back')}</a></p>
      <h2 id="take-title" className={take?.name ? 'take-title' : 'visually-hidden'} data-name={take?.name ?? ''}>{take?.name ?? t('nav.history')}</h2>
      {s.loading && <p role="status">{t('app.loading')}</p>}
      {s.error && <p role="alert" className="notice notice-error">{s.error}</p>}
      {!s.loading && take === null && !s.error && <p className="card empty-state">{t('history.missing')}</p>}
      {take && !s.analysed && (
        <div className="card">
          {take.failure && <p className="notice notice-error">{take.failure}</p>}
          {needsReanalysis(take) && <p className="notice">{t('history.reanalyse')}</p>}
          {canAnalyse && (
            <button type="button" className="primary" onClick={s.analyse} disabled={s.busy} data-action="analyse">
              {s.busy ? t('practice.analysing') : t('history.analyse')}
            </button>
          )}
        </div>
      )}
      {s.analysed && (
        <ScorecardView analysed={s.analysed} baseline={baseline} actions={(
          <>
            {needsReanalysis(s.analysed.take) && <button type="button" onClick={s.analyse} disabled={s.busy}>{t('scorecard.reanalyse')}</button>}
            <StoredTakeAudio takeId={s.analysed.take.id} />
          </>
        )} />
      )}
      {s.analysed && store && (
        <>
          <TakeReview store={store} uiLang={uiLang} takeId={s.analysed.take.id} record={s.analysed.take} baseline={profile.baseline} onDrawn={onDrawn} />
          <CompareTakes store={store} uiLang={uiLang} takeId={s.analysed.take.id} against={{ kind: 'best' }} />
        </>
      )}
      {take && (
        <p><button type="button" className="danger" onClick={remove} data-action="delete">{t('history.delete')}</button></p>
      )}
    </section>
  );
}
