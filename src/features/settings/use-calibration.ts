/**
 * Calibration's controller: record the neutral sentence (same session, meters and auto-stop as a take,
 * but nothing stored), analyse it in the worker, and save the baseline into the profile. Owns its
 * worker and session and releases both when the panel closes.
 */
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { openSession } from '../../capture/open-session.ts';
import { useApp } from '../../services/app-context.ts';
import { isStorageError } from '../../storage/index.ts';
import { AnalysisClient } from '../../workers/analysis-client.ts';
import { spawnAnalysisWorker } from '../../workers/spawn-analysis-worker.ts';
import { storageErrorMessage } from '../../services/error-messages.ts';
import { canStart, INITIAL_PRACTICE, practiceReducer, type PracticeState } from '../practice/index.ts';
import { MAX_TAKE_SEC } from '../../capture/recording-model.ts';
import type { LiveSnapshot, RecordingSession } from '../../capture/recording-session.ts';
import { useBusyGuard } from '../practice/components.ts';
import { baselineFromReport, calibrationProblemMessage, calibrationSentence } from './calibration-model.ts';

/** What the calibration panel gets. */
export interface CalibrationController {
  state: PracticeState;
  live: LiveSnapshot | null;
  sentence: string;
  /** The outcome as a sentence: saved, or what went wrong. */
  outcome: { ok: boolean; text: string } | null;
  start: () => void;
  skipCountIn: () => void;
  stop: () => void;
}

/** The controller of a calibration reading. */
export function useCalibration(onDone?: () => void): CalibrationController {
  const app = useApp();
  const appRef = useRef(app);
  appRef.current = app;
  const sentence = calibrationSentence(app.profile.scriptLang);
  const [state, dispatch] = useReducer(practiceReducer, INITIAL_PRACTICE);
  useBusyGuard(state, 'calibration');
  const [live, setLive] = useState<LiveSnapshot | null>(null);
  const [outcome, setOutcome] = useState<CalibrationController['outcome']>(null);
  const session = useRef<RecordingSession | null>(null);
  const client = useRef<AnalysisClient | null>(null);
  const alive = useRef(false);
  const stateRef = useRef(state);
  stateRef.current = state;

  useEffect(() => {
    alive.current = true;
    const c = new AnalysisClient(spawnAnalysisWorker);
    client.current = c;
    return () => {
      alive.current = false;
      session.current?.dispose();
      session.current = null;
      c.dispose();
    };
  }, []);

  const finish = useCallback(async () => {
    const s = session.current;
    const c = client.current;
    if (!s || !c) return;
    session.current = null;
    dispatch({ type: 'stopping', reason: 'user' });
    const done = await s.finish();
    if (!alive.current) return;
    dispatch({ type: 'analysing' });
    const { profile, t, saveProfile } = appRef.current;
    try {
      if (done.samples.length === 0) throw new Error(t('practice.nothingSaved'));
      const report = await c.analyse({ channels: [done.samples], sampleRateHz: done.sampleRateHz },
        { lang: profile.scriptLang, script: calibrationSentence(profile.scriptLang) }, 'calibration');
      const result = baselineFromReport(report, new Date());
      if (!result.ok) {
        setOutcome({ ok: false, text: t(calibrationProblemMessage(result.problem)) });
      } else {
        await saveProfile({ ...profile, baseline: result.baseline });
        setOutcome({ ok: true, text: t('calibrate.done') });
        onDone?.();
      }
      dispatch({ type: 'analysed' });
    } catch (error) {
      if (!alive.current || (error instanceof Error && error.name === 'AbortError')) return;
      const text = isStorageError(error) ? t(storageErrorMessage(error.kind)) : error instanceof Error ? error.message : String(error);
      setOutcome({ ok: false, text });
      dispatch({ type: 'failed', text });
    }
  }, [onDone]);

  const start = useCallback(() => {
    if (!canStart(stateRef.current)) return;
    dispatch({ type: 'start', maxSec: MAX_TAKE_SEC.greeting3 });
    setOutcome(null);
    setLive(null);
    void (async () => {
      const opened = await openSession({
        kind: 'greeting3',
        countInSec: appRef.current.prefs.countInSec,
        sink: null,
        onSnapshot: (snapshot) => {
          if (!alive.current) return;
          setLive(snapshot);
          dispatch({ type: 'progress', countInRemainingSec: snapshot.countInRemainingSec, elapsedSec: snapshot.elapsedSec });
        },
        onAutoStop: () => void finish(),
        onStorageError: () => undefined,
      }, () => alive.current);
      if (opened.kind === 'failed') dispatch({ type: 'micFailed', kind: opened.micError });
      if (opened.kind === 'started') session.current = opened.session;
    })();
  }, [finish]);

  const stop = useCallback(() => void finish(), [finish]);
  const skipCountIn = useCallback(() => session.current?.skipCountIn(), []);
  return { state, live, sentence, outcome, start, skipCountIn, stop };
}
