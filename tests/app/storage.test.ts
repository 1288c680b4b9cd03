import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ANALYSIS_VERSION, roundReport } from '../../src/analysis/index.ts';
import { toFileReport } from '../../src/analysis/report-json.ts';
import { findBuiltInDrill, renderDrill, type Drill } from '../../src/drills/index.ts';
import {
  baselineIsStale, floatToInt16, int16ToFloat, isStorageError, needsReanalysis, openStore, putSummaries, SCHEMA_VERSION, StorageError,
  type TakeRecord, type VoiceDrillStore,
} from '../../src/storage/index.ts';
import { makeReport } from './report-fixture.ts';
import { personalBest, previousTake } from '../../src/takes/index.ts';
import { fillsBoth } from '../helpers/profile.ts';

const RATE_HZ = 48000;
let dbCounter = 0;
const opened: VoiceDrillStore[] = [];

async function freshStore(name = `voicedrill-test-${++dbCounter}`): Promise<VoiceDrillStore> {
  const store = await openStore({ name });
  opened.push(store);
  return store;
}

afterEach(() => {
  vi.restoreAllMocks();
  for (const s of opened.splice(0)) s.close();
});

function drill(id = 'zh-greeting4'): Drill {
  const d = findBuiltInDrill(id);
  if (d === null) throw new Error(id);
  return d;
}

// One second of deterministic "speech-like" samples in [−1, 1], full scale included.
function chunk(seed: number, lengthSamples = RATE_HZ): Float32Array {
  const out = new Float32Array(lengthSamples);
  let x = seed * 7919 + 1;
  for (let i = 0; i < lengthSamples; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out[i] = 0.6 * Math.sin((2 * Math.PI * 220 * i) / RATE_HZ) + 0.4 * (x / 1073741824 - 1);
  }
  out[0] = 1;
  out[1] = -1;
  out[2] = 0;
  return out;
}

async function newTake(store: VoiceDrillStore, d = drill(), createdAt?: Date) {
  return store.createTake({ drill: d, script: renderDrill(d, { name: '李雷', company: '蓝天航空' }).script, sampleRateHz: RATE_HZ, createdAt });
}

function quotaOnChunkPut(): void {
  const proto = (globalThis as unknown as { IDBObjectStore: { prototype: { put: (...a: unknown[]) => unknown; name: string } } }).IDBObjectStore.prototype;
  const realPut = proto.put;
  vi.spyOn(proto, 'put').mockImplementation(function (this: { name: string }, ...args: unknown[]) {
    if (this.name === 'audioChunks') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    return realPut.apply(this, args);
  });
}

describe('PCM', () => {
  it('stores Float32 as Int16 within one LSB, keeping full scale exact', () => {
    const x = chunk(3, 4096);
    const y = int16ToFloat(floatToInt16(x));
    for (let i = 0; i < x.length; i++) expect(Math.abs(y[i] - x[i])).toBeLessThanOrEqual(1 / 32767);
    expect([y[0], y[1], y[2]]).toEqual([1, -1, 0]);
    expect(Array.from(floatToInt16(new Float32Array([1.5, -2, Number.NaN])))).toEqual([32767, -32768, 0]);
  });
});

describe('crash recovery', () => {
  it('finds a take left recording after a crash and recovers its five seconds of audio', async () => {
    const name = `voicedrill-crash-${++dbCounter}`;
    const before = await freshStore(name);
    const take = await newTake(before);
    const sent = [0, 1, 2, 3, 4].map((i) => chunk(i));
    for (const [seq, samples] of sent.entries()) await before.appendAudioChunk(take.id, seq, samples);
    // Crash: finishTake is never called and the connection is simply abandoned.

    const after = await freshStore(name);
    const interrupted = await after.findInterrupted();
    expect(interrupted).toHaveLength(1);
    expect(interrupted[0].take.id).toBe(take.id);
    expect(interrupted[0].chunkCount).toBe(5);
    expect(interrupted[0].recoveredDurationSec).toBeCloseTo(5, 9);

    const recovered = await after.recoverTake(take.id);
    expect(recovered.status).toBe('recorded');
    expect(recovered.durationSec).toBe(5);
    // Only what was saved before the interruption: incomplete, not counted unless the agent says so.
    expect(recovered).toMatchObject({ incomplete: true, countAnyway: false });
    expect(await after.getTake(take.id)).toMatchObject({ incomplete: true, countAnyway: false });
    expect(await after.setCountAnyway(take.id, true)).toMatchObject({ incomplete: true, countAnyway: true });
    expect(await after.getTake(take.id)).toMatchObject({ countAnyway: true });
    expect(await after.findInterrupted()).toEqual([]);

    const audio = await after.loadTakeAudio(take.id);
    expect(audio).toHaveLength(5 * RATE_HZ);
    let maxErr = 0;
    sent.forEach((c, k) => c.forEach((v, i) => { maxErr = Math.max(maxErr, Math.abs(audio[k * RATE_HZ + i] - v)); }));
    expect(maxErr).toBeLessThanOrEqual(1 / 32767);
    // Bit-exact against the documented Int16 round trip.
    expect(audio.subarray(0, RATE_HZ)).toEqual(int16ToFloat(floatToInt16(sent[0])));
  });

  it('marks an interrupted take without audio as failed', async () => {
    const store = await freshStore();
    const take = await newTake(store);
    const [found] = await store.findInterrupted();
    expect(found.recoveredDurationSec).toBe(0);
    const recovered = await store.recoverTake(take.id);
    expect(recovered.status).toBe('failed');
    expect(recovered.failure).toMatch(/before any audio/);
  });
});

