/**
 * The pack editor's "Publish to the team server" (issue 13), shown only when this device has joined as a trainer or
 * administrator: tick groups (the caller's, from the server), publish the pack as the file export builds it; a
 * publish marks the version as shared exactly like an export (the next edit bumps it). One sentence as the result.
 */
import { useEffect, useState } from 'react';
import { joinList } from '../../i18n/index.ts';
import type { PackJson } from '../../packs/index.ts';
import { useApp } from '../../services/app-context.ts';
import { fetchGroups, publishPack, TeamError, type GroupInfo } from '../../team/index.ts';
import { TeamMessageLine, type TeamMessage } from './TeamConnect.tsx';
import { managesPacks, teamErrorKey } from './team-model.ts';
import { useTeam } from './use-team.ts';
import './team.css';

/** Props of PublishPanel. */
export interface PublishPanelProps {
  packId: string;
  /** The version the next export (or publish) gets. */
  version: number;
  /** The pack as the file export builds it (rejects with an Error). */
  build: () => Promise<PackJson>;
  /** Mark the published pack as this version's export (rejects with an Error). */
  onPublished: (published: PackJson) => Promise<void>;
}

/** The panel (nothing when not joined as a trainer or administrator). */
export function PublishPanel({ packId, version, build, onPublished }: PublishPanelProps): React.JSX.Element | null {
  const { t, uiLang } = useApp();
  const { config } = useTeam();
  const allowed = !!config?.token && managesPacks(config.person?.role);
  const [groups, setGroups] = useState<GroupInfo[] | null>(null);
  const [groupsError, setGroupsError] = useState<TeamMessage | null>(null);
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<TeamMessage | null>(null);

  useEffect(() => {
    if (!allowed) return;
    let live = true;
    fetchGroups().then((list) => { if (live) setGroups(list); }, (error: unknown) => {
      if (live) {
        setGroups([]);
        setGroupsError({ key: teamErrorKey(error), error: true });
      }
    });
    return () => { live = false; };
  }, [allowed]);

  if (!allowed) return null;

  const publish = async (): Promise<void> => {
    if (busy) return;
    const groupIds = (groups ?? []).filter((g) => picked.has(g.id)).map((g) => g.id);
    if (groupIds.length === 0) { setMessage({ key: 'team.publish.pickGroup', error: true }); return; }
    setBusy(true);
    setMessage(null);
    let stage: 'build' | 'publish' | 'mark' = 'build';
    try {
      const pack = await build();
      stage = 'publish';
      const done = await publishPack(pack, groupIds);
      stage = 'mark';
      await onPublished(pack);
      const names = (groups ?? []).filter((g) => done.groupIds.includes(g.id)).map((g) => g.name);
      setMessage({ key: 'team.publish.done', params: { version: done.version, groups: joinList(uiLang, names) }, error: false });
    } catch (error) {
      // 409: the server holds a newer version of this pack (published from another device).
      const older = error instanceof TeamError && error.status === 409;
      const key = stage === 'build' ? 'team.publish.readFailed' : stage === 'mark' ? 'team.publish.markFailed' : older ? 'team.publish.older' : teamErrorKey(error);
      setMessage({ key, error: true });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card team-publish" aria-labelledby="team-publish-title" data-testid="team-publish" data-pack-id={packId}>
      <h3 id="team-publish-title">{t('team.publish.title')}</h3>
      <p className="hint">{t('team.publish.hint')}</p>
      {groups === null && <p role="status">{t('team.publish.loading')}</p>}
      <TeamMessageLine message={groupsError} testId="team-publish-groups-error" />
      {groups !== null && groups.length === 0 && groupsError === null && <p className="notice">{t('team.publish.noGroups')}</p>}
      {groups !== null && groups.length > 0 && (
        <fieldset className="team-groups">
          <legend>{t('team.publish.groups')}</legend>
          {groups.map((g) => (
            <label key={g.id} className="choice">
              <input type="checkbox" name="publishGroup" value={g.id} data-testid={`team-publish-group-${g.id}`} checked={picked.has(g.id)}
                onChange={(e) => {
                  const on = e.currentTarget.checked;
                  setPicked((old) => {
                    const next = new Set(old);
                    if (on) next.add(g.id); else next.delete(g.id);
                    return next;
                  });
                }} />
              {' '}{g.name}
            </label>
          ))}
        </fieldset>
      )}
      <div className="actions">
        <button type="button" className="primary" data-testid="team-publish-submit" disabled={busy || !groups || groups.length === 0} onClick={() => void publish()}>
          {busy ? t('team.publish.busy') : t('team.publish.submit', { version })}
        </button>
      </div>
      <TeamMessageLine message={message} testId="team-publish-message" />
    </section>
  );
}
