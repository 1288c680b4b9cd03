/** Progress: a placeholder until the charts arrive, with the empty state and the count of analysed takes. */
import { useEffect, useState } from 'react';
import { useApp } from '../../app/app-context.ts';
import { routeHref } from '../../app/routes.ts';

/** The progress screen (coming soon). */
export function ProgressScreen(): React.JSX.Element {
  const { t, store } = useApp();
  const [count, setCount] = useState<number | null>(null);
  useEffect(() => {
    let cancelled = false;
    store?.listTakes({ status: 'analysed' }).then((takes) => { if (!cancelled) setCount(takes.length); }, () => { if (!cancelled) setCount(0); });
    return () => { cancelled = true; };
  }, [store]);
  return (
    <section className="screen progress" aria-labelledby="progress-title">
      <h2 id="progress-title">{t('nav.progress')}</h2>
      <div className="card empty-state">
        <p>{t('progress.comingSoon')}</p>
        {count === 0 && <p>{t('history.empty')} <a href={routeHref({ screen: 'practice' })}>{t('nav.practice')}</a></p>}
        {count !== null && count > 0 && <p>{t('progress.count', { count })}</p>}
      </div>
    </section>
  );
}