describe('a full disk', () => {
  it('fails the write with a quota error and leaves earlier chunks and other takes intact', async () => {
    const store = await freshStore();
    const done = await newTake(store, drill(), new Date('2026-01-01T09:00:00Z'));
    await store.appendAudioChunk(done.id, 0, chunk(10));
    await store.appendAudioChunk(done.id, 1, chunk(11));
    await store.finishTake(done.id, 2);
    const live = await newTake(store, drill(), new Date('2026-01-01T10:00:00Z'));
    for (const seq of [0, 1, 2]) await store.appendAudioChunk(live.id, seq, chunk(20 + seq));
    const doneAudio = await store.loadTakeAudio(done.id);
    const liveAudio = await store.loadTakeAudio(live.id);

    quotaOnChunkPut();
    const error = await store.appendAudioChunk(live.id, 3, chunk(23)).catch((e: unknown) => e);
    expect(isStorageError(error, 'quota')).toBe(true);
    expect((error as StorageError).message).toMatch(/^Could not save the latest second of audio: the device is out of storage space/);
    vi.restoreAllMocks();

    expect(await store.loadTakeAudio(done.id)).toEqual(doneAudio);
    expect(await store.loadTakeAudio(live.id)).toEqual(liveAudio);
    expect((await store.getTake(live.id))?.status).toBe('recording');
    expect((await store.listTakes()).map((t) => t.id)).toEqual([live.id, done.id]);
    // The recorder stops; the take is recovered with what was saved.
    expect((await store.recoverTake(live.id)).durationSec).toBe(3);
  });

  it('refuses audio for a finished or missing take', async () => {
    const store = await freshStore();
    const take = await newTake(store);
    await store.finishTake(take.id, 0);
    await expect(store.appendAudioChunk(take.id, 0, chunk(1, 10))).rejects.toThrow(/already recorded/);
    await expect(store.appendAudioChunk('nope', 0, chunk(1, 10))).rejects.toMatchObject({ kind: 'not-found' });
  });
});

