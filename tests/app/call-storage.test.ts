/**
 * Stored calls (Dexie v3): put, list newest first without audio, get, notes, audio kept in chunks and read
 * back as the original file, delete of the record and every chunk at once, storage use; and importCall:
 * audio stored only when asked and when it fits, a full disk (estimate or QuotaExceededError) keeps the
 * analysis only, and a failure or a cancel leaves everything saved before exactly as it was.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { callMimeType, importCall } from '../../src/calls/index.ts';
import type { CallAnalysis } from '../../src/workers/call-analysis.ts';
import { CALL_AUDIO_CHUNK_BYTES, CALL_SCHEMA_VERSION, openStore, StorageError, type CallRecord, type VoiceDrillStore } from '../../src/storage/index.ts';
import { VoiceDrillDb } from '../../src/storage/db.ts';

let dbCounter = 0;
const opened: VoiceDrillStore[] = [];
async function freshStore(): Promise<VoiceDrillStore> {
  const store = await openStore({ name: `voicedrill-calls-test-${++dbCounter}` });
  opened.push(store);
  return store;
}
afterEach(() => {
  for (const s of opened.splice(0)) s.close();
});

function analysis(findings = 2): CallAnalysis {
  const report = {
    callRulesVersion: '1', durationSec: 60, sampleRateHz: 8000, agentChannel: 'left', lang: 'en', agentSpeechFound: true, customerSpeechFound: true,
    turns: [{ speaker: 'agent', startSec: 1, endSec: 4, speechSec: 3, syllables: 12, syllablesPerSec: 4, activeLevelDbfs: -24, pitchSdSt: 2.5 }],
    talkShare: { agentSec: 30, customerSec: 20, overlapSec: 2, silenceSec: 12, agentFraction: 0.5, customerFraction: 0.33, overlapFraction: 0.03, silenceFraction: 0.2 },
    pace: { agentSyllablesPerSec: 4, customerSyllablesPerSec: 4.4, ratio: 0.91, exchanges: [] },
    responses: [], longestAgentTurnSec: 3, agentReferenceLevelDbfs: -24,
    findings: Array.from({ length: findings }, (_, k) => ({ id: 'deadAir', startSec: 10 * k, endSec: 10 * k + 4, durationSec: 4, startedBy: null, ratio: null })),
  } as unknown as CallAnalysis['report'];
  const peaks = { peaksPerSec: 50, channels: [0, 1].map(() => ({ min: Float32Array.from([-0.5, -0.25]), max: Float32Array.from([0.5, 0.25]) })) };
  return { report, peaks, durationSec: 60, sampleRateHz: 8000, channelCount: 2, agentChannel: 'left' };
}

function record(id: string, createdAt: number, over: Partial<CallRecord> = {}): CallRecord {
  const a = analysis();
  return {
    schemaVersion: CALL_SCHEMA_VERSION, id, createdAt, fileName: `${id}.wav`, fileBytes: 10, mimeType: 'audio/wav', durationSec: 60,
    sampleRateHz: 8000, channelCount: 2, agentChannel: 'left', lang: 'en', analysisVersion: 'test', report: a.report, peaks: a.peaks,
    keepAudio: false, audioBytes: 0, reflection: null, bookmarks: [], drillIds: [], ...over,
  };
}

/** A "file" of `bytes` deterministic bytes. */
function fileOf(bytes: number, name = 'call.mp3', type = 'audio/mpeg'): File {
  const data = new Uint8Array(bytes);
  for (let i = 0; i < bytes; i++) data[i] = (i * 31 + 7) & 255;
  return new File([data], name, { type });
}

async function chunkCount(store: VoiceDrillStore): Promise<number> {
  return store.db.callAudio.count();
}

