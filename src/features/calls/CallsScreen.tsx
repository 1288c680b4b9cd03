/**
 * The Calls screen: import a recorded call (picker, a drop anywhere on the screen, or "open with"),
 * and the stored calls. The device remembers the agent's channel, the language and what to keep.
 */
import { useCallback, useEffect, useState } from 'react';
import type { CallSummaryRecord } from '../../storage/index.ts';
import { useApp } from '../../services/app-context.ts';
import { loadCallPreferences, saveCallPreferences, type CallPreferences } from '../../services/call-preferences.ts';
import { onOpenedFiles, takeOpenedFiles } from '../../services/opened-files.ts';
import { browserStorage } from '../../services/preferences.ts';
import { CallList } from './CallList.tsx';
import { dragHasFiles } from './calls-model.ts';
import { importGreeting } from './greeting-import-model.ts';
import { toBaseline } from '../../takes/index.ts';
import { ImportPanel } from './ImportPanel.tsx';
import { useCallImport } from './use-call-import.ts';

/** The Calls screen. */
export function CallsScreen(): React.JSX.Element {
  const { t, store, profile } = useApp();
  const [prefs, setPrefsState] = useState<CallPreferences>(() => loadCallPreferences(browserStorage()));
  const lang = prefs.lang ?? profile.scriptLang;
  const [calls, setCalls] = useState<CallSummaryRecord[] | null>(null);
  const [notice, setNotice] = useState<{ text: string; error: boolean } | null>(null);
  const [dragging, setDragging] = useState(false);

  const refresh = useCallback(() => {
    store?.listCallSummaries().then(setCalls, () => setCalls([]));
  }, [store]);
  useEffect(() => {
    refresh();
    // Chunks an interrupted import left without their call are removed (they are not shown anywhere).
    store?.removeOrphanCallAudio().catch(() => undefined);
  }, [refresh, store]);

  const importer = useCallImport(store, refresh);
  const setPrefs = (next: CallPreferences): void => {
    setPrefsState(next);
    saveCallPreferences(browserStorage(), next);
  };
  const calibrationLevelDbfs = profile.baseline?.activeLevelDbfs ?? null;
  // Scored against the agent's calibration, as a practice take is.
  const greeting = { ...importGreeting(lang, prefs, profile.fills[lang]).choice, baseline: toBaseline(profile.baseline) };
  const choices = { agentChannel: prefs.agentChannel, lang, keepAudio: prefs.keepAudio, calibrationLevelDbfs, greeting };
  const onFiles = (files: File[]): void => {
    setNotice(null);
    importer.start(files, choices);
  };
  const latest = { onFiles };

  // Files opened with the app ("open with"), now and while the screen is open.
  useEffect(() => {
    const take = (): void => {
      const files = takeOpenedFiles();
      if (files.length > 0) latest.onFiles(files);
    };
    take();
    return onOpenedFiles(take);
  });

  // A drop anywhere on the screen imports; elsewhere the browser would open the file in place of the app.
  useEffect(() => {
    const over = (e: DragEvent): void => {
      if (!dragHasFiles(e.dataTransfer ? [...e.dataTransfer.types] : null)) return;
      e.preventDefault();
      setDragging(true);
    };
    const leave = (e: DragEvent): void => { if (e.relatedTarget === null) setDragging(false); };
    const drop = (e: DragEvent): void => {
      if (!dragHasFiles(e.dataTransfer ? [...e.dataTransfer.types] : null)) return;
      e.preventDefault();
      setDragging(false);
      const files = [...(e.dataTransfer?.files ?? [])];
      if (files.length > 0) latest.onFiles(files);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  });

  const remove = (call: CallSummaryRecord): void => {
    if (!store) return;
    store.deleteCall(call.id).then(
      () => { setNotice({ text: t('calls.deleted', { file: call.fileName }), error: false }); refresh(); },
      () => setNotice({ text: t('calls.error.delete', { file: call.fileName }), error: true }),
    );
  };

  return (
    <section className="screen calls" aria-labelledby="calls-title">
      <h2 id="calls-title">{t('calls.title')}</h2>
      <p className="hint">{t('calls.intro')}</p>
      {!store && <p role="alert" className="notice notice-error">{t('calls.noStore')}</p>}
      {store && <ImportPanel prefs={prefs} lang={lang} onPrefs={setPrefs} onFiles={onFiles} importer={importer} dragging={dragging} onChanged={refresh} />}
      {notice && <p role={notice.error ? 'alert' : 'status'} className={notice.error ? 'notice notice-error' : 'notice notice-ok'} data-notice="call-deleted">{notice.text}</p>}
      {store && <CallList calls={calls} onDelete={remove} />}
    </section>
  );
}
