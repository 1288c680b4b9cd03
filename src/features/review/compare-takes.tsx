/**
 * Compare a take with the personal best, the previous take or a reference take of the same drill:
 * both pitch contours on one uPlot chart, aligned by scaling each take's script (or speech) span to
 * the same length, and both takes playable; a click on the chart moves both players to that moment.
 * The contours come from the stored reports' tracks; a take analysed by an older version is analysed
 * again in a worker (and saved) first. The legend names what is compared (the previous best when this
 * take is itself the best) and reads both contours at the cursor.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type uPlot from 'uplot';
import { t, unitLabel, type UiLang } from '../../i18n/index.ts';
import { isStorageError, StorageError, type VoiceDrillStore } from '../../storage/index.ts';
import { encodeWavMono16 } from '../../audio/wav.ts';
import { useUplot } from '../../ui/use-uplot.ts';
import { storageErrorMessage } from '../../services/error-messages.ts';
import {
  loadTakeForReview, resolveComparison, signalsOf, withCurrentReport,
  type Analyser, type CompareAgainst, type ComparisonRole, type CurrentReportOptions, type LoadedTake,
} from '../../takes/index.ts';
import { alignContours, comparisonData, comparisonLegend, formatSt, timeAtFraction, type AlignedComparison } from './compare-model.ts';
import { useLazyAnalyser } from './use-analyser.ts';
import { useMediaRelease } from '../../ui/media-release.ts';

/** Props of CompareTakes. */
export interface CompareTakesProps {
  store: VoiceDrillStore;
  uiLang: UiLang;
  /** The take being reviewed. */
  takeId: string;
  against: CompareAgainst;
  /** Analyses an outdated take again (default: an analysis worker started when needed). */
  analyser?: Analyser;
}

type State =
  | { phase: 'loading' }
  | { phase: 'reanalysing' }
  | { phase: 'none' }
  | { phase: 'error'; message: string }
  | { phase: 'ready'; current: LoadedTake; other: LoadedTake; role: ComparisonRole; currentIsBest: boolean; aligned: AlignedComparison | null };

const CHART_HEIGHT_PX = 220;

/** Thrown when an outdated take could not be analysed again (its old report is then not drawn). */
class ReanalysisFailed extends Error {}

async function load(store: VoiceDrillStore, takeId: string, against: CompareAgainst, reanalysis: CurrentReportOptions): Promise<State> {
  const update = (l: LoadedTake): Promise<LoadedTake> => withCurrentReport(store, l, reanalysis).catch((e: unknown) => {
    throw new ReanalysisFailed(e instanceof Error ? e.message : String(e));
  });
  // The take records first: without a take to compare with, no audio is read.
  const take = await store.getTake(takeId);
  if (take === null) throw new StorageError('not-found', `There is no take "${takeId}"; it may have been deleted.`);
  const resolved = await resolveComparison(store, take, against);
  if (resolved === null) return { phase: 'none' };
  const current = await update(await loadTakeForReview(store, take));
  const other = await update(await loadTakeForReview(store, resolved.take));
  const { role, currentIsBest } = resolved;
  const a = signalsOf(current);
  const b = signalsOf(other);
  if (!current.report || !other.report || !a || !b) return { phase: 'ready', current, other, role, currentIsBest, aligned: null };
  const aligned = alignContours({ report: current.report, contour: a.contour }, { report: other.report, contour: b.contour });
  return { phase: 'ready', current, other, role, currentIsBest, aligned };
}

const ROLE_LABEL = {
  best: 'compare.best', previousBest: 'compare.previousBest', nextBest: 'compare.nextBest', previous: 'compare.previous', reference: 'compare.reference',
} as const satisfies Record<ComparisonRole, string>;

/** An audio player for a loaded take; its WAV object URL is revoked on unmount, once the element has let go of it. */
function TakePlayer({ take, label, audio }: { take: LoadedTake; label: string; audio: React.RefObject<HTMLAudioElement | null> }): React.JSX.Element {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const u = URL.createObjectURL(new Blob([encodeWavMono16(take.samples, take.take.sampleRateHz).buffer as ArrayBuffer], { type: 'audio/wav' }));
    setUrl(u);
    return () => URL.revokeObjectURL(u);
  }, [take]);
  useMediaRelease(audio, url);
  return (
    <figure className="compare-player">
      <figcaption>{label}</figcaption>
      {url && <audio ref={audio} controls src={url} preload="auto" />}
    </figure>
  );
}

