/** Groups and people of an organisation: admins make and change them, trainers read their own groups' people. */
import type { CreatePersonRequest, GroupInfo, PersonInfo, UpdatePersonRequest } from '../../src/sync/protocol.ts';
import { newId } from '../auth/ids.ts';
import type { Db, Queryable } from '../db/sql.ts';
import { type Caller, requireGroupsExist, requireRole, roleOf } from './access.ts';
import { personInfos } from './accounts.ts';
import { ApiError } from './errors.ts';

/** A new group (admin). */
export async function createGroup(db: Db, caller: Caller, name: string): Promise<GroupInfo> {
  requireRole(caller, 'admin');
  const id = newId('g');
  await db.query('INSERT INTO groups (org_id, group_id, name) VALUES ($1, $2, $3)', [caller.orgId, id, name.trim()]);
  return { id, name: name.trim() };
}

/** Groups: an admin all of the organisation's, anyone else their own. */
export async function listGroups(db: Db, caller: Caller): Promise<GroupInfo[]> {
  const rows = caller.role === 'admin'
    ? await db.query<{ group_id: string; name: string }>('SELECT group_id, name FROM groups WHERE org_id = $1 ORDER BY name, group_id', [caller.orgId])
    : await db.query<{ group_id: string; name: string }>(
      `SELECT g.group_id, g.name FROM groups g JOIN group_members m ON m.org_id = g.org_id AND m.group_id = g.group_id
       WHERE g.org_id = $1 AND m.person_id = $2 ORDER BY g.name, g.group_id`, [caller.orgId, caller.personId]);
  return rows.map((r) => ({ id: r.group_id, name: r.name }));
}

async function setGroups(tx: Queryable, orgId: string, personId: string, groupIds: readonly string[]): Promise<void> {
  await tx.query('DELETE FROM group_members WHERE org_id = $1 AND person_id = $2', [orgId, personId]);
  await tx.query(
    `INSERT INTO group_members (org_id, group_id, person_id) SELECT $1, g, $2 FROM jsonb_array_elements_text($3::jsonb) AS g`,
    [orgId, personId, JSON.stringify(groupIds)]);
}

/** A new person in the given groups (admin). */
export async function createPerson(db: Db, caller: Caller, input: CreatePersonRequest): Promise<PersonInfo> {
  requireRole(caller, 'admin');
  await requireGroupsExist(db, caller.orgId, input.groupIds);
  const id = newId('p');
  await db.transaction(async (tx) => {
    await tx.query('INSERT INTO people (org_id, person_id, name, role) VALUES ($1, $2, $3, $4)', [caller.orgId, id, input.name.trim(), input.role]);
    await setGroups(tx, caller.orgId, id, input.groupIds);
  });
  return { id, name: input.name.trim(), role: input.role, groupIds: [...input.groupIds].sort() };
}

/** A person's new role and/or groups (admin). */
export async function updatePerson(db: Db, caller: Caller, personId: string, input: UpdatePersonRequest): Promise<PersonInfo> {
  requireRole(caller, 'admin');
  const current = await roleOf(db, caller.orgId, personId);
  if (current === 'admin' && input.role !== undefined && input.role !== 'admin') {
    const admins = await db.query<{ n: string }>("SELECT count(*)::text AS n FROM people WHERE org_id = $1 AND role = 'admin'", [caller.orgId]);
    if (Number(admins[0].n) <= 1) throw new ApiError(409, 'conflict', 'The organisation\'s last admin cannot lose the admin role.');
  }
  if (input.groupIds !== undefined) await requireGroupsExist(db, caller.orgId, input.groupIds);
  await db.transaction(async (tx) => {
    if (input.role !== undefined) await tx.query('UPDATE people SET role = $3 WHERE org_id = $1 AND person_id = $2', [caller.orgId, personId, input.role]);
    if (input.groupIds !== undefined) await setGroups(tx, caller.orgId, personId, input.groupIds);
  });
  const [person] = await personInfos(db, caller.orgId, { personId });
  return person;
}

/** People: an admin all of the organisation's, a trainer those in their groups; agents may not list people. */
export async function listPeople(db: Db, caller: Caller): Promise<PersonInfo[]> {
  requireRole(caller, 'admin', 'trainer');
  return personInfos(db, caller.orgId, caller.role === 'admin' ? {} : { inGroupsOf: caller.personId });
}
