/** Organisations, invites, joining a device, the caller's account, devices (list, revoke) and token lookup. */
import { SYNC_LIMITS, type DeviceInfo, type GroupInfo, type InviteResponse, type JoinResponse, type MeResponse, type OrgInfo, type PersonInfo } from '../../src/sync/protocol.ts';
import { newId } from '../auth/ids.ts';
import { inviteCodeHash, newInviteCode } from '../auth/invite-codes.ts';
import { newDeviceToken } from '../auth/tokens.ts';
import type { Db, Queryable } from '../db/sql.ts';
import { type Caller, iso, isoOrNull, roleOf, trainerTeaches } from './access.ts';
import { ApiError, badRequest, forbidden, notFound } from './errors.ts';


type DeviceRow = { device_id: string; person_id: string; name: string; created_at: unknown; last_seen_at: unknown; revoked_at: unknown };
const DEVICE_COLUMNS = 'device_id, person_id, name, created_at, last_seen_at, revoked_at';

const deviceInfo = (r: DeviceRow): DeviceInfo => ({
  id: r.device_id, personId: r.person_id, name: r.name, createdAt: iso(r.created_at), lastSeenAt: isoOrNull(r.last_seen_at), revokedAt: isoOrNull(r.revoked_at),
});

/** PersonInfo rows of the organisation: one person, or all (personId null), or those in the given groups. */
export async function personInfos(q: Queryable, orgId: string, filter: { personId?: string; inGroupsOf?: string }): Promise<PersonInfo[]> {
  const params: string[] = [orgId];
  let where = 'p.org_id = $1';
  if (filter.personId !== undefined) {
    params.push(filter.personId);
    where += ` AND p.person_id = $${params.length}`;
  }
  if (filter.inGroupsOf !== undefined) {
    params.push(filter.inGroupsOf);
    where += ` AND p.person_id IN (SELECT m.person_id FROM group_members m JOIN group_members t ON t.org_id = m.org_id AND t.group_id = m.group_id
      WHERE m.org_id = $1 AND t.person_id = $${params.length})`;
  }
  const rows = await q.query<{ person_id: string; name: string; role: PersonInfo['role']; group_ids: string[] }>(
    `SELECT p.person_id, p.name, p.role,
       coalesce(array_agg(gm.group_id ORDER BY gm.group_id) FILTER (WHERE gm.group_id IS NOT NULL), '{}') AS group_ids
     FROM people p LEFT JOIN group_members gm ON gm.org_id = p.org_id AND gm.person_id = p.person_id
     WHERE ${where} GROUP BY p.person_id, p.name, p.role ORDER BY p.name, p.person_id`, params);
  return rows.map((r) => ({ id: r.person_id, name: r.name, role: r.role, groupIds: r.group_ids }));
}

async function orgInfo(q: Queryable, orgId: string): Promise<OrgInfo> {
  const rows = await q.query<{ name: string }>('SELECT name FROM organisations WHERE org_id = $1', [orgId]);
  if (rows.length === 0) throw notFound('The organisation');
  return { id: orgId, name: rows[0].name };
}

// Stores a new invite for the person (in the transaction given) and returns the code shown once.
async function insertInvite(q: Queryable, orgId: string, personId: string, createdBy: string, ttlHours: number): Promise<InviteResponse> {
  const { code, codeSha256 } = newInviteCode();
  const rows = await q.query<{ expires_at: unknown }>(
    `INSERT INTO invites (org_id, invite_id, code_sha256, person_id, created_by, expires_at)
     VALUES ($1, $2, $3, $4, $5, now() + make_interval(hours => $6)) RETURNING expires_at`,
    [orgId, newId('i'), codeSha256, personId, createdBy, ttlHours]);
  return { code, personId, expiresAt: iso(rows[0].expires_at) };
}

