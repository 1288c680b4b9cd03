/**
 * Who is calling (from the device token, never from a body) and the rules of what they may reach: admin everything in
 * their organisation; trainer the groups they belong to; agent their own data. Another organisation's ids are never
 * looked up outside the caller's org_id, so they read as not found.
 */
import type { Role } from '../../src/sync/protocol.ts';
import type { Queryable } from '../db/sql.ts';
import { forbidden, notFound } from './errors.ts';

/** The authenticated caller. */
export interface Caller { orgId: string; personId: string; role: Role; deviceId: string }

/** Throws 403 unless the caller has one of the roles. */
export function requireRole(caller: Caller, ...roles: Role[]): void {
  if (!roles.includes(caller.role)) throw forbidden();
}

/** The groups the person belongs to in the caller's organisation. */
export async function groupsOf(q: Queryable, orgId: string, personId: string): Promise<string[]> {
  const rows = await q.query<{ group_id: string }>(
    'SELECT group_id FROM group_members WHERE org_id = $1 AND person_id = $2 ORDER BY group_id', [orgId, personId]);
  return rows.map((r) => r.group_id);
}

/** Throws 404 unless every group exists in the caller's organisation. */
export async function requireGroupsExist(q: Queryable, orgId: string, groupIds: readonly string[]): Promise<void> {
  if (groupIds.length === 0) return;
  const rows = await q.query<{ n: string }>(
    'SELECT count(*)::text AS n FROM groups WHERE org_id = $1 AND group_id IN (SELECT jsonb_array_elements_text($2::jsonb))',
    [orgId, JSON.stringify(groupIds)]);
  if (Number(rows[0].n) !== groupIds.length) throw notFound('A group');
}

/** Throws 404 unless the group exists in the caller's organisation, 403 unless an admin or a trainer/member of it. */
export async function requireGroupAccess(q: Queryable, caller: Caller, groupId: string): Promise<void> {
  await requireGroupsExist(q, caller.orgId, [groupId]);
  if (caller.role === 'admin') return;
  if (!(await groupsOf(q, caller.orgId, caller.personId)).includes(groupId)) throw forbidden('You are not a member of this group.');
}

/** The person's role in the caller's organisation; 404 when there is no such person there. */
export async function roleOf(q: Queryable, orgId: string, personId: string): Promise<Role> {
  const rows = await q.query<{ role: Role }>('SELECT role FROM people WHERE org_id = $1 AND person_id = $2', [orgId, personId]);
  if (rows.length === 0) throw notFound('The person');
  return rows[0].role;
}

/** True when the agent is in one of the trainer's groups. */
export async function trainerTeaches(q: Queryable, orgId: string, trainerId: string, personId: string): Promise<boolean> {
  const rows = await q.query(
    `SELECT 1 FROM group_members a JOIN group_members t ON t.org_id = a.org_id AND t.group_id = a.group_id
     WHERE a.org_id = $1 AND a.person_id = $2 AND t.person_id = $3 LIMIT 1`, [orgId, personId, trainerId]);
  return rows.length > 0;
}

/** An ISO 8601 text of a timestamptz value as pg or PGlite return it. */
export function iso(value: unknown): string {
  return (value instanceof Date ? value : new Date(String(value))).toISOString();
}

/** A nullable timestamptz as ISO text or null. */
export function isoOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : iso(value);
}
