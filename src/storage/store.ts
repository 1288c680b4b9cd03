/**
 * VoiceDrillStore: the storage API the app and its workers use. Every method turns Dexie/IndexedDB
 * failures into StorageError (errors.ts) and every record read passes through restore.ts.
 * No DOM: usable from a Web Worker or the main thread.
 */
import type { AnalysisReport } from '../analysis/index.ts';
import type { UiLang } from '../i18n/ui-lang.ts';
import { Dexie } from 'dexie';
import { VoiceDrillDb, type OpenDbOptions } from './db.ts';
import { StorageError, toStorageError } from './errors.ts';
import { SCHEMA_VERSION, type Profile, type TakeRecord, type TakeSummaryRecord } from './records.ts';
import { restoreProfile } from './restore.ts';
import { adoptEarlySummaries } from './early-read.ts';
import { DB_NAME } from './records.ts';
import { listSummaries, restoreSummaries } from './summaries.ts';
import * as takes from './takes.ts';
import * as calls from './calls.ts';
import type { CallRecord } from './call-records.ts';
import { listCallSummaries, type CallSummaryRecord } from './call-summaries.ts';
import * as userDrills from './user-drills.ts';
import * as assignedPacks from './assigned-packs.ts';
import type { AssignedPackRecord, PackModelRecord } from './pack-records.ts';
import type { ReadPack, ReadResults } from '../packs/types.ts';
import * as roster from './roster-store.ts';
import type { RosterInput } from '../packs/roster.ts';
import * as authoredPacks from './authored-packs.ts';

/** Options of openStore. */
export interface OpenStoreOptions extends OpenDbOptions {
  /** Called when another tab keeps an older version of the database open and holds up the upgrade. */
  onBlocked?: (error: StorageError) => void;
}

/** A fresh profile for a first start, in the detected UI language. */
export function defaultProfile(uiLang: UiLang): Profile {
  return { fills: { zh: { name: '', company: '' }, en: { name: '', company: '' } }, scriptLang: uiLang === 'zh-CN' ? 'zh' : 'en', uiLang, baseline: null };
}

/** Told after a take's analysis is stored (by any store of this page), with the take as saved; `first`: it had none before (not a re-analysis). */
export type ReportSavedListener = (take: TakeRecord, store: VoiceDrillStore, first: boolean) => void;
const reportSavedListeners = new Set<ReportSavedListener>();

/**
 * Listen for analyses being stored (saveReport): how team sync (src/team) puts a new take in its outbox without the
 * screens knowing about it. A listener's failure never fails the save. Returns the unsubscribe function.
 */
export function onReportSaved(listener: ReportSavedListener): () => void {
  reportSavedListeners.add(listener);
  return () => { reportSavedListeners.delete(listener); };
}

/** The storage API over one open database. */
export class VoiceDrillStore {
  /** The underlying Dexie database (tests and migrations only). */
  readonly db: VoiceDrillDb;

  // The last summaries read (one request for every take, or the one start-up began before the app loaded:
  // early-read.ts), until a write makes it stale.
  private summaries: Promise<TakeSummaryRecord[]> | null = null;
  // Dexie reports every committed write (this tab's and, by BroadcastChannel, other tabs').
  private readonly onMutated = (parts: Record<string, unknown>): void => {
    const prefix = `idb://${this.db.name}/takeSummaries/`;
    if (Object.keys(parts).some((k) => k.startsWith(prefix))) {
      this.summaries = null;
    }
  };

  constructor(db: VoiceDrillDb) {
    this.db = db;
    const early = db.name === DB_NAME ? adoptEarlySummaries() : null;
    if (early) this.readSummaries(early);
    Dexie.on('storagemutated', this.onMutated);
  }

  // Run a write, dropping the cached summaries before and after it (whatever it did).
  private write<T>(action: string, work: () => Promise<T>): Promise<T> {
    this.summaries = null;
    return this.run(action, work).finally(() => { this.summaries = null; });
  }

  private async run<T>(action: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (e) {
      if (e instanceof RangeError || e instanceof TypeError) throw e; // a caller's bug, not storage
      throw toStorageError(e, action);
    }
  }

  /** Close the database connection. */
  close(): void {
    Dexie.on('storagemutated').unsubscribe(this.onMutated);
    this.summaries = null;
    this.db.close();
  }

  /** Start a take in status 'recording'. */
  createTake(input: takes.NewTake): Promise<TakeRecord> {
    return this.write('start a new take', () => takes.createTake(this.db, input));
  }

