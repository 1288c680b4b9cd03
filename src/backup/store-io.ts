/**
 * The storage side of backups: read everything in one read transaction, and import in one write
 * transaction after the whole file has been validated (pack.ts), so a bad file changes nothing and
 * a failed write rolls back completely.
 *
 * Merge rules: a take whose id is not here is added with its audio. A take already here keeps its
 * audio and record, except that its results are replaced when the backup's results come from a
 * newer analysis version (the higher analysisVersion wins; results never go back to an older one).
 * The profile and calibration: by the caller's choice (profile-choice.ts) — by default the backup's when
 * this device's is missing, empty or uncalibrated, else this device's. The UI language stays this device's.
 * A call whose id is not here is added with its summary and the audio the backup holds for it; a call
 * already here is left exactly as it is (notes, reflection and audio included).
 *
 * What an export holds of calls (ExportOptions): every call's analysis, peaks, bookmarks and drills; the
 * kept audio only when asked (calls are big); the private reflection only when asked (issue 11: never
 * exported unless chosen). A call exported without its audio is written as "analysis only".
 */
import { Dexie } from 'dexie';
import {
  putSummaries, restoreCall, restoreProfile, restoreTake, summariseCall, toStorageError,
  type AudioChunkRecord, type CallAudioChunkRecord, type CallRecord, type ProfileRecord, type TakeRecord, type VoiceDrillStore,
} from '../storage/index.ts';
import { packBackup, unpackBackup, type BackupContents } from './pack.ts';
import type { BackupCall } from './pack-calls.ts';
import { defaultProfileChoice, profileFromBackup, profilesDiffer, type ProfileChoice, type ProfileOutcome } from './profile-choice.ts';

/** What an import did. */
export interface ImportResult {
  /** Takes new to this device (with their audio). */
  added: number;
  /** Takes already here whose results were replaced by newer ones. */
  updated: number;
  /** Takes already here and left as they were. */
  skipped: number;
  /** True when the backup's profile (and calibration) replaced or became this device's. */
  profileImported: boolean;
  /** What happened to the profile: 'taken' from the backup, 'kept' (this device's, also when both are the same), or 'none' in the backup. */
  profile: ProfileOutcome;
  /** Calls new to this device (with the audio the backup holds for them). */
  callsAdded: number;
  /** Calls already here and left as they were. */
  callsSkipped: number;
}

/** What an export holds of the calls beyond their analysis, bookmarks and drills. */
export interface ExportOptions {
  /** The kept audio of calls (default false: analysis only). */
  callAudio?: boolean;
  /** The agent's private reflections on calls (default false). */
  reflections?: boolean;
}

