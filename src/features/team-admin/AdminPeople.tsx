/**
 * Team administration → People: each person with role and groups (as the server gave them); an admin changes a role or
 * groups and adds people; an admin (anyone) or a trainer (an agent of their groups) makes an invite code.
 */
import { useId, useState } from 'react';
import { useApp } from '../../services/app-context.ts';
import { ROLES, type GroupInfo, type InviteResponse, type PersonInfo, type Role } from '../../sync/protocol.ts';
import { teamAdmin } from '../../team/index.ts';
import { AdminMessageLine } from './AdminMessageLine.tsx';
import { InviteCode } from './InviteCode.tsx';
import { adminErrorKey, groupNames, mayInvite, type AdminMessage } from './team-admin-model.ts';
import { useAdminAction, useReturnFocus } from './use-admin-action.ts';

interface Caller { id: string; role: Role; groupIds: string[] }

/** Group checkboxes (a fieldset with its legend). */
function GroupChoices({ legend, groups, chosen, onChange, testId }: {
  legend: string; groups: readonly GroupInfo[]; chosen: readonly string[]; onChange: (ids: string[]) => void; testId: string;
}): React.JSX.Element | null {
  if (groups.length === 0) return null;
  return (
    <fieldset className="team-admin-choices" data-testid={testId}>
      <legend>{legend}</legend>
      {groups.map((g) => (
        <label key={g.id} className="choice">
          <input type="checkbox" value={g.id} checked={chosen.includes(g.id)}
            onChange={(e) => onChange(e.currentTarget.checked ? [...chosen, g.id] : chosen.filter((id) => id !== g.id))} />
          {' '}{g.name}
        </label>
      ))}
    </fieldset>
  );
}

function RoleSelect({ value, onChange, testId }: { value: Role; onChange: (role: Role) => void; testId: string }): React.JSX.Element {
  const { t } = useApp();
  return (
    <label className="field">
      <span>{t('teamAdmin.people.role')}</span>
      <select data-testid={testId} value={value} onChange={(e) => onChange(e.currentTarget.value as Role)}>
        {ROLES.map((r) => <option key={r} value={r}>{t(`team.role.${r}`)}</option>)}
      </select>
    </label>
  );
}

/** Change one person's role and groups; only what changed is sent. */
function PersonEditor({ person, groups, onDone }: { person: PersonInfo; groups: readonly GroupInfo[]; onDone: (message: AdminMessage | null, saved: boolean) => void }): React.JSX.Element {
  const { t } = useApp();
  const [role, setRole] = useState<Role>(person.role);
  const [chosen, setChosen] = useState<string[]>(person.groupIds);
  const { busy, message, run } = useAdminAction();
  const sameGroups = chosen.length === person.groupIds.length && chosen.every((g) => person.groupIds.includes(g));

  const save = async (): Promise<void> => {
    if (busy) return;
    if (role === person.role && sameGroups) { onDone(null, false); return; }
    await run(async () => {
      const saved = await teamAdmin().updatePerson(person.id, { ...(role === person.role ? {} : { role }), ...(sameGroups ? {} : { groupIds: chosen }) });
      onDone({ key: 'teamAdmin.people.saved', params: { name: saved.name }, error: false }, true);
    }, (error) => adminErrorKey(error, role !== person.role));
  };

  return (
    <form className="team-admin-editor" data-testid="team-admin-person-editor" onSubmit={(e) => { e.preventDefault(); void save(); }}>
      <RoleSelect value={role} onChange={setRole} testId="team-admin-edit-role" />
      <GroupChoices legend={t('teamAdmin.people.groupsLegend', { name: person.name })} groups={groups} chosen={chosen} onChange={setChosen} testId="team-admin-edit-groups" />
      <div className="actions">
        <button type="submit" className="primary" data-testid="team-admin-edit-save" disabled={busy}>{t('teamAdmin.people.save')}</button>
        <button type="button" data-testid="team-admin-edit-cancel" onClick={() => onDone(null, false)}>{t('teamAdmin.people.cancel')}</button>
      </div>
      <AdminMessageLine message={message} testId="team-admin-edit-message" />
    </form>
  );
}