describe('restore', () => {
  it('migrates a schema-0 take and a partial one on load', async () => {
    const store = await freshStore();
    const report = makeReport({ rate: ['good', 200] });
    await store.db.takes.bulkPut([
      { id: 'old-1', drillId: 'zh-greeting3', createdAt: Date.UTC(2025, 0, 2), sampleRate: 44100, duration: 3.5, report } as never,
      { id: 'old-2', drillId: 'zh-greeting3', sampleRateHz: 16000, status: 'analysed', report: { broken: true }, name: '  ' } as never,
    ]);
    const old1 = await store.getTake('old-1');
    expect(old1).toMatchObject({
      schemaVersion: SCHEMA_VERSION, id: 'old-1', createdAt: '2025-01-02T00:00:00.000Z', sampleRateHz: 44100, durationSec: 3.5,
      status: 'analysed', analysisVersion: ANALYSIS_VERSION, drill: null, script: '', name: null, failure: null,
    });
    expect(old1?.report).toEqual(report);
    const old2 = await store.getTake('old-2');
    // A report that is not a report is dropped, never shown: the take goes back to 'recorded'.
    expect(old2).toMatchObject({ status: 'recorded', report: null, analysisVersion: null, durationSec: null, createdAt: '1970-01-01T00:00:00.000Z' });
    expect(old1 && needsReanalysis({ ...old1, analysisVersion: '0.9.0' })).toBe(true);
  });

  it('refuses a record from a newer schema with a clear error, and leaves it untouched', async () => {
    const store = await freshStore();
    const future = { schemaVersion: SCHEMA_VERSION + 1, id: 'future', drillId: 'zh-greeting3', sampleRateHz: 48000, hologram: true };
    await store.db.takes.put(future as never);
    const error = await store.getTake('future').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect(error).toMatchObject({ kind: 'newer-version' });
    expect((error as Error).message).toMatch(/newer version of VoiceDrill \(schema 3; this version reads up to 2\)/);
    await expect(store.listTakes()).rejects.toMatchObject({ kind: 'newer-version' });
    expect(await store.db.takes.get('future')).toEqual(future);
  });

  it('skips an unreadable take in lists and keeps the others', async () => {
    const store = await freshStore();
    const good = await newTake(store);
    await store.db.takes.put({ id: 'junk', drillId: 'x' } as never); // no sample rate: its audio cannot be read
    expect((await store.listTakes()).map((t) => t.id)).toEqual([good.id]);
    await expect(store.getTake('junk')).rejects.toMatchObject({ kind: 'corrupt' });
  });

  it('migrates schema 1: one name and company fill both script languages; takes are complete and not counted anyway', async () => {
    const store = await freshStore();
    await store.db.profile.put({ schemaVersion: 1, id: 'me', name: 'Sam', company: 'Riverside Bank', scriptLang: 'en', uiLang: 'en', baseline: null } as never);
    expect((await store.getProfile())?.fills).toEqual({ zh: { name: 'Sam', company: 'Riverside Bank' }, en: { name: 'Sam', company: 'Riverside Bank' } });
    await store.db.takes.put({
      schemaVersion: 1, id: 'v1', drillId: 'zh-greeting3', drill: null, script: '', createdAt: '2026-01-01T00:00:00.000Z', status: 'recorded',
      sampleRateHz: 48000, durationSec: 3, report: null, analysisVersion: null, name: null, failure: null,
    } as never);
    expect(await store.getTake('v1')).toMatchObject({ schemaVersion: SCHEMA_VERSION, incomplete: false, countAnyway: false });
    // Schema 2 keeps one fill per language, and the flags as stored.
    const saved = await store.saveProfile({
      fills: { zh: { name: '王芳', company: '星河银行' }, en: { name: 'Fang Wang', company: 'Galaxy Bank' } }, scriptLang: 'zh', uiLang: 'zh-CN', baseline: null,
    });
    expect((await store.getProfile())?.fills).toEqual(saved.fills);
    expect(saved.fills.en.name).toBe('Fang Wang');
  });

  it('saves and migrates the profile', async () => {
    const store = await freshStore();
    expect(await store.getProfile()).toBeNull();
    await store.db.profile.put({ id: 'me', name: ' 王芳 ', lang: 'zh', baseline: { medianHz: 220, activeLevelDbfs: -24 } } as never);
    const migrated = await store.getProfile();
    expect(migrated).toEqual({
      fills: fillsBoth('王芳', ''), scriptLang: 'zh', uiLang: 'zh-CN',
      baseline: { medianHz: 220, activeLevelDbfs: -24, recordedAt: null, analysisVersion: null },
    });
    expect(migrated?.baseline && baselineIsStale(migrated.baseline)).toBe(true);
    const saved = await store.saveProfile({
      fills: fillsBoth('Sam', 'Riverside Bank'), scriptLang: 'en', uiLang: 'en',
      baseline: { medianHz: 130.5, activeLevelDbfs: -21.25, recordedAt: '2026-02-01T08:00:00.000Z', analysisVersion: ANALYSIS_VERSION },
    });
    expect(await store.getProfile()).toEqual(saved);
    expect((await store.db.profile.get('me'))?.schemaVersion).toBe(SCHEMA_VERSION);
  });
});

