/**
 * The storage side of backups: read everything in one read transaction, and import in one write
 * transaction after the whole file has been validated (pack.ts), so a bad file changes nothing and
 * a failed write rolls back completely.
 *
 * Merge rules: a take whose id is not here is added with its audio. A take already here keeps its
 * audio and record, except that its results are replaced when the backup's results come from a
 * newer analysis version (the higher analysisVersion wins; results never go back to an older one).
 * The profile is imported only when this device has none (this device's own profile wins).
 */
import { Dexie } from 'dexie';
import { putSummaries, restoreProfile, restoreTake, toStorageError, type AudioChunkRecord, type TakeRecord, type VoiceDrillStore } from '../storage/index.ts';
import { packBackup, unpackBackup, type BackupContents } from './pack.ts';

/** What an import did. */
export interface ImportResult {
  /** Takes new to this device (with their audio). */
  added: number;
  /** Takes already here whose results were replaced by newer ones. */
  updated: number;
  /** Takes already here and left as they were. */
  skipped: number;
  profileImported: boolean;
}

/** Compare analysis versions ("1.10.0" > "1.9.2"); null (no results) is lowest. */
export function compareAnalysisVersions(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  const pa = a.split('.').map((x) => Number.parseInt(x, 10) || 0);
  const pb = b.split('.').map((x) => Number.parseInt(x, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return a < b ? -1 : 1;
}

/** Everything stored (profile, takes and their audio chunks), read in one transaction; unreadable takes are left out. */
export async function readAll(store: VoiceDrillStore, exportedAt: Date): Promise<BackupContents> {
  const db = store.db;
  try {
    return await db.transaction('r', db.takes, db.audioChunks, db.profile, async () => {
      const profile = restoreProfile(await db.profile.get('me'));
      const takes: BackupContents['takes'] = [];
      for (const raw of await db.takes.orderBy('createdAt').toArray()) {
        let record: TakeRecord;
        try {
          record = restoreTake(raw);
        } catch {
          continue; // a record storage cannot read is not exported (it stays in the database untouched)
        }
        const chunks = await db.audioChunks.where('[takeId+seq]').between([record.id, Dexie.minKey], [record.id, Dexie.maxKey]).toArray();
        takes.push({ record, chunks });
      }
      const drills = [...new Map(takes.filter((tk) => tk.record.drill).map((tk) => [JSON.stringify(tk.record.drill), tk.record.drill])).values()];
      return { exportedAt: exportedAt.toISOString(), profile, takes, drills: drills.filter((d) => d !== null) };
    });
  } catch (e) {
    throw toStorageError(e, 'read your data for the backup');
  }
}

/** The whole store as one backup file (see container.ts), with how many takes it holds. */
export async function exportBackup(store: VoiceDrillStore, now: Date = new Date()): Promise<{ blob: Blob; takeCount: number }> {
  const contents = await readAll(store, now);
  return { blob: new Blob(packBackup(contents), { type: 'application/octet-stream' }), takeCount: contents.takes.length };
}

/** Write validated backup contents into the store in one transaction, by the merge rules above. */
export async function mergeBackup(store: VoiceDrillStore, contents: BackupContents): Promise<ImportResult> {
  const db = store.db;
  try {
    return await db.transaction('rw', db.takes, db.audioChunks, db.profile, db.takeSummaries, async () => {
      const result: ImportResult = { added: 0, updated: 0, skipped: 0, profileImported: false };
      const existing = await db.takes.bulkGet(contents.takes.map((tk) => tk.record.id));
      const newTakes: TakeRecord[] = [];
      const newChunks: AudioChunkRecord[] = [];
      const updates: TakeRecord[] = [];
      contents.takes.forEach(({ record, chunks }, i) => {
        const raw = existing[i];
        if (raw === undefined) {
          newTakes.push(record);
          newChunks.push(...chunks);
          return;
        }
        let here: TakeRecord;
        try {
          here = restoreTake(raw);
        } catch {
          result.skipped++; // the record here cannot be read: leave it untouched rather than overwrite it
          return;
        }
        const newer = record.report !== null && here.status !== 'recording' && compareAnalysisVersions(record.analysisVersion, here.analysisVersion) > 0;
        if (newer) updates.push({ ...here, report: record.report, analysisVersion: record.analysisVersion, status: 'analysed', failure: null });
        else result.skipped++;
      });
      await db.takes.bulkAdd(newTakes);
      await db.audioChunks.bulkAdd(newChunks);
      await db.takes.bulkPut(updates);
      await putSummaries(db, [...newTakes, ...updates]); // summaries change with their takes, in this transaction
      result.added = newTakes.length;
      result.updated = updates.length;
      if (contents.profile !== null && (await db.profile.get('me')) === undefined) {
        await db.profile.put(contents.profile);
        result.profileImported = true;
      }
      return result;
    });
  } catch (e) {
    throw toStorageError(e, 'import the backup');
  } finally {
    store.invalidateSummaries();
  }
}

/** Validate a backup file completely, then merge it; throws BackupError (bad file) or StorageError, changing nothing. */
export async function importBackup(store: VoiceDrillStore, file: Blob | Uint8Array): Promise<ImportResult> {
  const bytes = file instanceof Uint8Array ? file : new Uint8Array(await file.arrayBuffer());
  return mergeBackup(store, unpackBackup(bytes));
}
