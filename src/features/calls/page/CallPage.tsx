/**
 * The page of one recorded call: the timeline (two lanes, flags, pace lines, playback with speed and
 * shortcuts), the jump list, bookmarks, the agent's turns with "practise this phrase", the summary (which is
 * the printed one-page report), the private reflection and the exports. Models do the work (timeline-model,
 * flag-nav, shortcuts, pace-lines, summary-model, bookmarks-model, export-model); this file wires them.
 */
import { useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { formatClock, formatWhen, t, type UiLang } from '../../../i18n/index.ts';
import { AppContext } from '../../../services/app-context.ts';
import type { CallBookmark, CallRecord, CallReflection } from '../../../storage/call-records.ts';
import { callVoices, chooseAgentVoice, correctCallTurn, type CallGreetingChoice, type MonoChoice } from '../../../calls/index.ts';
import type { ReanalyseState } from '../use-call-reanalyse.ts';
import { addBookmark, removeBookmark, setBookmarkNote } from './bookmarks-model.ts';
import { Bookmarks } from './Bookmarks.tsx';
import { CallSummary } from './CallSummary.tsx';
import { ExportPanel } from './ExportPanel.tsx';
import { FlagList } from './FlagList.tsx';
import { flagPlayFromSec, flagsInOrder, nextFlag, previousFlag } from './flag-nav.ts';
import { GreetingSection } from './GreetingSection.tsx';
import { paceLines } from './pace-lines.ts';
import { Reflection } from './Reflection.tsx';
import { callKeyAction, keyBelongsToControl, PLAYBACK_RATES, SHORTCUT_HELP } from './shortcuts.ts';
import { Timeline } from './Timeline.tsx';
import { clampView, followView, fullView, lanePeaks, zoomView, type TimelineView } from './timeline-model.ts';
import { TurnList, type TurnMarking } from './TurnList.tsx';
import { useCallPlayer } from './use-call-player.ts';
import { VoiceCheck } from './VoiceCheck.tsx';
import './calls.css';

/** What the agent may change on a stored call. */
export type CallPatch = Partial<Pick<CallRecord, 'reflection' | 'bookmarks' | 'drillIds'>>;

/** Props of CallPage. */
export interface CallPageProps {
  call: CallRecord;
  /** The original file's bytes, or null when only the analysis was kept. */
  audio: Blob | null;
  /** Store a change of the call; rejects when it could not be saved. */
  onUpdate(patch: CallPatch): Promise<void>;
  /** Make a drill of the agent turn `turnIndex` (script typed, or null: free). */
  onPractisePhrase(turnIndex: number, script: string | null): Promise<void>;
  /** UI language (default: the app's, else English). */
  uiLang?: UiLang;
  /** A mono call analysed again from its kept audio (its voice chosen, a turn corrected); absent: not offered. */
  reanalyse?: PageReanalyse;
}

/** The page's re-analysis of its call with a mono call's choice of voices. */
export interface PageReanalyse {
  state: ReanalyseState;
  start(choice: MonoChoice, greeting?: CallGreetingChoice): void;
  cancel(): void;
}

function newId(): string {
  return typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/** The call page. */
export function CallPage({ call, audio, onUpdate, onPractisePhrase, uiLang, reanalyse }: CallPageProps): React.JSX.Element {
  const app = useContext(AppContext);
  const lang: UiLang = uiLang ?? app?.uiLang ?? 'en';
  const durationSec = call.durationSec;
  const player = useCallPlayer(audio, durationSec);
  const [view, setView] = useState<TimelineView>(() => fullView(durationSec));
  const [bookmarks, setBookmarks] = useState<CallBookmark[]>(call.bookmarks);
  const [reflection, setReflection] = useState<CallReflection | null>(call.reflection);
  const [currentFlag, setCurrentFlag] = useState<number | null>(null);
  const [saveError, setSaveError] = useState(false);
  const lanes = useMemo(() => lanePeaks(call.peaks, call.agentChannel), [call.peaks, call.agentChannel]);
  const flags = useMemo(() => flagsInOrder(call.report.findings), [call.report.findings]);
  const pace = useMemo(() => paceLines(call.report.turns), [call.report.turns]);
  const greetingSpan = useMemo(() => (call.greeting ? { startSec: call.greeting.startSec, endSec: call.greeting.endSec } : null), [call.greeting]);
  const voices = useMemo(() => callVoices(call.report), [call.report]);
  // Correcting who spoke re-analyses the audio: without kept audio the list says so instead.
  const marking = useMemo((): TurnMarking | undefined => voices === null ? undefined : {
    unavailable: audio !== null && reanalyse ? null : t(lang, 'call.voices.noAudio'),
    busy: reanalyse?.state.phase === 'running',
    onMark: (turnIndex, side) => {
      const choice = correctCallTurn(call, turnIndex, side);
      if (choice) reanalyse?.start(choice);
    },
  }, [voices, audio, reanalyse, lang, call]);

  // Another call shown in the same page: start over.
  useEffect(() => {
    setView(fullView(call.durationSec));
    setBookmarks(call.bookmarks);
    setReflection(call.reflection);
    setCurrentFlag(null);
    // Only when the call itself changes (its id), not when the host echoes our own saves back.
  }, [call.id]);

  // While playing, the window pages along with the playhead.
  useEffect(() => {
    if (player.playing) setView((v) => followView(v, player.timeSec, durationSec));
  }, [player.playing, player.timeSec, durationSec]);

  const bookmarksRef = useRef(bookmarks);
  bookmarksRef.current = bookmarks;
  const saveBookmarks = useCallback((next: CallBookmark[]) => {
    const before = bookmarksRef.current;
    setBookmarks(next);
    setSaveError(false);
    onUpdate({ bookmarks: next }).catch(() => {
      setBookmarks(before);
      setSaveError(true);
    });
  }, [onUpdate]);
  const timeRef = useRef(player.timeSec);
  timeRef.current = player.timeSec;
  const addAtPlayhead = useCallback(() => saveBookmarks(addBookmark(bookmarksRef.current, timeRef.current, newId(), Date.now())), [saveBookmarks]);
  const noteBookmark = useCallback((id: string, note: string) => saveBookmarks(setBookmarkNote(bookmarksRef.current, id, note)), [saveBookmarks]);
  const dropBookmark = useCallback((id: string) => saveBookmarks(removeBookmark(bookmarksRef.current, id)), [saveBookmarks]);
  const saveReflection = useCallback(async (r: CallReflection) => {
    await onUpdate({ reflection: r });
    setReflection(r);
  }, [onUpdate]);

  const { seekTo, playPause, seekBy } = player;
  // Where playback of a span (the greeting) stops; any other play-from clears it.
  const stopAtSec = useRef<number | null>(null);
  const playFrom = useCallback((timeSec: number) => {
    stopAtSec.current = null;
    setView((v) => followView(v, timeSec, durationSec));
    seekTo(timeSec, true);
  }, [seekTo, durationSec]);
  const playSpan = useCallback((startSec: number, endSec: number) => {
    playFrom(startSec);
    stopAtSec.current = endSec;
  }, [playFrom]);
  useEffect(() => {
    if (stopAtSec.current === null || !player.playing || player.timeSec < stopAtSec.current) return;
    stopAtSec.current = null;
    playPause();
  }, [player.playing, player.timeSec, playPause]);
  const jump = useCallback((pos: number) => {
    const f = flags[pos];
    if (!f) return;
    setCurrentFlag(pos);
    playFrom(flagPlayFromSec(f));
  }, [flags, playFrom]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (keyBelongsToControl(e.target, e.key)) return;
      const action = callKeyAction(e);
      if (!action) return;
      e.preventDefault();
      if (action.type === 'playPause') playPause();
      else if (action.type === 'seek') seekBy(action.deltaSec);
      else if (action.type === 'bookmark') addAtPlayhead();
      else {
        const pos = action.step === 1 ? nextFlag(flags, timeRef.current) : previousFlag(flags, timeRef.current);
        if (pos !== null) jump(pos);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [playPause, seekBy, addAtPlayhead, flags, jump]);

  const current: CallRecord = useMemo(() => ({ ...call, bookmarks, reflection }), [call, bookmarks, reflection]);
  const zoom = (step: 1 | -1): void => setView((v) => zoomView(v, step, player.timeSec >= v.startSec && player.timeSec <= v.startSec + v.spanSec ? player.timeSec : v.startSec + v.spanSec / 2, durationSec));
  const channels = call.agentChannel === 'mono' || call.channelCount < 2
    ? t(lang, 'call.channels.mono')
    : t(lang, 'call.channels.stereo', { side: t(lang, `call.side.${call.agentChannel}`) });
  const zoomedOut = view.spanSec >= durationSec - 1e-6;

  return (
    <article className="call-page" aria-label={t(lang, 'call.page.label')} data-testid="call-page">
      <header className="call-head">
        <h2>
          <span className="no-print">{call.fileName}</span>
          <span className="print-only">{t(lang, 'call.report.title', { file: call.fileName })}</span>
        </h2>
        <p className="muted">{t(lang, 'call.meta', { date: formatWhen(new Date(call.createdAt).toISOString(), lang), duration: formatClock(durationSec), channels })}</p>
        {audio === null ? <p className="call-note no-print" data-testid="call-no-audio">{t(lang, 'call.audio.none')}</p> : null}
        {player.error ? <p role="alert" className="call-error no-print">{t(lang, 'call.audio.error')}</p> : null}
        {saveError ? <p role="alert" className="call-error no-print">{t(lang, 'call.save.error')}</p> : null}
      </header>

      <section className="call-card call-timeline-card no-print" aria-labelledby="call-timeline-title">
        <h3 id="call-timeline-title">{t(lang, 'call.timeline.title')}</h3>
        <div className="call-controls">
          <button type="button" className="primary" data-action="play" onClick={playPause} disabled={!player.canPlay} aria-pressed={player.playing}>
            {player.playing ? t(lang, 'call.pause') : t(lang, 'call.play')}
          </button>
          <span className="call-clock" data-testid="call-clock" data-time-sec={player.timeSec.toFixed(2)}>
            {t(lang, 'call.time', { now: formatClock(player.timeSec), total: formatClock(durationSec) })}
          </span>
          <label className="call-speed">
            {t(lang, 'call.speed')}{' '}
            <select name="speed" value={player.rate} onChange={(e) => player.setRate(Number(e.target.value))} disabled={!player.canPlay}>
              {PLAYBACK_RATES.map((r) => <option key={r} value={r}>{r}×</option>)}
            </select>
          </label>
          <span className="call-zoom">
            <button type="button" data-action="zoom-out" onClick={() => zoom(-1)} disabled={zoomedOut} aria-label={t(lang, 'call.zoomOut')}>−</button>
            <button type="button" data-action="zoom-in" onClick={() => zoom(1)} aria-label={t(lang, 'call.zoomIn')}>+</button>
            <button type="button" data-action="zoom-fit" onClick={() => setView(fullView(durationSec))} disabled={zoomedOut}>{t(lang, 'call.zoomFit')}</button>
          </span>
        </div>
        <Timeline
          lang={lang} view={view} durationSec={durationSec} lanes={lanes} peaksPerSec={call.peaks.peaksPerSec} turns={call.report.turns}
          flags={flags} bookmarks={bookmarks} greeting={greetingSpan} pace={pace} timeSec={player.timeSec} currentFlag={currentFlag}
          onSeek={playFrom} onView={setView}
        />
        {!zoomedOut ? (
          <input
            type="range" className="call-scroll" name="view-start" aria-label={t(lang, 'call.scroll')}
            min={0} max={Math.max(0, durationSec - view.spanSec)} step={0.1} value={view.startSec}
            aria-valuetext={`${formatClock(view.startSec)}–${formatClock(view.startSec + view.spanSec)}`}
            onChange={(e) => setView((v) => clampView({ startSec: Number(e.target.value), spanSec: v.spanSec }, durationSec))}
          />
        ) : null}
        <div className="call-keys" aria-labelledby="call-keys-title">
          <span id="call-keys-title">{t(lang, 'call.keys.title')}:</span>
          <ul>
            {SHORTCUT_HELP.map((k) => <li key={k.keys}><kbd>{k.keys}</kbd> {t(lang, k.what)}</li>)}
          </ul>
        </div>
      </section>

      {voices ? (
        <VoiceCheck
          lang={lang} fileName={call.fileName} voices={voices} audio={audio} corrections={call.speakerCorrections?.length ?? 0}
          state={reanalyse?.state ?? { phase: 'idle' }} onCancel={() => reanalyse?.cancel()}
          onChoose={reanalyse ? (speaker) => reanalyse.start(chooseAgentVoice(call, speaker)) : undefined}
        />
      ) : null}
      <div className="call-columns">
        <div className="call-column no-print">
          <FlagList lang={lang} flags={flags} currentFlag={currentFlag} onJump={jump} />
          <Bookmarks lang={lang} bookmarks={bookmarks} timeSec={player.timeSec} onAdd={addAtPlayhead} onNote={noteBookmark} onRemove={dropBookmark} onPlay={playFrom} />
          <TurnList lang={lang} turns={call.report.turns} onPlay={playFrom} onPractise={onPractisePhrase} marking={marking} />
        </div>
        <div className="call-column">
          <CallSummary lang={lang} report={call.report} greeting={call.greeting ?? null} />
        </div>
      </div>
      <GreetingSection lang={lang} call={call} onPlay={playSpan} reanalyse={reanalyse} />
      <div className="call-columns no-print">
        <Reflection key={call.id} lang={lang} reflection={reflection} onSave={saveReflection} />
        <ExportPanel lang={lang} call={current} />
      </div>
      {player.url ? <audio ref={player.audioRef} src={player.url} preload="auto" onError={player.onError} className="visually-hidden" data-testid="call-audio" /> : null}
    </article>
  );
}
