/**
 * Calls in the backup (format version 2): records with their peaks, bookmarks and drills; kept audio and
 * the private reflection only when asked; restore adds calls new here (with summaries) and leaves the
 * calls already here untouched; a damaged or inconsistent call entry refuses the whole file, changing nothing.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  BackupError, CONTAINER_HEADER_BYTES, decodeContainer, deleteAllData, encodeContainer, exportBackup, importBackup, mergeBackup, readBackupFile, unpackBackup, type ExportOptions,
} from '../../src/backup/index.ts';
import { heldSpans } from '../../src/backup/read-file.ts';
import { CALL_AUDIO_CHUNK_BYTES, openStore, type VoiceDrillStore } from '../../src/storage/index.ts';
import { callPeaks, callRecord, callReport } from '../helpers/call-record.ts';

const opened: VoiceDrillStore[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  for (const s of opened.splice(0)) s.close();
});

async function freshStore(): Promise<VoiceDrillStore> {
  const store = await openStore({ name: `backup-calls-${Math.random()}` });
  opened.push(store);
  return store;
}

/** `n` deterministic bytes, different per seed. */
function bytesOf(n: number, seed: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = (i * 31 + seed * 17 + (i >> 9)) & 255;
  return out;
}

const AUDIO_BYTES = 2 * CALL_AUDIO_CHUNK_BYTES + 4321;
const reflection = { happened: 'The customer shouted.', felt: 'Rushed', nextTime: 'Pause, then answer.', updatedAt: 7 };
const bookmarks = [{ id: 'b1', atSec: 12.25, note: '“wait”', createdAt: 8 }];

/** Store `audio` as the call's kept file, in CALL_AUDIO_CHUNK_BYTES pieces as the import does. */
async function keepAudio(store: VoiceDrillStore, callId: string, audio: Uint8Array): Promise<void> {
  for (let i = 0, k = 0; i < audio.length; i += CALL_AUDIO_CHUNK_BYTES, k++) {
    await store.putCallAudioChunk(callId, k, audio.slice(i, i + CALL_AUDIO_CHUNK_BYTES).buffer);
  }
}

/** A store with a call whose audio is kept (with a reflection, a bookmark and a drill) and a call kept as analysis only. */
async function withCalls(): Promise<{ store: VoiceDrillStore; audio: Uint8Array }> {
  const store = await freshStore();
  const audio = bytesOf(AUDIO_BYTES, 1);
  await store.putCall(callRecord('kept', 2000, { keepAudio: true, audioBytes: AUDIO_BYTES, fileBytes: AUDIO_BYTES, mimeType: 'audio/mpeg', fileName: '客户 1.mp3', reflection, bookmarks, drillIds: ['drill-1'], peaks: callPeaks(3000, 5), report: callReport(4) }));
  await keepAudio(store, 'kept', audio);
  await store.putCall(callRecord('plain', 1000, { agentChannel: 'mono', lang: 'zh', peaks: callPeaks(10, 9) }));
  return { store, audio };
}

async function backupOf(store: VoiceDrillStore, options: ExportOptions = {}): Promise<Uint8Array> {
  const { blob } = await exportBackup(store, new Date('2026-12-01T12:00:00Z'), options);
  return new Uint8Array(await blob.arrayBuffer());
}

async function audioOf(store: VoiceDrillStore, callId: string): Promise<Buffer | null> {
  const blob = await store.loadCallAudio(callId);
  return blob === null ? null : Buffer.from(await blob.arrayBuffer());
}

/** A file as the backup reader sees it (size and slices), counting the bytes read from it and the largest read. */
class ReadCounter {
  bytesRead = 0;
  largestRead = 0;
  private readonly bytes: Uint8Array;

  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
  }

  /** A Blob-like view of `bytes[from, to)` whose reads are counted here. */
  asBlob(from = 0, to = this.bytes.length): Blob {
    const slice = (start = 0, end = to - from): Blob => {
      const clamp = (x: number): number => Math.max(0, Math.min(to - from, x));
      return this.asBlob(from + clamp(start), from + clamp(end));
    };
    const arrayBuffer = async (): Promise<ArrayBuffer> => {
      this.bytesRead += to - from;
      this.largestRead = Math.max(this.largestRead, to - from);
      return this.bytes.slice(from, to).buffer;
    };
    return { size: to - from, slice, arrayBuffer } as unknown as Blob;
  }
}

/** Every call table's rows, for "nothing changed" checks. */
async function dumpCalls(store: VoiceDrillStore): Promise<unknown> {
  const db = store.db;
  return { calls: await db.calls.toArray(), audio: await db.callAudio.toArray(), summaries: await db.callSummaries.toArray(), takes: await db.takes.toArray() };
}