describe('call storage', () => {
  it('lists calls newest first, gets one, updates notes, and survives reopening', async () => {
    const store = await freshStore();
    await store.putCall(record('a', 1000));
    await store.putCall(record('c', 3000));
    await store.putCall(record('b', 2000));
    expect((await store.listCalls()).map((c) => c.id)).toEqual(['c', 'b', 'a']);
    const b = await store.getCall('b');
    expect(b?.peaks.channels[0].max).toEqual(Float32Array.from([0.5, 0.25]));
    expect(await store.getCall('nope')).toBeNull();
    const reflection = { happened: 'angry customer', felt: 'rushed', nextTime: 'slow down', updatedAt: 5 };
    const bookmarks = [{ id: 'm1', atSec: 12.5, note: 'here', createdAt: 6 }];
    const updated = await store.updateCall('b', { reflection, bookmarks, drillIds: ['drill-1'] });
    expect(updated).toMatchObject({ reflection, bookmarks, drillIds: ['drill-1'], fileName: 'b.wav' });
    const name = store.db.name;
    store.close();
    const again = await openStore({ name });
    opened.push(again);
    expect(await again.getCall('b')).toEqual(updated);
    await expect(again.updateCall('nope', { drillIds: [] })).rejects.toMatchObject({ kind: 'not-found' });
  });

  it('refuses to store a record that is not a call, and skips unreadable rows when listing', async () => {
    const store = await freshStore();
    await expect(store.putCall({ ...record('x', 1), report: null } as unknown as CallRecord)).rejects.toBeInstanceOf(StorageError);
    await store.db.calls.put({ id: 'broken', createdAt: 5 } as unknown as CallRecord);
    await store.putCall(record('ok', 1));
    expect((await store.listCalls()).map((c) => c.id)).toEqual(['ok']);
    await store.db.calls.put({ ...record('newer', 9), schemaVersion: CALL_SCHEMA_VERSION + 1 });
    await expect(store.listCalls()).rejects.toMatchObject({ kind: 'newer-version' });
  });

  it('reads kept audio back as the original bytes and type; delete removes the record and every chunk in one go', async () => {
    const store = await freshStore();
    const file = fileOf(2 * CALL_AUDIO_CHUNK_BYTES + 123);
    const imported = await importCall({ store, file, agentChannel: 'left', lang: 'en', keepAudio: true, calibrationLevelDbfs: null, analyse: async () => analysis(), onProgress: () => undefined, storageManager: null });
    expect(imported.audioNotKept).toBeNull();
    expect(imported.call).toMatchObject({ keepAudio: true, audioBytes: file.size, fileBytes: file.size, mimeType: 'audio/mpeg', fileName: 'call.mp3' });
    expect(await chunkCount(store)).toBe(3);
    const blob = await store.loadCallAudio(imported.call.id);
    expect(blob?.type).toBe('audio/mpeg');
    // Compared as Buffers: a deep equality of two 8 MB arrays takes minutes.
    expect(Buffer.from(await blob!.arrayBuffer()).equals(Buffer.from(await file.arrayBuffer()))).toBe(true);
    expect(blob!.size).toBe(file.size);
    expect(await store.callStorageBytes()).toEqual({ callCount: 1, audioBytes: file.size });

    await store.putCall(record('other', 1));
    await store.putCallAudioChunk('other', 0, new ArrayBuffer(10));
    await store.deleteCall(imported.call.id);
    expect(await store.getCall(imported.call.id)).toBeNull();
    expect(await store.db.callAudio.where('callId').equals(imported.call.id).count()).toBe(0);
    expect(await chunkCount(store)).toBe(1);
    expect(await store.callStorageBytes()).toEqual({ callCount: 1, audioBytes: 0 });
  });

  it('says the audio is incomplete rather than playing part of it; orphan chunks are tidied', async () => {
    const store = await freshStore();
    await store.putCall(record('k', 1, { keepAudio: true, audioBytes: 20 }));
    await store.putCallAudioChunk('k', 0, new ArrayBuffer(10));
    await expect(store.loadCallAudio('k')).rejects.toMatchObject({ kind: 'corrupt' });
    await store.putCallAudioChunk('gone', 0, new ArrayBuffer(10));
    await store.putCallAudioChunk('gone', 1, new ArrayBuffer(10));
    expect(await store.removeOrphanCallAudio()).toBe(2);
    expect(await chunkCount(store)).toBe(1);
    expect(await store.loadCallAudio((await store.listCalls())[0].id).catch((e: StorageError) => e.kind)).toBe('corrupt');
    await store.putCall(record('a', 2));
    expect(await store.loadCallAudio('a')).toBeNull();
  });

  it('upgrades a version 2 database to the current version keeping its takes', async () => {
    const name = `voicedrill-calls-upgrade-${++dbCounter}`;
    const { Dexie } = await import('dexie');
    const v2 = new Dexie(name);
    v2.version(1).stores({ profile: 'id', takes: 'id, drillId, status, createdAt, [drillId+createdAt]', audioChunks: '[takeId+seq], takeId' });
    v2.version(2).stores({ takeSummaries: 'id, drillId, createdAt' });
    await v2.open();
    await v2.table('profile').put({ id: 'me', schemaVersion: 2, scriptLang: 'en', uiLang: 'en' });
    v2.close();
    const db = new VoiceDrillDb({ name });
    await db.open();
    expect(db.verno).toBe(7);
    expect(await db.profile.count()).toBe(1);
    expect(await db.calls.count()).toBe(0);
    db.close();
  });
});