/** How to import. */
export interface ImportOptions {
  /** Whose profile and calibration to keep when they differ; default defaultProfileChoice(). */
  profile?: ProfileChoice;
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

// The call as exported: without the reflection unless asked, and as analysis only without its audio (or when its audio is incomplete).
async function exportedCall(store: VoiceDrillStore, call: CallRecord, options: ExportOptions): Promise<BackupCall> {
  const record: CallRecord = options.reflections ? call : { ...call, reflection: null };
  if (!options.callAudio || !call.keepAudio) return { record: { ...record, keepAudio: false, audioBytes: 0 }, audio: [] };
  const db = store.db;
  const rows = await db.callAudio.where('[callId+index]').between([call.id, Dexie.minKey], [call.id, Dexie.maxKey]).toArray();
  const audio: CallAudioChunkRecord[] = [];
  let bytes = 0;
  for (const row of rows) {
    if (row.index !== audio.length) break;
    audio.push(row);
    bytes += row.bytes.byteLength;
  }
  if (bytes !== call.audioBytes) return { record: { ...record, keepAudio: false, audioBytes: 0 }, audio: [] };
  return { record, audio };
}

/** Everything stored (profile, takes and their audio chunks, calls as `options` say), read in one transaction; unreadable records are left out. */
export async function readAll(store: VoiceDrillStore, exportedAt: Date, options: ExportOptions = {}): Promise<BackupContents> {
  const db = store.db;
  try {
    return await db.transaction('r', [db.takes, db.audioChunks, db.profile, db.calls, db.callAudio], async () => {
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
      const calls: BackupCall[] = [];
      for (const raw of await db.calls.orderBy('createdAt').toArray()) {
        let call: CallRecord;
        try {
          call = restoreCall(raw);
        } catch {
          continue; // as for takes: left in the database untouched, not exported
        }
        calls.push(await exportedCall(store, call, options));
      }
      return { exportedAt: exportedAt.toISOString(), profile, takes, drills: drills.filter((d) => d !== null), calls };
    });
  } catch (e) {
    throw toStorageError(e, 'read your data for the backup');
  }
}

/** The whole store as one backup file (see container.ts), with how many takes and calls it holds. */
export async function exportBackup(store: VoiceDrillStore, now: Date = new Date(), options: ExportOptions = {}): Promise<{ blob: Blob; takeCount: number; callCount: number }> {
  const contents = await readAll(store, now, options);
  return { blob: new Blob(packBackup(contents), { type: 'application/octet-stream' }), takeCount: contents.takes.length, callCount: contents.calls.length };
}

// Calls new here are added with their summary and audio (chunks an interrupted import left under the same id go first); calls here stay as they are.
async function mergeCalls(store: VoiceDrillStore, calls: readonly BackupCall[]): Promise<{ added: number; skipped: number }> {
  const db = store.db;
  const existing = await db.calls.bulkGet(calls.map((c) => c.record.id));
  const added = calls.filter((_, i) => existing[i] === undefined);
  for (const { record } of added) {
    await db.callAudio.where('[callId+index]').between([record.id, Dexie.minKey], [record.id, Dexie.maxKey]).delete();
  }
  await db.calls.bulkAdd(added.map((c) => c.record));
  await db.callSummaries.bulkAdd(added.map((c) => summariseCall(c.record)));
  await db.callAudio.bulkAdd(added.flatMap((c) => c.audio));
  return { added: added.length, skipped: calls.length - added.length };
}

/** Write validated backup contents into the store in one transaction, by the merge rules above. */
export async function mergeBackup(store: VoiceDrillStore, contents: BackupContents, options: ImportOptions = {}): Promise<ImportResult> {
  const db = store.db;
  try {
    const tables = [db.takes, db.audioChunks, db.profile, db.takeSummaries, db.calls, db.callAudio, db.callSummaries];
    return await db.transaction('rw', tables, async () => {
      const result: ImportResult = {
        added: 0, updated: 0, skipped: 0, profileImported: false, profile: contents.profile === null ? 'none' : 'kept', callsAdded: 0, callsSkipped: 0,
      };
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
      const calls = await mergeCalls(store, contents.calls);
      result.callsAdded = calls.added;
      result.callsSkipped = calls.skipped;
      if (contents.profile !== null) {
        let here: ProfileRecord | null;
        try {
          here = restoreProfile(await db.profile.get('me'));
        } catch {
          here = null; // unreadable here: the backup's is offered first
        }
        const choice = options.profile ?? defaultProfileChoice(here, contents.profile);
        if (choice === 'backup' && profilesDiffer(here, contents.profile)) {
          await db.profile.put({ ...profileFromBackup(contents.profile, here), schemaVersion: contents.profile.schemaVersion, id: 'me' });
          result.profileImported = true;
          result.profile = 'taken';
        }
      }
      return result;
    });
  } catch (e) {
    throw toStorageError(e, 'import the backup');
  } finally {
    store.invalidateSummaries();
  }
}

/** Delete every take, call, their audio and the profile with its calibration (every table, in one transaction); returns how many takes there were. */
export async function deleteAllData(store: VoiceDrillStore): Promise<{ takes: number; calls: number }> {
  const db = store.db;
  try {
    // Every table, not a list: a table added by a later schema version is emptied too.
    return await db.transaction('rw', db.tables, async () => {
      const takes = await db.takes.count();
      const calls = await db.calls.count();
      await Promise.all(db.tables.map((table) => table.clear()));
      return { takes, calls };
    });
  } catch (e) {
    throw toStorageError(e, 'delete your data');
  }
}

/** Read and validate a backup file completely (nothing is written); throws BackupError. */
export async function readBackupFile(file: Blob | Uint8Array): Promise<BackupContents> {
  const bytes = file instanceof Uint8Array ? file : new Uint8Array(await file.arrayBuffer());
  return unpackBackup(bytes);
}

/** Validate a backup file completely, then merge it; throws BackupError (bad file) or StorageError, changing nothing. */
export async function importBackup(store: VoiceDrillStore, file: Blob | Uint8Array, options: ImportOptions = {}): Promise<ImportResult> {
  return mergeBackup(store, await readBackupFile(file), options);
}