describe('calls in the backup', () => {
  it('round trip with audio and reflections asked for: identical records, summaries and audio bytes', async () => {
    const { store: source, audio } = await withCalls();
    const bytes = await backupOf(source, { callAudio: true, reflections: true });
    const { manifest } = decodeContainer(bytes);
    expect(manifest).toMatchObject({ formatVersion: 2 });
    const target = await freshStore();
    expect(await importBackup(target, bytes)).toMatchObject({ added: 0, callsAdded: 2, callsSkipped: 0 });
    for (const id of ['kept', 'plain']) expect(await target.getCall(id)).toEqual(await source.getCall(id));
    expect((await target.getCall('kept'))?.peaks.channels[1].max).toEqual(callPeaks(3000, 5).channels[1].max);
    expect(await target.listCallSummaries()).toEqual(await source.listCallSummaries());
    const restored = await audioOf(target, 'kept');
    expect(restored?.length).toBe(AUDIO_BYTES);
    // Compared as Buffers: a deep equality of two 8 MB arrays takes minutes.
    expect(restored?.equals(Buffer.from(audio))).toBe(true);
    expect((await target.loadCallAudio('kept'))?.type).toBe('audio/mpeg');
    expect(await target.db.callAudio.count()).toBe(3);
    expect(await target.callStorageBytes()).toEqual({ callCount: 2, audioBytes: AUDIO_BYTES });
  });

  it('a backup file is read by parts, never whole: the audio of its calls one stored piece at a time', async () => {
    const { store: source, audio } = await withCalls();
    const bytes = await backupOf(source, { callAudio: true, reflections: true });
    const file = new ReadCounter(bytes);
    const target = await freshStore();
    expect(await importBackup(target, file.asBlob())).toMatchObject({ callsAdded: 2, callsSkipped: 0 });
    expect((await audioOf(target, 'kept'))?.equals(Buffer.from(audio))).toBe(true);
    expect(await target.getCall('kept')).toEqual(await source.getCall('kept'));
    // Every byte read, the header twice (first for the length of the table of contents) and the audio twice
    // (checked before anything is written, then written); no read above one piece.
    expect(file.bytesRead).toBe(bytes.length + CONTAINER_HEADER_BYTES + AUDIO_BYTES);
    expect(file.largestRead).toBe(CALL_AUDIO_CHUNK_BYTES);
    expect(bytes.length).toBeGreaterThan(2 * CALL_AUDIO_CHUNK_BYTES);
  });

  it('says how far the audio has gone (export, check, restore), and stops between pieces when asked, changing nothing', async () => {
    const { store: source, audio } = await withCalls();
    const seen: Record<string, [number, number][]> = { export: [], check: [], write: [] };
    const work = (step: string) => ({ onProgress: (done: number, total: number) => seen[step].push([done, total]) });
    const { blob } = await exportBackup(source, new Date('2026-12-01T12:00:00Z'), { callAudio: true, ...work('export') });
    const target = await freshStore();
    const contents = await readBackupFile(blob, work('check'));
    // One write transaction per piece here (by default up to 32 MiB of pieces: all three at once).
    await mergeBackup(target, contents, { ...work('write'), restoreBatchBytes: CALL_AUDIO_CHUNK_BYTES });
    const pieces = [CALL_AUDIO_CHUNK_BYTES, 2 * CALL_AUDIO_CHUNK_BYTES, AUDIO_BYTES].map((done) => [done, AUDIO_BYTES]);
    expect(seen).toEqual({ export: pieces, check: pieces, write: pieces });
    expect((await audioOf(target, 'kept'))?.equals(Buffer.from(audio))).toBe(true);
    seen.write = [];
    const batched = await freshStore();
    await mergeBackup(batched, contents, work('write'));
    expect(seen.write).toEqual([[AUDIO_BYTES, AUDIO_BYTES]]);
    expect((await audioOf(batched, 'kept'))?.equals(Buffer.from(audio))).toBe(true);

    // Stopped after the first piece: the export, the check, and the restore (the piece it wrote goes again).
    const stopAfterFirst = () => {
      const controller = new AbortController();
      return { signal: controller.signal, onProgress: () => controller.abort() };
    };
    const aborted = { name: 'AbortError' };
    await expect(exportBackup(source, new Date(), { callAudio: true, ...stopAfterFirst() })).rejects.toMatchObject(aborted);
    await expect(readBackupFile(blob, stopAfterFirst())).rejects.toMatchObject(aborted);
    const other = await freshStore();
    await other.putCall(callRecord('here', 1));
    const before = await dumpCalls(other);
    let written = 0;
    const bulkPut = other.db.callAudio.bulkPut.bind(other.db.callAudio);
    vi.spyOn(other.db.callAudio, 'bulkPut').mockImplementation((...args: Parameters<typeof bulkPut>) => (written++, bulkPut(...args)));
    await expect(mergeBackup(other, contents, { ...stopAfterFirst(), restoreBatchBytes: CALL_AUDIO_CHUNK_BYTES })).rejects.toMatchObject(aborted);
    expect(written).toBe(1);
    expect(await dumpCalls(other)).toEqual(before);
  });

  it('by default holds the analysis, bookmarks and drills only: no audio, no reflection', async () => {
    const { store: source } = await withCalls();
    const bytes = await backupOf(source);
    expect(bytes.length).toBeLessThan(AUDIO_BYTES / 10);
    const target = await freshStore();
    await importBackup(target, bytes);
    const kept = await target.getCall('kept');
    expect(kept).toMatchObject({ keepAudio: false, audioBytes: 0, reflection: null, bookmarks, drillIds: ['drill-1'], fileName: '客户 1.mp3' });
    expect(kept?.report).toEqual((await source.getCall('kept'))?.report);
    expect(await target.loadCallAudio('kept')).toBeNull();
    expect(await target.db.callAudio.count()).toBe(0);
    // The reflection is nowhere in the file.
    expect(new TextDecoder().decode(bytes).includes('The customer shouted')).toBe(false);
    // Audio without the reflection, and the reverse.
    const audioOnly = await freshStore();
    await importBackup(audioOnly, await backupOf(source, { callAudio: true }));
    expect(await audioOnly.getCall('kept')).toMatchObject({ keepAudio: true, audioBytes: AUDIO_BYTES, reflection: null });
    const reflectionOnly = await freshStore();
    await importBackup(reflectionOnly, await backupOf(source, { reflections: true }));
    expect(await reflectionOnly.getCall('kept')).toMatchObject({ keepAudio: false, reflection });
  });

  it('a backup without calls keeps the takes-only layout of version 1', async () => {
    const { manifest } = decodeContainer(await backupOf(await freshStore()));
    expect(manifest).toMatchObject({ formatVersion: 1 });
    expect(Object.keys(manifest as object)).not.toContain('calls');
  });

  it('restore adds calls new here and never overwrites a call already here (record, summary, audio)', async () => {
    const { store: source } = await withCalls();
    const bytes = await backupOf(source, { callAudio: true, reflections: true });
    const target = await freshStore();
    const own = bytesOf(300, 42);
    await target.putCall(callRecord('kept', 5, { fileName: 'mine.wav', keepAudio: true, audioBytes: own.length, reflection: { ...reflection, felt: 'calm' } }));
    await keepAudio(target, 'kept', own);
    // Pieces an interrupted import left under the id of a call new here: replaced by the backup's.
    await target.putCallAudioChunk('plain', 0, new ArrayBuffer(99));
    const mine = { call: await target.getCall('kept'), summary: await target.db.callSummaries.get('kept') };
    expect(await importBackup(target, bytes)).toMatchObject({ callsAdded: 1, callsSkipped: 1 });
    expect({ call: await target.getCall('kept'), summary: await target.db.callSummaries.get('kept') }).toEqual(mine);
    expect((await audioOf(target, 'kept'))?.equals(Buffer.from(own))).toBe(true);
    expect(await target.getCall('plain')).toEqual(await source.getCall('plain'));
    expect(await target.db.callAudio.where('callId').equals('plain').count()).toBe(0);
    // Again: nothing added twice, nothing changed.
    const once = await dumpCalls(target);
    expect(await importBackup(target, bytes)).toMatchObject({ callsAdded: 0, callsSkipped: 2 });
    expect(await dumpCalls(target)).toEqual(once);
  });
});

