import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { type AnalysisReport } from '../../src/analysis/index.ts';
import { exportBackup, importBackup } from '../../src/backup/index.ts';
import { findBuiltInDrill, renderDrill, type Drill } from '../../src/drills/index.ts';
import {
  openStore, restoreSummary, restoreTake, summarise, takeOrder, StorageError, SUMMARY_SCHEMA_VERSION,
  type TakeRecord, type VoiceDrillStore,
} from '../../src/storage/index.ts';
import { makeReport } from './report-fixture.ts';

const RATE_HZ = 16000;
let dbCounter = 0;
const opened: VoiceDrillStore[] = [];

async function freshStore(name = `voicedrill-summaries-${++dbCounter}`): Promise<VoiceDrillStore> {
  const store = await openStore({ name });
  opened.push(store);
  return store;
}

afterEach(() => {
  for (const s of opened.splice(0)) s.close();
});

const drill = (id: string): Drill => findBuiltInDrill(id) as Drill;

async function newTake(store: VoiceDrillStore, id: string, d = drill('zh-greeting3'), createdAt = new Date('2026-11-20T09:00:00Z')): Promise<TakeRecord> {
  return store.createTake({ id, drill: d, script: renderDrill(d, { name: '李雷', company: '蓝天航空' }).script, sampleRateHz: RATE_HZ, createdAt });
}

// What the full records imply: the summary of every readable take, oldest first.
async function impliedSummaries(store: VoiceDrillStore) {
  const readable = (await store.db.takes.toArray()).flatMap((raw) => {
    try {
      return [restoreTake(raw)];
    } catch {
      return [];
    }
  });
  return readable.map(summarise).sort(takeOrder);
}

// The summaries stored, read fresh (no cache), and what the store hands out.
async function expectInStep(store: VoiceDrillStore): Promise<void> {
  const implied = await impliedSummaries(store);
  expect((await store.db.takeSummaries.toArray()).sort(takeOrder)).toEqual(implied);
  expect(await store.listSummaries()).toEqual(implied);
}

const report = (rate: number, extra: Partial<AnalysisReport> = {}): AnalysisReport =>
  makeReport({ rate: ['good', rate], volume: ['low', -33.5], pauses: ['good', 0.4] }, extra);

describe('take summaries stay in step with the takes', () => {
  it('after create, chunks, finish, saveReport, fail, rename, delete and clear', async () => {
    const store = await freshStore();
    await expectInStep(store);
    await newTake(store, 'a');
    await newTake(store, 'b', drill('en-greeting4'), new Date('2026-11-21T09:00:00Z'));
    await expectInStep(store);
    expect((await store.listSummaries()).map((s) => [s.id, s.status, s.lang, s.drillTitle?.en])).toEqual([
      ['a', 'recording', 'zh', drill('zh-greeting3').title.en], ['b', 'recording', 'en', drill('en-greeting4').title.en],
    ]);
    await store.appendAudioChunk('a', 0, new Float32Array(RATE_HZ).fill(0.1));
    await store.finishTake('a', 1);
    await expectInStep(store);
    expect((await store.listSummaries())[0]).toMatchObject({ status: 'recorded', durationSec: 1, verdicts: [] });
    await store.saveReport('a', report(201.3));
    await expectInStep(store);
    const a = (await store.listSummaries())[0];
    expect(a).toMatchObject({ status: 'analysed', speechFound: true, perMinuteUnit: 'chars/min', analysisVersion: report(1).analysisVersion });
    expect(a.verdicts.find((v) => v.guideline === 'rate')).toEqual({
      guideline: 'rate', value: 201.3, unit: 'chars/min', status: 'good', band: { goodMin: drill('zh-greeting3').bands.rate.goodMin, goodMax: drill('zh-greeting3').bands.rate.goodMax },
    });
    expect(a.verdicts.find((v) => v.guideline === 'volume')).toMatchObject({ value: -33.5, status: 'low' });
    await store.failTake('b', 'The microphone stopped.');
    await store.renameTake('a', '  First   try ');
    await expectInStep(store);
    expect((await store.listSummaries()).map((s) => [s.id, s.status, s.name])).toEqual([['a', 'analysed', 'First try'], ['b', 'failed', null]]);
    await store.deleteTake('b');
    await expectInStep(store);
    expect((await store.listSummaries()).map((s) => s.id)).toEqual(['a']);
    await store.clearTakes();
    await expectInStep(store);
    expect(await store.listSummaries()).toEqual([]);
  });

  it('after recovering interrupted takes (with and without audio)', async () => {
    const store = await freshStore();
    await newTake(store, 'with-audio');
    await newTake(store, 'empty', drill('zh-greeting3'), new Date('2026-11-21T09:00:00Z'));
    await store.appendAudioChunk('with-audio', 0, new Float32Array(RATE_HZ / 2).fill(0.2));
    await store.recoverTake('with-audio');
    await store.recoverTake('empty');
    await expectInStep(store);
    expect((await store.listSummaries()).map((s) => [s.id, s.status, s.durationSec])).toEqual([['with-audio', 'recorded', 0.5], ['empty', 'failed', 0]]);
  });

  it('after a backup import (new takes, and results replaced by newer ones)', async () => {
    const source = await freshStore();
    await newTake(source, 'x');
    await source.finishTake('x', 0);
    await source.saveReport('x', report(220));
    await newTake(source, 'y', drill('zh-greeting4'), new Date('2026-11-22T09:00:00Z'));
    await source.finishTake('y', 0);
    await source.saveReport('y', report(230, { analysisVersion: '99.0.0' }));
    const target = await freshStore();
    await newTake(target, 'y', drill('zh-greeting4'), new Date('2026-11-22T09:00:00Z'));
    await target.finishTake('y', 0);
    await target.saveReport('y', report(150));
    const before = await target.listSummaries();
    const { blob } = await exportBackup(source, new Date('2026-11-23T12:00:00Z'));
    expect(await importBackup(target, new Uint8Array(await blob.arrayBuffer()))).toMatchObject({ added: 1, updated: 1 });
    await expectInStep(target);
    const after = await target.listSummaries();
    expect(after).not.toBe(before);
    expect(after.map((s) => [s.id, s.analysisVersion, s.verdicts.find((v) => v.guideline === 'rate')?.value])).toEqual([['x', report(1).analysisVersion, 220], ['y', '99.0.0', 230]]);
  });

  it('hand out one read until a write makes it stale', async () => {
    const store = await freshStore();
    await newTake(store, 'a');
    const first = store.listSummaries();
    expect(store.listSummaries()).toBe(first);
    await first;
    await store.renameTake('a', 'Named');
    const second = store.listSummaries();
    expect(second).not.toBe(first);
    expect((await second)[0].name).toBe('Named');
    // A write through Dexie directly (another module, another tab) is noticed too.
    await store.db.takeSummaries.delete('a');
    await expect.poll(async () => (await store.listSummaries()).length).toBe(0);
  });
});

