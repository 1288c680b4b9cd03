/**
 * Team administration (#/team, issue 13): for an admin the groups, people (roles, groups, invite codes) and devices
 * (revoking in two steps); for a trainer the people of their groups, read-only, and invite codes for their agents.
 * Everything shown is what the server answered (GET /v1/me first: the role as the server knows it now); after a change
 * the lists are read again.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useApp } from '../../services/app-context.ts';
import type { DeviceInfo, GroupInfo, MeResponse, PersonInfo } from '../../sync/protocol.ts';
import { getSyncConfig, isTeamError, syncNow, teamAdmin } from '../../team/index.ts';
import { AdminDevices } from './AdminDevices.tsx';
import { AdminGroups } from './AdminGroups.tsx';
import { AdminMessageLine } from './AdminMessageLine.tsx';
import { AdminPeople } from './AdminPeople.tsx';
import { adminErrorKey, rightsOf, type AdminMessage } from './team-admin-model.ts';
import './team-admin.css';

interface Team { me: MeResponse; groups: GroupInfo[]; people: PersonInfo[]; devices: DeviceInfo[] }

type Loaded = { state: 'loading' } | { state: 'not-joined' } | { state: 'failed'; message: AdminMessage } | { state: 'ready'; team: Team };

async function readTeam(): Promise<Team> {
  const admin = teamAdmin();
  const me = await admin.me();
  const rights = rightsOf(me.person.role);
  if (!rights.seePeople) return { me, groups: me.groups, people: [], devices: [] };
  const [groups, people, devices] = await Promise.all([
    admin.listGroups(), admin.listPeople(), rights.manage ? admin.listDevices() : Promise.resolve([]),
  ]);
  return { me, groups, people, devices };
}

export function TeamAdminScreen(): React.JSX.Element {
  const { t, navigate } = useApp();
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [refreshMessage, setRefreshMessage] = useState<AdminMessage | null>(null);
  const title = useRef<HTMLHeadingElement | null>(null);
  const live = useRef(true);

  const load = useCallback(async (): Promise<void> => {
    const config = await getSyncConfig().catch(() => undefined);
    if (!config?.token) {
      if (live.current) setLoaded({ state: 'not-joined' });
      return;
    }
    try {
      const team = await readTeam();
      if (live.current) {
        setLoaded({ state: 'ready', team });
        setRefreshMessage(null);
      }
    } catch (error) {
      // This device itself was revoked: a sync round lets the service (and the header's chip) know it too.
      if (isTeamError(error) && error.code === 'revoked') void syncNow().catch(() => undefined);
      if (!live.current) return;
      const message: AdminMessage = { key: adminErrorKey(error), error: true };
      // A failed refresh keeps what the server said before, with the sentence; a failed first read shows only the sentence.
      setLoaded((before) => (before.state === 'ready' ? before : { state: 'failed', message }));
      setRefreshMessage(message);
    }
  }, []);

  useEffect(() => {
    live.current = true;
    void load();
    return () => { live.current = false; };
  }, [load]);

  const team = loaded.state === 'ready' ? loaded.team : null;
  const rights = team ? rightsOf(team.me.person.role) : null;

  return (
    <section className="screen team-admin" aria-labelledby="team-admin-title" data-testid="team-admin" data-state={loaded.state}>
      <h2 id="team-admin-title" tabIndex={-1} ref={title}>{t('teamAdmin.title')}</h2>
      {loaded.state === 'loading' && <p className="loading" role="status">{t('teamAdmin.loading')}</p>}
      {loaded.state === 'not-joined' && (
        <div className="card">
          <p>{t('teamAdmin.notJoined')}</p>
          <div className="actions">
            <button type="button" onClick={() => navigate({ screen: 'settings' })}>{t('teamAdmin.toSettings')}</button>
          </div>
        </div>
      )}
      {loaded.state === 'failed' && <AdminMessageLine message={loaded.message} testId="team-admin-error" />}
      {team && rights && (
        <>
          <p className="hint" data-testid="team-admin-you">
            {t('teamAdmin.you', { name: team.me.person.name, role: t(`team.role.${team.me.person.role}`), org: team.me.org.name })}{' '}
            {t('teamAdmin.intro')}
          </p>
          {!rights.seePeople && <p data-testid="team-admin-agent">{t('teamAdmin.agentOnly')}</p>}
          {rights.seePeople && !rights.manage && <p data-testid="team-admin-trainer">{t('teamAdmin.trainerNote')}</p>}
        </>
      )}
      {(loaded.state === 'failed' || team) && (
        <div className="actions">
          <button type="button" data-testid="team-admin-reload" onClick={() => void load()}>{t('teamAdmin.reload')}</button>
        </div>
      )}
      {team && <AdminMessageLine message={refreshMessage} testId="team-admin-error" />}
      {team && rights?.seePeople && (
        <>
          <AdminGroups groups={team.groups} manage={rights.manage} onChanged={load} />
          <AdminPeople people={team.people} groups={team.groups}
            caller={{ id: team.me.person.id, role: team.me.person.role, groupIds: team.me.person.groupIds }} manage={rights.manage} onChanged={load} />
          {rights.manage && <AdminDevices devices={team.devices} people={team.people} thisDeviceId={team.me.device.id} onChanged={load} />}
        </>
      )}
    </section>
  );
}