/** The comparison of two takes. */
export function CompareTakes({ store, uiLang, takeId, against: givenAgainst, analyser }: CompareTakesProps): React.JSX.Element {
  const [state, setState] = useState<State>({ phase: 'loading' });
  // Keyed by value, so a caller passing a fresh object each render does not reload the takes.
  const againstKey = givenAgainst.kind === 'reference' ? `reference:${givenAgainst.takeId}` : givenAgainst.kind;
  const against = useMemo(() => givenAgainst, [againstKey]);
  const chartBox = useRef<HTMLDivElement | null>(null);
  const currentAudio = useRef<HTMLAudioElement | null>(null);
  const otherAudio = useRef<HTMLAudioElement | null>(null);
  const analyserOf = useLazyAnalyser(analyser);
  const [cursorIdx, setCursorIdx] = useState<number | null>(null);

  useEffect(() => {
    let cancelled = false;
    const abort = new AbortController();
    setState({ phase: 'loading' });
    const reanalysis: CurrentReportOptions = {
      analyser: analyserOf, signal: abort.signal, onReanalysing: () => { if (!cancelled) setState({ phase: 'reanalysing' }); },
    };
    load(store, takeId, against, reanalysis).then((s) => { if (!cancelled) setState(s); }, (e: unknown) => {
      if (cancelled) return;
      const message = e instanceof ReanalysisFailed ? t(uiLang, 'compare.reanalyseFailed')
        : isStorageError(e) ? t(uiLang, storageErrorMessage(e.kind)) : t(uiLang, 'compare.error');
      setState({ phase: 'error', message });
    });
    return () => {
      cancelled = true;
      abort.abort();
    };
  }, [store, takeId, against, uiLang, analyserOf]);

  const ready = state.phase === 'ready' ? state : null;
  const aligned = ready?.aligned ?? null;
  // Before the takes are known, the label follows what was asked for.
  const otherLabel = t(uiLang, ROLE_LABEL[ready?.role ?? (against.kind === 'best' ? 'best' : against.kind)]);
  const currentLabel = t(uiLang, ready?.currentIsBest ? 'compare.currentBest' : 'compare.current');
  const data = useMemo(() => (aligned ? comparisonData(aligned) as uPlot.AlignedData : null), [aligned]);
  const options = useMemo<Omit<uPlot.Options, 'width' | 'height'> | null>(() => (aligned ? {
    scales: { x: { time: false } },
    axes: [{ label: t(uiLang, aligned.mode === 'script' ? 'compare.axisScript' : 'compare.axisSpeech') }, { label: unitLabel(uiLang, 'st') }],
    // uPlot's own legend prints "--" without a cursor; ours (below) names both takes and reads their values.
    legend: { show: false },
    series: [{}, { label: currentLabel, stroke: '#1a5fd0', width: 2 }, { label: otherLabel, stroke: '#d67800', width: 2, dash: [6, 4] }],
    hooks: {
      setCursor: [(u: uPlot) => setCursorIdx(u.cursor.idx ?? null)],
      ready: [(u: uPlot) => {
        u.over.addEventListener('click', () => {
          const left = u.cursor.left;
          if (left === undefined || left < 0 || !aligned) return;
          const fraction = Math.min(1, Math.max(0, u.posToVal(left, 'x') / 100));
          if (currentAudio.current) currentAudio.current.currentTime = timeAtFraction(aligned.current.span, fraction);
          if (otherAudio.current) otherAudio.current.currentTime = timeAtFraction(aligned.other.span, fraction);
        });
      }],
    },
  } : null), [aligned, uiLang, otherLabel, currentLabel]);
  useUplot(chartBox, options, data, CHART_HEIGHT_PX);
  const legend = useMemo(() => (ready?.aligned && ready.current.report && ready.other.report
    ? comparisonLegend(ready.aligned, { current: ready.current.report, other: ready.other.report }, { current: currentLabel, other: otherLabel }, cursorIdx)
    : null), [ready, currentLabel, otherLabel, cursorIdx]);

  if (state.phase === 'loading' || state.phase === 'reanalysing') {
    return (
      <section className="card compare" aria-busy="true">
        <p role="status">{t(uiLang, state.phase === 'reanalysing' ? 'compare.reanalysing' : 'review.loading')}</p>
      </section>
    );
  }
  if (state.phase === 'error') return <section className="card compare"><p role="alert">{state.message}</p></section>;
  if (state.phase === 'none') return <section className="card compare" data-testid="compare"><p>{t(uiLang, 'compare.none')}</p></section>;
  return (
    <section className="card compare" data-testid="compare" data-other-take-id={state.other.take.id} data-align-mode={aligned?.mode ?? 'none'} data-role={state.role}>
      <h4>{t(uiLang, 'compare.title', { other: otherLabel })}</h4>
      {aligned
        ? <p>{t(uiLang, aligned.mode === 'script' ? 'compare.alignedScript' : 'compare.alignedSpeech')}</p>
        : <p>{t(uiLang, 'compare.cannotAlign')}</p>}
      <div ref={chartBox} className="compare-chart" role="img" aria-label={t(uiLang, 'compare.chartLabel', { other: otherLabel })} />
      {legend && (
        <ul className="compare-legend" data-testid="compare-legend" aria-live="polite">
          {legend.entries.map((e) => (
            <li key={e.series} data-series={e.series} data-value-st={e.valueSt ?? undefined} data-range-st={e.rangeSt ?? undefined}>
              <span className={`compare-swatch compare-swatch-${e.series}`} aria-hidden="true" /> {e.label}: {legend.percent === null
                ? (e.rangeSt === null ? t(uiLang, 'compare.legendNone') : t(uiLang, 'compare.legendRange', { value: e.rangeSt.toFixed(1) }))
                : (e.valueSt === null ? t(uiLang, 'compare.legendNone') : t(uiLang, 'compare.legendValue', { value: formatSt(e.valueSt) }))}
            </li>
          ))}
          <li className="compare-legend-note">
            {legend.percent === null ? t(uiLang, 'compare.legendHint') : t(uiLang, 'compare.legendAt', { percent: legend.percent.toFixed(1) })}
          </li>
        </ul>
      )}
      <div className="compare-players">
        <TakePlayer take={state.current} label={currentLabel} audio={currentAudio} />
        <TakePlayer take={state.other} label={otherLabel} audio={otherAudio} />
      </div>
    </section>
  );
}