describe('delete all data', () => {
  it('removes the calls with their summaries and audio too, and says how many went', async () => {
    const { store } = await withCalls();
    const calls = (await store.listCallSummaries()).length;
    expect(calls).toBeGreaterThan(0);
    expect(await store.db.callAudio.count()).toBeGreaterThan(0);
    expect(await deleteAllData(store)).toEqual({ takes: 0, calls });
    for (const table of [store.db.calls, store.db.callSummaries, store.db.callAudio]) expect(await table.count()).toBe(0);
  });
});

describe('reading a backup file by parts', () => {
  it('reads the data section around the calls\' audio, whatever places a damaged table of contents gives it', () => {
    expect(heldSpans(100, [])).toEqual([[0, 100]]);
    expect(heldSpans(100, [{ offset: 20, bytes: 30 }, { offset: 60, bytes: 40 }])).toEqual([[0, 20], [50, 60]]);
    // Out of order, overlapping, past either end, empty: the spans stay inside [0, 100), in order, without overlap.
    expect(heldSpans(100, [{ offset: 90, bytes: 50 }, { offset: 10, bytes: 10 }, { offset: 15, bytes: 10 }, { offset: -5, bytes: 3 }, { offset: 40, bytes: 0 }])).toEqual([[0, 10], [25, 90]]);
  });
});