  /** Store chunk `seq` (from 0, ≈1 s) of a recording take; a failure leaves everything saved before intact. */
  appendAudioChunk(takeId: string, seq: number, samples: Float32Array | Int16Array): Promise<void> {
    return this.run('save the latest second of audio', () => takes.appendAudioChunk(this.db, takeId, seq, samples));
  }

  /** Mark a recording take as recorded, with its length in seconds. */
  finishTake(takeId: string, durationSec: number): Promise<TakeRecord> {
    return this.write('finish the take', () => takes.finishTake(this.db, takeId, durationSec));
  }

  /** Store a take's analysis report as analyzeToJson rounded it, as the CLI prints it, without rounding again (status becomes 'analysed'). */
  saveReport(takeId: string, report: AnalysisReport): Promise<TakeRecord> {
    return this.write('save the analysis', async () => {
      const before = reportSavedListeners.size === 0 ? undefined : await this.db.takes.get(takeId);
      return { saved: await takes.saveReport(this.db, takeId, report), first: before?.status !== 'analysed' };
    }).then(({ saved, first }) => {
      for (const listener of reportSavedListeners) {
        try { listener(saved, this, first); } catch { /* a listener's failure is its own */ }
      }
      return saved;
    });
  }

  /** Mark a take as failed with a reason (its audio is kept). */
  failTake(takeId: string, reason: string): Promise<TakeRecord> {
    return this.write('mark the take as failed', () => takes.failTake(this.db, takeId, reason));
  }

  /** The take's audio, mono Float32 at its sampleRateHz. */
  loadTakeAudio(takeId: string): Promise<Float32Array> {
    return this.run('read the take’s audio', () => takes.loadTakeAudio(this.db, takeId));
  }

  /** One take, or null. */
  getTake(takeId: string): Promise<TakeRecord | null> {
    return this.run('read the take', () => takes.getTake(this.db, takeId));
  }

  /** Takes matching a filter, newest first by default. */
  listTakes(filter?: takes.TakeFilter): Promise<TakeRecord[]> {
    return this.run('list the takes', () => takes.listTakes(this.db, filter));
  }

  /** Takes left in 'recording' (call at start-up, before recording), with their recovered length. */
  findInterrupted(): Promise<takes.InterruptedTake[]> {
    return this.run('look for interrupted takes', () => takes.findInterrupted(this.db));
  }

  /** Make an interrupted take 'recorded' with the length of its saved chunks ('failed' if none). */
  recoverTake(takeId: string): Promise<TakeRecord> {
    return this.write('recover the interrupted take', () => takes.recoverTake(this.db, takeId));
  }

  /** Count an incomplete (recovered) take on the progress charts and for the personal best, or not. */
  setCountAnyway(takeId: string, count: boolean): Promise<TakeRecord> {
    return this.write('change whether the take counts', () => takes.setCountAnyway(this.db, takeId, count));
  }

  /** Rename a take (empty or null clears the name); returns the renamed take. */
  renameTake(takeId: string, name: string | null): Promise<TakeRecord> {
    return this.write('rename the take', () => takes.renameTake(this.db, takeId, name));
  }

  /** Delete a take and its audio. */
  deleteTake(takeId: string): Promise<void> {
    return this.write('delete the take', () => takes.deleteTake(this.db, takeId));
  }

  /** Delete every take with its audio and summary (the profile stays). */
  clearTakes(): Promise<void> {
    return this.write('delete the takes', () => takes.clearTakes(this.db));
  }

  /** Store (or replace) a recorded call's record. */
  putCall(record: CallRecord): Promise<CallRecord> {
    return this.run('save the call', () => calls.putCall(this.db, record));
  }

  /** Store piece `index` of a call's original file (own transaction; a failure leaves what was saved before). */
  putCallAudioChunk(callId: string, index: number, bytes: ArrayBuffer): Promise<void> {
    return this.run('save the call’s audio', () => calls.putCallAudioChunk(this.db, callId, index, bytes));
  }

  /** Remove a call's audio chunks only. */
  deleteCallAudio(callId: string): Promise<void> {
    return this.run('remove the call’s audio', () => calls.deleteCallAudio(this.db, callId));
  }

  /** Every readable call, newest first, without audio (whole records: lists read listCallSummaries). */
  listCalls(): Promise<CallRecord[]> {
    return this.run('list the calls', () => calls.listCalls(this.db));
  }

  /** Every readable call's summary, newest first: what the Calls list shows, without reports or peaks. */
  listCallSummaries(): Promise<CallSummaryRecord[]> {
    return this.run('list the calls', () => listCallSummaries(this.db));
  }

