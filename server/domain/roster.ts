/**
 * The trainer's roster read live: one entry per agent × pack assigned to the agent's groups (among those asked for),
 * with the agent's takes on that pack, shaped exactly as RosterInput (src/packs/roster.ts).
 */
import type { PackJson, ResultPackDrill } from '../../src/packs/types.ts';
import type { RosterResponse } from '../../src/sync/protocol.ts';
import type { Db } from '../db/sql.ts';
import { type Caller, groupsOf, requireGroupAccess, requireRole } from './access.ts';

/** The drills of a pack as a results file repeats them. */
export function resultDrills(pack: PackJson): ResultPackDrill[] {
  return pack.drills.map((d) => ({
    id: d.drill.id, version: d.drill.version, title: { 'zh-CN': d.drill.title['zh-CN'], en: d.drill.title.en },
    attemptsRequired: d.attemptsRequired, dueDate: d.dueDate,
  }));
}

/**
 * The roster of one group (groupId) or of all the caller's groups (an admin: all groups), trainer or admin, as the
 * RosterResponse's JSON text. The takes' summaries are the heaviest part (a trainer's groups × packs × every take) and
 * are already JSON in the database: they are sent as PostgreSQL's text, never parsed and serialised again here (the
 * app validates the response), and each pack version is read once, not once per agent.
 */
export async function rosterJson(db: Db, caller: Caller, groupId?: string): Promise<string> {
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
  const empty = JSON.stringify({ entries: [] } satisfies RosterResponse);
  if (groups.length === 0) return empty;
  const groupsJson = JSON.stringify(groups);
  const pairs = await db.query<{ person_id: string; name: string; pack_id: string; version: number }>(
    `SELECT p.person_id, p.name, a.pack_id, max(a.version) AS version
     FROM group_members m
     JOIN people p ON p.org_id = m.org_id AND p.person_id = m.person_id AND p.role = 'agent'
     JOIN pack_assignments a ON a.org_id = m.org_id AND a.group_id = m.group_id
     WHERE m.org_id = $1 AND m.group_id IN (SELECT jsonb_array_elements_text($2::jsonb))
     GROUP BY p.person_id, p.name, a.pack_id
     ORDER BY p.name, p.person_id, a.pack_id`, [caller.orgId, groupsJson]);
  if (pairs.length === 0) return empty;
  const wanted = [...new Set(pairs.map((r) => `${r.pack_id}\u0000${r.version}`))].map((k) => {
    const [packId, version] = k.split('\u0000');
    return { pack_id: packId, version: Number(version) };
  });
  const packRows = await db.query<{ pack_id: string; version: number; pack: PackJson }>(
    `SELECT pk.pack_id, pk.version, pk.pack FROM packs pk
     JOIN jsonb_to_recordset($2::jsonb) AS w(pack_id text, version integer) ON w.pack_id = pk.pack_id AND w.version = pk.version
     WHERE pk.org_id = $1`, [caller.orgId, JSON.stringify(wanted)]);
  const packHeads = new Map<string, string>();
  for (const r of packRows) {
    const head = { id: r.pack_id, version: r.version, title: r.pack.title, author: r.pack.author, drills: resultDrills(r.pack) };
    packHeads.set(`${r.pack_id}\u0000${r.version}`, JSON.stringify(head));
  }
  // hasAudio is whether the audio is here now (it may arrive after the summary, when the agent shares it later).
  const takes = await db.query<{ person_id: string; pack_id: string; summary: string }>(
    `SELECT t.person_id, t.pack_id,
            jsonb_set(t.summary, '{hasAudio}', to_jsonb(EXISTS (
              SELECT 1 FROM take_audio au WHERE au.org_id = t.org_id AND au.person_id = t.person_id AND au.take_id = t.take_id)))::text AS summary
     FROM takes t
     WHERE t.org_id = $1 AND t.pack_id IS NOT NULL
       AND t.person_id IN (SELECT m.person_id FROM group_members m WHERE m.org_id = $1 AND m.group_id IN (SELECT jsonb_array_elements_text($2::jsonb)))
     ORDER BY t.created_at, t.take_id`, [caller.orgId, groupsJson]);
  const byKey = new Map<string, string[]>();
  for (const t of takes) {
    const key = `${t.person_id}\u0000${t.pack_id}`;
    const list = byKey.get(key);
    if (list === undefined) byKey.set(key, [t.summary]);
    else list.push(t.summary);
  }
  const entries = pairs.map((r) => {
    const head = packHeads.get(`${r.pack_id}\u0000${r.version}`) ?? 'null';
    const list = byKey.get(`${r.person_id}\u0000${r.pack_id}`) ?? [];
    return `{"agentId":${JSON.stringify(r.person_id)},"agentName":${JSON.stringify(r.name)},"pack":${head},"takes":[${list.join(',')}]}`;
  });
  return `{"entries":[${entries.join(',')}]}`;
}
