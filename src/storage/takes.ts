/**
 * Take operations on the database. Audio is appended chunk by chunk while recording, each chunk in
 * its own transaction, so a crash loses at most the last chunk, and a failed write (a full disk)
 * aborts only its own transaction: nothing saved before is touched.
 * Chunks are numbered from 0; audio is read as the run of consecutive chunks from 0 (a recorder
 * stops at the first failed append, so there is no gap; if there were, what follows it is ignored).
 */
import { clearFirstPaints } from './first-paint-cache.ts';
import { Dexie } from 'dexie';
import type { AnalysisReport, FileReport } from '../analysis/index.ts';
import type { Drill } from '../drills/types.ts';
import type { VoiceDrillDb } from './db.ts';
import { StorageError } from './errors.ts';
import { concatChunks, floatToInt16 } from './pcm.ts';
import { SCHEMA_VERSION, type TakeRecord, type TakeStatus } from './records.ts';
import { looksLikeReport, restoreReadable, restoreTake } from './restore.ts';
import { takeOrder } from './order.ts';
import { putSummary } from './summaries.ts';

/** What createTake needs. */
export interface NewTake {
  drill: Drill;
  /** The filled script that will be read (renderDrill's script, markers kept). */
  script: string;
  sampleRateHz: number;
  /** Default: a fresh random id. */
  id?: string;
  /** Default: now. */
  createdAt?: Date;
  name?: string | null;
}

/** A take left in 'recording' (the app stopped while recording), with what its chunks hold. */
export interface InterruptedTake {
  take: TakeRecord;
  recoveredDurationSec: number;
  chunkCount: number;
}

/** Which takes listTakes returns. */
export interface TakeFilter {
  drillId?: string;
  status?: TakeStatus | readonly TakeStatus[];
  /** Newest first by default. */
  order?: 'newest' | 'oldest';
  limit?: number;
}

function newTakeId(): string {
  const c = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  if (c?.randomUUID) return `take-${c.randomUUID()}`;
  return `take-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

async function requireTake(db: VoiceDrillDb, takeId: string): Promise<TakeRecord> {
  const raw = await db.takes.get(takeId);
  if (raw === undefined) throw new StorageError('not-found', `There is no take "${takeId}"; it may have been deleted.`);
  return restoreTake(raw);
}

function chunkRange(db: VoiceDrillDb, takeId: string) {
  return db.audioChunks.where('[takeId+seq]').between([takeId, Dexie.minKey], [takeId, Dexie.maxKey], true, true);
}

// Samples and count of the consecutive chunks from seq 0, read one at a time.
async function countChunks(db: VoiceDrillDb, takeId: string): Promise<{ samples: number; chunkCount: number }> {
  let samples = 0;
  let chunkCount = 0;
  let broken = false;
  await chunkRange(db, takeId).each((row) => {
    if (broken || row.seq !== chunkCount) { broken = true; return; }
    samples += row.pcm.length;
    chunkCount++;
  });
  return { samples, chunkCount };
}

/** Start a take in status 'recording'. */
export async function createTake(db: VoiceDrillDb, input: NewTake): Promise<TakeRecord> {
  if (!Number.isFinite(input.sampleRateHz) || input.sampleRateHz < 3000 || input.sampleRateHz > 768000) {
    throw new RangeError(`A take needs a sample rate between 3000 and 768000 Hz, not ${input.sampleRateHz}.`);
  }
  const take: TakeRecord = {
    schemaVersion: SCHEMA_VERSION,
    id: input.id ?? newTakeId(),
    drillId: input.drill.id,
    drill: input.drill,
    script: input.script,
    createdAt: (input.createdAt ?? new Date()).toISOString(),
    status: 'recording',
    sampleRateHz: input.sampleRateHz,
    durationSec: null,
    report: null,
    analysisVersion: null,
    name: input.name?.trim() || null,
    failure: null,
    incomplete: false,
    countAnyway: false,
  };
  await db.transaction('rw', db.takes, db.takeSummaries, async () => {
    await db.takes.add(take);
    await putSummary(db, take);
  });
  return take;
}

/** Store one chunk (≈1 s) of mono PCM while recording; Float32 input is stored as Int16. */
export async function appendAudioChunk(db: VoiceDrillDb, takeId: string, seq: number, samples: Float32Array | Int16Array): Promise<void> {
  if (!Number.isInteger(seq) || seq < 0) throw new RangeError(`Chunk numbers start at 0 and are whole numbers, not ${seq}.`);
  const pcm = samples instanceof Float32Array ? floatToInt16(samples) : Int16Array.from(samples);
  await db.transaction('rw', db.takes, db.audioChunks, async () => {
    const raw = await db.takes.get(takeId);
    if (raw === undefined) throw new StorageError('not-found', `There is no take "${takeId}" to add audio to; it may have been deleted.`);
    if (raw.status !== 'recording') {
      throw new StorageError('unknown', `Take "${takeId}" is already ${raw.status}; audio can only be added while recording.`);
    }
    await db.audioChunks.put({ takeId, seq, pcm });
  });
}

/** Mark a recording take as recorded, with its length counted from the samples sent. */
export async function finishTake(db: VoiceDrillDb, takeId: string, durationSec: number): Promise<TakeRecord> {
  if (!Number.isFinite(durationSec) || durationSec < 0) throw new RangeError(`A take's length must be a finite number of seconds, not ${durationSec}.`);
  return db.transaction('rw', db.takes, db.takeSummaries, async () => {
    const take = await requireTake(db, takeId);
    if (take.status !== 'recording') return take;
    const done: TakeRecord = { ...take, status: 'recorded', durationSec };
    await db.takes.put(done);
    await putSummary(db, done);
    return done;
  });
}

