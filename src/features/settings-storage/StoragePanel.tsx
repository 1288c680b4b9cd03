/**
 * Storage health in Settings: space used against the quota, asking the browser to keep the data,
 * and re-analysing takes scored by an older analysis version (with progress and a Stop button).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { t, type UiLang } from '../../i18n/index.ts';
import type { CallStorageUse, VoiceDrillStore } from '../../storage/index.ts';
import { defaultStorageManager, requestPersistentStorage, storageHealth, type StorageHealth, type StorageManagerLike } from '../../storage/quota.ts';
import { outdatedTakeIds, reanalyseOutdated, type AnalyseFn, type ReanalyseProgress } from '../../takes/index.ts';
import { formatBytes, nearlyFull, persistenceText, progressText, resultText, usageText } from './storage-panel-model.ts';

/** Props of StoragePanel. */
export interface StoragePanelProps {
  store: VoiceDrillStore;
  uiLang: UiLang;
  /** The analysis (the app's worker client: `(i, o, l, s) => client.analyse(i, o, l, s)`). */
  analyse: AnalyseFn;
  /** Default: navigator.storage. */
  storageManager?: StorageManagerLike | null;
}

/** The storage panel. */
export function StoragePanel({ store, uiLang, analyse, storageManager }: StoragePanelProps): React.JSX.Element {
  const manager = storageManager === undefined ? defaultStorageManager() : storageManager;
  const [health, setHealth] = useState<StorageHealth | null>(null);
  const [outdated, setOutdated] = useState<number | null>(null);
  const [calls, setCalls] = useState<CallStorageUse | null>(null);
  const [progress, setProgress] = useState<ReanalyseProgress | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const running = useRef<AbortController | null>(null);

  const refresh = useCallback(async (): Promise<void> => {
    const [h, ids, callUse] = await Promise.all([storageHealth(manager), outdatedTakeIds(store).catch(() => []), store.callStorageBytes().catch(() => null)]);
    setHealth(h);
    setOutdated(ids.length);
    setCalls(callUse);
  }, [manager, store]);

  useEffect(() => {
    void refresh();
    // Leaving Settings stops a running re-analysis (the takes done so far keep their new results).
    return () => running.current?.abort();
  }, [refresh]);

  const persist = async (): Promise<void> => {
    const granted = await requestPersistentStorage(manager);
    setMessage(granted ? null : t(uiLang, 'storageHealth.persistDenied'));
    await refresh();
  };

  const reanalyse = async (): Promise<void> => {
    const controller = new AbortController();
    running.current = controller;
    setMessage(null);
    setProgress({ done: 0, total: outdated ?? 0, takeId: '', failed: false });
    try {
      const result = await reanalyseOutdated(store, analyse, { signal: controller.signal, onProgress: setProgress });
      if (running.current === controller) setMessage(resultText(result, uiLang));
    } finally {
      if (running.current === controller) {
        running.current = null;
        setProgress(null);
        await refresh();
      }
    }
  };

  const busy = progress !== null;
  return (
    <section className="card storage-panel" aria-labelledby="storage-health-title" data-testid="storage-panel">
      <h3 id="storage-health-title">{t(uiLang, 'storageHealth.title')}</h3>
      {health && (
        <>
          <p data-usage-bytes={health.usageBytes ?? ''} data-quota-bytes={health.quotaBytes ?? ''}>{usageText(health, uiLang)}</p>
          {health.usedFraction !== null && <progress max={1} value={health.usedFraction} aria-label={usageText(health, uiLang)} />}
          {nearlyFull(health) && <p role="alert">{t(uiLang, 'storageHealth.nearlyFull')}</p>}
          <p data-persisted={String(health.persisted)}>{persistenceText(health.persisted, uiLang)}</p>
          {health.persisted === false && manager?.persist && (
            <button type="button" onClick={() => void persist()}>{t(uiLang, 'storageHealth.persist')}</button>
          )}
        </>
      )}
      {calls !== null && (
        <p data-call-count={calls.callCount} data-call-audio-bytes={calls.audioBytes}>
          {t(uiLang, 'storageHealth.calls', { count: calls.callCount, bytes: formatBytes(calls.audioBytes) })}
        </p>
      )}
      {outdated !== null && (
        <p data-outdated={outdated}>{outdated > 0 ? t(uiLang, 'storageHealth.outdated', { count: outdated }) : t(uiLang, 'storageHealth.upToDate')}</p>
      )}
      {outdated !== null && outdated > 0 && !busy && (
        <button type="button" onClick={() => void reanalyse()}>{t(uiLang, 'storageHealth.reanalyse')}</button>
      )}
      {progress && (
        <div role="status">
          <progress max={progress.total} value={progress.done} />
          <span>{progressText(progress, uiLang)}</span>{' '}
          <button type="button" onClick={() => running.current?.abort()}>{t(uiLang, 'storageHealth.stop')}</button>
        </div>
      )}
      {message && <p role="status">{message}</p>}
    </section>
  );
}