/** A new organisation with its first admin and the admin's one-time invite (CLI bootstrap, tests, benchmark). */
export async function bootstrapOrganisation(db: Db, input: { orgName: string; adminName: string; ttlHours?: number }):
Promise<{ orgId: string; adminId: string; invite: InviteResponse }> {
  const orgName = input.orgName.trim();
  const adminName = input.adminName.trim();
  for (const [what, value] of [['organisation', orgName], ['admin', adminName]] as const) {
    if (value === '' || value.length > SYNC_LIMITS.nameChars) throw badRequest(`The ${what}'s name must be 1 to ${SYNC_LIMITS.nameChars} characters.`);
  }
  const orgId = newId('o');
  const adminId = newId('p');
  return db.transaction(async (tx) => {
    await tx.query('INSERT INTO organisations (org_id, name) VALUES ($1, $2)', [orgId, orgName]);
    await tx.query("INSERT INTO people (org_id, person_id, name, role) VALUES ($1, $2, $3, 'admin')", [orgId, adminId, adminName]);
    const invite = await insertInvite(tx, orgId, adminId, adminId, input.ttlHours ?? SYNC_LIMITS.inviteHours);
    return { orgId, adminId, invite };
  });
}

/** An invite for a person: admin for anyone in the organisation, a trainer for an agent in one of their groups. */
export async function createInvite(db: Db, caller: Caller, personId: string, ttlHours: number = SYNC_LIMITS.inviteHours): Promise<InviteResponse> {
  if (caller.role === 'agent') throw forbidden();
  const role = await roleOf(db, caller.orgId, personId);
  if (caller.role === 'trainer') {
    if (role !== 'agent') throw forbidden('A trainer may invite agents only.');
    if (!(await trainerTeaches(db, caller.orgId, caller.personId, personId))) throw forbidden('A trainer may invite agents of their own groups only.');
  }
  return insertInvite(db, caller.orgId, personId, caller.personId, ttlHours);
}

/** An invite for a person by the CLI (no caller: the operator of the server). */
export async function createInviteAsOperator(db: Db, orgId: string, personId: string, ttlHours: number = SYNC_LIMITS.inviteHours): Promise<InviteResponse> {
  await roleOf(db, orgId, personId);
  return insertInvite(db, orgId, personId, personId, ttlHours);
}

/** Uses up an invite and registers a device with a new token (the invite's organisation; the code finds it). */
export async function joinDevice(db: Db, inviteCode: string, deviceName: string): Promise<JoinResponse> {
  const codeSha256 = inviteCodeHash(inviteCode);
  if (codeSha256 === null) throw badRequest('The invite code must be 12 letters and digits, such as 7K3M-9QXD-2HVA.');
  return db.transaction(async (tx) => {
    const rows = await tx.query<{ org_id: string; invite_id: string; person_id: string; used_at: unknown; expired: boolean }>(
      `SELECT org_id, invite_id, person_id, used_at, expires_at <= now() AS expired FROM invites WHERE code_sha256 = $1 FOR UPDATE`, [codeSha256]);
    if (rows.length === 0) throw notFound('The invite code');
    const invite = rows[0];
    if (invite.used_at !== null) throw new ApiError(410, 'invite-used', 'This invite code has already been used; ask for a new one.');
    if (invite.expired) throw new ApiError(410, 'invite-expired', 'This invite code has expired; ask for a new one.');
    await tx.query('UPDATE invites SET used_at = now() WHERE org_id = $1 AND invite_id = $2', [invite.org_id, invite.invite_id]);
    const deviceId = newId('d');
    const { token, secretSha256 } = newDeviceToken(invite.org_id, deviceId);
    const device = await tx.query<DeviceRow>(
      `INSERT INTO devices (org_id, device_id, person_id, name, token_sha256) VALUES ($1, $2, $3, $4, $5) RETURNING ${DEVICE_COLUMNS}`,
      [invite.org_id, deviceId, invite.person_id, deviceName.trim(), secretSha256]);
    const [person] = await personInfos(tx, invite.org_id, { personId: invite.person_id });
    return { token, device: deviceInfo(device[0]), person, org: await orgInfo(tx, invite.org_id) };
  });
}