describe('previous take and personal best', () => {
  it('compare with the right takes', async () => {
    const store = await freshStore();
    const d = drill();
    const at = (h: number) => new Date(Date.UTC(2026, 0, 1, h));
    const add = async (h: number, verdicts: Parameters<typeof makeReport>[0] | null, version = ANALYSIS_VERSION, ofDrill = d) => {
      const take = await newTake(store, ofDrill, at(h));
      await store.appendAudioChunk(take.id, 0, chunk(h, 100));
      await store.finishTake(take.id, 100 / RATE_HZ);
      if (verdicts) await store.saveReport(take.id, makeReport(verdicts, { analysisVersion: version }));
      return take.id;
    };
    const t1 = await add(1, { rate: ['good', 200], volume: ['good', -20], pauses: ['low', 0.05] }); // 2 good, 1 red
    const t2 = await add(2, { rate: ['good', 210], volume: ['good', -21], pauses: ['borderline', 0.9] }); // 2 good, 0 red
    const t3 = await add(3, null); // recorded, not analysed
    const t4 = await add(4, { rate: ['good', 220], volume: ['good', -22], pauses: ['good', 0.5] }, '0.0.1'); // old analysis
    const t5 = await add(5, { rate: ['good', 205], volume: ['good', -19], pauses: ['borderline', 0.85] }); // ties t2
    const other = await add(6, { rate: ['good', 1], volume: ['good', 1], pauses: ['good', 1], pitchVariety: ['good', 3] }, ANALYSIS_VERSION, drill('en-greeting3'));

    expect((await previousTake(store, d.id, t5))?.id).toBe(t4);
    expect((await previousTake(store, d.id, t3))?.id).toBe(t2);
    expect(await previousTake(store, d.id, t1)).toBeNull();
    expect((await personalBest(store, d.id))?.id).toBe(t2);
    expect((await personalBest(store, d.id, { excludeTakeId: t2 }))?.id).toBe(t5);
    expect((await personalBest(store, d.id, { analysisVersion: '0.0.1' }))?.id).toBe(t4);
    // An incomplete (recovered) take is never the best until the agent counts it.
    // (As recoverTake marks it; written with its summary, as every store write is.)
    const incomplete = { ...(await store.getTake(t2)), incomplete: true } as TakeRecord;
    await store.db.transaction('rw', store.db.takes, store.db.takeSummaries, async () => {
      await store.db.takes.put(incomplete);
      await putSummaries(store.db, [incomplete]);
    });
    store.invalidateSummaries();
    expect((await personalBest(store, d.id))?.id).toBe(t5);
    await store.setCountAnyway(t2, true);
    expect((await personalBest(store, d.id))?.id).toBe(t2);
    expect((await store.listTakes({ drillId: d.id, status: 'analysed', order: 'oldest' })).map((t) => t.id)).toEqual([t1, t2, t4, t5]);
    expect((await store.listTakes({ limit: 2 })).map((t) => t.id)).toEqual([other, t5]);

    // Reports are stored as analyzeToJson gives them (rounded once there, as the CLI prints them), without the file label.
    const raw = makeReport({ rate: ['good', 201.26], volume: ['good', -20.123] }, { durationSec: 1.23456 });
    const saved = await store.saveReport(t3, toFileReport(raw, t3));
    expect(saved.report?.verdicts.slice(0, 2).map((v) => v.value)).toEqual([201.3, -20.12]);
    expect(saved.report?.durationSec).toBe(1.235);
    const reread = (await store.getTake(t3))?.report;
    expect(reread).toEqual(roundReport(raw));
    expect(JSON.stringify(reread)).toBe(JSON.stringify(roundReport(raw)));
    // Not rounded a second time: what is given is what is stored.
    const given = await store.saveReport(t3, raw);
    expect(given.report).toBe(raw);
    expect((await store.getTake(t3))?.report?.durationSec).toBe(1.23456);

    await store.deleteTake(t2);
    expect(await store.getTake(t2)).toBeNull();
    expect(await store.db.audioChunks.where('takeId').equals(t2).count()).toBe(0);
    // t3 (now analysed) and t5 tie: the earlier one is the best.
    expect((await personalBest(store, d.id))?.id).toBe(t3);
  });
});

describe('rename', () => {
  it('stores a trimmed name, clears it when empty, keeps everything else, and refuses unknown or too-long input', async () => {
    const store = await freshStore();
    const d = drill();
    const take = await store.createTake({ drill: d, script: renderDrill(d, { name: 'A', company: 'B' }).script, sampleRateHz: RATE_HZ });
    await store.appendAudioChunk(take.id, 0, chunk(1));
    const before = await store.finishTake(take.id, 1);
    const renamed = await store.renameTake(take.id, '  Monday   try ');
    expect(renamed).toEqual({ ...before, name: 'Monday try' });
    expect(await store.getTake(take.id)).toEqual(renamed);
    expect((await store.renameTake(take.id, '')).name).toBeNull();
    expect(await store.loadTakeAudio(take.id)).toHaveLength(RATE_HZ);
    await expect(store.renameTake(take.id, 'x'.repeat(81))).rejects.toBeInstanceOf(RangeError);
    await expect(store.renameTake('take-missing', 'x')).rejects.toMatchObject({ kind: 'not-found' });
  });
});

describe('opening', () => {
  it('turns an unusable IndexedDB into an "unavailable" error', async () => {
    const broken = { open: () => { throw new DOMException('Storage is disabled.', 'SecurityError'); } };
    const error = await openStore({ name: 'voicedrill-broken', indexedDB: broken }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'unavailable' });
    expect((error as Error).message).toMatch(/^Could not open the VoiceDrill database: this browser does not let the site store data/);
  });
});
