/** Packs published to groups (trainer: their own groups; admin: any) and the assignments each person pulls. */
import type { PackJson } from '../../src/packs/types.ts';
import type { AssignmentsResponse, PublishPackRequest, PublishPackResponse } from '../../src/sync/protocol.ts';
import type { Db } from '../db/sql.ts';
import { type Caller, groupsOf, iso, requireGroupsExist, requireRole } from './access.ts';
import { ApiError, badRequest, forbidden } from './errors.ts';

/**
 * Publishes a pack version to groups: a newer version replaces the older one for those groups, the same version again
 * changes nothing already there, an older version than the newest stored is refused (409).
 */
export async function publishPack(db: Db, caller: Caller, packId: string, input: PublishPackRequest): Promise<PublishPackResponse> {
  requireRole(caller, 'admin', 'trainer');
  const { pack, groupIds } = input;
  if (pack.id !== packId) throw badRequest(`The pack's id "${pack.id}" is not the id in the address ("${packId}").`);
  await requireGroupsExist(db, caller.orgId, groupIds);
  if (caller.role === 'trainer') {
    const own = new Set(await groupsOf(db, caller.orgId, caller.personId));
    if (!groupIds.every((g) => own.has(g))) throw forbidden('A trainer may publish packs to their own groups only.');
  }
  return db.transaction(async (tx) => {
    // One publisher of a pack at a time: the version check and the writes see each other.
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1), hashtext($2))', [caller.orgId, packId]);
    const newest = await tx.query<{ v: number | null }>('SELECT max(version) AS v FROM packs WHERE org_id = $1 AND pack_id = $2', [caller.orgId, packId]);
    const stored = newest[0].v;
    if (stored !== null && stored > pack.version) {
      throw new ApiError(409, 'conflict', `Version ${pack.version} of this pack is older than the published version ${stored}.`);
    }
    await tx.query(
      `INSERT INTO packs (org_id, pack_id, version, pack, published_by) VALUES ($1, $2, $3, $4::jsonb, $5) ON CONFLICT DO NOTHING`,
      [caller.orgId, packId, pack.version, JSON.stringify(pack), caller.personId]);
    await tx.query(
      `INSERT INTO pack_assignments (org_id, pack_id, group_id, version)
       SELECT $1, $2, g, $3 FROM jsonb_array_elements_text($4::jsonb) AS g
       ON CONFLICT (org_id, pack_id, group_id) DO UPDATE SET version = EXCLUDED.version, assigned_at = now()
       WHERE pack_assignments.version < EXCLUDED.version`,
      [caller.orgId, packId, pack.version, JSON.stringify(groupIds)]);
    return { packId, version: pack.version, groupIds: [...groupIds] };
  });
}

/** The packs assigned to the caller's groups, the newest version of each, with which of the caller's groups have it. */
export async function assignments(db: Db, caller: Caller): Promise<AssignmentsResponse> {
  const rows = await db.query<{ pack_id: string; version: number; group_id: string; pack: PackJson; published_at: unknown }>(
    `SELECT a.pack_id, a.version, a.group_id, p.pack, p.published_at
     FROM pack_assignments a JOIN packs p ON p.org_id = a.org_id AND p.pack_id = a.pack_id AND p.version = a.version
     WHERE a.org_id = $1 AND a.group_id IN (SELECT group_id FROM group_members WHERE org_id = $1 AND person_id = $2)
     ORDER BY a.pack_id, a.version DESC, a.group_id`, [caller.orgId, caller.personId]);
  const byPack = new Map<string, AssignmentsResponse['packs'][number]>();
  for (const r of rows) {
    const entry = byPack.get(r.pack_id);
    if (entry === undefined) byPack.set(r.pack_id, { pack: r.pack, groupIds: [r.group_id], publishedAt: iso(r.published_at) });
    else entry.groupIds.push(r.group_id);
  }
  return { packs: [...byPack.values()] };
}
