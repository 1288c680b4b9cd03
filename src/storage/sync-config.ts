/**
 * The sync server this device joined (table syncConfig, key 'server', issue 13). Absent: no server configured. The
 * record holds the device's secret token: backups never include it (src/backup reads a fixed list of tables).
 */
import type { VoiceDrillDb } from './db.ts';
import { StorageError } from './errors.ts';
import { SYNC_RECORD_SCHEMA_VERSION, type SyncConfigRecord } from './sync-records.ts';

type Raw = Record<string, unknown>;
const asObject = (x: unknown): Raw | null => (typeof x === 'object' && x !== null && !Array.isArray(x) ? (x as Raw) : null);
const finiteOrNull = (x: unknown): x is number | null => x === null || (typeof x === 'number' && Number.isFinite(x));
const SHARE = new Set(['never', 'ask', 'always']);

/** Check a stored configuration; throws StorageError 'corrupt' or 'newer-version'. */
export function restoreSyncConfig(raw: unknown): SyncConfigRecord {
  const r = asObject(raw);
  if (r === null) throw new StorageError('corrupt', 'The stored sync server settings are not a record, so they were left untouched.');
  if (typeof r.schemaVersion === 'number' && r.schemaVersion > SYNC_RECORD_SCHEMA_VERSION) {
    throw new StorageError('newer-version', `The sync server settings were saved by a newer version of VoiceDrill (sync record schema ${r.schemaVersion}; this version reads up to ${SYNC_RECORD_SCHEMA_VERSION}). Reload the page to update the app; nothing was changed.`);
  }
  const joined = typeof r.token === 'string';
  if (r.schemaVersion !== SYNC_RECORD_SCHEMA_VERSION || r.key !== 'server' || typeof r.origin !== 'string' || !(r.token === null || joined)
    || !SHARE.has(r.shareAudio as string) || !finiteOrNull(r.lastSyncAt) || typeof r.savedAt !== 'number'
    || (joined && (asObject(r.device) === null || asObject(r.person) === null || asObject(r.org) === null))) {
    throw new StorageError('corrupt', 'The stored sync server settings are incomplete, so they were left untouched.');
  }
  return {
    schemaVersion: SYNC_RECORD_SCHEMA_VERSION, key: 'server', origin: r.origin, token: joined ? r.token as string : null,
    device: joined ? r.device as SyncConfigRecord['device'] : null, person: joined ? r.person as SyncConfigRecord['person'] : null,
    org: joined ? r.org as SyncConfigRecord['org'] : null, shareAudio: r.shareAudio as SyncConfigRecord['shareAudio'],
    lastSyncAt: r.lastSyncAt as number | null, savedAt: r.savedAt,
  };
}

/** The configuration, or undefined when no server is configured. */
export async function getSyncConfig(db: VoiceDrillDb): Promise<SyncConfigRecord | undefined> {
  const raw = await db.syncConfig.get('server');
  return raw === undefined ? undefined : restoreSyncConfig(raw);
}

/** Store the configuration as restore would read it back; returns it. */
export async function putSyncConfig(db: VoiceDrillDb, record: SyncConfigRecord): Promise<SyncConfigRecord> {
  const checked = restoreSyncConfig(record);
  await db.syncConfig.put(checked);
  return checked;
}

/** Change the stored configuration in one transaction; undefined (and nothing written) when none is stored. */
export async function updateSyncConfig(db: VoiceDrillDb, change: (current: SyncConfigRecord) => SyncConfigRecord): Promise<SyncConfigRecord | undefined> {
  return db.transaction('rw', db.syncConfig, async () => {
    const current = await getSyncConfig(db);
    if (current === undefined) return undefined;
    return putSyncConfig(db, change(current));
  });
}

/** Forget the server: the configuration and the whole outbox, in one transaction. */
export async function deleteSyncConfigAndOutbox(db: VoiceDrillDb): Promise<void> {
  await db.transaction('rw', db.syncConfig, db.syncOutbox, async () => {
    await db.syncConfig.clear();
    await db.syncOutbox.clear();
  });
}
