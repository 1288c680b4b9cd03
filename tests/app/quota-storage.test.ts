import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { ANALYSIS_VERSION, type AnalysisReport, type AnalyzeOptions } from '../../src/analysis/index.ts';
import { findBuiltInDrill, type Drill } from '../../src/drills/index.ts';
import { formatBytes, nearlyFull, persistenceText, resultText, usageText } from '../../src/features/settings-storage/storage-panel-model.ts';
import { openStore, type VoiceDrillStore } from '../../src/storage/index.ts';
import { requestPersistentStorage, storageHealth } from '../../src/storage/quota.ts';
import { outdatedTakeIds, reanalyseOutdated, type ReanalyseProgress } from '../../src/takes/index.ts';
import { makeReport } from './report-fixture.ts';
import { fillsBoth } from '../helpers/profile.ts';
import { DEFAULT_BANDS } from '../../src/guidelines/bands.ts';

const opened: VoiceDrillStore[] = [];
afterEach(() => { for (const s of opened.splice(0)) s.close(); });

describe('usage, quota and persistence', () => {
  it('reads the StorageManager', async () => {
    const manager = { estimate: async () => ({ usage: 5 * 1024 * 1024, quota: 100 * 1024 * 1024 }), persisted: async () => false, persist: async () => true };
    const health = await storageHealth(manager);
    expect(health).toEqual({ usageBytes: 5242880, quotaBytes: 104857600, usedFraction: 0.05, persisted: false });
    expect(usageText(health, 'en')).toBe('5.0 MB of 100.0 MB used (5 %).');
    expect(usageText(health, 'zh-CN')).toBe('已用 5.0 MB，共 100.0 MB（5 %）。');
    expect(persistenceText(false, 'en')).toMatch(/may delete/);
    expect(await requestPersistentStorage(manager)).toBe(true);
  });

  it('says "unknown" rather than guessing when the browser does not tell or fails', async () => {
    expect(await storageHealth(null)).toEqual({ usageBytes: null, quotaBytes: null, usedFraction: null, persisted: null });
    const failing = { estimate: async () => { throw new Error('no'); }, persisted: async () => { throw new Error('no'); }, persist: async () => { throw new Error('no'); } };
    expect(await storageHealth(failing)).toEqual({ usageBytes: null, quotaBytes: null, usedFraction: null, persisted: null });
    expect(usageText(await storageHealth(null), 'en')).toMatch(/does not say/);
    expect(await requestPersistentStorage(null)).toBeNull();
    expect(await requestPersistentStorage(failing)).toBe(false);
    expect(persistenceText(null, 'zh-CN')).toMatch(/备份/);
  });

  it('formats bytes and warns when nearly full', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(3 * 1024 ** 3)).toBe('3.0 GB');
    expect(nearlyFull({ usageBytes: 85, quotaBytes: 100, usedFraction: 0.85, persisted: true })).toBe(true);
    expect(nearlyFull({ usageBytes: 5, quotaBytes: 100, usedFraction: 0.05, persisted: true })).toBe(false);
    expect(usageText({ usageBytes: 1, quotaBytes: 1e9, usedFraction: 1e-9, persisted: null }, 'en')).toContain('(< 1 %)');
  });
});