// The report without the CLI's file label (the take's id when the worker made it), keys in their order.
function withoutFileLabel(report: AnalysisReport | FileReport): AnalysisReport {
  if (!('file' in report)) return report;
  const { file: _file, ...rest } = report;
  return rest;
}

/**
 * Store the analysis report of a recorded take as given: the rounded report analyzeToJson returns (what
 * the CLI prints), rounded once there and not again here; a FileReport's `file` label is not stored.
 * The take becomes 'analysed'.
 */
export async function saveReport(db: VoiceDrillDb, takeId: string, given: AnalysisReport | FileReport): Promise<TakeRecord> {
  if (!looksLikeReport(given)) throw new TypeError('saveReport was given something that is not an analysis report.');
  const report = withoutFileLabel(given);
  return db.transaction('rw', db.takes, db.takeSummaries, async () => {
    const take = await requireTake(db, takeId);
    if (take.status === 'recording') throw new StorageError('unknown', `Take "${takeId}" is still recording; finish or recover it before saving its report.`);
    const analysed: TakeRecord = { ...take, status: 'analysed', report, analysisVersion: report.analysisVersion, failure: null };
    await db.takes.put(analysed);
    await putSummary(db, analysed);
    return analysed;
  });
}

/** Mark a take as failed, with the reason as a sentence; its audio is kept. */
export async function failTake(db: VoiceDrillDb, takeId: string, reason: string): Promise<TakeRecord> {
  return db.transaction('rw', db.takes, db.takeSummaries, async () => {
    const take = await requireTake(db, takeId);
    const failed: TakeRecord = { ...take, status: 'failed', failure: reason, durationSec: take.durationSec ?? 0 };
    await db.takes.put(failed);
    await putSummary(db, failed);
    return failed;
  });
}

/** The take's audio as one Float32Array (mono, at the take's sampleRateHz). */
export async function loadTakeAudio(db: VoiceDrillDb, takeId: string): Promise<Float32Array> {
  return db.transaction('r', db.takes, db.audioChunks, async () => {
    await requireTake(db, takeId);
    const rows = await chunkRange(db, takeId).toArray();
    const run = [];
    for (const row of rows) {
      if (row.seq !== run.length) break;
      run.push(row.pcm);
    }
    return concatChunks(run);
  });
}

/** One take, or null. */
export async function getTake(db: VoiceDrillDb, takeId: string): Promise<TakeRecord | null> {
  const raw = await db.takes.get(takeId);
  return raw === undefined ? null : restoreTake(raw);
}

