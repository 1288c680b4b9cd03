/**
 * Review one stored take: the waveform (wavesurfer.js) with the pitch contour in semitones and the
 * loudness envelope drawn over it, the parts, pauses and key words as regions, a player with speed,
 * loop and keyboard shortcuts, and a list of findings that play their moment.
 * The contour and envelope come from the stored report's tracks; a take analysed by an older version
 * is analysed again in a worker (and saved) first. Logic lives in review-model.ts, src/takes and
 * review-findings.ts; this file only wires.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { formatClock, formatSeconds, t, type UiLang } from '../../i18n/index.ts';
import { isStorageError, type StoredBaseline, type TakeRecord, type VoiceDrillStore } from '../../storage/index.ts';
import { storageErrorMessage } from '../../services/error-messages.ts';
import { loadReviewHead, reviewNeedsReanalysis, signalsOf, withCurrentReport, type Analyser, type ReviewHead } from '../../takes/index.ts';
import { reviewFindings } from './review-findings.ts';
import { findingRange, keyAction, padRange, reviewRegions, type Finding } from './review-model.ts';
import type { ReviewSignals } from '../../takes/index.ts';
import { useLazyAnalyser } from './use-analyser.ts';
import { useOverlay } from './use-overlay.ts';
import { ShareTakeAudio } from '../team/components.ts';
import { useReviewPlayer, WAVEFORM_HEIGHT_PX, type PlayerSource } from './use-review-player.ts';

/** Props of TakeReview. */
export interface TakeReviewProps {
  store: VoiceDrillStore;
  uiLang: UiLang;
  takeId: string;
  /** Seek to this finding once the take is ready (e.g. a scorecard row's link). */
  initialFinding?: Finding | null;
  /** Analyses an outdated take again (default: an analysis worker started when needed). */
  analyser?: Analyser;
  /** The take's record when the screen has already read it (not read again; used only if its id is takeId). */
  record?: TakeRecord;
  /** The profile's calibration as the app holds it (the profile is then not read again); undefined: read it. */
  baseline?: StoredBaseline | null;
  /** Told once, when the review first shows what it will show: its contour painted (true) or a message (false). */
  onDrawn?: (contour: boolean) => void;
}

/** Seconds of context played before and after a finding's moment. */
const MOMENT_PAD_SEC = 0.25;

function errorText(e: unknown, lang: UiLang): string {
  return isStorageError(e) ? t(lang, storageErrorMessage(e.kind)) : t(lang, 'review.error');
}

// Keys typed into a field are the field's, not the player's.
function typingInto(target: EventTarget | null): boolean {
  const el = target as { tagName?: string; isContentEditable?: boolean } | null;
  return !!el && (el.isContentEditable === true || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName ?? ''));
}