describe('importCall', () => {
  it('stores the MIME type the browser gave, else the one of the file’s extension, for playback', () => {
    expect(callMimeType({ name: 'a.wav', type: 'audio/x-wav' })).toBe('audio/x-wav');
    expect(callMimeType({ name: 'Call 12.M4A', type: '' })).toBe('audio/mp4');
    expect(callMimeType({ name: 'recorder.aac', type: '' })).toBe('audio/aac');
    expect(callMimeType({ name: 'b.opus', type: '' })).toBe('audio/ogg');
    expect(callMimeType({ name: 'noext', type: '' })).toBe('');
  });

  const base = { agentChannel: 'right' as const, lang: 'zh' as const, calibrationLevelDbfs: -22, onProgress: () => undefined };

  it('keeps the analysis only when asked, with what the analysis was given', async () => {
    const store = await freshStore();
    let given: unknown = null;
    const imported = await importCall({ ...base, store, file: fileOf(1000), keepAudio: false, storageManager: null, now: () => 42, analyse: async (_f, o) => { given = o; return { ...analysis(3), agentChannel: o.agentChannel }; } });
    expect(given).toEqual({ agentChannel: 'right', lang: 'zh', calibrationLevelDbfs: -22 });
    expect(imported.call).toMatchObject({ keepAudio: false, audioBytes: 0, createdAt: 42, agentChannel: 'right', lang: 'zh', durationSec: 60 });
    expect(imported.call.report.findings).toHaveLength(3);
    expect(await chunkCount(store)).toBe(0);
  });

  it('keeps the analysis only, and says so, when the estimate says the audio would not fit', async () => {
    const store = await freshStore();
    const manager = { estimate: async () => ({ usage: 100, quota: 100 + 5_000_000 }) };
    const imported = await importCall({ ...base, store, file: fileOf(40_000_000), keepAudio: true, storageManager: manager, analyse: async () => analysis() });
    expect(imported.audioNotKept).toBe('quota');
    expect(imported.call.keepAudio).toBe(false);
    expect(await chunkCount(store)).toBe(0);
  });

  it('keeps the analysis only when a chunk hits QuotaExceededError, removing the chunks written before it', async () => {
    const store = await freshStore();
    await store.putCall(record('before', 1, { keepAudio: true, audioBytes: 10 }));
    await store.putCallAudioChunk('before', 0, new ArrayBuffer(10));
    let writes = 0;
    const put = store.db.callAudio.put.bind(store.db.callAudio);
    store.db.callAudio.put = ((row: never) => {
      if (++writes > 1) return Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
      return put(row);
    }) as typeof store.db.callAudio.put;
    const imported = await importCall({ ...base, store, file: fileOf(3 * CALL_AUDIO_CHUNK_BYTES), keepAudio: true, storageManager: null, analyse: async () => analysis() });
    expect(imported).toMatchObject({ audioNotKept: 'quota', call: { keepAudio: false, audioBytes: 0 } });
    expect(await store.db.callAudio.where('callId').equals(imported.call.id).count()).toBe(0);
    expect(new Uint8Array(await (await store.loadCallAudio('before'))!.arrayBuffer())).toHaveLength(10);
  });

  it('changes nothing saved when the analysis fails, when cancelled, or when the record cannot be written', async () => {
    const store = await freshStore();
    await store.putCall(record('before', 1));
    const snapshot = async (): Promise<unknown> => ({ calls: await store.db.calls.toArray(), audio: await store.db.callAudio.toArray() });
    const was = await snapshot();
    await expect(importCall({ ...base, store, file: fileOf(10), keepAudio: true, storageManager: null, analyse: async () => { throw new Error('corrupt'); } })).rejects.toThrow('corrupt');
    const controller = new AbortController();
    const cancelled = importCall({ ...base, store, file: fileOf(CALL_AUDIO_CHUNK_BYTES * 2), keepAudio: true, storageManager: null, signal: controller.signal, analyse: async () => { controller.abort(); return analysis(); } });
    await expect(cancelled).rejects.toMatchObject({ name: 'AbortError' });
    store.db.calls.put = (() => Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))) as unknown as typeof store.db.calls.put;
    await expect(importCall({ ...base, store, file: fileOf(CALL_AUDIO_CHUNK_BYTES + 5), keepAudio: true, storageManager: null, analyse: async () => analysis() }))
      .rejects.toMatchObject({ kind: 'quota' });
    expect(await snapshot()).toEqual(was);
  });
});
