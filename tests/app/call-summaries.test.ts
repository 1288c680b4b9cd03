/**
 * Call summaries (Dexie v5): written with the record on put, update and delete, in the same transaction;
 * built from the calls already stored by the v4 → v5 upgrade; read alone by the list and the storage total.
 */
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { VoiceDrillDb } from '../../src/storage/db.ts';
import {
  CALL_SUMMARY_SCHEMA_VERSION, openStore, restoreCall, restoreCallSummary, summariseCall, StorageError, type CallRecord, type VoiceDrillStore,
} from '../../src/storage/index.ts';
import { callRecord, callReport } from '../helpers/call-record.ts';

let dbCounter = 0;
const opened: VoiceDrillStore[] = [];
async function freshStore(): Promise<VoiceDrillStore> {
  const store = await openStore({ name: `voicedrill-call-summaries-${++dbCounter}` });
  opened.push(store);
  return store;
}
afterEach(() => {
  vi.restoreAllMocks();
  for (const s of opened.splice(0)) s.close();
});

// What the full records imply: the summary of every readable call, newest first.
async function implied(store: VoiceDrillStore) {
  const calls = (await store.db.calls.toArray()).flatMap((raw) => {
    try {
      return [restoreCall(raw)];
    } catch {
      return [];
    }
  });
  return calls.map(summariseCall).sort((a, b) => b.createdAt - a.createdAt);
}

async function expectInStep(store: VoiceDrillStore): Promise<void> {
  const want = await implied(store);
  expect(await store.listCallSummaries()).toEqual(want);
  expect(await store.db.callSummaries.count()).toBe(want.length);
}

describe('call summaries', () => {
  it('hold what the list shows, and stay in step after put, update and delete', async () => {
    const store = await freshStore();
    await store.putCall(callRecord('a', 1000, { report: callReport(5) }));
    await store.putCall(callRecord('b', 2000, { keepAudio: true, audioBytes: 1234, fileName: '客户 b.m4a', lang: 'zh', agentChannel: 'mono' }));
    await expectInStep(store);
    const [b, a] = await store.listCallSummaries();
    expect(a).toMatchObject({
      schemaVersion: CALL_SUMMARY_SCHEMA_VERSION, id: 'a', createdAt: 1000, fileName: 'a.wav', durationSec: 60, keepAudio: false, audioBytes: 0,
      findingCount: 5, findingCounts: { deadAir: 2, overtalk: 2, rushing: 1 }, paceRatio: 0.91, hasReflection: false, bookmarkCount: 0, drillCount: 0,
    });
    expect(a.talkShare).toEqual(callReport().talkShare);
    expect(b).toMatchObject({ id: 'b', fileName: '客户 b.m4a', lang: 'zh', agentChannel: 'mono', keepAudio: true, audioBytes: 1234, findingCount: 2 });
    // The summary holds no report and no peaks: that is the point of it.
    expect(Object.keys(a)).not.toContain('report');
    expect(Object.keys(a)).not.toContain('peaks');

    await store.updateCall('a', { reflection: { happened: 'x', felt: 'y', nextTime: 'z', updatedAt: 3 }, bookmarks: [{ id: 'm', atSec: 2, note: '', createdAt: 4 }], drillIds: ['d1', 'd2'] });
    await expectInStep(store);
    expect((await store.listCallSummaries())[1]).toMatchObject({ id: 'a', hasReflection: true, bookmarkCount: 1, drillCount: 2 });

    await store.putCall(callRecord('a', 1000, { fileName: 'renamed.wav' }));
    await expectInStep(store);
    expect((await store.listCallSummaries()).map((s) => s.fileName)).toEqual(['客户 b.m4a', 'renamed.wav']);
    expect(await store.callStorageBytes()).toEqual({ callCount: 2, audioBytes: 1234 });
  });

  it('delete removes the summary with the record and its audio', async () => {
    const store = await freshStore();
    await store.putCall(callRecord('gone', 1, { keepAudio: true, audioBytes: 10 }));
    await store.putCallAudioChunk('gone', 0, new ArrayBuffer(10));
    await store.putCall(callRecord('stays', 2));
    await store.deleteCall('gone');
    expect(await store.db.callSummaries.get('gone')).toBeUndefined();
    expect((await store.listCallSummaries()).map((s) => s.id)).toEqual(['stays']);
    expect(await store.callStorageBytes()).toEqual({ callCount: 1, audioBytes: 0 });
    await expectInStep(store);
  });

  it('writes the record and its summary together or not at all', async () => {
    const store = await freshStore();
    await store.putCall(callRecord('a', 1));
    const before = { calls: await store.db.calls.toArray(), summaries: await store.db.callSummaries.toArray() };
    vi.spyOn(store.db.callSummaries, 'put').mockImplementation(() => { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); });
    await expect(store.putCall(callRecord('b', 2))).rejects.toMatchObject({ kind: 'quota' });
    await expect(store.updateCall('a', { drillIds: ['d'] })).rejects.toMatchObject({ kind: 'quota' });
    expect({ calls: await store.db.calls.toArray(), summaries: await store.db.callSummaries.toArray() }).toEqual(before);
  });

  it('the list and the storage total read the summaries only, never a call record', async () => {
    const store = await freshStore();
    await store.putCall(callRecord('a', 1, { keepAudio: true, audioBytes: 7 }));
    const toArray = vi.spyOn(store.db.calls, 'toArray');
    const each = vi.spyOn(store.db.calls, 'each');
    const orderBy = vi.spyOn(store.db.calls, 'orderBy');
    const get = vi.spyOn(store.db.calls, 'get');
    expect((await store.listCallSummaries()).map((s) => s.id)).toEqual(['a']);
    expect(await store.callStorageBytes()).toEqual({ callCount: 1, audioBytes: 7 });
    for (const spy of [toArray, each, orderBy, get]) expect(spy).not.toHaveBeenCalled();
  });

  it('skips an unreadable summary and refuses a list holding one from a newer version', async () => {
    const store = await freshStore();
    await store.putCall(callRecord('ok', 1));
    await store.db.callSummaries.put({ id: 'broken', createdAt: 5 } as never);
    expect((await store.listCallSummaries()).map((s) => s.id)).toEqual(['ok']);
    await store.db.callSummaries.put({ ...summariseCall(callRecord('newer', 9)), schemaVersion: CALL_SUMMARY_SCHEMA_VERSION + 1 });
    await expect(store.listCallSummaries()).rejects.toMatchObject({ kind: 'newer-version' });
    expect(() => restoreCallSummary({ ...summariseCall(callRecord('x', 1)), talkShare: { agentFraction: 'half' } })).toThrow(StorageError);
    expect(() => restoreCallSummary(null)).toThrow(StorageError);
    // Optional counts missing in a stored summary are completed, not refused.
    const { findingCounts: _f, bookmarkCount: _b, ...lean } = summariseCall(callRecord('y', 1));
    expect(restoreCallSummary(lean)).toMatchObject({ findingCounts: {}, bookmarkCount: 0 });
  });
});

