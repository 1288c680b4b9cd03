/**
 * The practice screen's controller hook: wires the state machine (practice-model.ts), the recording
 * session, the analysis worker and the take pipeline. Owns the worker and the session: leaving the
 * screen aborts the analysis, terminates the worker and releases the microphone and AudioContext.
 */
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { Baseline } from '../../takes/index.ts';
import { openSession } from '../../capture/open-session.ts';
import type { Drill, RenderedDrill } from '../../drills/index.ts';
import { isStorageError, type TakeRecord, type VoiceDrillStore } from '../../storage/index.ts';
import { AnalysisClient } from '../../workers/analysis-client.ts';
import { spawnAnalysisWorker } from '../../workers/spawn-analysis-worker.ts';
import { canStart, INITIAL_PRACTICE, practiceReducer, type PracticeEvent, type PracticeState } from './practice-model.ts';
import { MAX_TAKE_SEC, type StopReason } from '../../capture/recording-model.ts';
import type { LiveSnapshot, RecordingSession } from '../../capture/recording-session.ts';
import { analyseTake, analyseUnsaved, loadComparison, type AnalysedTake, type Comparison } from '../../takes/index.ts';
import { CAPTURED_MARK, STOP_MARK } from '../../capture/timing.ts';
import { useBusyGuard } from './use-busy-guard.ts';

/** What the hook needs. */
export interface PracticeArgs {
  store: VoiceDrillStore | null;
  drill: Drill;
  rendered: RenderedDrill;
  baseline: Baseline | null;
  countInSec: number;
}

