/**
 * Settings → Team server once joined: the organisation, the person and role, this device, the audio choice (radio
 * buttons), "Sync now", and leaving in two steps (the token and unsent items go; the takes stay).
 */
import { useState } from 'react';
import { formatWhen } from '../../i18n/index.ts';
import { useApp } from '../../services/app-context.ts';
import { leaveServer, setShareAudio, syncNow, type SyncConfigRecord, type SyncStatus } from '../../team/index.ts';
import { TeamMessageLine, type TeamMessage } from './TeamConnect.tsx';
import { lastSyncText, managesPacks, teamErrorKey } from './team-model.ts';

const SHARE_CHOICES = ['never', 'ask', 'always'] as const;

/** Leave (or, before joining, forget) the server in two steps; `onLeft` reads the configuration again. */
export function LeaveControl({ joined, pending, onLeft }: { joined: boolean; pending: number; onLeft: (message: TeamMessage | null) => void }): React.JSX.Element {
  const { t } = useApp();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<TeamMessage | null>(null);
  const label = joined ? t('team.leave') : t('team.forget');

  const leave = async (): Promise<void> => {
    setBusy(true);
    try {
      await leaveServer();
      setConfirming(false);
      onLeft(joined ? { key: 'team.left', error: false } : null);
    } catch (error) {
      setMessage({ key: teamErrorKey(error), error: true });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="team-leave">
      {confirming ? (
        <div role="group" aria-labelledby="team-leave-question">
          <p id="team-leave-question">{joined ? t('team.leave.confirm', { count: pending }) : t('team.forget.confirm')}</p>
          <div className="actions">
            <button type="button" className="danger" data-testid="team-leave-confirm" disabled={busy} onClick={() => void leave()}>{joined ? t('team.leave.yes') : t('team.forget.yes')}</button>
            <button type="button" autoFocus onClick={() => setConfirming(false)}>{t('team.leave.cancel')}</button>
          </div>
        </div>
      ) : (
        <div className="actions">
          <button type="button" className="danger" data-testid="team-leave" onClick={() => { setMessage(null); setConfirming(true); }}>{label}</button>
        </div>
      )}
      <TeamMessageLine message={message} testId="team-leave-message" />
    </div>
  );
}

/** The joined view. */
export function JoinedView({ config, status, onChanged }: { config: SyncConfigRecord; status: SyncStatus; onChanged: (message: TeamMessage | null) => void }): React.JSX.Element {
  const { t, uiLang } = useApp();
  const [share, setShare] = useState(config.shareAudio);
  const [shareMessage, setShareMessage] = useState<TeamMessage | null>(null);
  const [syncing, setSyncing] = useState(false);
  const [syncMessage, setSyncMessage] = useState<TeamMessage | null>(null);
  const person = config.person;

  const chooseShare = async (next: SyncConfigRecord['shareAudio']): Promise<void> => {
    const before = share;
    setShare(next);
    setShareMessage(null);
    try {
      await setShareAudio(next);
      setShareMessage({ key: 'team.share.saved', error: false });
    } catch (error) {
      setShare(before);
      setShareMessage({ key: teamErrorKey(error), error: true });
    }
  };

  const sync = async (): Promise<void> => {
    if (syncing) return;
    setSyncing(true);
    setSyncMessage(null);
    try {
      await syncNow();
      setSyncMessage({ key: 'team.synced', error: false });
    } catch (error) {
      setSyncMessage({ key: teamErrorKey(error), error: true });
    } finally {
      setSyncing(false);
    }
  };

  return (
    <>
      <dl className="team-facts" data-testid="team-joined">
        <div><dt>{t('team.joined.org')}</dt><dd data-testid="team-org">{config.org?.name ?? '—'}</dd></div>
        <div><dt>{t('team.joined.person')}</dt>
          <dd data-testid="team-person">{person ? t('team.joined.personValue', { name: person.name, role: t(`team.role.${person.role}`) }) : '—'}</dd></div>
        <div><dt>{t('team.joined.device')}</dt><dd data-testid="team-device-name">{config.device?.name ?? '—'}</dd></div>
      </dl>
      {managesPacks(person?.role) && <p><a href="#/team" data-testid="team-admin-link">{t('teamAdmin.open')}</a></p>}
      <fieldset className="team-share">
        <legend>{t('team.share.legend')}</legend>
        {SHARE_CHOICES.map((choice) => (
          <label key={choice} className="choice">
            <input type="radio" name="teamShareAudio" value={choice} data-testid={`team-share-${choice}`} checked={share === choice}
              onChange={() => void chooseShare(choice)} />
            {' '}{t(`team.share.${choice}`)}
          </label>
        ))}
      </fieldset>
      <TeamMessageLine message={shareMessage} testId="team-share-message" />
      <p className="hint" data-testid="team-last-sync">
        {lastSyncText(uiLang, status.lastSyncAt ?? config.lastSyncAt, formatWhen)}{status.pending > 0 ? ` ${t('team.pending', { count: status.pending })}` : ''}
      </p>
      <div className="actions">
        <button type="button" data-testid="team-sync-now" disabled={syncing} onClick={() => void sync()}>{syncing ? t('team.syncing') : t('team.syncNow')}</button>
      </div>
      <TeamMessageLine message={syncMessage} testId="team-sync-message" />
      <LeaveControl joined pending={status.pending} onLeft={onChanged} />
    </>
  );
}
