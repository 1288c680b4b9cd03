/**
 * The trainer's roster read live: one entry per agent × pack assigned to the agent's groups (among those asked for),
 * with the agent's takes on that pack, shaped exactly as RosterInput (src/packs/roster.ts).
 */
import type { PackJson, ResultPackDrill } from '../../src/packs/types.ts';
import type { RosterResponse, SyncTake } from '../../src/sync/protocol.ts';
import type { Db } from '../db/sql.ts';
import { type Caller, groupsOf, requireGroupAccess, requireRole } from './access.ts';

/** The drills of a pack as a results file repeats them. */
export function resultDrills(pack: PackJson): ResultPackDrill[] {
  return pack.drills.map((d) => ({
    id: d.drill.id, version: d.drill.version, title: { 'zh-CN': d.drill.title['zh-CN'], en: d.drill.title.en },
    attemptsRequired: d.attemptsRequired, dueDate: d.dueDate,
  }));
}

/** The roster of one group (groupId) or of all the caller's groups (an admin: all groups). Trainer or admin. */
export async function roster(db: Db, caller: Caller, groupId?: string): Promise<RosterResponse> {
  requireRole(caller, 'admin', 'trainer');
  let groups: string[];
  if (groupId !== undefined) {
    await requireGroupAccess(db, caller, groupId);
    groups = [groupId];
  } else if (caller.role === 'admin') {
    groups = (await db.query<{ group_id: string }>('SELECT group_id FROM groups WHERE org_id = $1', [caller.orgId])).map((r) => r.group_id);
  } else {
    groups = await groupsOf(db, caller.orgId, caller.personId);
  }
  if (groups.length === 0) return { entries: [] };
  const groupsJson = JSON.stringify(groups);
  const pairs = await db.query<{ person_id: string; name: string; pack_id: string; version: number; pack: PackJson }>(
    `SELECT p.person_id, p.name, a.pack_id, max(a.version) AS version,
       (SELECT pk.pack FROM packs pk WHERE pk.org_id = $1 AND pk.pack_id = a.pack_id AND pk.version = max(a.version)) AS pack
     FROM group_members m
     JOIN people p ON p.org_id = m.org_id AND p.person_id = m.person_id AND p.role = 'agent'
     JOIN pack_assignments a ON a.org_id = m.org_id AND a.group_id = m.group_id
     WHERE m.org_id = $1 AND m.group_id IN (SELECT jsonb_array_elements_text($2::jsonb))
     GROUP BY p.person_id, p.name, a.pack_id
     ORDER BY p.name, p.person_id, a.pack_id`, [caller.orgId, groupsJson]);
  if (pairs.length === 0) return { entries: [] };
  const takes = await db.query<{ person_id: string; pack_id: string; summary: SyncTake }>(
    `SELECT t.person_id, t.pack_id, t.summary FROM takes t
     WHERE t.org_id = $1 AND t.pack_id IS NOT NULL
       AND t.person_id IN (SELECT m.person_id FROM group_members m WHERE m.org_id = $1 AND m.group_id IN (SELECT jsonb_array_elements_text($2::jsonb)))
     ORDER BY t.created_at, t.take_id`, [caller.orgId, groupsJson]);
  const byKey = new Map<string, SyncTake[]>();
  for (const t of takes) {
    const key = `${t.person_id}\u0000${t.pack_id}`;
    const list = byKey.get(key);
    if (list === undefined) byKey.set(key, [t.summary]);
    else list.push(t.summary);
  }
  return {
    entries: pairs.map((r) => ({
      agentId: r.person_id,
      agentName: r.name,
      pack: { id: r.pack_id, version: r.version, title: r.pack.title, author: r.pack.author, drills: resultDrills(r.pack) },
      takes: byKey.get(`${r.person_id}\u0000${r.pack_id}`) ?? [],
    })),
  };
}
