/** Placeholder until the screen lands (issue 12). */
import { useApp } from '../../services/app-context.ts';

/** The screen. */
export function RosterScreen(): React.JSX.Element {
  const { t } = useApp();
  return <section className="screen"><h2>{t('nav.roster')}</h2></section>;
}
