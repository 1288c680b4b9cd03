/** The Dexie database: tables, indexes and schema versions. Rows are read through restore.ts only. */
import { Dexie, type EntityTable, type Table } from 'dexie';
import { DB_NAME } from './records.ts';
import type { AudioChunkRecord, ProfileRecord, TakeRecord } from './records.ts';

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

  constructor(options: OpenDbOptions = {}) {
    super(options.name ?? DB_NAME, {
      // Given only when set: an explicit undefined would override Dexie's default (the global IndexedDB).
      ...(options.indexedDB ? { indexedDB: options.indexedDB } : {}),
      ...(options.IDBKeyRange ? { IDBKeyRange: options.IDBKeyRange } : {}),
      // Each ~1 s audio chunk is its own transaction; 'strict' asks Chrome to flush it to disk, so an
      // OS crash or power cut loses at most the last chunk (Chrome's default is 'relaxed').
      chromeTransactionDurability: 'strict',
    });
    // Dexie version 1 = record SCHEMA_VERSION 1. A later version adds .upgrade() calling restore.ts.
    this.version(1).stores({
      profile: 'id',
      takes: 'id, drillId, status, createdAt, [drillId+createdAt]',
      audioChunks: '[takeId+seq], takeId',
    });
  }
}