/** Takes matching the filter, newest first unless asked otherwise; unreadable records are skipped. */
export async function listTakes(db: VoiceDrillDb, filter: TakeFilter = {}): Promise<TakeRecord[]> {
  const rows = filter.drillId === undefined
    ? await db.takes.toArray()
    : await db.takes.where('[drillId+createdAt]').between([filter.drillId, Dexie.minKey], [filter.drillId, Dexie.maxKey]).toArray();
  const statuses = filter.status === undefined ? null : ([] as TakeStatus[]).concat(filter.status);
  const takes = restoreReadable(rows, restoreTake).filter((t) => statuses === null || statuses.includes(t.status)).sort(takeOrder);
  if (filter.order !== 'oldest') takes.reverse();
  return filter.limit === undefined ? takes : takes.slice(0, Math.max(0, filter.limit));
}

/** Takes left in 'recording' by a crash or a closed tab, with the length of audio their chunks hold. */
export async function findInterrupted(db: VoiceDrillDb): Promise<InterruptedTake[]> {
  const takes = restoreReadable(await db.takes.where('status').equals('recording').toArray(), restoreTake).sort(takeOrder);
  const out: InterruptedTake[] = [];
  for (const take of takes) {
    const { samples, chunkCount } = await countChunks(db, take.id);
    out.push({ take, recoveredDurationSec: samples / take.sampleRateHz, chunkCount });
  }
  return out;
}

/** Turn an interrupted take into a recorded one of the length its chunks hold ('failed' when they hold nothing). */
export async function recoverTake(db: VoiceDrillDb, takeId: string): Promise<TakeRecord> {
  return db.transaction('rw', db.takes, db.audioChunks, db.takeSummaries, async () => {
    const take = await requireTake(db, takeId);
    if (take.status !== 'recording') return take;
    const { samples } = await countChunks(db, takeId);
    const recovered: TakeRecord = samples > 0
      ? { ...take, status: 'recorded', durationSec: samples / take.sampleRateHz, incomplete: true }
      : { ...take, status: 'failed', durationSec: 0, failure: 'The recording was interrupted before any audio was saved.' };
    await db.takes.put(recovered);
    await putSummary(db, recovered);
    return recovered;
  });
}

/** Count an incomplete (recovered) take like a complete one, or stop counting it. */
export async function setCountAnyway(db: VoiceDrillDb, takeId: string, count: boolean): Promise<TakeRecord> {
  return db.transaction('rw', db.takes, db.takeSummaries, async () => {
    const take = await requireTake(db, takeId);
    const updated: TakeRecord = { ...take, countAnyway: count };
    await db.takes.put(updated);
    await putSummary(db, updated);
    return updated;
  });
}

/** Longest take name kept, in characters (a label in a list, not a note). */
export const TAKE_NAME_MAX_CHARS = 80;

/** Give a take the agent's own name (trimmed, inner whitespace collapsed; empty clears it). */
export async function renameTake(db: VoiceDrillDb, takeId: string, name: string | null): Promise<TakeRecord> {
  const clean = (name ?? '').replace(/\s+/g, ' ').trim();
  if ([...clean].length > TAKE_NAME_MAX_CHARS) throw new RangeError(`A take name has at most ${TAKE_NAME_MAX_CHARS} characters.`);
  return db.transaction('rw', db.takes, db.takeSummaries, async () => {
    const take = await requireTake(db, takeId);
    const renamed: TakeRecord = { ...take, name: clean === '' ? null : clean };
    await db.takes.put(renamed);
    await putSummary(db, renamed);
    return renamed;
  });
}

/** Delete a take and its audio (nothing happens if it does not exist). */
export async function deleteTake(db: VoiceDrillDb, takeId: string): Promise<void> {
  await db.transaction('rw', db.takes, db.audioChunks, db.takeSummaries, async () => {
    await db.audioChunks.where('takeId').equals(takeId).delete();
    await db.takes.delete(takeId);
    await db.takeSummaries.delete(takeId);
  });
}

/** Delete every take, its audio and its summary (the profile stays). */
export async function clearTakes(db: VoiceDrillDb): Promise<void> {
  await db.transaction('rw', db.takes, db.audioChunks, db.takeSummaries, async () => {
    await db.audioChunks.clear();
    await db.takes.clear();
    await db.takeSummaries.clear();
  });
  clearFirstPaints(); // clear() runs no hook (db.ts)
}