/** The review screen of one take. */
export function TakeReview({ store, uiLang, takeId, initialFinding = null, analyser, record, baseline, onDrawn }: TakeReviewProps): React.JSX.Element {
  const [head, setHead] = useState<ReviewHead | null>(null);
  const [samples, setSamples] = useState<Float32Array | null>(null);
  const [signals, setSignals] = useState<ReviewSignals | null>(null);
  // What went wrong, kept as found: its text follows the UI language (a switch does not read the take again).
  const [error, setError] = useState<{ cause: unknown } | null>(null);
  const [reanalysing, setReanalysing] = useState(false);
  const [reanalyseFailed, setReanalyseFailed] = useState(false);
  const analyserOf = useLazyAnalyser(analyser);
  const waveform = useRef<HTMLDivElement | null>(null);
  const canvas = useRef<HTMLCanvasElement | null>(null);
  // Read when the take loads, not a reason to load it again.
  const given = useRef(record);
  given.current = record;
  const knownBaseline = useRef(baseline);
  knownBaseline.current = baseline;

  useEffect(() => {
    let cancelled = false;
    const abort = new AbortController();
    setHead(null);
    setSamples(null);
    setSignals(null);
    setError(null);
    setReanalyseFailed(false);
    const fail = (e: unknown): void => { if (!cancelled) setError({ cause: e }); };
    const headLoaded = loadReviewHead(store, given.current?.id === takeId ? given.current : takeId, knownBaseline.current);
    // The audio (a minute of it is ≈ 6 MB to read, then a waveform to build) is read once the contour is on
    // screen: the contour comes from the report and must not wait behind it.
    const readAudio = (): void => {
      if (!cancelled) store.loadTakeAudio(takeId).then((s) => { if (!cancelled) setSamples(s); }, fail);
    };
    headLoaded.then(async (h) => {
      if (cancelled) return;
      let current = h;
      // An old report is never shown or drawn: the take is analysed again (and saved) first.
      if (reviewNeedsReanalysis(h)) {
        setReanalysing(true);
        try {
          current = await withCurrentReport(store, h, { analyser: analyserOf, signal: abort.signal });
        } catch {
          if (cancelled) return;
          current = { ...h, report: null };
          setReanalyseFailed(true);
        } finally {
          if (!cancelled) setReanalysing(false);
        }
        if (cancelled) return;
      }
      setHead(current);
      setSignals(signalsOf(current));
      requestAnimationFrame(() => setTimeout(readAudio, 0));
    }).catch(fail);
    return () => {
      cancelled = true;
      abort.abort();
    };
  }, [store, takeId, analyserOf]);

  const script = head?.take.script ?? '';
  const report = head?.report ?? null;
  const sampleRateHz = head?.take.sampleRateHz ?? null;
  const regions = useMemo(() => (report ? reviewRegions(report, script) : []), [report, script]);
  const source = useMemo<PlayerSource | null>(() => (samples && samples.length > 0 && sampleRateHz !== null
    ? { samples, sampleRateHz, report, regions } : null), [samples, sampleRateHz, report, regions]);
  const referenceLabel = t(uiLang, signals?.contour.reference === 'baseline' ? 'review.reference.baseline' : 'review.reference.take');
  const paints = useOverlay(canvas, waveform, signals, {
    contourColor: '#1a5fd0', envelopeColor: 'rgba(122, 74, 0, 0.85)', referenceColor: '#5a6472', referenceLabel, font: '11px system-ui, sans-serif',
  });
  const player = useReviewPlayer(waveform, source);
  const findings = useMemo(() => (report ? reviewFindings(report, script, uiLang) : []), [report, script, uiLang]);
  const drawnOnce = useRef(false);
  const drawnState = paints > 0 ? 'contour' : error !== null || reanalyseFailed || (head !== null && signals === null) ? 'message' : null;
  useEffect(() => {
    if (drawnState === null || drawnOnce.current) return;
    drawnOnce.current = true;
    onDrawn?.(drawnState === 'contour');
  }, [drawnState, onDrawn]);

  const { ready, playRange, playPause, seekBy, stepRate, toggleLoop, seekTo } = player;
  // Only seek: playing without a click of the agent's own would be blocked by the browser.
  useEffect(() => {
    if (!ready || !report || !initialFinding) return;
    const range = findingRange(report, initialFinding, script);
    if (range) seekTo(padRange(range, MOMENT_PAD_SEC, report.durationSec).startSec);
  }, [ready, report, script, initialFinding, seekTo]);

  useEffect(() => {
    if (!ready) return undefined;
    const onKey = (e: KeyboardEvent): void => {
      if (typingInto(e.target)) return;
      const action = keyAction(e);
      if (!action) return;
      e.preventDefault();
      if (action.type === 'playPause') playPause();
      else if (action.type === 'seek') seekBy(action.deltaSec);
      else if (action.type === 'speed') stepRate(action.step);
      else toggleLoop();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [ready, playPause, seekBy, stepRate, toggleLoop]);

  if (error) return <section className="card take-review" data-testid="take-review"><p role="alert">{errorText(error.cause, uiLang)}</p></section>;
  if (!head) {
    return (
      <section className="card take-review" data-testid="take-review" aria-busy="true">
        <p role="status">{t(uiLang, reanalysing ? 'review.reanalysing' : 'review.loading')}</p>
      </section>
    );
  }
  const noAudio = samples !== null && samples.length === 0;
  // Nothing to draw over a take without a report: the waveform alone makes it ready.
  const overlayDone = signals === null ? report === null : paints > 0;
  return (
    <section className="card take-review" data-testid="take-review" data-take-id={takeId} data-ready={ready && overlayDone ? 'true' : 'false'}
      data-regions={JSON.stringify(regions.map((r) => ({ id: r.id, kind: r.kind, startSec: r.startSec, endSec: r.endSec })))}>
      <h3>{t(uiLang, 'review.title', { drill: head.take.drill?.title[uiLang] ?? head.take.drillId })}</h3>
      {noAudio && <p role="alert">{t(uiLang, 'review.noAudio')}</p>}
      {reanalyseFailed && <p role="alert" data-testid="review-draw-error">{t(uiLang, 'review.reanalyseFailed')}</p>}
      {!report && !noAudio && !reanalyseFailed && <p>{t(uiLang, 'review.notAnalysed')}</p>}
      {player.error && <p role="alert">{t(uiLang, 'review.error')}</p>}
      <div className="review-wave" style={{ position: 'relative', minHeight: WAVEFORM_HEIGHT_PX }}>
        <div ref={waveform} data-testid="review-waveform" role="img" style={{ minHeight: WAVEFORM_HEIGHT_PX }}
          aria-label={t(uiLang, 'review.waveformLabel', { seconds: formatSeconds(head.durationSec) })} />
        <canvas ref={canvas} data-testid="review-overlay" aria-hidden="true"
          style={{ position: 'absolute', inset: 0, pointerEvents: 'none', zIndex: 4 }} />
      </div>
      {!reanalyseFailed && report && <p className="review-legend">{signals ? t(uiLang, 'review.legend', { reference: referenceLabel }) : t(uiLang, 'review.computing')}</p>}
      <div className="review-controls" role="group" aria-label={t(uiLang, 'review.controls')}>
        <button type="button" onClick={playPause} disabled={!ready} data-action="play-pause">
          {player.playing ? t(uiLang, 'review.pause') : t(uiLang, 'review.play')}
        </button>
        <span className="review-time" aria-live="off">{formatClock(player.timeSec)} / {formatClock(player.durationSec)}</span>
        <button type="button" onClick={() => stepRate(-1)} disabled={!ready} aria-label={t(uiLang, 'review.slower')}>[</button>
        <span data-testid="review-rate">{t(uiLang, 'review.speed', { rate: player.rate })}</span>
        <button type="button" onClick={() => stepRate(1)} disabled={!ready} aria-label={t(uiLang, 'review.faster')}>]</button>
        <button type="button" onClick={toggleLoop} disabled={!ready || !report} aria-pressed={player.loop !== null} data-action="loop">
          {player.loop ? t(uiLang, 'review.loopOff') : t(uiLang, 'review.loopOn')}
        </button>
      </div>
      <p className="review-shortcuts">{t(uiLang, 'review.shortcuts')}</p>
      <ShareTakeAudio takeId={takeId} uiLang={uiLang} />
      {findings.length > 0 && (
        <>
          <h4>{t(uiLang, 'review.findings')}</h4>
          <ul className="review-findings">
            {findings.map((f) => (
              <li key={f.key} data-finding={f.key} data-start-sec={f.range.startSec} data-end-sec={f.range.endSec} data-status={f.status ?? undefined}>
                <button type="button" disabled={!ready} onClick={() => playRange(padRange(f.range, MOMENT_PAD_SEC, head.durationSec))}>
                  {t(uiLang, 'review.playMoment')}
                </button>{' '}
                <span>{f.label}</span>{f.detail && <span> — {f.detail}</span>}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
