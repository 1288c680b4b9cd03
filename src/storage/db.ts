/** The Dexie database: tables, indexes and schema versions. Rows are read through restore.ts only. */
import { clearFirstPaints, clearFirstPaintsNotIn, TAKE_PAGE_FIRST_PAINT, writeFirstPaint } from './first-paint-cache.ts';
import { Dexie, type EntityTable, type Table, type Transaction } from 'dexie';
import { DB_NAME } from './records.ts';
import type { AudioChunkRecord, ProfileRecord, TakeRecord, TakeSummaryRecord } from './records.ts';
import type { CallAudioChunkRecord, CallRecord } from './call-records.ts';
import type { UserDrillRecord } from './user-drills.ts';
import type { AssignedPackRecord, AuthoredPackRecord, PackModelRecord, RosterPackRecord, RosterTakeRecord } from './pack-records.ts';
import type { OutboxRecord, SyncConfigRecord } from './sync-records.ts';
import { StorageError } from './errors.ts';
import { restoreTake } from './restore.ts';
import { summarise } from './summaries.ts';
import { summariseStoredCalls, type CallSummaryRecord } from './call-summaries.ts';

/** Options for opening the database (tests pass their own name or IndexedDB implementation). */
export interface OpenDbOptions {
  name?: string;
  indexedDB?: { open: (...args: never[]) => unknown };
  IDBKeyRange?: { bound: (...args: never[]) => unknown; lowerBound: (...args: never[]) => unknown; upperBound: (...args: never[]) => unknown };
}

/** The VoiceDrill IndexedDB database. */
export class VoiceDrillDb extends Dexie {
  profile!: EntityTable<ProfileRecord, 'id'>;
  takes!: EntityTable<TakeRecord, 'id'>;
  audioChunks!: Table<AudioChunkRecord, [string, number]>;
  /** One light summary per take (summaries.ts), kept in step with the takes by every writer. */
  takeSummaries!: EntityTable<TakeSummaryRecord, 'id'>;
  /** Imported recorded calls (call-records.ts): the analysis, peaks and the agent's notes, no audio. */
  calls!: EntityTable<CallRecord, 'id'>;
  /** The original file's bytes of calls kept with their audio, in CALL_AUDIO_CHUNK_BYTES pieces. */
  callAudio!: Table<CallAudioChunkRecord, [string, number]>;
  /** The agent's own drills made from calls' turns (user-drills.ts). */
  userDrills!: EntityTable<UserDrillRecord, 'id'>;
  /** One light summary per call (call-summaries.ts), written with the call by calls.ts: what the Calls list reads. */
  callSummaries!: EntityTable<CallSummaryRecord, 'id'>;
  /** Trainer packs assigned to this agent (pack-records.ts): the newest version imported. */
  assignedPacks!: EntityTable<AssignedPackRecord, 'id'>;
  /** Packs the trainer writes on this device. */
  authoredPacks!: EntityTable<AuthoredPackRecord, 'id'>;
  /** Model recordings of assigned and authored packs' drills. */
  packModels!: Table<PackModelRecord, [string, string, string]>;
  /** The trainer's roster: agents' takes from imported results files. */
  rosterTakes!: Table<RosterTakeRecord, [string, string]>;
  /** The trainer's roster: each agent's pack as their latest results file gave it. */
  rosterPacks!: Table<RosterPackRecord, [string, string]>;
  /** The sync server this device joined (sync-records.ts; key 'server'; absent when none is configured). */
  syncConfig!: Table<SyncConfigRecord, string>;
  /** What is waiting to be sent to the sync server; deleted only when the server acknowledged it. */
  syncOutbox!: EntityTable<OutboxRecord, 'id'>;