describe('a bad call entry refuses the whole backup, changing nothing', () => {
  type Entry = { record: Record<string, unknown>; peaks: { channels: { min: { offset: number; crc32: number } }[] }; audio: { offset: number; bytes: number; crc32: number }[] };
  let source: Uint8Array | null = null;
  async function sample(): Promise<Uint8Array> {
    source ??= await backupOf((await withCalls()).store, { callAudio: true, reflections: true });
    return source.slice();
  }

  // A container around an edited manifest and data section (checksums of the manifest recomputed).
  async function edited(edit: (calls: Entry[], data: Uint8Array) => void): Promise<Uint8Array> {
    const { manifest, data } = decodeContainer(await sample());
    const copy = data.slice();
    edit((manifest as { calls: Entry[] }).calls, copy);
    return new Uint8Array(await new Blob(encodeContainer(manifest, [copy])).arrayBuffer());
  }

  async function expectRefused(bytes: Uint8Array, kind: BackupError['kind']): Promise<void> {
    const target = await freshStore();
    await target.putCall(callRecord('here', 1));
    const before = await dumpCalls(target);
    // In memory, and as a file read by parts.
    for (const file of [bytes, new Blob([bytes.slice()])]) {
      const error = await importBackup(target, file).then(() => null, (e: unknown) => e);
      expect(error).toBeInstanceOf(BackupError);
      expect((error as BackupError).kind).toBe(kind);
      expect((error as BackupError).message).toMatch(/\.$/);
      expect(await dumpCalls(target)).toEqual(before);
    }
  }

  it('an unreadable record (checked by restoreCall), a repeated call, or a newer call schema', async () => {
    await expectRefused(await edited((calls) => { calls[0].record.lang = 'fr'; }), 'corrupt');
    await expectRefused(await edited((calls) => { delete calls[1].record.report; }), 'corrupt');
    await expectRefused(await edited((calls) => { calls[1].record.id = calls[0].record.id; }), 'corrupt');
    await expectRefused(await edited((calls) => { calls[0].record.schemaVersion = 99; }), 'newer-version');
  });

  it('damaged peaks or audio, audio that does not add up to the record, or a file cut inside a call', async () => {
    await expectRefused(await edited((calls, data) => { data[calls[0].peaks.channels[0].min.offset + 3] ^= 0xff; }), 'corrupt');
    await expectRefused(await edited((calls, data) => { data[calls[1].audio[2].offset + 10] ^= 0xff; }), 'corrupt');
    await expectRefused(await edited((calls) => { calls[1].record.audioBytes = (calls[1].record.audioBytes as number) + 1; }), 'corrupt');
    await expectRefused(await edited((calls) => { calls[1].record.keepAudio = false; }), 'corrupt');
    await expectRefused(await edited((calls) => { calls[1].audio.reverse(); }), 'corrupt');
    const bytes = await sample();
    await expectRefused(bytes.slice(0, bytes.length - 100), 'truncated');
  });

  it('rolls back completely when writing the calls fails: storage full between audio pieces, or at the records after all the audio', async () => {
    const quota = (): never => { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };
    const target = await freshStore();
    await target.putCall(callRecord('here', 1));
    const before = await dumpCalls(target);
    // The third piece of the kept audio does not fit (one piece per write here): two are written by then.
    const bulkPut = target.db.callAudio.bulkPut.bind(target.db.callAudio);
    let pieces = 0;
    const puts = vi.spyOn(target.db.callAudio, 'bulkPut').mockImplementation((...args: Parameters<typeof bulkPut>) => (++pieces === 3 ? quota() : bulkPut(...args)));
    await expect(mergeBackup(target, unpackBackup(await sample()), { restoreBatchBytes: CALL_AUDIO_CHUNK_BYTES })).rejects.toMatchObject({ name: 'StorageError', kind: 'quota' });
    expect(pieces).toBe(3);
    expect(await dumpCalls(target)).toEqual(before);
    puts.mockRestore();
    // Every piece written, then the records' transaction fails: the pieces go again.
    vi.spyOn(target.db.calls, 'bulkAdd').mockImplementation(quota);
    await expect(importBackup(target, await sample())).rejects.toMatchObject({ name: 'StorageError', kind: 'quota' });
    expect(await dumpCalls(target)).toEqual(before);
  });
});
