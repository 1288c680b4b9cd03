/**
 * Recorded calls on the database: the record (analysis, peaks, notes) in `calls`, the original file's
 * bytes in `callAudio` chunks numbered from 0. Audio chunks are written one transaction each before the
 * record (a 60-minute WAV is hundreds of MB: one transaction would hold it all); a call without its
 * record is not a call, and removeOrphanCallAudio clears what an interrupted import left.
 */
import { Dexie } from 'dexie';
import type { VoiceDrillDb } from './db.ts';
import { StorageError } from './errors.ts';
import type { CallRecord } from './call-records.ts';
import { restoreReadable } from './restore.ts';
import { restoreCall } from './restore-call.ts';
import { listCallSummaries, putCallSummary } from './call-summaries.ts';

/** Bytes of the original file per stored audio chunk. */
export const CALL_AUDIO_CHUNK_BYTES = 4 * 1024 * 1024;

/** What updateCall may change: the agent's own notes on the call. */
export type CallPatch = Partial<Pick<CallRecord, 'reflection' | 'bookmarks' | 'drillIds'>>;

/** Space the stored calls take. */
export interface CallStorageUse {
  callCount: number;
  /** Bytes of kept original audio. */
  audioBytes: number;
}

function chunkRange(db: VoiceDrillDb, callId: string) {
  return db.callAudio.where('[callId+index]').between([callId, Dexie.minKey], [callId, Dexie.maxKey], true, true);
}

async function requireCall(db: VoiceDrillDb, callId: string): Promise<CallRecord> {
  const raw = await db.calls.get(callId);
  if (raw === undefined) throw new StorageError('not-found', `There is no call "${callId}"; it may have been deleted.`);
  return restoreCall(raw);
}

/** Store (or replace) a call record, checked as restore would read it back, with its summary in the same transaction. */
export async function putCall(db: VoiceDrillDb, record: CallRecord): Promise<CallRecord> {
  const checked = restoreCall(record);
  await db.transaction('rw', db.calls, db.callSummaries, async () => {
    await db.calls.put(checked);
    await putCallSummary(db, checked);
  });
  return checked;
}

/** Store piece `index` (from 0) of a call's original file, in its own transaction. */
export async function putCallAudioChunk(db: VoiceDrillDb, callId: string, index: number, bytes: ArrayBuffer): Promise<void> {
  if (!Number.isInteger(index) || index < 0) throw new RangeError(`Call audio chunks are numbered from 0, not ${index}.`);
  await db.callAudio.put({ callId, index, bytes });
}

/** Remove a call's audio chunks only (an import that could not keep its audio). */
export async function deleteCallAudio(db: VoiceDrillDb, callId: string): Promise<void> {
  await chunkRange(db, callId).delete();
}

/** Every readable call, newest first (unreadable ones are skipped); audio is not read, but every report and peaks are: lists read listCallSummaries. */
export async function listCalls(db: VoiceDrillDb): Promise<CallRecord[]> {
  const rows = await db.calls.orderBy('createdAt').reverse().toArray();
  return restoreReadable(rows, restoreCall);
}

/** One call, or null. */
export async function getCall(db: VoiceDrillDb, callId: string): Promise<CallRecord | null> {
  const raw = await db.calls.get(callId);
  return raw === undefined ? null : restoreCall(raw);
}

/** The call's original file, for playback; null when only the analysis was kept. */
export async function loadCallAudio(db: VoiceDrillDb, callId: string): Promise<Blob | null> {
  return db.transaction('r', db.calls, db.callAudio, async () => {
    const call = await requireCall(db, callId);
    if (!call.keepAudio) return null;
    const rows = await chunkRange(db, callId).toArray();
    const parts: ArrayBuffer[] = [];
    let bytes = 0;
    for (const row of rows) {
      if (row.index !== parts.length) break;
      parts.push(row.bytes);
      bytes += row.bytes.byteLength;
    }
    if (bytes !== call.audioBytes) {
      throw new StorageError('corrupt', `The audio of call "${callId}" is incomplete (${bytes} of ${call.audioBytes} bytes), so it cannot be played.`);
    }
    return new Blob(parts, { type: call.mimeType });
  });
}

/** Change the agent's notes on a call (reflection, bookmarks, drills made from it); returns the new record. */
export async function updateCall(db: VoiceDrillDb, callId: string, patch: CallPatch): Promise<CallRecord> {
  return db.transaction('rw', db.calls, db.callSummaries, async () => {
    const call = await requireCall(db, callId);
    const next: CallRecord = { ...call };
    if (patch.reflection !== undefined) next.reflection = patch.reflection;
    if (patch.bookmarks !== undefined) next.bookmarks = patch.bookmarks;
    if (patch.drillIds !== undefined) next.drillIds = patch.drillIds;
    const checked = restoreCall(next);
    await db.calls.put(checked);
    await putCallSummary(db, checked);
    return checked;
  });
}

/** Delete a call: its record, summary and every audio chunk, in one transaction (nothing happens if it does not exist). */
export async function deleteCall(db: VoiceDrillDb, callId: string): Promise<void> {
  await db.transaction('rw', db.calls, db.callAudio, db.callSummaries, async () => {
    await chunkRange(db, callId).delete();
    await db.calls.delete(callId);
    await db.callSummaries.delete(callId);
  });
}

/**
 * Audio chunks whose call record does not exist (an import stopped between chunks and record) are deleted, those
 * of the calls `only` when given (a restore undoing its own writes, not another tab's import under way); returns how many.
 */
export async function removeOrphanCallAudio(db: VoiceDrillDb, only?: readonly string[]): Promise<number> {
  return db.transaction('rw', db.calls, db.callAudio, async () => {
    const ids = new Set((await db.calls.toCollection().primaryKeys()).map(String));
    const among = only ? new Set(only) : null;
    const orphans = (await db.callAudio.toCollection().primaryKeys()).filter(([callId]) => !ids.has(callId) && (!among || among.has(callId)));
    await db.callAudio.bulkDelete(orphans);
    return orphans.length;
  });
}

/** How many readable calls are stored and how many bytes of their audio (read from the summaries only). */
export async function callStorageBytes(db: VoiceDrillDb): Promise<CallStorageUse> {
  const summaries = await listCallSummaries(db);
  return { callCount: summaries.length, audioBytes: summaries.reduce((sum, s) => sum + (s.keepAudio ? s.audioBytes : 0), 0) };
}