/** Add a person with a role and groups (admin). */
function NewPerson({ groups, onAdded }: { groups: readonly GroupInfo[]; onAdded: () => Promise<void> }): React.JSX.Element {
  const { t } = useApp();
  const nameId = useId();
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('agent');
  const [chosen, setChosen] = useState<string[]>([]);
  const { busy, message, setMessage, run } = useAdminAction();

  const add = async (): Promise<void> => {
    if (busy) return;
    if (name.trim() === '') { setMessage({ key: 'teamAdmin.people.nameMissing', error: true }); return; }
    await run(async () => {
      const made = await teamAdmin().createPerson({ name: name.trim(), role, groupIds: chosen });
      setName('');
      setChosen([]);
      setMessage({ key: 'teamAdmin.people.created', params: { name: made.name, role: t(`team.role.${made.role}`) }, error: false });
      await onAdded();
    });
  };

  return (
    <form className="team-admin-new" aria-labelledby={`${nameId}-title`} onSubmit={(e) => { e.preventDefault(); void add(); }} noValidate>
      <h4 id={`${nameId}-title`}>{t('teamAdmin.people.new')}</h4>
      <label className="field">
        <span>{t('teamAdmin.people.name')}</span>
        <input type="text" data-testid="team-admin-person-name" value={name} maxLength={120} autoComplete="off"
          aria-invalid={message?.error === true ? true : undefined} onChange={(e) => setName(e.currentTarget.value)} />
      </label>
      <RoleSelect value={role} onChange={setRole} testId="team-admin-person-role" />
      <GroupChoices legend={t('teamAdmin.people.newGroupsLegend')} groups={groups} chosen={chosen} onChange={setChosen} testId="team-admin-person-groups" />
      <div className="actions">
        <button type="submit" data-testid="team-admin-person-create" disabled={busy}>{t('teamAdmin.people.create')}</button>
      </div>
      <AdminMessageLine message={message} testId="team-admin-person-message" />
    </form>
  );
}

export function AdminPeople({ people, groups, caller, manage, onChanged }: {
  people: readonly PersonInfo[]; groups: readonly GroupInfo[]; caller: Caller; manage: boolean; onChanged: () => Promise<void>;
}): React.JSX.Element {
  const { t } = useApp();
  const [editing, setEditing] = useState<string | null>(null);
  const [invite, setInvite] = useState<{ invite: InviteResponse; name: string } | null>(null);
  const [inviting, setInviting] = useState<string | null>(null);
  const [message, setMessage] = useState<AdminMessage | null>(null);
  // Where the focus goes back when an editor or the code closes (their buttons disappear): the row's button, else the heading.
  const { root: section, returnFocus } = useReturnFocus();

  const makeInvite = async (person: PersonInfo): Promise<void> => {
    if (inviting !== null) return;
    setInviting(person.id);
    setMessage(null);
    setInvite(null);
    try {
      setInvite({ invite: await teamAdmin().createInvite(person.id), name: person.name });
    } catch (error) {
      setMessage({ key: adminErrorKey(error), error: true });
    } finally {
      setInviting(null);
    }
  };

  return (
    <section ref={section} className="card team-admin-people" aria-labelledby="team-admin-people-title" data-testid="team-admin-people">
      <h3 id="team-admin-people-title" tabIndex={-1}>{t('teamAdmin.people.title')}</h3>
      {people.length === 0 ? <p className="hint">{t('teamAdmin.people.none')}</p> : (
        <ul className="team-admin-list">
          {people.map((p) => {
            const names = groupNames(p.groupIds, groups);
            return (
              <li key={p.id} data-testid="team-admin-person" data-id={p.id} data-role={p.role}>
                <div className="team-admin-row">
                  <span className="team-admin-name" data-testid="team-admin-person-name-text">{p.name}{p.id === caller.id ? ` ${t('teamAdmin.people.you')}` : ''}</span>
                  <span data-testid="team-admin-person-role-text">{t(`team.role.${p.role}`)}</span>
                  <span className="hint" data-testid="team-admin-person-groups-text">
                    {t('teamAdmin.people.groups')}: {names.length === 0 ? t('teamAdmin.people.noGroups') : names.join(', ')}
                  </span>
                </div>
                {editing === p.id ? (
                  <PersonEditor person={p} groups={groups} onDone={(done, saved) => {
                    setEditing(null);
                    setMessage(done);
                    returnFocus(`li[data-id="${CSS.escape(p.id)}"] button`);
                    if (saved) void onChanged();
                  }} />
                ) : (
                  <div className="actions">
                    {manage && (
                      <button type="button" data-testid="team-admin-person-change" aria-label={t('teamAdmin.people.change', { name: p.name })}
                        onClick={() => { setMessage(null); setEditing(p.id); }}>{t('teamAdmin.people.changeShort')}</button>
                    )}
                    {mayInvite(caller.role, caller.groupIds, p) && (
                      <button type="button" data-testid="team-admin-person-invite" aria-label={t('teamAdmin.people.invite', { name: p.name })}
                        disabled={inviting !== null} onClick={() => void makeInvite(p)}>{t('teamAdmin.people.inviteShort')}</button>
                    )}
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <AdminMessageLine message={message} testId="team-admin-people-message" />
      {invite !== null && <InviteCode invite={invite.invite} personName={invite.name} onHide={() => { setInvite(null); returnFocus(null); }} />}
      {manage && <NewPerson groups={groups} onAdded={onChanged} />}
    </section>
  );
}
