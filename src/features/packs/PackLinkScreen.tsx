/** Placeholder until the screen lands (issue 12): a trainer's pack link. */
import { useApp } from '../../services/app-context.ts';

/** The screen of a pack link. */
export function PackLinkScreen({ payload }: { payload: string }): React.JSX.Element {
  const { t } = useApp();
  return <section className="screen"><h2>{t('nav.practice')}</h2><p>{payload.length}</p></section>;
}