describe('re-analysing outdated takes', () => {
  const OLD = '0.9.0';

  async function storeWithTakes(): Promise<{ store: VoiceDrillStore; ids: string[] }> {
    const store = await openStore({ name: `quota-${Math.random()}` });
    opened.push(store);
    await store.saveProfile({ fills: fillsBoth('', ''), scriptLang: 'zh', uiLang: 'zh-CN', baseline: { medianHz: 200, activeLevelDbfs: -22, recordedAt: null, analysisVersion: ANALYSIS_VERSION } });
    const drill = findBuiltInDrill('zh-greeting3') as Drill;
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      const take = await store.createTake({ drill, script: `脚本${i}`, sampleRateHz: 16000, createdAt: new Date(Date.UTC(2026, 0, 1 + i)) });
      await store.appendAudioChunk(take.id, 0, new Float32Array(1600).fill(0.1 * (i + 1)));
      await store.finishTake(take.id, 0.1);
      await store.saveReport(take.id, makeReport({ rate: ['good', 200 + i] }));
      ids.push(take.id);
    }
    // Takes 0–2 were scored by an older analysis; take 3 is current.
    for (const id of ids.slice(0, 3)) {
      const raw = await store.db.takes.get(id);
      await store.db.takes.put({ ...raw!, report: { ...raw!.report!, analysisVersion: OLD }, analysisVersion: OLD });
    }
    return { store, ids };
  }

  type Call = { label: string; options: AnalyzeOptions; first: number };
  function fakeAnalyse(calls: Call[], failOn?: string) {
    return async (input: { channels: Float32Array[] }, options: AnalyzeOptions, label: string): Promise<AnalysisReport> => {
      calls.push({ label, options, first: input.channels[0][0] });
      if (label === failOn) throw new Error('The analysis failed: test.');
      return makeReport({ rate: ['good', 222] });
    };
  }

  it('re-runs the analysis of every take of another version, oldest first, with the drill and the baseline', async () => {
    const { store, ids } = await storeWithTakes();
    expect(await outdatedTakeIds(store)).toEqual(ids.slice(0, 3));
    const calls: Call[] = [];
    const progress: ReanalyseProgress[] = [];
    const result = await reanalyseOutdated(store, fakeAnalyse(calls), { onProgress: (p) => progress.push(p) });
    expect(result).toEqual({ total: 3, reanalysed: 3, failed: [], cancelled: false });
    expect(calls.map((c) => c.label)).toEqual(ids.slice(0, 3));
    expect(calls[1].options).toEqual({ lang: 'zh', script: '脚本1', bands: DEFAULT_BANDS.zh, baseline: { medianHz: 200, activeLevelDbfs: -22, brightnessHz: null } });
    expect(calls[2].first).toBeCloseTo(0.3, 3); // the take's own audio
    expect(progress.map((p) => [p.done, p.total, p.failed])).toEqual([[1, 3, false], [2, 3, false], [3, 3, false]]);
    for (const id of ids) expect((await store.getTake(id))?.analysisVersion).toBe(ANALYSIS_VERSION);
    expect((await store.getTake(ids[0]))?.report?.verdicts[0].value).toBe(222);
    expect(await outdatedTakeIds(store)).toEqual([]);
    expect(resultText(result, 'en')).toBe('Updated the scores of 3 takes; 0 could not be updated and keep their old scores.');
  });

  it('goes on after a failure, which keeps its old results', async () => {
    const { store, ids } = await storeWithTakes();
    const result = await reanalyseOutdated(store, fakeAnalyse([], ids[1]), { baseline: null });
    expect(result.reanalysed).toBe(2);
    expect(result.failed).toEqual([{ takeId: ids[1], message: 'The analysis failed: test.' }]);
    expect((await store.getTake(ids[1]))?.analysisVersion).toBe(OLD);
    expect((await store.getTake(ids[2]))?.analysisVersion).toBe(ANALYSIS_VERSION);
  });

  it('stops when cancelled, leaving the rest as they were', async () => {
    const { store, ids } = await storeWithTakes();
    const controller = new AbortController();
    const calls: Call[] = [];
    const result = await reanalyseOutdated(store, fakeAnalyse(calls), { signal: controller.signal, onProgress: () => controller.abort() });
    expect(result).toMatchObject({ total: 3, reanalysed: 1, cancelled: true });
    expect(calls.length).toBe(1);
    expect((await store.getTake(ids[0]))?.analysisVersion).toBe(ANALYSIS_VERSION);
    expect((await store.getTake(ids[1]))?.analysisVersion).toBe(OLD);
    expect(resultText(result, 'en')).toBe('Stopped after 1 of 3 takes. The others keep their old scores.');
  });

  it('passes the abort to a running analysis and reports it as cancelled, not failed', async () => {
    const { store } = await storeWithTakes();
    const controller = new AbortController();
    const analyse = async (_i: unknown, _o: unknown, _l: string, signal?: AbortSignal): Promise<AnalysisReport> => {
      controller.abort();
      expect(signal?.aborted).toBe(true);
      throw Object.assign(new Error('The analysis was stopped before it finished.'), { name: 'AbortError' });
    };
    const result = await reanalyseOutdated(store, analyse, { signal: controller.signal });
    expect(result).toMatchObject({ reanalysed: 0, failed: [], cancelled: true });
  });
});
