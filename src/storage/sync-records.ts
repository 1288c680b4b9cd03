/**
 * The records of team sync on this device (Dexie version 7, issue 13). The outbox survives reloads and crashes:
 * an item is deleted only after the server acknowledged it. Reflection notes are never put here.
 */
import type { DeviceInfo, OrgInfo, PersonInfo, SyncCompletion, SyncTake } from '../sync/protocol.ts';

/** Version of the sync records' shapes; restore refuses anything newer. */
export const SYNC_RECORD_SCHEMA_VERSION = 1;

/**
 * The server this device joined (table syncConfig, key 'server'; at most one). Absent: no server configured, and the
 * app makes no request to any other origin. The origin is mirrored in localStorage (`SYNC_ORIGIN_STORAGE_KEY`) so the
 * page's Content Security Policy can allow exactly that origin before any script runs.
 */
export interface SyncConfigRecord {
  schemaVersion: number;
  key: 'server';
  /** `https://host[:port]` or `http://host[:port]` (no path), as the user typed it, normalised by URL. */
  origin: string;
  /** Null until the device has joined with an invite code. */
  token: string | null;
  device: DeviceInfo | null;
  person: PersonInfo | null;
  org: OrgInfo | null;
  /** Send each take's audio too: 'never' (default), 'ask' (per take, on its review page), 'always'. */
  shareAudio: 'never' | 'ask' | 'always';
  /** ms since epoch of the last successful push or pull (null: never). */
  lastSyncAt: number | null;
  /** ms since epoch the configuration was saved. */
  savedAt: number;
}

export const SYNC_ORIGIN_STORAGE_KEY = 'voicedrill.syncOrigin';

/** What an outbox item carries. */
export type OutboxPayload =
  | { kind: 'take'; take: SyncTake }
  | { kind: 'completion'; completion: SyncCompletion }
  /** The take's WAV is read from the takes' audio at send time (not copied here). */
  | { kind: 'audio'; takeId: string };

/**
 * One thing to send (table syncOutbox, key id). id: 'take:<takeId>', 'completion:<packId>:<drillId>', 'audio:<takeId>',
 * so enqueuing the same thing twice keeps one item.
 */
export interface OutboxRecord {
  schemaVersion: number;
  id: string;
  payload: OutboxPayload;
  /** ms since epoch it was enqueued. */
  createdAt: number;
  /** Failed sends so far (back-off grows with it). */
  attempts: number;
  /** ms since epoch before which it is not retried. */
  nextAttemptAt: number;
  /** The last failure's sentence (null: none yet). */
  lastError: string | null;
  /**
   * True when the server refused this item's content (a 4xx other than 401/408/429): it is kept (never deleted
   * unacknowledged), retried on the back-off schedule, and the status shows an error. Absent in older items: false.
   */
  rejected?: boolean;
}
