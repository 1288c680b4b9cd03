/**
 * The progress page's first-paint snapshot (docs/adr/0009-first-paint.md): what the live page stores is what
 * start-up reads back, anything else reads as no snapshot, and every change that could make it show something
 * no longer true (a delete, the profile, a drill, all data) forgets it, through the store and in one place.
 */
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deleteAllData } from '../../src/backup/index.ts';
import { findBuiltInDrill, renderDrill, type Drill } from '../../src/drills/index.ts';
import { progressSnapshotOf } from '../../src/features/progress/progress-draw.ts';
import { buildProgress } from '../../src/features/progress/progress-model.ts';
import { PROGRESS_SNAPSHOT_KEY, readProgressSnapshot, writeProgressSnapshot, type HeaderSnapshot, type ProgressSnapshot } from '../../src/features/progress/progress-snapshot.ts';
import { DB_NAME, defaultProfile, openStore, SCHEMA_VERSION, summarise, type VoiceDrillStore } from '../../src/storage/index.ts';
import { clearFirstPaints, FIRST_PAINT_KEY_PREFIX } from '../../src/storage/first-paint-cache.ts';
import { makeReport } from './report-fixture.ts';
import { MemoryStorage } from './memory-storage.ts';

const HEADER: HeaderSnapshot = { title: 'VoiceDrill', tagline: 'Tone, pace and volume', nav: [{ label: 'Practice', current: false }, { label: 'Progress', current: true }], langLabel: 'Language', langName: 'English' };

function snapshotOf(takeCount: number): ProgressSnapshot {
  const drill = findBuiltInDrill('en-greeting4') as Drill;
  const takes = Array.from({ length: takeCount }, (_, i) => {
    const report = makeReport({ rate: ['good', 130 + i], volume: ['good', -20] }, { lang: 'en' });
    return summarise({
      schemaVersion: SCHEMA_VERSION, id: `t${i}`, drillId: drill.id, drill, script: '', createdAt: new Date(Date.UTC(2026, 10, 1 + (i % 20), 9, i)).toISOString(),
      status: 'analysed', sampleRateHz: 48000, durationSec: 4, report, analysisVersion: report.analysisVersion, name: null, failure: null, incomplete: false, countAnyway: false,
    });
  });
  const model = buildProgress(takes, { uiLang: 'en', now: new Date(2026, 10, 23) });
  const snapshot = progressSnapshotOf(model, 'en', HEADER, 'build-1');
  if (!snapshot) throw new Error('no snapshot');
  return snapshot;
}

