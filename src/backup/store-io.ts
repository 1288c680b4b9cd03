/**
 * The storage side of backups: read everything in one read transaction (a call's kept audio one stored piece
 * at a time, each handed on as a Blob), and import after the whole file has been validated (pack.ts, read-file.ts):
 * the new calls' audio piece by piece under calls with no record yet, then every record in one write
 * transaction, so a bad file changes nothing and a failed write leaves the store as it was.
 *
 * Merge rules: a take whose id is not here is added with its audio. A take already here keeps its
 * audio and record, except that its results are replaced when the backup's results come from a
 * newer analysis version (the higher analysisVersion wins; results never go back to an older one).
 * The profile and calibration: by the caller's choice (profile-choice.ts) — by default the backup's when
 * this device's is missing, empty or uncalibrated, else this device's. The UI language stays this device's.
 * A call whose id is not here is added with its summary and the audio the backup holds for it; a call
 * already here is left exactly as it is (notes, reflection and audio included).
 * Drills made from calls, authored packs, roster takes and roster packs are added when their key is not here; one
 * already here is kept as it is (counted as skipped). An assigned pack is added when not here, replaces the one here
 * when the backup's version is newer (with the backup's models; a model here of a drill whose id and version are
 * unchanged and for which the backup brings none is kept, as a pack import does), and is kept otherwise. Models come
 * and go only with their pack: those of a pack kept here are left as they are.
 *
 * What an export holds of calls (ExportOptions): every call's analysis, peaks, bookmarks and drills; the
 * kept audio only when asked (calls are big); the private reflection only when asked (issue 11: never
 * exported unless chosen). A call exported without its audio is written as "analysis only".
 */
import { Dexie } from 'dexie';
import {
  putSummaries, restoreAssignedModel, restoreAssignedPack, restoreAuthoredPack, restoreCall, restorePackModel, restoreProfile, restoreRosterPack,
  restoreRosterTake, restoreTake, restoreUserDrill, summariseCall, toStorageError, clearFirstPaints,
  type AssignedPackRecord, type AudioChunkRecord, type CallAudioChunkRecord, type CallRecord, type PackModelRecord, type ProfileRecord, type TakeRecord,
  type VoiceDrillStore,
} from '../storage/index.ts';
import { isBackupError } from './errors.ts';
import { packBackup, unpackBackup, type BackupContents } from './pack.ts';
import { audioBytesOf, callAudioPart, readCallAudioPart, type BackupCall, type CallAudioPart } from './pack-calls.ts';
import { abortIn, AudioProgress, type AudioWork } from './progress.ts';
import { readBackupBlob } from './read-file.ts';
import { hasTrainerContents, type TrainerContents } from './pack-trainer.ts';
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
  /** What happened to drills made from calls, trainer packs and the roster (format version 3); absent when the backup holds none. */
  packs?: PacksImportCounts;
}

/** What an import did with the sections of format version 3. */
export interface PacksImportCounts {
  userDrillsAdded: number;
  userDrillsSkipped: number;
  assignedAdded: number;
  /** Assigned packs here replaced by the backup's newer version. */
  assignedUpdated: number;
  assignedSkipped: number;
  authoredAdded: number;
  authoredSkipped: number;
  /** Model recordings stored with the packs added or updated. */
  modelsAdded: number;
  rosterTakesAdded: number;
  rosterTakesSkipped: number;
  rosterPacksAdded: number;
  rosterPacksSkipped: number;
}

/** What an export holds of the calls beyond their analysis, bookmarks and drills. */
export interface ExportOptions extends AudioWork {
  /** The kept audio of calls (default false: analysis only). */
  callAudio?: boolean;
  /** The agent's private reflections on calls (default false). */
  reflections?: boolean;
}

