/**
 * The progress page: practice streak, personal bests, and one chart per guideline over the sessions,
 * for one drill or across drills. Data comes from progress-model.ts; this file only wires.
 */
import { useEffect, useMemo, useState } from 'react';
import { t, type UiLang } from '../../i18n/index.ts';
import { isStorageError, type TakeSummaryRecord, type VoiceDrillStore } from '../../storage/index.ts';
import { storageErrorMessage } from '../../services/error-messages.ts';
import { firstPaintStorage } from '../../storage/first-paint-cache.ts';
import { dismissFirstPaint } from '../../ui/first-paint-overlay.ts';
import { buildProgress, type ProgressModel } from './progress-model.ts';
import { headerSnapshot, progressSnapshotOf } from './progress-draw.ts';
import { writeProgressSnapshot } from './progress-snapshot.ts';
import { ProgressChart } from './ProgressChart.tsx';

/** Props of ProgressPage. */
export interface ProgressPageProps {
  store: VoiceDrillStore;
  uiLang: UiLang;
  /** The drill shown first; null or absent: all drills. */
  initialDrillId?: string | null;
  /** Called when the agent picks another drill (e.g. to keep it in the URL). */
  onDrillChange?: (drillId: string | null) => void;
  /** Opens a take (e.g. navigate to its review); personal bests link to it when given. */
  onOpenTake?: (takeId: string) => void;
}

/** Charts drawn in the first frame; the others right after it is painted (each uPlot of 1,000 points costs a few ms). */
const FIRST_DRAWN_CHARTS = 2;

/**
 * Once the live page has painted: remove start-up's first paint (if any) and keep this page's top as the next
 * start-up's snapshot (the all-drills view only; the page opens on it), written when the browser is idle.
 */
function useFirstPaintHandOver(model: ProgressModel | null, uiLang: UiLang, drillId: string | null): void {
  useEffect(() => {
    if (!model) return undefined;
    let idle: number | undefined;
    const frame = requestAnimationFrame(() => {
      dismissFirstPaint();
      if (drillId !== null) return;
      idle = requestIdleCallback(() => {
        const header = headerSnapshot(document);
        writeProgressSnapshot(firstPaintStorage(), header ? progressSnapshotOf(model, uiLang, header, __VOICEDRILL_BUILD_ID__) : null);
      }, { timeout: 2000 });
    });
    return () => {
      cancelAnimationFrame(frame);
      if (idle !== undefined) cancelIdleCallback(idle);
    };
  }, [model, uiLang, drillId]);
}

/** The progress screen. */
export function ProgressPage({ store, uiLang, initialDrillId = null, onDrillChange, onOpenTake }: ProgressPageProps): React.JSX.Element {
  const [takes, setTakes] = useState<TakeSummaryRecord[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [drillId, setDrillId] = useState<string | null>(initialDrillId);

  useEffect(() => {
    let cancelled = false;
    // One request for every take's summary, usually already started by start-up (app/early-start.ts).
    store.listSummaries().then((list) => { if (!cancelled) setTakes(list); }, (e: unknown) => {
      if (!cancelled) setError(t(uiLang, isStorageError(e) ? storageErrorMessage(e.kind) : 'storage.unknown'));
    });
    return () => { cancelled = true; };
  }, [store, uiLang]);

  const model = useMemo(() => (takes ? buildProgress(takes, { uiLang, drillId }) : null), [takes, uiLang, drillId]);
  useFirstPaintHandOver(model, uiLang, drillId);
  useEffect(() => { if (error) dismissFirstPaint(); }, [error]);

  if (error) return <section className="screen progress"><p role="alert">{error}</p></section>;
  if (!model) return <section className="screen progress" aria-busy="true"><p>{t(uiLang, 'review.loading')}</p></section>;
  const date = new Intl.DateTimeFormat(uiLang, { dateStyle: 'medium' });
  const pick = (id: string | null): void => {
    setDrillId(id);
    onDrillChange?.(id);
  };
  const { streak } = model;

  return (
    <section className="screen progress" aria-labelledby="progress-title" data-testid="progress" data-state={model.state} data-take-count={model.takeCount}>
      <h2 id="progress-title">{t(uiLang, 'nav.progress')}</h2>
      <p className="progress-streak" data-current-days={streak.currentDays} data-longest-days={streak.longestDays}>
        {streak.currentDays > 0 ? t(uiLang, 'progress.streak', { days: streak.currentDays }) : t(uiLang, 'progress.streakNone')}
        {streak.longestDays > 0 && <> · {t(uiLang, 'progress.streakLongest', { days: streak.longestDays })}</>}
      </p>
      {model.drills.length > 0 && (
        <label className="field">
          <span>{t(uiLang, 'progress.drill')}</span>
          <select value={drillId ?? ''} onChange={(e) => pick(e.target.value === '' ? null : e.target.value)}>
            <option value="">{t(uiLang, 'progress.allDrills')}</option>
            {model.drills.map((d) => <option key={d.drillId} value={d.drillId}>{d.title} ({d.takeCount})</option>)}
          </select>
        </label>
      )}
      {model.state === 'empty' && <p className="empty-state">{t(uiLang, 'progress.empty')}</p>}
      {model.state === 'one' && <p className="empty-state">{t(uiLang, 'progress.one')}</p>}
      {model.bests.length > 0 && (
        <section aria-labelledby="progress-bests">
          <h3 id="progress-bests">{t(uiLang, 'progress.bests')}</h3>
          <ul>
            {model.bests.map((b) => (
              <li key={b.drillId} data-best-take-id={b.takeId}>
                {t(uiLang, 'progress.best', { drill: b.title, good: b.good, when: date.format(new Date(b.createdAt)) })}
                {onOpenTake && <> <button type="button" onClick={() => onOpenTake(b.takeId)}>{t(uiLang, 'progress.open')}</button></>}
              </li>
            ))}
          </ul>
        </section>
      )}
      {model.versionNote && <p className="progress-version-note" role="note">{model.versionNote}</p>}
      <div className="progress-charts">
        {model.charts.map((c, i) => <ProgressChart key={c.key} chart={c} uiLang={uiLang} dayLabels={model.dayLabels} drawAfterPaint={i >= FIRST_DRAWN_CHARTS} />)}
      </div>
    </section>
  );
}