describe('the progress snapshot', () => {
  it('is the live page\'s top and first chart, read back whole by the build that wrote it, and by no other', () => {
    const storage = new MemoryStorage();
    const snapshot = snapshotOf(30);
    expect(snapshot.takeCount).toBe(30);
    expect(snapshot.chart.draw.data[0]).toHaveLength(30);
    expect(snapshot.chart.draw.dayLabels).toHaveLength(30);
    expect(snapshot.heading).toBe('Progress');
    expect(snapshot.bests?.items).toHaveLength(1);
    writeProgressSnapshot(storage, snapshot);
    expect(readProgressSnapshot(storage, 'build-1')).toEqual(snapshot);
    expect(readProgressSnapshot(storage, 'build-2')).toBeNull();
    writeProgressSnapshot(storage, null);
    expect(storage.items.has(PROGRESS_SNAPSHOT_KEY)).toBe(false);
  });

  it('is none for a page without charts (no analysed take)', () => {
    const model = buildProgress([], { uiLang: 'en' });
    expect(progressSnapshotOf(model, 'en', HEADER, 'build-1')).toBeNull();
  });

  it('reads a damaged or reshaped value as no snapshot', () => {
    const good = snapshotOf(5);
    const variants: unknown[] = [
      '{not json',
      JSON.stringify({ ...good, chart: { ...good.chart, draw: { ...good.chart.draw, data: [[1, 2], [1]] } } }), // series shorter than x
      JSON.stringify({ ...good, chart: { ...good.chart, draw: { ...good.chart.draw, seriesLabels: [] } } }), // a series without a label
      JSON.stringify({ ...good, takeCount: 'many' }),
      JSON.stringify({ ...good, header: { ...good.header, nav: 'Practice' } }),
      JSON.stringify({ ...good, chart: { ...good.chart, draw: { ...good.chart.draw, yRange: [0, null] } } }),
      JSON.stringify({ ...good, bests: { heading: 'x', items: [1], openLabel: 'Open' } }),
      JSON.stringify([good]),
      'null',
    ];
    for (const text of variants) {
      const storage = new MemoryStorage();
      storage.setItem(PROGRESS_SNAPSHOT_KEY, text as string);
      expect(readProgressSnapshot(storage, 'build-1'), String(text).slice(0, 80)).toBeNull();
    }
  });

  it('is none, without an error, where storage is blocked or full', () => {
    expect(readProgressSnapshot(new MemoryStorage('all'), 'build-1')).toBeNull();
    expect(readProgressSnapshot(null, 'build-1')).toBeNull();
    const full = new MemoryStorage('writes');
    expect(() => writeProgressSnapshot(full, snapshotOf(3))).not.toThrow();
    expect(full.items.size).toBe(0);
    expect(() => clearFirstPaints(new MemoryStorage('all'))).not.toThrow();
  });

  it('clearFirstPaints forgets every first-paint key and nothing else', () => {
    const storage = new MemoryStorage();
    storage.setItem(`${FIRST_PAINT_KEY_PREFIX}progress`, '{}');
    storage.setItem(`${FIRST_PAINT_KEY_PREFIX}other`, '{}');
    storage.setItem('voicedrill.prefs.v1', '{"countIn":false}');
    clearFirstPaints(storage);
    expect([...storage.items.keys()]).toEqual(['voicedrill.prefs.v1']);
  });
});

describe('the store forgets the snapshot when what it shows may no longer be true', () => {
  const storage = new MemoryStorage();
  let store: VoiceDrillStore;
  const kept = (): boolean => storage.items.has(PROGRESS_SNAPSHOT_KEY);
  const drill = findBuiltInDrill('en-greeting3') as Drill;
  const addTake = (id: string): Promise<unknown> => store.createTake({ id, drill, script: renderDrill(drill, { name: 'Alex', company: 'Bluebird' }).script, sampleRateHz: 16000 });

  beforeEach(async () => {
    (globalThis as { localStorage?: Storage }).localStorage = storage as unknown as Storage;
    store = await openStore();
    await addTake('a');
    await addTake('b');
    storage.setItem(PROGRESS_SNAPSHOT_KEY, '{}');
  });
  afterEach(async () => {
    store.close();
    delete (globalThis as { localStorage?: Storage }).localStorage;
    storage.items.clear();
    await Dexie.delete(DB_NAME);
  });

  it('keeps it for a new take or a rename (the live page adds it a moment later)', async () => {
    await addTake('c');
    await store.renameTake('a', 'First');
    expect(kept()).toBe(true);
  });

  it('forgets it when a take is deleted', async () => {
    await store.deleteTake('a');
    expect(kept()).toBe(false);
  });

  it('forgets it when every take is deleted (a clear runs no hook)', async () => {
    await store.clearTakes();
    expect(kept()).toBe(false);
  });

  it('forgets it when the UI language changes, and only then (the app saves the profile after drawing the new language)', async () => {
    storage.setItem(PROGRESS_SNAPSHOT_KEY, JSON.stringify({ uiLang: 'en' }));
    await store.saveProfile({ ...defaultProfile('en'), uiLang: 'en' });
    await store.saveProfile({ ...defaultProfile('en'), uiLang: 'en', baseline: null, scriptLang: 'zh' });
    expect(kept()).toBe(true);
    await store.saveProfile({ ...defaultProfile('en'), uiLang: 'zh-CN' });
    expect(kept()).toBe(false);
    storage.setItem(PROGRESS_SNAPSHOT_KEY, JSON.stringify({ uiLang: 'zh-CN' }));
    await store.saveProfile({ ...defaultProfile('en'), uiLang: 'zh-CN', scriptLang: 'en' });
    expect(kept()).toBe(true);
  });

  it('forgets it when all data is deleted', async () => {
    await deleteAllData(store);
    expect(kept()).toBe(false);
  });
});
