/**
 * "Your data is yours": export everything to one .voicedrill file, import such a file back (merged,
 * never overwriting audio; a bad file changes nothing; when the backup's profile differs from this
 * computer's, the agent chooses which to keep), and export the results as CSV. Calls go in as analysis;
 * their kept audio (its size shown) and the private reflections only when ticked. Moving calls' audio (export,
 * the import's check, its restore) shows its progress and can be stopped; a stopped import changes nothing.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  defaultProfileChoice, downloadName, isAbort, isBackupError, mergeBackup, profilesDiffer, readBackupFile, takesToCsv, type AudioWork,
  type BackupContents, type BackupErrorKind, type ImportResult, type ProfileChoice,
} from '../../backup/index.ts';
import { t, type MessageKey, type UiLang } from '../../i18n/index.ts';
import { isStorageError, type CallStorageUse, type Profile, type VoiceDrillStore } from '../../storage/index.ts';
import { storageErrorMessage } from '../../services/error-messages.ts';
import { exportBackupNow, importMessage, profileSummary } from './backup-panel-model.ts';
import { formatBytes } from './storage-panel-model.ts';
import { useDownloads } from '../../ui/use-downloads.ts';

/** Props of BackupPanel. */
export interface BackupPanelProps {
  store: VoiceDrillStore;
  uiLang: UiLang;
  /** Called after a successful import (e.g. to reload lists). */
  onImported?: (result: ImportResult) => void;
}

const BACKUP_ERROR_KEYS: Record<BackupErrorKind, MessageKey> = {
  'not-a-backup': 'backup.error.notABackup',
  'newer-version': 'backup.error.newerVersion',
  truncated: 'backup.error.truncated',
  corrupt: 'backup.error.corrupt',
};

/** The message for a failed export or import, in the UI language. */
export function backupErrorMessage(e: unknown, lang: UiLang): string {
  if (isBackupError(e)) return t(lang, BACKUP_ERROR_KEYS[e.kind]);
  if (isStorageError(e)) return t(lang, storageErrorMessage(e.kind));
  return t(lang, 'backup.error.unknown');
}

/** The step of a backup moving calls' audio, and how far it is. */
interface AudioStep {
  phase: 'export' | 'check' | 'write';
  fraction: number;
}

const STEP_KEYS: Record<AudioStep['phase'], MessageKey> = { export: 'backup.progress.export', check: 'backup.progress.check', write: 'backup.progress.write' };

/** A validated backup waiting for the agent to choose whose profile to keep. */
interface PendingImport {
  contents: BackupContents;
  device: Profile | null;
  choice: ProfileChoice;
}

