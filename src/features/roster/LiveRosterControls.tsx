/**
 * The roster's source when this device has joined a team server as a trainer or administrator: live from the server
 * (the default) or from results files; live, the group, "Refresh", the reading state and its failure as a sentence.
 */
import { formatWhen } from '../../i18n/index.ts';
import { useApp } from '../../services/app-context.ts';
import type { LiveRoster } from './use-live-roster.ts';

/** Where the roster comes from. */
export type RosterSource = 'live' | 'files';

/** The source switch (radio buttons). */
export function RosterSourceSwitch({ source, onChange }: { source: RosterSource; onChange: (source: RosterSource) => void }): React.JSX.Element {
  const { t } = useApp();
  return (
    <fieldset className="team-source" data-testid="roster-source">
      <legend>{t('team.roster.source')}</legend>
      {(['live', 'files'] as const).map((s) => (
        <label key={s} className="choice">
          <input type="radio" name="rosterSource" value={s} data-testid={`roster-source-${s}`} checked={source === s} onChange={() => onChange(s)} />
          {' '}{s === 'live' ? t('team.roster.live') : t('team.roster.files')}
        </label>
      ))}
    </fieldset>
  );
}

/** The live source's controls and state. */
export function LiveRosterControls({ live }: { live: LiveRoster }): React.JSX.Element {
  const { t, uiLang } = useApp();
  return (
    <section className="card" aria-labelledby="roster-live-title" data-testid="roster-live">
      <h3 id="roster-live-title">{t('team.roster.live')}</h3>
      <div className="roster-controls">
        <label className="field">
          <span>{t('team.roster.group')}</span>
          <select data-testid="roster-group" value={live.groupId} onChange={(e) => live.setGroupId(e.currentTarget.value)}>
            <option value="">{t('team.roster.allGroups')}</option>
            {(live.groups ?? []).map((g) => <option key={g.id} value={g.id}>{g.name}</option>)}
          </select>
        </label>
        <button type="button" data-testid="roster-refresh" disabled={live.loading} onClick={live.refresh}>{t('team.roster.refresh')}</button>
      </div>
      {live.loading && <p role="status" data-testid="roster-live-loading">{t('team.roster.loading')}</p>}
      {live.error !== null && <p role="alert" className="notice notice-error" data-testid="roster-live-error">{t(live.error)}</p>}
      {!live.loading && live.error === null && live.readAt !== null && (
        <p className="hint" role="status">{t('team.roster.readAt', { when: formatWhen(new Date(live.readAt).toISOString(), uiLang) })}</p>
      )}
      <p className="hint">{t('team.roster.audioNote')}</p>
    </section>
  );
}