describe('restoring summaries', () => {
  const good = (): Record<string, unknown> => ({
    schemaVersion: SUMMARY_SCHEMA_VERSION, id: 't', drillId: 'zh-greeting3', drillTitle: { 'zh-CN': '三段式', en: 'Three-part' }, createdAt: '2026-11-20T09:00:00.000Z',
    status: 'analysed', analysisVersion: '1.0.0', name: null, durationSec: 4, lang: 'zh', perMinuteUnit: 'chars/min', speechFound: true,
    incomplete: false, countAnyway: false,
    verdicts: [{ guideline: 'rate', value: 200, unit: 'chars/min', status: 'good', band: { goodMin: 180, goodMax: 240 } }],
  });

  it('refuse a newer schema and reject incomplete rows; listSummaries skips those', async () => {
    expect(restoreSummary(good())).toEqual(good());
    expect(() => restoreSummary({ ...good(), schemaVersion: SUMMARY_SCHEMA_VERSION + 1 })).toThrow(expect.objectContaining({ kind: 'newer-version' }));
    for (const broken of [{ ...good(), id: undefined }, { ...good(), createdAt: 'soon' }, { ...good(), status: 'done' }, { ...good(), verdicts: null }, { ...good(), schemaVersion: undefined }, 'text']) {
      expect(() => restoreSummary(broken)).toThrow(StorageError);
    }
    // A bad verdict is dropped, the rest kept.
    expect(restoreSummary({ ...good(), verdicts: [{ guideline: 'rate', status: 'great' }, ...(good().verdicts as unknown[])] }).verdicts).toHaveLength(1);
    const store = await freshStore();
    await store.db.takeSummaries.bulkPut([good() as never, { ...good(), id: 'u', status: 42 } as never]);
    expect((await store.listSummaries()).map((s) => s.id)).toEqual(['t']);
  });
});

describe('the v1 → v2 upgrade', () => {
  it('builds a summary for every readable take already stored', async () => {
    const name = `voicedrill-upgrade-${++dbCounter}`;
    const v1 = new Dexie(name);
    v1.version(1).stores({ profile: 'id', takes: 'id, drillId, status, createdAt, [drillId+createdAt]', audioChunks: '[takeId+seq], takeId' });
    const d = drill('en-greeting3');
    // A record of schema 1 (before incomplete/countAnyway), as an older app stored it.
    const analysed: Omit<TakeRecord, 'incomplete' | 'countAnyway'> = {
      schemaVersion: 1, id: 'old-1', drillId: d.id, drill: d, script: d.template, createdAt: '2026-10-01T09:00:00.000Z', status: 'analysed',
      sampleRateHz: RATE_HZ, durationSec: 4.2, report: report(140, { lang: 'en' }), analysisVersion: report(1).analysisVersion, name: 'Old', failure: null,
    };
    // Schema 0 (before versioning): epoch ms, no status; and one row that cannot be read at all.
    const schema0 = { id: 'old-0', drillId: 'zh-greeting3', createdAt: Date.UTC(2026, 8, 1), sampleRate: 8000, duration: 3 };
    await v1.table('takes').bulkPut([analysed, schema0, { id: 'broken' }]);
    v1.close();
    const store = await freshStore(name);
    const summaries = await store.listSummaries();
    expect(summaries.map((s) => [s.id, s.status])).toEqual([['old-0', 'recorded'], ['old-1', 'analysed']]);
    expect(summaries[1]).toEqual(summarise(restoreTake(analysed)));
    expect(summaries[1].verdicts.find((v) => v.guideline === 'rate')).toMatchObject({ value: 140, unit: 'wpm', band: { goodMin: d.bands.rate.goodMin, goodMax: d.bands.rate.goodMax } });
    expect(await store.db.takes.count()).toBe(3); // the unreadable take is left untouched
    await expectInStep(store);
  });
});
