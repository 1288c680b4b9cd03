/**
 * A drill's model recording in the editor: record it (the practice screen's recording session, without a take) or
 * import a file, make it a 16 kHz WAV, analyse it with the drill (src/takes, in the analysis worker) and store WAV and
 * report with the pack (owner 'authored'); show its pace and pitch variety, play it back, remove it.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { openSession } from '../../capture/open-session.ts';
import type { RecordingSession } from '../../capture/recording-session.ts';
import { renderDrill, type Drill } from '../../drills/index.ts';
import { formatNumber, unitLabel } from '../../i18n/index.ts';
import { useApp } from '../../services/app-context.ts';
import type { PackModelRecord } from '../../storage/index.ts';
import { analyseUnsaved, type AnalysisReport } from '../../takes/index.ts';
import { AnalysisClient } from '../../workers/analysis-client.ts';
import { spawnAnalysisWorker } from '../../workers/spawn-analysis-worker.ts';
import { MODEL_MAX_SEC, MODEL_RATE_HZ, ModelAudioError, modelFromFile, modelFromRecording, type ModelAudio } from './model-audio.ts';
import type { FormMessage } from './trainer-model.ts';
import { MessageText, messageOf } from './use-form-message.tsx';

/** Props of ModelPanel. */
export interface ModelPanelProps {
  packId: string;
  /** The saved drill (null while the drill is new: a model needs a saved drill). */
  drill: Drill | null;
  /** Called after a model was stored or removed (the pack's drill gets hasModel). */
  onChanged: (drillId: string, hasModel: boolean) => void;
}

type Status =
  | { kind: 'idle' }
  | { kind: 'opening' }
  | { kind: 'recording'; seconds: number }
  | { kind: 'analysing' }
  | { kind: 'message'; m: FormMessage; error: boolean };

function verdictValue(report: AnalysisReport, guideline: 'rate' | 'pitchVariety'): { value: number; unit: string } | null {
  const v = report.verdicts.find((x) => x.guideline === guideline);
  return v !== undefined && v.value !== null ? { value: v.value, unit: v.unit } : null;
}

