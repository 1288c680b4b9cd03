/** Offers the takes a crash or a closed tab interrupted: analyse what was saved, or discard it. */
import { useState } from 'react';
import { drillOfTake } from '../drills/index.ts';
import { formatSeconds, formatWhen } from '../i18n/index.ts';
import { storageErrorMessage } from '../services/error-messages.ts';
import { isStorageError, type InterruptedTake, type TakeRecord } from '../storage/index.ts';
import { useApp } from '../services/app-context.ts';

/** The recovery banner (one entry per interrupted take). */
export function RecoveryBanner({ onAnalyse }: { onAnalyse: (take: TakeRecord) => void }): React.JSX.Element {
  const { t, uiLang, store, interrupted, dismissInterrupted } = useApp();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const act = async (item: InterruptedTake, analyse: boolean): Promise<void> => {
    if (!store) return;
    setBusy(true);
    setError(null);
    try {
      if (analyse) {
        const take = await store.recoverTake(item.take.id);
        dismissInterrupted(item.take.id);
        if (take.status === 'recorded') onAnalyse(take);
      } else {
        await store.deleteTake(item.take.id);
        dismissInterrupted(item.take.id);
      }
    } catch (e) {
      setError(t(storageErrorMessage(isStorageError(e) ? e.kind : 'unknown')));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="banner banner-recover" aria-labelledby="recover-title" data-testid="recovery">
      <h2 id="recover-title">{t('recover.title')}</h2>
      <ul>
        {interrupted.map((item) => {
          const drill = drillOfTake(item.take);
          const title = drill?.title[uiLang] ?? item.take.drillId;
          const empty = item.chunkCount === 0;
          return (
            <li key={item.take.id} data-take-id={item.take.id}>
              <p>
                {empty
                  ? t('recover.empty', { drill: title })
                  : t('recover.summary', { seconds: formatSeconds(item.recoveredDurationSec), drill: title, when: formatWhen(item.take.createdAt, uiLang) })}
              </p>
              <div className="actions">
                {!empty && (
                  <button type="button" className="primary" disabled={busy} onClick={() => void act(item, true)} data-action="recover-analyse">
                    {t('recover.analyse')}
                  </button>
                )}
                <button type="button" disabled={busy} onClick={() => void act(item, false)} data-action="recover-discard">
                  {t('recover.discard')}
                </button>
              </div>
            </li>
          );
        })}
      </ul>
      {error && <p role="alert" className="error-text">{error}</p>}
    </section>
  );
}
