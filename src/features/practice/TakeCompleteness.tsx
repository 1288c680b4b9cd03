/**
 * What the scorecard says about a take that is not a whole scored take: a silent attempt (kept, not
 * scored) or an interrupted take recovered from what was saved (incomplete), with the agent's choice to
 * count the incomplete take on the progress charts and for the personal best.
 */
import { useState } from 'react';
import { useApp } from '../../services/app-context.ts';
import { formatSeconds } from '../../i18n/index.ts';
import type { AnalysedTake } from '../../takes/index.ts';

/** The notes and the "count this take" control (nothing for a whole take with speech). */
export function TakeCompleteness({ analysed }: { analysed: AnalysedTake }): React.JSX.Element | null {
  const { t, store } = useApp();
  const { take, report } = analysed;
  const [counted, setCounted] = useState(take.countAnyway);
  const [error, setError] = useState<string | null>(null);
  const saved = store !== null && !take.id.startsWith('unsaved-');
  const toggle = async (count: boolean): Promise<void> => {
    if (store === null) return;
    setError(null);
    setCounted(count);
    try {
      await store.setCountAnyway(take.id, count);
    } catch (e) {
      setCounted(!count);
      setError(t('scorecard.countFailed', { detail: e instanceof Error ? e.message : String(e) }));
    }
  };
  if (!report.speechFound) return <p className="notice" data-notice="unscored">{t('scorecard.unscoredNote')}</p>;
  if (!take.incomplete) return null;
  return (
    <div className="notice" data-notice="incomplete" data-counted={String(counted)}>
      <p>{t('scorecard.incomplete', { seconds: formatSeconds(take.durationSec ?? report.durationSec) })}</p>
      {saved && (
        <label className="check">
          <input type="checkbox" name="count-take" checked={counted} onChange={(e) => void toggle(e.target.checked)} data-action="count-take" />{' '}
          {t('scorecard.countTake')}
        </label>
      )}
      {error && <p role="alert" className="error-text">{error}</p>}
    </div>
  );
}