  constructor(options: OpenDbOptions = {}) {
    super(options.name ?? DB_NAME, {
      // Given only when set: an explicit undefined would override Dexie's default (the global IndexedDB).
      ...(options.indexedDB ? { indexedDB: options.indexedDB } : {}),
      ...(options.IDBKeyRange ? { IDBKeyRange: options.IDBKeyRange } : {}),
      // Each ~1 s audio chunk is its own transaction; 'strict' asks Chrome to flush it to disk, so an
      // OS crash or power cut loses at most the last chunk (Chrome's default is 'relaxed').
      chromeTransactionDurability: 'strict',
    });
    // Dexie version 1 = record SCHEMA_VERSION 1. Later versions add .upgrade() calling restore.ts.
    this.version(1).stores({
      profile: 'id',
      takes: 'id, drillId, status, createdAt, [drillId+createdAt]',
      audioChunks: '[takeId+seq], takeId',
    });
    // Version 2 adds the take summaries (SUMMARY_SCHEMA_VERSION 1), built here from the takes already stored.
    this.version(2).stores({ takeSummaries: 'id, drillId, createdAt' }).upgrade(summariseStoredTakes);
    // Version 3 adds recorded calls (CALL_SCHEMA_VERSION 1) and their audio; nothing earlier changes.
    this.version(3).stores({ calls: 'id, createdAt', callAudio: '[callId+index], callId' });
    // Version 4 adds the agent's drills made from calls (USER_DRILL_SCHEMA_VERSION 1); nothing earlier changes.
    this.version(4).stores({ userDrills: 'id, createdAt, sourceCallId' });
    // Version 5 adds the call summaries (CALL_SUMMARY_SCHEMA_VERSION 1), built here from the calls already stored.
    this.version(5).stores({ callSummaries: 'id, createdAt' }).upgrade(summariseStoredCalls);
    // Version 6 adds trainer packs, their model recordings and the trainer's roster (PACK_RECORD_SCHEMA_VERSION 1).
    this.version(6).stores({
      assignedPacks: 'id, importedAt',
      authoredPacks: 'id, updatedAt',
      packModels: '[owner+packId+drillId], [owner+packId]',
      rosterTakes: '[agentId+takeId], agentId, packId',
      rosterPacks: '[agentId+packId], agentId, packId',
    });
    // Version 7 adds team sync: the joined server and the outbox (SYNC_RECORD_SCHEMA_VERSION 1); nothing earlier changes.
    this.version(7).stores({ syncConfig: 'key', syncOutbox: 'id, nextAttemptAt' });
    forgetFirstPaintsOnChange(this);
  }
}

/**
 * The first-paint snapshots (first-paint-cache.ts) show takes, the UI language and drill titles: any delete of
 * a take or summary, a profile in another UI language and any write to a drill forget them, in every tab
 * (they share localStorage). The take page's picture also shows one take as it was and the calibration:
 * any change to a take (a new name, a new analysis) or to the profile's calibration forgets that one.
 * Table.clear() runs no hook: deleteAllData forgets them itself.
 */
function forgetFirstPaintsOnChange(db: VoiceDrillDb): void {
  const forget = (): void => clearFirstPaints();
  const forgetTakePage = (): void => writeFirstPaint(TAKE_PAGE_FIRST_PAINT, null);
  db.takes.hook('deleting', forget);
  db.takes.hook('updating', forgetTakePage);
  db.takeSummaries.hook('deleting', forget);
  // The profile: only a change of the UI language matters (the app saves the profile just after it has
  // drawn the new language, so forgetting on any write could lose the snapshot it has just kept).
  db.profile.hook('creating', (_key, profile) => {
    forgetTakePage();
    clearFirstPaintsNotIn(profile.uiLang);
  });
  db.profile.hook('updating', (changes: Partial<ProfileRecord>, _key, profile) => {
    // Dexie names a change inside the calibration by its key path ('baseline.medianHz').
    if (Object.keys(changes).some((path) => path === 'baseline' || path.startsWith('baseline.'))) forgetTakePage();
    clearFirstPaintsNotIn(changes.uiLang ?? profile.uiLang);
  });
  db.profile.hook('deleting', forget);
  for (const table of [db.userDrills, db.assignedPacks]) {
    table.hook('creating', forget);
    table.hook('updating', forget);
    table.hook('deleting', forget);
  }
}

/** The v1 → v2 upgrade: a summary for every readable take (an unreadable take gets none and is left untouched). */
export async function summariseStoredTakes(tx: Transaction): Promise<void> {
  const summaries = [];
  for (const raw of await tx.table('takes').toArray()) {
    try {
      summaries.push(summarise(restoreTake(raw)));
    } catch (e) {
      if (e instanceof StorageError) continue;
      throw e;
    }
  }
  await tx.table('takeSummaries').bulkPut(summaries);
}
