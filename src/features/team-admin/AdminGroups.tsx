/** Team administration → Groups: the list (as the server gave it) and, for an admin, a new group. */
import { useState } from 'react';
import { useApp } from '../../services/app-context.ts';
import type { GroupInfo } from '../../sync/protocol.ts';
import { teamAdmin } from '../../team/index.ts';
import { AdminMessageLine } from './AdminMessageLine.tsx';
import { useAdminAction } from './use-admin-action.ts';

export function AdminGroups({ groups, manage, onChanged }: { groups: readonly GroupInfo[]; manage: boolean; onChanged: () => Promise<void> }): React.JSX.Element {
  const { t } = useApp();
  const [name, setName] = useState('');
  const { busy, message, setMessage, run } = useAdminAction();

  const create = async (): Promise<void> => {
    if (busy) return;
    if (name.trim() === '') { setMessage({ key: 'teamAdmin.groups.nameMissing', error: true }); return; }
    await run(async () => {
      const made = await teamAdmin().createGroup(name.trim());
      setName('');
      setMessage({ key: 'teamAdmin.groups.created', params: { name: made.name }, error: false });
      await onChanged();
    });
  };

  return (
    <section className="card team-admin-groups" aria-labelledby="team-admin-groups-title" data-testid="team-admin-groups">
      <h3 id="team-admin-groups-title">{t('teamAdmin.groups.title')}</h3>
      {groups.length === 0 ? <p className="hint">{t('teamAdmin.groups.none')}</p> : (
        <ul className="team-admin-list">
          {groups.map((g) => <li key={g.id} data-testid="team-admin-group" data-id={g.id}>{g.name}</li>)}
        </ul>
      )}
      {manage && (
        <form onSubmit={(e) => { e.preventDefault(); void create(); }} noValidate>
          <label className="field">
            <span>{t('teamAdmin.groups.name')}</span>
            <input type="text" data-testid="team-admin-group-name" value={name} maxLength={120} autoComplete="off"
              aria-invalid={message?.error === true ? true : undefined} onChange={(e) => setName(e.currentTarget.value)} />
          </label>
          <div className="actions">
            <button type="submit" data-testid="team-admin-group-create" disabled={busy}>{t('teamAdmin.groups.create')}</button>
          </div>
        </form>
      )}
      <AdminMessageLine message={message} testId="team-admin-groups-message" />
    </section>
  );
}