/** The model recording section of the drill editor. */
export function ModelPanel({ packId, drill, onChanged }: ModelPanelProps): React.JSX.Element {
  const { t, uiLang, store, profile } = useApp();
  const [model, setModel] = useState<PackModelRecord | null>(null);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [url, setUrl] = useState<string | null>(null);
  const session = useRef<RecordingSession | null>(null);
  const client = useRef<AnalysisClient | null>(null);
  const alive = useRef(true);
  const drillId = drill?.id ?? null;
  const stopButton = useRef<HTMLButtonElement | null>(null);
  const recordButton = useRef<HTMLButtonElement | null>(null);
  const recording = status.kind === 'recording';
  const wasRecording = useRef(false);
  // Record and Stop replace each other: the focus moves with them, so Enter or Space stops and records again.
  useEffect(() => {
    if (recording) stopButton.current?.focus();
    else if (wasRecording.current && (document.activeElement === null || document.activeElement === document.body)) recordButton.current?.focus();
    wasRecording.current = recording;
  }, [recording]);

  useEffect(() => {
    alive.current = true;
    const c = new AnalysisClient(spawnAnalysisWorker);
    client.current = c;
    return () => {
      alive.current = false;
      session.current?.dispose();
      session.current = null;
      c.dispose();
      client.current = null;
    };
  }, []);

  useEffect(() => {
    setModel(null);
    if (store === null || drillId === null) return;
    let live = true;
    store.getAuthoredModel(packId, drillId).then((m) => { if (live) setModel(m); }, () => undefined);
    return () => { live = false; };
  }, [store, packId, drillId]);

  useEffect(() => {
    if (model === null) return undefined;
    const objectUrl = URL.createObjectURL(new Blob([model.wav.slice().buffer], { type: 'audio/wav' }));
    setUrl(objectUrl);
    return () => {
      URL.revokeObjectURL(objectUrl);
      setUrl(null);
    };
  }, [model]);

  const fail = useCallback((m: FormMessage) => { if (alive.current) setStatus({ kind: 'message', m, error: true }); }, []);

  const describe = useCallback((error: unknown): FormMessage => {
    if (error instanceof ModelAudioError) {
      return error.kind === 'tooLong' ? { key: 'trainer.model.tooLong', params: { minutes: Math.floor(MODEL_MAX_SEC / 60) } }
        : { key: error.kind === 'empty' ? 'trainer.model.empty' : 'trainer.model.decodeError' };
    }
    return messageOf(error, 'trainer.model.analysisError');
  }, []);

  // Analyse the model's samples with the drill and store WAV and report; nothing stored is replaced on a failure.
  const keep = useCallback(async (audio: ModelAudio) => {
    const c = client.current;
    if (store === null || drill === null || c === null) return;
    setStatus({ kind: 'analysing' });
    try {
      const script = renderDrill(drill, profile).script;
      const analysed = await analyseUnsaved({ analyser: c, drill, script, samples: audio.samples, sampleRateHz: MODEL_RATE_HZ, baseline: null });
      const { file: _file, ...report } = analysed.report;
      const stored = await store.putAuthoredModel({ packId, drillId: drill.id, drillVersion: drill.version, wav: audio.wav, report });
      if (!alive.current) return;
      setModel(stored);
      setStatus({ kind: 'idle' });
      onChanged(drill.id, true);
    } catch (error) {
      fail(describe(error));
    }
  }, [store, drill, profile, packId, onChanged, fail, describe]);

  const stop = useCallback(async () => {
    const s = session.current;
    if (s === null) return;
    session.current = null;
    const done = await s.finish('user');
    if (!alive.current) return;
    try {
      await keep(await modelFromRecording(done.samples, done.sampleRateHz));
    } catch (error) {
      fail(describe(error));
    }
  }, [keep, fail, describe]);

  const record = useCallback(async () => {
    if (drill === null || session.current !== null) return;
    setStatus({ kind: 'opening' });
    const opened = await openSession({
      kind: drill.kind, countInSec: 0, sink: null,
      onSnapshot: (snap) => { if (alive.current) setStatus({ kind: 'recording', seconds: Math.floor(snap.elapsedSec) }); },
      onAutoStop: () => void stop(),
      onStorageError: () => undefined,
    }, () => alive.current);
    if (opened.kind === 'failed') fail({ key: 'trainer.model.micError' });
    if (opened.kind !== 'started') return;
    session.current = opened.session;
    setStatus({ kind: 'recording', seconds: 0 });
  }, [drill, stop, fail]);

  const importFile = useCallback(async (file: File) => {
    setStatus({ kind: 'analysing' });
    try {
      await keep(await modelFromFile(await file.arrayBuffer()));
    } catch (error) {
      fail(describe(error));
    }
  }, [keep, fail, describe]);

  const remove = useCallback(async () => {
    if (store === null || drill === null) return;
    try {
      await store.deleteAuthoredModel(packId, drill.id);
      if (!alive.current) return;
      setModel(null);
      setStatus({ kind: 'message', m: { key: 'trainer.model.removed' }, error: false });
      onChanged(drill.id, false);
    } catch (error) {
      fail(describe(error));
    }
  }, [store, drill, packId, onChanged, fail, describe]);

  const busy = status.kind === 'opening' || status.kind === 'recording' || status.kind === 'analysing';
  const report = model?.report ?? null;
  const rate = report === null ? null : verdictValue(report, 'rate');
  const variety = report === null ? null : verdictValue(report, 'pitchVariety');
  const shown = (x: { value: number; unit: string } | null): string => (x === null ? '—' : `${formatNumber(x.value)} ${unitLabel(uiLang, x.unit)}`);

  let statusText: React.ReactNode;
  if (drill === null) statusText = t('trainer.model.saveFirst');
  else if (status.kind === 'opening') statusText = t('trainer.model.opening');
  else if (status.kind === 'recording') statusText = t('trainer.model.recording', { seconds: status.seconds });
  else if (status.kind === 'analysing') statusText = t('trainer.model.analysing');
  else if (status.kind === 'message') statusText = <MessageText m={status.m} />;
  else if (model === null) statusText = t('trainer.model.none');
  else if (report === null || !report.speechFound) statusText = t('trainer.model.noSpeech');
  else statusText = t('trainer.model.ready', { seconds: formatNumber(Math.round(report.durationSec * 10) / 10), rate: shown(rate), variety: shown(variety) });

  return (
    <section className="card trainer-model" aria-labelledby="model-title">
      <h4 id="model-title">{t('trainer.model.title')}</h4>
      <p className="hint">{t('trainer.model.hint')}</p>
      <p data-testid="model-status" role="status" className={status.kind === 'message' && status.error ? 'error-text' : undefined}
        data-state={status.kind === 'idle' ? (model === null ? 'none' : 'ready') : status.kind}>
        {statusText}
      </p>
      {drill !== null && model !== null && model.drillVersion < drill.version && <p className="hint notice">{t('trainer.model.oldVersion')}</p>}
      {drill !== null && (
        <div className="actions">
          {status.kind === 'recording'
            ? <button type="button" className="primary" data-testid="model-stop" ref={stopButton} onClick={() => void stop()}>{t('trainer.model.stop')}</button>
            : (
              // aria-disabled, not disabled, while busy: the control keeps the focus of a keyboard user.
              <button type="button" data-testid="model-record" ref={recordButton} aria-disabled={busy}
                onClick={() => { if (!busy) void record(); }}>{t('trainer.model.record')}</button>
            )}
          <label className="file-button">
            <span>{t('trainer.model.import')}</span>
            <input type="file" accept=".wav,audio/wav,audio/x-wav,audio/*" data-testid="model-import" aria-disabled={busy}
              onClick={(e) => { if (busy) e.preventDefault(); }}
              onChange={(e) => {
                const file = e.target.files?.[0];
                e.target.value = '';
                if (file !== undefined && !busy) void importFile(file);
              }} />
          </label>
          {model !== null && !busy && <button type="button" className="danger" data-testid="model-remove" onClick={() => void remove()}>{t('trainer.model.remove')}</button>}
        </div>
      )}
      {url !== null && (
        <figure className="take-audio">
          <figcaption>{t('trainer.model.listen')}</figcaption>
          <audio controls src={url} data-testid="model-player" aria-label={t('trainer.model.listen')} />
        </figure>
      )}
    </section>
  );
}
