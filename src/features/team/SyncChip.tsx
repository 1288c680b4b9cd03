/**
 * The header's sync status (issue 13): nothing at all when no server is configured; otherwise a compact chip
 * ("Synced", "Pending 3", "Offline", "Sync error: <reason>") in a polite live region, a link to Settings' team section.
 */
import { useApp } from '../../services/app-context.ts';
import { routeHref } from '../../services/routes.ts';
import { requestTeamFocus } from './team-focus.ts';
import { chipText } from './team-model.ts';
import { useTeam } from './use-team.ts';
import './team.css';

/** The chip. */
export function SyncChip(): React.JSX.Element | null {
  const { t, uiLang } = useApp();
  const { config, status } = useTeam();
  // No server configured: no chip, no live region.
  const chip = chipText(uiLang, status, config);
  if (chip === null) return null;
  return (
    <div className="team-chip" role="status" aria-live="polite" data-testid="sync-chip" data-kind={chip.kind}>
      <a href={routeHref({ screen: 'settings' })} data-kind={chip.kind} onClick={() => requestTeamFocus()}
        aria-describedby="sync-chip-hint">
        <span className="visually-hidden">{t('team.chip.prefix')} </span>{chip.text}
      </a>
      <span id="sync-chip-hint" className="visually-hidden">{t('team.chip.open')}</span>
    </div>
  );
}