  /** One call, or null. */
  getCall(callId: string): Promise<CallRecord | null> {
    return this.run('read the call', () => calls.getCall(this.db, callId));
  }

  /** A call's original file as a Blob of its MIME type; null when only the analysis was kept. */
  loadCallAudio(callId: string): Promise<Blob | null> {
    return this.run('read the call’s audio', () => calls.loadCallAudio(this.db, callId));
  }

  /** Change the agent's notes on a call (reflection, bookmarks, drills). */
  updateCall(callId: string, patch: calls.CallPatch): Promise<CallRecord> {
    return this.run('save the call’s notes', () => calls.updateCall(this.db, callId, patch));
  }

  /** Delete a call with all its audio, in one transaction. */
  deleteCall(callId: string): Promise<void> {
    return this.run('delete the call', () => calls.deleteCall(this.db, callId));
  }

  /** Delete audio chunks left without a call by an interrupted import (of the calls `only`, when given). */
  removeOrphanCallAudio(only?: readonly string[]): Promise<number> {
    return this.run('tidy the calls’ audio', () => calls.removeOrphanCallAudio(this.db, only));
  }

  /** Calls stored and bytes of their kept audio. */
  callStorageBytes(): Promise<calls.CallStorageUse> {
    return this.run('measure the calls’ storage', () => calls.callStorageBytes(this.db));
  }

  /** Store (or replace) one of the agent's drills made from a call. */
  putUserDrill(record: userDrills.UserDrillRecord): Promise<userDrills.UserDrillRecord> {
    return this.run('save the drill', () => userDrills.putUserDrill(this.db, record));
  }

  /** The agent's readable drills made from calls, newest first. */
  listUserDrills(): Promise<userDrills.UserDrillRecord[]> {
    return this.run('list your drills', () => userDrills.listUserDrills(this.db));
  }

  /** One of the agent's drills, or null. */
  getUserDrill(drillId: string): Promise<userDrills.UserDrillRecord | null> {
    return this.run('read the drill', () => userDrills.getUserDrill(this.db, drillId));
  }

  /** Merge an imported (validated) pack with the stored one by id and version, models included, in one transaction. */
  importAssignedPack(read: ReadPack, now: number = Date.now()): Promise<assignedPacks.PackMergeOutcome> {
    return this.run('save the pack', () => assignedPacks.mergeAssignedPack(this.db, read, now));
  }

  /** The packs assigned to this agent, newest import first. */
  listAssignedPacks(): Promise<AssignedPackRecord[]> {
    return this.run('list the assigned packs', () => assignedPacks.listAssignedPacks(this.db));
  }

  /** One assigned pack, or null. */
  getAssignedPack(packId: string): Promise<AssignedPackRecord | null> {
    return this.run('read the pack', () => assignedPacks.getAssignedPack(this.db, packId));
  }

  /** Remove an assigned pack and its model recordings (the takes stay). */
  deleteAssignedPack(packId: string): Promise<void> {
    return this.run('remove the pack', () => assignedPacks.deleteAssignedPack(this.db, packId));
  }

  /** The model recordings of an assigned pack. */
  listAssignedModels(packId: string): Promise<PackModelRecord[]> {
    return this.run('read the model recordings', () => assignedPacks.listAssignedModels(this.db, packId));
  }

  /** Store an assigned model's analysis; false when the model is gone or of another drill version now. */
  saveAssignedModelReport(packId: string, drillId: string, drillVersion: number, report: AnalysisReport | null): Promise<boolean> {
    return this.run('save the model’s analysis', () => assignedPacks.saveAssignedModelReport(this.db, packId, drillId, drillVersion, report));
  }

  /** Import one read results file into the trainer's roster (one transaction: a failure changes nothing). */
  importRosterResults(read: ReadResults, nowMs = Date.now()): Promise<roster.RosterImportCounts> {
    return this.run('import the results', () => roster.importRosterResults(this.db, read, nowMs));
  }

  /** The roster's inputs (one per agent and pack), for buildRoster. */
  listRosterInputs(): Promise<RosterInput[]> {
    return this.run('read the roster', () => roster.listRosterInputs(this.db));
  }

  /** An agent's takes on one drill of a pack, oldest first, with audio when it was included. */
  rosterTakesFor(agentId: string, packId: string, drillId: string): Promise<roster.RosterTakeWithAudio[]> {
    return this.run('read the agent’s takes', () => roster.rosterTakesFor(this.db, agentId, packId, drillId));
  }

  /** Delete an agent's results from the roster; returns the takes deleted. */
  deleteRosterAgent(agentId: string): Promise<number> {
    return this.run('delete the agent’s results', () => roster.deleteRosterAgent(this.db, agentId));
  }

