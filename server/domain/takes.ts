/** Take summaries and completions pushed by their own person (idempotent), and take audio. */
import { wavProblem } from '../../src/packs/results-file.ts';
import { SYNC_LIMITS, type PushRequest, type PushResponse } from '../../src/sync/protocol.ts';
import type { Db, Queryable } from '../db/sql.ts';
import { type Caller, trainerTeaches } from './access.ts';
import { ApiError, badRequest, forbidden, notFound } from './errors.ts';

/** Stores the caller's takes and completions in one transaction; a take id already stored is a duplicate, unchanged. */
export async function pushTakes(db: Db, caller: Caller, push: PushRequest): Promise<PushResponse> {
  // One row per (pack, drill): the latest completion of each, so the upsert touches each row once.
  const latest = new Map<string, PushRequest['completions'][number]>();
  for (const c of push.completions) {
    const key = `${c.packId}\u0000${c.drillId}`;
    const seen = latest.get(key);
    if (seen === undefined || Date.parse(c.completedAt) > Date.parse(seen.completedAt)) latest.set(key, c);
  }
  // One statement is atomic by itself: a push of takes alone skips BEGIN/COMMIT (two round trips fewer).
  const run = <T>(fn: (q: Queryable) => Promise<T>): Promise<T> => (latest.size === 0 ? fn(db) : db.transaction(fn));
  const inserted = await run(async (tx) => {
    const rows = push.takes.length === 0 ? [] : await tx.query<{ take_id: string }>(
      `INSERT INTO takes (org_id, person_id, take_id, pack_id, pack_version, drill_id, created_at, summary)
       SELECT $1, $2, t->>'takeId', t->>'packId', (t->>'packVersion')::integer, t->>'drillId', (t->>'createdAt')::timestamptz, t
       FROM jsonb_array_elements($3::jsonb) AS t
       ON CONFLICT (org_id, person_id, take_id) DO NOTHING RETURNING take_id`,
      [caller.orgId, caller.personId, JSON.stringify(push.takes)]);
    if (latest.size > 0) {
      await tx.query(
        `INSERT INTO completions (org_id, person_id, pack_id, drill_id, pack_version, completed_at)
         SELECT $1, $2, c->>'packId', c->>'drillId', (c->>'packVersion')::integer, (c->>'completedAt')::timestamptz
         FROM jsonb_array_elements($3::jsonb) AS c
         ON CONFLICT (org_id, person_id, pack_id, drill_id) DO UPDATE
           SET pack_version = EXCLUDED.pack_version, completed_at = EXCLUDED.completed_at, received_at = now()
         WHERE (completions.pack_version, completions.completed_at) < (EXCLUDED.pack_version, EXCLUDED.completed_at)`,
        [caller.orgId, caller.personId, JSON.stringify([...latest.values()])]);
    }
    return new Set(rows.map((r) => r.take_id));
  });
  return {
    accepted: push.takes.filter((t) => inserted.has(t.takeId)).map((t) => t.takeId),
    duplicates: push.takes.filter((t) => !inserted.has(t.takeId)).map((t) => t.takeId),
    completionsAccepted: latest.size,
  };
}

/** Stores the WAV of one of the caller's own pushed takes; storing it again changes nothing. */
export async function putTakeAudio(db: Db, caller: Caller, takeId: string, wav: Uint8Array): Promise<void> {
  if (wav.length > SYNC_LIMITS.takeAudioBytes) throw new ApiError(413, 'too-large', `A take's audio may be at most ${SYNC_LIMITS.takeAudioBytes} bytes.`);
  const takes = await db.query('SELECT 1 FROM takes WHERE org_id = $1 AND person_id = $2 AND take_id = $3', [caller.orgId, caller.personId, takeId]);
  if (takes.length === 0) throw notFound('The take (push its summary first)');
  const problem = wavProblem(wav);
  if (problem !== null) throw badRequest(`The take's audio cannot be stored: ${problem}.`);
  await db.query(
    `INSERT INTO take_audio (org_id, person_id, take_id, wav, bytes) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
    [caller.orgId, caller.personId, takeId, wav, wav.length]);
}

/**
 * A take's WAV for its own person, a trainer of one of that person's groups, or an admin. `personId` (optional) names
 * the take's person; without it the take id is looked up in the caller's organisation (take ids are UUIDs).
 */
export async function getTakeAudio(db: Db, caller: Caller, takeId: string, personId?: string): Promise<Uint8Array> {
  const rows = personId === undefined
    ? await db.query<{ person_id: string; wav: Uint8Array }>(
      'SELECT person_id, wav FROM take_audio WHERE org_id = $1 AND take_id = $2 ORDER BY (person_id = $3) DESC, person_id', [caller.orgId, takeId, caller.personId])
    : await db.query<{ person_id: string; wav: Uint8Array }>(
      'SELECT person_id, wav FROM take_audio WHERE org_id = $1 AND person_id = $2 AND take_id = $3', [caller.orgId, personId, takeId]);
  if (rows.length === 0) throw notFound("The take's audio");
  for (const row of rows) {
    if (row.person_id === caller.personId || caller.role === 'admin') return row.wav;
    if (caller.role === 'trainer' && (await trainerTeaches(db, caller.orgId, caller.personId, row.person_id))) return row.wav;
  }
  throw forbidden("You may hear only your own takes or those of your groups' agents.");
}