/** How to import. */
export interface ImportOptions extends AudioWork {
  /** Whose profile and calibration to keep when they differ; default defaultProfileChoice(). */
  profile?: ProfileChoice;
  /** Restored call audio per write transaction, bytes (at least one piece); default RESTORE_BATCH_BYTES. */
  restoreBatchBytes?: number;
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

// The call as exported: without the reflection unless asked, and as analysis only without its audio (or when its
// audio is incomplete). Its audio is read one stored piece at a time, each handed on as a Blob (pack-calls.ts).
async function exportedCall(store: VoiceDrillStore, call: CallRecord, options: ExportOptions, progress: AudioProgress): Promise<BackupCall> {
  const record: CallRecord = options.reflections ? call : { ...call, reflection: null };
  const analysisOnly: BackupCall = { record: { ...record, keepAudio: false, audioBytes: 0 }, audio: [] };
  if (!options.callAudio || !call.keepAudio) return analysisOnly;
  const db = store.db;
  const audio: CallAudioPart[] = [];
  let bytes = 0;
  while (bytes < call.audioBytes) {
    progress.check();
    const row = await db.callAudio.get([call.id, audio.length]);
    if (row === undefined) break;
    audio.push(callAudioPart(row.index, new Uint8Array(row.bytes)));
    bytes += row.bytes.byteLength;
    progress.add(row.bytes.byteLength);
  }
  return bytes === call.audioBytes ? { record, audio } : analysisOnly;
}

// The rows `restore` can read (an unreadable one stays in the database untouched and is not exported).
function readable<T>(rows: readonly unknown[], restore: (raw: unknown) => T): T[] {
  const out: T[] = [];
  for (const raw of rows) {
    try {
      out.push(restore(raw));
    } catch {
      // left out
    }
  }
  return out;
}

// Drills made from calls, packs with the models of the packs exported, and the roster (inside readAll's transaction).
async function readTrainer(store: VoiceDrillStore): Promise<TrainerContents> {
  const db = store.db;
  const assignedPacks = readable(await db.assignedPacks.toArray(), restoreAssignedPack);
  const authoredPacks = readable(await db.authoredPacks.toArray(), restoreAuthoredPack);
  const exported = { assigned: new Set(assignedPacks.map((p) => p.id)), authored: new Set(authoredPacks.map((p) => p.id)) };
  const packModels = readable(await db.packModels.toArray(), (raw) => (asOwner(raw) === 'assigned' ? restoreAssignedModel(raw) : restorePackModel(raw)))
    .filter((m) => exported[m.owner].has(m.packId));
  return {
    userDrills: readable(await db.userDrills.orderBy('createdAt').toArray(), restoreUserDrill), assignedPacks, authoredPacks, packModels,
    rosterTakes: readable(await db.rosterTakes.toArray(), restoreRosterTake), rosterPacks: readable(await db.rosterPacks.toArray(), restoreRosterPack),
  };
}

const asOwner = (raw: unknown): unknown => (typeof raw === 'object' && raw !== null ? (raw as { owner?: unknown }).owner : undefined);

/** Everything stored (profile, takes and their audio chunks, calls as `options` say, drills made from calls, packs, roster), read in one transaction; unreadable records are left out. */
export async function readAll(store: VoiceDrillStore, exportedAt: Date, options: ExportOptions = {}): Promise<BackupContents> {
  const db = store.db;
  try {
    const tables = [db.takes, db.audioChunks, db.profile, db.calls, db.callAudio, db.userDrills, db.assignedPacks, db.authoredPacks, db.packModels, db.rosterTakes, db.rosterPacks];
    return await db.transaction('r', tables, async () => {
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
      const readableCalls = readable(await db.calls.orderBy('createdAt').toArray(), restoreCall); // as for takes: an unreadable one is not exported
      const progress = new AudioProgress(options, options.callAudio ? readableCalls.reduce((a, c) => a + (c.keepAudio ? c.audioBytes : 0), 0) : 0);
      const calls: BackupCall[] = [];
      for (const call of readableCalls) calls.push(await exportedCall(store, call, options, progress));
      return { exportedAt: exportedAt.toISOString(), profile, takes, drills: drills.filter((d) => d !== null), calls, ...await readTrainer(store) };
    });
  } catch (e) {
    throw abortIn(e) ?? toStorageError(e, 'read your data for the backup');
  }
}

/** The whole store as one backup file (see container.ts), with how many takes and calls it holds, and how many of the calls with their audio. */
export async function exportBackup(store: VoiceDrillStore, now: Date = new Date(), options: ExportOptions = {}): Promise<{ blob: Blob; takeCount: number; callCount: number; callsWithAudio: number }> {
  const contents = await readAll(store, now, options);
  return {
    blob: new Blob(packBackup(contents), { type: 'application/octet-stream' }), takeCount: contents.takes.length, callCount: contents.calls.length,
    callsWithAudio: contents.calls.filter((c) => c.audio.length > 0).length,
  };
}

/**
 * The kept audio of the backup's calls that are not here, written before the records (as an import writes a call:
 * storage/calls.ts), up to RESTORE_BATCH_BYTES of pieces per transaction, each piece read from the backup's Blob
 * and checked again (a file can change on disk between validation and import); chunks an interrupted write left
 * under the same id go first (also for a call new here without audio). Until its record is added the audio is
 * not a call's; the ids whose audio is being written are pushed to `written` as it starts, for removeOrphanCallAudio.
 */
async function writeNewCallAudio(store: VoiceDrillStore, calls: readonly BackupCall[], written: string[], options: ImportOptions): Promise<void> {
  const here = await store.db.calls.bulkGet(calls.map((c) => c.record.id));
  const adding = calls.filter((_, i) => here[i] === undefined);
  const progress = new AudioProgress(options, audioBytesOf(adding));
  for (const { record, audio } of adding) {
    await store.deleteCallAudio(record.id);
    if (audio.length > 0) written.push(record.id);
    for (let at = 0; at < audio.length;) {
      progress.check();
      const batch: CallAudioChunkRecord[] = [];
      for (let bytes = 0; at < audio.length && (batch.length === 0 || bytes + audio[at].byteLength <= (options.restoreBatchBytes ?? RESTORE_BATCH_BYTES)); at++) {
        batch.push({ callId: record.id, index: audio[at].index, bytes: await readCallAudioPart(record.id, audio[at]) });
        bytes += audio[at].byteLength;
      }
      await store.db.callAudio.bulkPut(batch);
      progress.add(batch.reduce((a, c) => a + c.bytes.byteLength, 0));
    }
  }
}

/**
 * Restored call audio per write transaction, bytes: each transaction is flushed to disk (db.ts: strict
 * durability), and one per 4 MiB piece made the restore of a 611 MB backup 1.7× slower than one transaction
 * for all (bench:calls --backup); this many are held in memory at once.
 */
const RESTORE_BATCH_BYTES = 32 * 1024 * 1024;

// Calls new here are added with their summary (their audio is already written: writeNewCallAudio); calls here stay as they are.
async function mergeCalls(store: VoiceDrillStore, calls: readonly BackupCall[]): Promise<{ added: number; skipped: number }> {
  const db = store.db;
  const existing = await db.calls.bulkGet(calls.map((c) => c.record.id));
  const added = calls.filter((_, i) => existing[i] === undefined);
  await db.calls.bulkAdd(added.map((c) => c.record));
  await db.callSummaries.bulkAdd(added.map((c) => summariseCall(c.record)));
  return { added: added.length, skipped: calls.length - added.length };
}

type ModelKey = [string, string, string];
const modelKey = (m: PackModelRecord): ModelKey => [m.owner, m.packId, m.drillId];

// Models an interrupted write may have left under a pack new here go first, then the backup's are added.
async function replaceModels(store: VoiceDrillStore, owner: PackModelRecord['owner'], packId: string, models: readonly PackModelRecord[]): Promise<number> {
  const db = store.db;
  await db.packModels.where('[owner+packId]').equals([owner, packId]).delete();
  await db.packModels.bulkAdd(models);
  return models.length;
}

// An assigned pack here replaced by the backup's newer version: the backup's models, and those here of drills unchanged that it brings none for.
async function updateAssigned(store: VoiceDrillStore, here: AssignedPackRecord, backup: AssignedPackRecord, models: readonly PackModelRecord[]): Promise<number> {
  const db = store.db;
  const bringing = new Set(models.map((m) => m.drillId));
  const old = readable(await db.packModels.where('[owner+packId]').equals(['assigned', here.id]).toArray(), restoreAssignedModel);
  const keep = old.filter((o) => !bringing.has(o.drillId) && backup.pack.drills.some((d) => d.drill.id === o.drillId && d.drill.version === o.drillVersion));
  const kept = new Set(keep.map((m) => m.drillId));
  const record = kept.size === 0 ? backup : { ...backup, pack: { ...backup.pack, drills: backup.pack.drills.map((d) => (kept.has(d.drill.id) ? { ...d, hasModel: true } : d)) } };
  await db.packModels.bulkDelete(old.filter((o) => !kept.has(o.drillId)).map(modelKey));
  await db.packModels.bulkPut(models); // put: a model here that storage cannot read is replaced by the backup's, never a reason to fail
  await db.assignedPacks.put(record);
  return models.length;
}

// Drills made from calls, packs with their models, and the roster, by the merge rules above (inside mergeBackup's transaction).
async function mergeTrainer(store: VoiceDrillStore, contents: TrainerContents): Promise<PacksImportCounts> {
  const db = store.db;
  const counts: PacksImportCounts = {
    userDrillsAdded: 0, userDrillsSkipped: 0, assignedAdded: 0, assignedUpdated: 0, assignedSkipped: 0, authoredAdded: 0, authoredSkipped: 0,
    modelsAdded: 0, rosterTakesAdded: 0, rosterTakesSkipped: 0, rosterPacksAdded: 0, rosterPacksSkipped: 0,
  };
  const modelsOf = (owner: PackModelRecord['owner'], packId: string): PackModelRecord[] => contents.packModels.filter((m) => m.owner === owner && m.packId === packId);

  const drillsHere = await db.userDrills.bulkGet(contents.userDrills.map((d) => d.id));
  const newDrills = contents.userDrills.filter((_, i) => drillsHere[i] === undefined);
  await db.userDrills.bulkAdd(newDrills);
  counts.userDrillsAdded = newDrills.length;
  counts.userDrillsSkipped = contents.userDrills.length - newDrills.length;

  const authoredHere = await db.authoredPacks.bulkGet(contents.authoredPacks.map((p) => p.id));
  for (const [i, pack] of contents.authoredPacks.entries()) {
    if (authoredHere[i] !== undefined) {
      counts.authoredSkipped++;
      continue;
    }
    await db.authoredPacks.add(pack);
    counts.modelsAdded += await replaceModels(store, 'authored', pack.id, modelsOf('authored', pack.id));
    counts.authoredAdded++;
  }

  const assignedHere = await db.assignedPacks.bulkGet(contents.assignedPacks.map((p) => p.id));
  for (const [i, pack] of contents.assignedPacks.entries()) {
    const raw = assignedHere[i];
    if (raw === undefined) {
      await db.assignedPacks.add(pack);
      counts.modelsAdded += await replaceModels(store, 'assigned', pack.id, modelsOf('assigned', pack.id));
      counts.assignedAdded++;
      continue;
    }
    let here: AssignedPackRecord;
    try {
      here = restoreAssignedPack(raw);
    } catch {
      counts.assignedSkipped++; // unreadable here: left untouched rather than overwritten
      continue;
    }
    if (pack.version > here.version) {
      counts.modelsAdded += await updateAssigned(store, here, pack, modelsOf('assigned', pack.id));
      counts.assignedUpdated++;
    } else {
      counts.assignedSkipped++;
    }
  }

  const takesHere = await db.rosterTakes.bulkGet(contents.rosterTakes.map((r): [string, string] => [r.agentId, r.takeId]));
  const newTakes = contents.rosterTakes.filter((_, i) => takesHere[i] === undefined);
  await db.rosterTakes.bulkAdd(newTakes);
  counts.rosterTakesAdded = newTakes.length;
  counts.rosterTakesSkipped = contents.rosterTakes.length - newTakes.length;

  const packsHere = await db.rosterPacks.bulkGet(contents.rosterPacks.map((r): [string, string] => [r.agentId, r.packId]));
  const newPacks = contents.rosterPacks.filter((_, i) => packsHere[i] === undefined);
  await db.rosterPacks.bulkAdd(newPacks);
  counts.rosterPacksAdded = newPacks.length;
  counts.rosterPacksSkipped = contents.rosterPacks.length - newPacks.length;
  return counts;
}

/**
 * Write validated backup contents into the store by the merge rules above: the new calls' audio first, piece
 * by piece (writeNewCallAudio), then every record in one transaction; when anything fails, the audio written
 * for calls that did not get their record is deleted again, so the store is as it was.
 */
export async function mergeBackup(store: VoiceDrillStore, contents: BackupContents, options: ImportOptions = {}): Promise<ImportResult> {
  const db = store.db;
  const audioWritten: string[] = [];
  try {
    await writeNewCallAudio(store, contents.calls, audioWritten, options);
    const tables = [
      db.takes, db.audioChunks, db.profile, db.takeSummaries, db.calls, db.callAudio, db.callSummaries,
      db.userDrills, db.assignedPacks, db.authoredPacks, db.packModels, db.rosterTakes, db.rosterPacks,
    ];
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
      if (hasTrainerContents(contents)) {
        result.packs = await mergeTrainer(store, {
          userDrills: contents.userDrills ?? [], assignedPacks: contents.assignedPacks ?? [], authoredPacks: contents.authoredPacks ?? [],
          packModels: contents.packModels ?? [], rosterTakes: contents.rosterTakes ?? [], rosterPacks: contents.rosterPacks ?? [],
        });
      }
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
    // The audio written for calls that did not get their record; what a failure here leaves is removed at the next start.
    await store.removeOrphanCallAudio(audioWritten).catch(() => undefined);
    if (isBackupError(e)) throw e;
    throw abortIn(e) ?? toStorageError(e, 'import the backup');
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
    }).finally(() => clearFirstPaints());
  } catch (e) {
    throw toStorageError(e, 'delete your data');
  }
}

/**
 * Read and validate a backup file completely (nothing is written), a Blob by parts (read-file.ts: its calls'
 * audio checked piece by piece, reported to `work.onProgress`, stopped by `work.signal`); throws BackupError.
 */
export async function readBackupFile(file: Blob | Uint8Array, work: AudioWork = {}): Promise<BackupContents> {
  return file instanceof Uint8Array ? unpackBackup(file) : readBackupBlob(file, work);
}

/** Validate a backup file completely, then merge it; throws BackupError (bad file) or StorageError, changing nothing. */
export async function importBackup(store: VoiceDrillStore, file: Blob | Uint8Array, options: ImportOptions = {}): Promise<ImportResult> {
  return mergeBackup(store, await readBackupFile(file), options);
}