describe('the v4 → v5 upgrade', () => {
  it('builds a summary for every readable call already stored, leaving an unreadable one untouched', async () => {
    const name = `voicedrill-call-summaries-upgrade-${++dbCounter}`;
    const v4 = new Dexie(name);
    v4.version(1).stores({ profile: 'id', takes: 'id, drillId, status, createdAt, [drillId+createdAt]', audioChunks: '[takeId+seq], takeId' });
    v4.version(2).stores({ takeSummaries: 'id, drillId, createdAt' });
    v4.version(3).stores({ calls: 'id, createdAt', callAudio: '[callId+index], callId' });
    v4.version(4).stores({ userDrills: 'id, createdAt, sourceCallId' });
    await v4.open();
    const stored: CallRecord[] = [
      callRecord('old', 1000, { report: callReport(3) }),
      callRecord('kept', 2000, { keepAudio: true, audioBytes: 4, reflection: { happened: 'a', felt: 'b', nextTime: 'c', updatedAt: 1 } }),
    ];
    await v4.table('calls').bulkPut([...stored, { id: 'unreadable', createdAt: 3000 }]);
    await v4.table('callAudio').put({ callId: 'kept', index: 0, bytes: new ArrayBuffer(4) });
    v4.close();

    const db = new VoiceDrillDb({ name });
    await db.open();
    expect(db.verno).toBe(7);
    expect(await db.callSummaries.orderBy('createdAt').toArray()).toEqual(stored.map(summariseCall));
    expect(await db.calls.get('unreadable')).toEqual({ id: 'unreadable', createdAt: 3000 });
    expect(await db.calls.count()).toBe(3);
    expect(await db.callAudio.count()).toBe(1);
    db.close();

    const store = await openStore({ name });
    opened.push(store);
    expect((await store.listCallSummaries()).map((s) => [s.id, s.findingCount, s.hasReflection])).toEqual([['kept', 2, true], ['old', 3, false]]);
    expect(await store.callStorageBytes()).toEqual({ callCount: 2, audioBytes: 4 });
  });
});