/** What the screen gets. */
export interface PracticeController {
  state: PracticeState;
  live: LiveSnapshot | null;
  result: AnalysedTake | null;
  /** Audio of the last take (Int16 WAV bytes are made from it on demand) and its rate. */
  lastAudio: { samples: Float32Array; sampleRateHz: number } | null;
  start: () => void;
  skipCountIn: () => void;
  stop: () => void;
  reset: () => void;
  analyseStored: (take: TakeRecord) => void;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The controller of the practice screen. */
export function usePractice(args: PracticeArgs): PracticeController {
  const [state, dispatch] = useReducer(practiceReducer, INITIAL_PRACTICE);
  useBusyGuard(state, 'practice take');
  const [live, setLive] = useState<LiveSnapshot | null>(null);
  const [result, setResult] = useState<AnalysedTake | null>(null);
  const [lastAudio, setLastAudio] = useState<PracticeController['lastAudio']>(null);
  const session = useRef<RecordingSession | null>(null);
  const comparison = useRef<Promise<Comparison> | null>(null);
  const client = useRef<AnalysisClient | null>(null);
  const abort = useRef<AbortController | null>(null);
  const alive = useRef(false);
  const stateRef = useRef(state);
  stateRef.current = state;
  const argsRef = useRef(args);
  argsRef.current = args;

  useEffect(() => {
    alive.current = true;
    const c = new AnalysisClient(spawnAnalysisWorker);
    client.current = c;
    // Warm the worker while the agent reads the script, so the scorecard comes quickly after the stop.
    c.warmUp(48000).catch(() => undefined);
    return () => {
      alive.current = false;
      abort.current?.abort();
      session.current?.dispose();
      session.current = null;
      c.dispose();
      client.current = null;
    };
  }, []);

  const send = useCallback((event: PracticeEvent) => {
    if (alive.current) dispatch(event);
  }, []);

  const analyse = useCallback(async (run: (signal: AbortSignal, c: AnalysisClient) => Promise<AnalysedTake>) => {
    const c = client.current;
    if (!c) return;
    const controller = new AbortController();
    abort.current = controller;
    send({ type: 'analysing' });
    try {
      const analysed = await run(controller.signal, c);
      if (!alive.current || controller.signal.aborted) return;
      setResult(analysed);
      send({ type: 'analysed' });
      analysed.saved.catch((error: unknown) => send({ type: 'storageFailed', kind: isStorageError(error) ? error.kind : 'unknown' }));
    } catch (error) {
      if (controller.signal.aborted || (error instanceof Error && error.name === 'AbortError')) return;
      send({ type: 'failed', text: describe(error) });
    }
  }, [send]);

  const finish = useCallback(async (reason: StopReason) => {
    const s = session.current;
    if (!s) return;
    session.current = null;
    performance.mark(STOP_MARK);
    send({ type: 'stopping', reason });
    const done = await s.finish(reason);
    performance.mark(CAPTURED_MARK);
    if (!alive.current) return;
    if (done.storageError !== null && isStorageError(done.storageError)) send({ type: 'storageFailed', kind: done.storageError.kind });
    else if (done.storageError !== null) send({ type: 'storageFailed', kind: 'unknown' });
    setLastAudio(done.samples.length > 0 ? { samples: done.samples.slice(), sampleRateHz: done.sampleRateHz } : null);
    const { store, baseline, drill, rendered } = argsRef.current;
    const take = done.take;
    if (done.samples.length === 0) {
      // Nothing was recorded (or nothing could be saved: the storage message says so).
      send({ type: 'failed', text: null });
      return;
    }
    if (store === null || take === null) {
      await analyse((signal, c) => analyseUnsaved({
        analyser: c, drill, script: rendered.script, samples: done.samples, sampleRateHz: done.sampleRateHz, baseline, signal,
      }));
      return;
    }
    await analyse((signal, c) => analyseTake({
      store, analyser: c, take, baseline, samples: done.samples, comparison: comparison.current ?? undefined,
      recorded: done.recorded ?? undefined, signal,
    }));
  }, [analyse, send]);

  const start = useCallback(() => {
    if (!canStart(stateRef.current)) return;
    const { drill, rendered, store, countInSec } = argsRef.current;
    send({ type: 'start', maxSec: MAX_TAKE_SEC[drill.kind] });
    setResult(null);
    setLive(null);
    comparison.current = null;
    void (async () => {
      const opened = await openSession({
        kind: drill.kind,
        countInSec,
        sink: store === null ? null : {
          store,
          newTake: (sampleRateHz) => ({ drill, script: rendered.script, sampleRateHz }),
          // Read now so the scorecard does not wait for the takes it is compared with after the stop.
          onCreated: (take) => {
            comparison.current = loadComparison(store, take);
            comparison.current.catch(() => undefined);
          },
        },
        onSnapshot: (snapshot) => {
          if (!alive.current) return;
          setLive(snapshot);
          dispatch({
            type: 'progress', countInRemainingSec: snapshot.countInRemainingSec, elapsedSec: snapshot.elapsedSec,
            noSpeechWarning: snapshot.noSpeechWarning,
          });
        },
        onAutoStop: (reason) => void finish(reason),
        onStorageError: () => undefined,
      }, () => alive.current);
      if (opened.kind === 'failed') send({ type: 'micFailed', kind: opened.micError });
      if (opened.kind !== 'started') return;
      session.current = opened.session;
      send({ type: 'progress', countInRemainingSec: countInSec, elapsedSec: 0 });
      // The worker is idle while the agent speaks: warm the resampling path of this device's rate.
      client.current?.warmUp(opened.session.sampleRateHz).catch(() => undefined);
    })();
  }, [finish, send]);

  const stop = useCallback(() => void finish('user'), [finish]);
  const skipCountIn = useCallback(() => session.current?.skipCountIn(), []);
  const reset = useCallback(() => {
    send({ type: 'reset' });
    setResult(null);
    setLive(null);
  }, [send]);

  const analyseStored = useCallback((take: TakeRecord) => {
    const { store, baseline } = argsRef.current;
    if (store === null) return;
    setResult(null);
    setLastAudio(null);
    void analyse((signal, c) => analyseTake({ store, analyser: c, take, baseline, signal }));
  }, [analyse]);

  return { state, live, result, lastAudio, start, skipCountIn, stop, reset, analyseStored };
}
