/** Progress: the charts of every guideline over sessions, per drill and across drills (ProgressPage is the screen). */
import { useApp } from '../../services/app-context.ts';
import { ProgressPage } from './ProgressPage.tsx';

/** The progress screen. */
export function ProgressScreen(): React.JSX.Element {
  const { t, store, uiLang, navigate } = useApp();
  if (!store) return <section className="screen progress" aria-busy="true"><p role="status">{t('app.loading')}</p></section>;
  return <ProgressPage store={store} uiLang={uiLang} onOpenTake={(takeId) => navigate({ screen: 'take', takeId })} />;
}