/** The backup panel. */
export function BackupPanel({ store, uiLang, onImported }: BackupPanelProps): React.JSX.Element {
  const download = useDownloads();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [pending, setPending] = useState<PendingImport | null>(null);
  const [calls, setCalls] = useState<CallStorageUse | null>(null);
  const [callAudio, setCallAudio] = useState(false);
  const [reflections, setReflections] = useState(false);
  const [step, setStep] = useState<AudioStep | null>(null);
  const stopper = useRef<AbortController | null>(null);

  // How many calls there are and how big their kept audio is (read from the calls' summaries).
  const refreshCalls = useCallback((): void => {
    store.callStorageBytes().then(setCalls, () => setCalls(null));
  }, [store]);
  useEffect(refreshCalls, [refreshCalls]);

  // `work` returns the sentence saying what it did, or null when it is waiting for the agent; `stopped` is said when the Stop button stopped it.
  const run = async (work: (audio: (phase: AudioStep['phase']) => AudioWork) => Promise<string | null>, stopped: MessageKey = 'backup.cancelled'): Promise<void> => {
    const controller = new AbortController();
    stopper.current = controller;
    setBusy(true);
    setMessage(null);
    const audio = (phase: AudioStep['phase']): AudioWork => ({
      signal: controller.signal,
      onProgress: (done, total) => setStep({ phase, fraction: total > 0 ? done / total : 1 }),
    });
    try {
      const text = await work(audio);
      setMessage(text === null ? null : { text, error: false });
    } catch (e) {
      setMessage(isAbort(e) ? { text: t(uiLang, stopped), error: false } : { text: backupErrorMessage(e, uiLang), error: true });
    } finally {
      stopper.current = null;
      setStep(null);
      setBusy(false);
    }
  };

  const exportAll = (): Promise<void> => run(
    (audio) => exportBackupNow(store, download, uiLang, { callAudio: callAudio && (calls?.audioBytes ?? 0) > 0, reflections, ...audio('export') }),
    'backup.stoppedExport',
  );

  const exportCsv = (): Promise<void> => run(async () => {
    const now = new Date();
    const [takes, agent] = await Promise.all([store.listTakes({ order: 'oldest' }), store.getProfile()]);
    download(new Blob([takesToCsv(takes, uiLang, agent)], { type: 'text/csv;charset=utf-8' }), downloadName('results', now));
    return t(uiLang, 'backup.csvExported', { count: takes.length });
  });

  const merge = async (contents: BackupContents, choice: ProfileChoice, work: AudioWork): Promise<string> => {
    const result = await mergeBackup(store, contents, { profile: choice, ...work });
    onImported?.(result);
    refreshCalls();
    return importMessage(result, contents.profile, uiLang);
  };

  // The whole file is validated first; a differing profile is asked about before anything is written.
  const importFile = (file: File): Promise<void> => run(async (audio) => {
    const contents = await readBackupFile(file, audio('check'));
    const device = await store.getProfile();
    const choice = defaultProfileChoice(device, contents.profile);
    if (device !== null && profilesDiffer(device, contents.profile)) {
      setPending({ contents, device, choice });
      return null;
    }
    return merge(contents, choice, audio('write'));
  });

  const confirmImport = (): Promise<void> => {
    if (!pending) return Promise.resolve();
    setPending(null);
    return run((audio) => merge(pending.contents, pending.choice, audio('write')));
  };

  return (
    <section className="card backup-panel" aria-labelledby="backup-title" data-testid="backup-panel" aria-busy={busy}>
      <h3 id="backup-title">{t(uiLang, 'backup.title')}</h3>
      <p>{t(uiLang, 'backup.explain')}</p>
      {calls !== null && calls.callCount > 0 && (
        <fieldset className="backup-calls" data-testid="backup-calls">
          <legend>{t(uiLang, 'backup.calls.title')}</legend>
          <p className="hint">{t(uiLang, 'backup.calls.included', { count: calls.callCount })}</p>
          {calls.audioBytes > 0 && (
            <label className="choice">
              <input type="checkbox" checked={callAudio} disabled={busy} onChange={(e) => setCallAudio(e.target.checked)} data-action="backup-call-audio" />{' '}
              {t(uiLang, 'backup.calls.audio', { size: formatBytes(calls.audioBytes) })}
            </label>
          )}
          <label className="choice">
            <input type="checkbox" checked={reflections} disabled={busy} onChange={(e) => setReflections(e.target.checked)} data-action="backup-reflections"
              aria-describedby="backup-reflections-hint" />{' '}
            {t(uiLang, 'backup.calls.reflections')}
          </label>
          <p className="hint" id="backup-reflections-hint">{t(uiLang, 'backup.calls.reflectionsHint')}</p>
        </fieldset>
      )}
      <button type="button" disabled={busy} onClick={() => void exportAll()} data-action="export-backup">{t(uiLang, 'backup.export')}</button>{' '}
      <button type="button" disabled={busy} onClick={() => void exportCsv()} data-action="export-csv">{t(uiLang, 'backup.csv')}</button>
      <label className="field">
        <span>{t(uiLang, 'backup.import')}</span>
        <input type="file" accept=".voicedrill,application/octet-stream" disabled={busy || pending !== null} data-action="import-backup"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = ''; // the same file can be chosen again after a failure
            if (file) void importFile(file);
          }} />
      </label>
      {pending && (
        <form className="import-choice" data-testid="import-profile-choice" onSubmit={(e) => { e.preventDefault(); void confirmImport(); }}>
          <fieldset>
            <legend>{t(uiLang, 'backup.profile.question')}</legend>
            {(['backup', 'device'] as const).map((choice) => (
              <label key={choice} className="choice">
                <input type="radio" name="import-profile" value={choice} checked={pending.choice === choice}
                  onChange={() => setPending({ ...pending, choice })} />{' '}
                {choice === 'backup'
                  ? t(uiLang, 'backup.profile.useBackup', { summary: profileSummary(pending.contents.profile, uiLang) })
                  : t(uiLang, 'backup.profile.keepDevice', { summary: profileSummary(pending.device, uiLang) })}
              </label>
            ))}
          </fieldset>
          <div className="actions">
            <button type="submit" data-action="import-confirm">{t(uiLang, 'backup.importNow')}</button>
            <button type="button" data-action="import-cancel" onClick={() => { setPending(null); setMessage({ text: t(uiLang, 'backup.cancelled'), error: false }); }}>
              {t(uiLang, 'backup.cancel')}
            </button>
          </div>
        </form>
      )}
      {step && (
        <div role="status" className="backup-progress" data-testid="backup-progress" data-phase={step.phase}>
          <progress max={1} value={step.fraction} aria-labelledby="backup-progress-text" />{' '}
          <span id="backup-progress-text">{t(uiLang, STEP_KEYS[step.phase], { percent: Math.floor(step.fraction * 100) })}</span>{' '}
          <button type="button" onClick={() => stopper.current?.abort()} data-action="backup-stop">{t(uiLang, 'backup.stop')}</button>
        </div>
      )}
      {message && (message.error
        ? <p role="alert" className="notice notice-error" data-backup-message="error">{message.text}</p>
        : <p role="status" className="notice notice-ok" data-backup-message="ok">{message.text}</p>)}
    </section>
  );
}
