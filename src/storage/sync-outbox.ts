/**
 * The sync outbox (table syncOutbox, issue 13): what waits to be sent to the server. It is the truth and survives
 * reloads and crashes: an item is deleted only after the server acknowledged it. Enqueue is idempotent by id.
 */
import type { VoiceDrillDb } from './db.ts';
import { StorageError } from './errors.ts';
import { restoreReadable } from './restore.ts';
import { SYNC_RECORD_SCHEMA_VERSION, type OutboxPayload, type OutboxRecord } from './sync-records.ts';

type Raw = Record<string, unknown>;
const asObject = (x: unknown): Raw | null => (typeof x === 'object' && x !== null && !Array.isArray(x) ? (x as Raw) : null);
const finite = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

function payloadOk(p: Raw | null): boolean {
  if (p === null) return false;
  if (p.kind === 'take') { const t = asObject(p.take); return t !== null && typeof t.takeId === 'string'; }
  if (p.kind === 'completion') { const c = asObject(p.completion); return c !== null && typeof c.packId === 'string' && typeof c.drillId === 'string'; }
  return p.kind === 'audio' && typeof p.takeId === 'string';
}

/** Check a stored outbox item; throws StorageError 'corrupt' or 'newer-version'. */
export function restoreOutboxItem(raw: unknown): OutboxRecord {
  const r = asObject(raw);
  if (r === null) throw new StorageError('corrupt', 'An item waiting to be sent is not a record, so it was left untouched.');
  if (typeof r.schemaVersion === 'number' && r.schemaVersion > SYNC_RECORD_SCHEMA_VERSION) {
    throw new StorageError('newer-version', `An item waiting to be sent was saved by a newer version of VoiceDrill (sync record schema ${r.schemaVersion}; this version reads up to ${SYNC_RECORD_SCHEMA_VERSION}). Reload the page to update the app; nothing was changed.`);
  }
  if (r.schemaVersion !== SYNC_RECORD_SCHEMA_VERSION || typeof r.id !== 'string' || !payloadOk(asObject(r.payload)) || !finite(r.createdAt)
    || !finite(r.attempts) || !finite(r.nextAttemptAt) || !(r.lastError === null || typeof r.lastError === 'string')) {
    throw new StorageError('corrupt', 'An item waiting to be sent is incomplete, so it was left untouched.');
  }
  return {
    schemaVersion: SYNC_RECORD_SCHEMA_VERSION, id: r.id, payload: r.payload as OutboxPayload, createdAt: r.createdAt, attempts: r.attempts,
    nextAttemptAt: r.nextAttemptAt, lastError: r.lastError, rejected: r.rejected === true,
  };
}

/**
 * Put an item in the outbox, due now. The same id again keeps one item: its payload is the newest, its attempts,
 * schedule and error stay (an item waiting after a failure keeps waiting). Returns true when the item is new.
 */
export async function enqueueOutbox(db: VoiceDrillDb, id: string, payload: OutboxPayload, now: number): Promise<boolean> {
  return db.transaction('rw', db.syncOutbox, async () => {
    const raw = await db.syncOutbox.get(id);
    let existing: OutboxRecord | null = null;
    try {
      existing = raw === undefined ? null : restoreOutboxItem(raw);
    } catch (e) {
      if (!(e instanceof StorageError && e.kind === 'corrupt')) throw e;
    }
    const record: OutboxRecord = existing === null
      ? { schemaVersion: SYNC_RECORD_SCHEMA_VERSION, id, payload, createdAt: now, attempts: 0, nextAttemptAt: now, lastError: null, rejected: false }
      : { ...existing, payload };
    await db.syncOutbox.put(record);
    return existing === null;
  });
}

/** Every readable outbox item (unreadable ones are skipped and left as they are). */
export async function listOutbox(db: VoiceDrillDb): Promise<OutboxRecord[]> {
  return restoreReadable(await db.syncOutbox.orderBy('nextAttemptAt').toArray(), restoreOutboxItem);
}

/** Items waiting (readable or not): what the status's "pending N" counts. */
export async function countOutbox(db: VoiceDrillDb): Promise<number> {
  return db.syncOutbox.count();
}

/** Whether an item is waiting. */
export async function hasOutboxItem(db: VoiceDrillDb, id: string): Promise<boolean> {
  return (await db.syncOutbox.get(id)) !== undefined;
}

/** Delete acknowledged items (the server accepted them or already had them). */
export async function deleteOutboxItems(db: VoiceDrillDb, ids: readonly string[]): Promise<void> {
  if (ids.length > 0) await db.syncOutbox.bulkDelete([...ids]);
}

/** Record a failed send of these items: attempts + 1, the next try at `nextAttemptAt(attempts)`, the error sentence. */
export async function markOutboxFailed(db: VoiceDrillDb, ids: readonly string[], error: string, rejected: boolean, nextAttemptAt: (attempts: number) => number): Promise<void> {
  await db.transaction('rw', db.syncOutbox, async () => {
    for (const id of ids) {
      const raw = await db.syncOutbox.get(id);
      if (raw === undefined) continue;
      const item = restoreOutboxItem(raw);
      const attempts = item.attempts + 1;
      await db.syncOutbox.put({ ...item, attempts, nextAttemptAt: nextAttemptAt(attempts), lastError: error, rejected });
    }
  });
}