/** The caller's person, organisation, groups and device. */
export async function me(db: Db, caller: Caller): Promise<MeResponse> {
  const [person] = await personInfos(db, caller.orgId, { personId: caller.personId });
  const groups = await db.query<{ group_id: string; name: string }>(
    `SELECT g.group_id, g.name FROM groups g JOIN group_members m ON m.org_id = g.org_id AND m.group_id = g.group_id
     WHERE g.org_id = $1 AND m.person_id = $2 ORDER BY g.name, g.group_id`, [caller.orgId, caller.personId]);
  const device = await db.query<DeviceRow>(`SELECT ${DEVICE_COLUMNS} FROM devices WHERE org_id = $1 AND device_id = $2`, [caller.orgId, caller.deviceId]);
  const groupInfos: GroupInfo[] = groups.map((g) => ({ id: g.group_id, name: g.name }));
  return { person, org: await orgInfo(db, caller.orgId), groups: groupInfos, device: deviceInfo(device[0]) };
}

/** Devices: an admin sees all of the organisation's, anyone else their own. */
export async function listDevices(db: Db, caller: Caller): Promise<DeviceInfo[]> {
  const rows = caller.role === 'admin'
    ? await db.query<DeviceRow>(`SELECT ${DEVICE_COLUMNS} FROM devices WHERE org_id = $1 ORDER BY created_at, device_id`, [caller.orgId])
    : await db.query<DeviceRow>(`SELECT ${DEVICE_COLUMNS} FROM devices WHERE org_id = $1 AND person_id = $2 ORDER BY created_at, device_id`, [caller.orgId, caller.personId]);
  return rows.map(deviceInfo);
}

/** Revokes a device (an admin, or the device's own person); revoking again keeps the first time. */
export async function revokeDevice(db: Db, caller: Caller, deviceId: string): Promise<DeviceInfo> {
  const rows = await db.query<DeviceRow>(`SELECT ${DEVICE_COLUMNS} FROM devices WHERE org_id = $1 AND device_id = $2`, [caller.orgId, deviceId]);
  if (rows.length === 0) throw notFound('The device');
  if (caller.role !== 'admin' && rows[0].person_id !== caller.personId) throw forbidden('You may revoke only your own devices.');
  const updated = await db.query<DeviceRow>(
    `UPDATE devices SET revoked_at = coalesce(revoked_at, now()) WHERE org_id = $1 AND device_id = $2 RETURNING ${DEVICE_COLUMNS}`, [caller.orgId, deviceId]);
  return deviceInfo(updated[0]);
}

/** The device row a token names (for authentication), with its person's role. */
export async function deviceForToken(db: Db, orgId: string, deviceId: string):
Promise<{ personId: string; role: Caller['role']; tokenSha256: string; revoked: boolean; lastSeenAt: Date | null } | null> {
  const rows = await db.query<{ person_id: string; role: Caller['role']; token_sha256: string; revoked_at: unknown; last_seen_at: unknown }>(
    `SELECT d.person_id, p.role, d.token_sha256, d.revoked_at, d.last_seen_at FROM devices d
     JOIN people p ON p.org_id = d.org_id AND p.person_id = d.person_id WHERE d.org_id = $1 AND d.device_id = $2`, [orgId, deviceId]);
  if (rows.length === 0) return null;
  const r = rows[0];
  return { personId: r.person_id, role: r.role, tokenSha256: r.token_sha256, revoked: r.revoked_at !== null,
    lastSeenAt: r.last_seen_at === null ? null : new Date(iso(r.last_seen_at)) };
}

/** Notes the device was seen now, unless it was within the last minute (one write a minute at most). */
export async function touchDevice(db: Db, orgId: string, deviceId: string): Promise<void> {
  await db.query(`UPDATE devices SET last_seen_at = now() WHERE org_id = $1 AND device_id = $2
    AND (last_seen_at IS NULL OR last_seen_at < now() - interval '1 minute')`, [orgId, deviceId]);
}
