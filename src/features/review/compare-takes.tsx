/**
 * Compare a take with the personal best, the previous take or a reference take of the same drill:
 * both pitch contours on one uPlot chart, aligned by scaling each take's script (or speech) span to
 * the same length, and both takes playable; a click on the chart moves both players to that moment.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type uPlot from 'uplot';
import { t, unitLabel, type UiLang } from '../../i18n/index.ts';
import { isStorageError, type VoiceDrillStore } from '../../storage/index.ts';
import { encodeWavMono16 } from '../../audio/wav.ts';
import { useUplot } from '../../ui/use-uplot.ts';
import { storageErrorMessage } from '../../services/error-messages.ts';
import { resolveComparison, type CompareAgainst } from '../../takes/index.ts';
import { alignContours, comparisonData, timeAtFraction, type AlignedComparison } from './compare-model.ts';
import { afterPaint, loadTakeForReview, signalsOf, type LoadedTake } from '../../takes/index.ts';

/** Props of CompareTakes. */
export interface CompareTakesProps {
  store: VoiceDrillStore;
  uiLang: UiLang;
  /** The take being reviewed. */
  takeId: string;
  against: CompareAgainst;
}

type State =
  | { phase: 'loading' }
  | { phase: 'none' }
  | { phase: 'error'; message: string }
  | { phase: 'ready'; current: LoadedTake; other: LoadedTake; aligned: AlignedComparison | null };

const CHART_HEIGHT_PX = 220;

async function load(store: VoiceDrillStore, takeId: string, against: CompareAgainst): Promise<State> {
  const current = await loadTakeForReview(store, takeId);
  const otherTake = await resolveComparison(store, current.take, against);
  if (otherTake === null) return { phase: 'none' };
  const other = await loadTakeForReview(store, otherTake.id);
  if (!current.report || !other.report) return { phase: 'ready', current, other, aligned: null };
  const [a, b] = await afterPaint(() => [signalsOf(current), signalsOf(other)]);
  const aligned = alignContours({ report: current.report, contour: a.contour }, { report: other.report, contour: b.contour });
  return { phase: 'ready', current, other, aligned };
}

/** An audio player for a loaded take; its WAV object URL is revoked on unmount. */
function TakePlayer({ take, label, audio }: { take: LoadedTake; label: string; audio: React.RefObject<HTMLAudioElement | null> }): React.JSX.Element {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const u = URL.createObjectURL(new Blob([encodeWavMono16(take.samples, take.take.sampleRateHz).buffer as ArrayBuffer], { type: 'audio/wav' }));
    setUrl(u);
    return () => URL.revokeObjectURL(u);
  }, [take]);
  return (
    <figure className="compare-player">
      <figcaption>{label}</figcaption>
      {url && <audio ref={audio} controls src={url} preload="auto" />}
    </figure>
  );
}

/** The comparison of two takes. */
export function CompareTakes({ store, uiLang, takeId, against: givenAgainst }: CompareTakesProps): React.JSX.Element {
  const [state, setState] = useState<State>({ phase: 'loading' });
  // Keyed by value, so a caller passing a fresh object each render does not reload the takes.
  const againstKey = givenAgainst.kind === 'reference' ? `reference:${givenAgainst.takeId}` : givenAgainst.kind;
  const against = useMemo(() => givenAgainst, [againstKey]);
  const chartBox = useRef<HTMLDivElement | null>(null);
  const currentAudio = useRef<HTMLAudioElement | null>(null);
  const otherAudio = useRef<HTMLAudioElement | null>(null);

  useEffect(() => {
    let cancelled = false;
    setState({ phase: 'loading' });
    load(store, takeId, against).then((s) => { if (!cancelled) setState(s); }, (e: unknown) => {
      if (cancelled) return;
      setState({ phase: 'error', message: isStorageError(e) ? t(uiLang, storageErrorMessage(e.kind)) : t(uiLang, 'compare.error') });
    });
    return () => { cancelled = true; };
  }, [store, takeId, against, uiLang]);

  const aligned = state.phase === 'ready' ? state.aligned : null;
  const otherLabel = t(uiLang, against.kind === 'best' ? 'compare.best' : against.kind === 'previous' ? 'compare.previous' : 'compare.reference');
  const data = useMemo(() => (aligned ? comparisonData(aligned) as uPlot.AlignedData : null), [aligned]);
  const options = useMemo<Omit<uPlot.Options, 'width' | 'height'> | null>(() => (aligned ? {
    scales: { x: { time: false } },
    axes: [{ label: t(uiLang, aligned.mode === 'script' ? 'compare.axisScript' : 'compare.axisSpeech') }, { label: unitLabel(uiLang, 'st') }],
    series: [{}, { label: t(uiLang, 'compare.current'), stroke: '#1a5fd0', width: 2 }, { label: otherLabel, stroke: '#d67800', width: 2, dash: [6, 4] }],
    hooks: {
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
  } : null), [aligned, uiLang, otherLabel]);
  useUplot(chartBox, options, data, CHART_HEIGHT_PX);

  if (state.phase === 'loading') return <section className="card compare" aria-busy="true"><p>{t(uiLang, 'review.loading')}</p></section>;
  if (state.phase === 'error') return <section className="card compare"><p role="alert">{state.message}</p></section>;
  if (state.phase === 'none') return <section className="card compare" data-testid="compare"><p>{t(uiLang, 'compare.none')}</p></section>;
  return (
    <section className="card compare" data-testid="compare" data-other-take-id={state.other.take.id} data-align-mode={aligned?.mode ?? 'none'}>
      <h4>{t(uiLang, 'compare.title', { other: otherLabel })}</h4>
      {aligned
        ? <p>{t(uiLang, aligned.mode === 'script' ? 'compare.alignedScript' : 'compare.alignedSpeech')}</p>
        : <p>{t(uiLang, 'compare.cannotAlign')}</p>}
      <div ref={chartBox} className="compare-chart" role="img" aria-label={t(uiLang, 'compare.chartLabel', { other: otherLabel })} />
      <div className="compare-players">
        <TakePlayer take={state.current} label={t(uiLang, 'compare.current')} audio={currentAudio} />
        <TakePlayer take={state.other} label={otherLabel} audio={otherAudio} />
      </div>
    </section>
  );
}