  /** Store (or replace) a pack the trainer is writing. */
  putAuthoredPack(record: authoredPacks.AuthoredPack): Promise<authoredPacks.AuthoredPack> {
    return this.run('save the pack', () => authoredPacks.putAuthoredPack(this.db, record));
  }

  /** The trainer's readable packs, most recently changed first. */
  listAuthoredPacks(): Promise<authoredPacks.AuthoredPack[]> {
    return this.run('list your packs', () => authoredPacks.listAuthoredPacks(this.db));
  }

  /** One of the trainer's packs, or null. */
  getAuthoredPack(packId: string): Promise<authoredPacks.AuthoredPack | null> {
    return this.run('read the pack', () => authoredPacks.getAuthoredPack(this.db, packId));
  }

  /** Delete one of the trainer's packs with its model recordings. */
  deleteAuthoredPack(packId: string): Promise<void> {
    return this.run('delete the pack', () => authoredPacks.deleteAuthoredPack(this.db, packId));
  }

  /** Store (or replace) a drill's model recording in one of the trainer's packs. */
  putAuthoredModel(record: Omit<PackModelRecord, 'owner' | 'schemaVersion'>): Promise<PackModelRecord> {
    return this.run('save the model recording', () => authoredPacks.putAuthoredModel(this.db, record));
  }

  /** A drill's model recording in one of the trainer's packs, or null. */
  getAuthoredModel(packId: string, drillId: string): Promise<PackModelRecord | null> {
    return this.run('read the model recording', () => authoredPacks.getAuthoredModel(this.db, packId, drillId));
  }

  /** Every readable model recording of one of the trainer's packs. */
  listAuthoredModels(packId: string): Promise<PackModelRecord[]> {
    return this.run('read the model recordings', () => authoredPacks.listAuthoredModels(this.db, packId));
  }

  /** Remove a drill's model recording from one of the trainer's packs. */
  deleteAuthoredModel(packId: string, drillId: string): Promise<void> {
    return this.run('remove the model recording', () => authoredPacks.deleteAuthoredModel(this.db, packId, drillId));
  }

  /**
   * Every take's summary, oldest first, read in one request. The answer is shared until a write
   * (here, in the backup import, or in another tab) changes a summary; call early to overlap start-up.
   */
  listSummaries(): Promise<TakeSummaryRecord[]> {
    return this.summaries ?? this.readSummaries(null);
  }

  // Read the summaries and share the answer: the rows start-up read early when it has them, else one read now.
  private readSummaries(early: Promise<unknown[] | null> | null): Promise<TakeSummaryRecord[]> {
    const pending = this.run('list the takes', async () => {
      const rows = early ? await early : null;
      return rows ? restoreSummaries(rows) : listSummaries(this.db);
    });
    this.summaries = pending;
    pending.catch(() => { if (this.summaries === pending) this.summaries = null; });
    return pending;
  }

  /** Forget the shared summaries (after writing takes through `db` directly, as the backup import does). */
  invalidateSummaries(): void {
    this.summaries = null;
  }

  /** The stored profile, or null on a first start (see defaultProfile). */
  getProfile(): Promise<Profile | null> {
    return this.run('read the profile', async () => {
      const record = restoreProfile(await this.db.profile.get('me'));
      if (record === null) return null;
      const { schemaVersion: _v, id: _id, ...profile } = record;
      return profile;
    });
  }

  /** Save the profile (normalised as restore would read it back); returns what was saved. */
  saveProfile(profile: Profile): Promise<Profile> {
    return this.run('save the profile', async () => {
      const record = restoreProfile({ ...profile, schemaVersion: SCHEMA_VERSION });
      if (record === null) throw new StorageError('corrupt', 'The profile to save is empty.');
      await this.db.profile.put(record);
      const { schemaVersion: _v, id: _id, ...saved } = record;
      return saved;
    });
  }
}

/** Open the VoiceDrill database; throws a StorageError ('unavailable', 'newer-version', …) when it cannot. */
export async function openStore(options: OpenStoreOptions = {}): Promise<VoiceDrillStore> {
  const db = new VoiceDrillDb(options);
  const onBlocked = options.onBlocked;
  if (onBlocked) {
    db.on('blocked', () => onBlocked(new StorageError('blocked',
      'Another VoiceDrill tab keeps an older version of the database open; close it so this one can continue.')));
  }
  try {
    await db.open();
  } catch (e) {
    db.close();
    throw toStorageError(e, 'open the VoiceDrill database');
  }
  return new VoiceDrillStore(db);
}
