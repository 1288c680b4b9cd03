/**
 * Opening the review or comparison of a take stored by analysis 1.2.0 (tests/fixtures/take-record-analysis-1.2.0.json
 * with its audio, tests/fixtures/synth/greeting-zh.wav): its report has no tracks, so it is analysed again
 * through the injected Analyser (the worker in the app) with the options of a take just recorded, the new
 * report is saved, and only then drawn; a failure leaves the stored take as it was and draws nothing.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { analyzeToJson, ANALYSIS_VERSION, type AnalyzeOptions, type AudioInput, type FileReport } from '../../src/analysis/index.ts';
import { findBuiltInDrill, type Drill } from '../../src/drills/index.ts';
import { trackLength } from '../../src/analysis/tracks.ts';
import { needsReanalysis, openStore, type VoiceDrillStore } from '../../src/storage/index.ts';
import type { Analyser } from '../../src/takes/analyse-take.ts';
import { resolveComparison } from '../../src/takes/compare-takes.ts';
import { loadTakeForReview, reviewNeedsReanalysis, signalsOf, withCurrentReport } from '../../src/takes/load-review.ts';
import { fillsBoth } from '../helpers/profile.ts';
import { OLD_TAKE, OLD_TAKE_ID, putOldTake } from '../helpers/old-take.ts';

const stored = OLD_TAKE;
const TAKE_ID = OLD_TAKE_ID;

const opened: VoiceDrillStore[] = [];
afterEach(() => {
  for (const s of opened.splice(0)) s.close();
});

/** A store holding the 1.2.0 take with its audio, and a calibrated profile. */
async function storeWithOldTake(): Promise<{ store: VoiceDrillStore; samples: Float32Array }> {
  const store = await openStore({ name: `review-reanalyse-${Math.random()}` });
  opened.push(store);
  const { sampleRateHz } = await putOldTake(store);
  expect(sampleRateHz).toBe(stored.sampleRateHz);
  await store.saveProfile({ fills: fillsBoth('小王', ''), scriptLang: 'zh', uiLang: 'zh-CN', baseline: { medianHz: 200, activeLevelDbfs: -24, recordedAt: null, analysisVersion: ANALYSIS_VERSION } });
  return { store, samples: await store.loadTakeAudio(TAKE_ID) };
}

/** The worker's analysis, run directly; counts its calls. */
function directAnalyser(): Analyser & { calls: { options: AnalyzeOptions; label: string; samples: number }[] } {
  const calls: { options: AnalyzeOptions; label: string; samples: number }[] = [];
  return {
    calls,
    async analyse(input: AudioInput, options: AnalyzeOptions, label: string): Promise<FileReport> {
      calls.push({ options, label, samples: input.channels[0].length });
      return analyzeToJson(input, options, label);
    },
  };
}

describe('reviewing a take stored by analysis 1.2.0', () => {
  it('is analysed again with the take’s own options, saved, and then drawn from the new tracks', async () => {
    const { store, samples } = await storeWithOldTake();
    const loaded = await loadTakeForReview(store, TAKE_ID);
    expect(reviewNeedsReanalysis(loaded)).toBe(true);
    // Never drawn from the old report: it has no tracks.
    expect(() => signalsOf(loaded)).toThrow(/analysis 1\.2\.0/);

    const analyser = directAnalyser();
    const started: string[] = [];
    const current = await withCurrentReport(store, loaded, { analyser: () => analyser, onReanalysing: (id) => started.push(id) });
    expect(started).toEqual([TAKE_ID]);
    expect(analyser.calls).toEqual([{
      options: { lang: 'zh', script: stored.script, bands: (stored.drill as { bands: unknown }).bands, baseline: { medianHz: 200, activeLevelDbfs: -24, brightnessHz: null } },
      label: TAKE_ID, samples: samples.length,
    }]);
    // The saved take is current, with the very report the CLI gives for that audio and baseline.
    const saved = await store.getTake(TAKE_ID);
    expect(saved?.analysisVersion).toBe(ANALYSIS_VERSION);
    expect(saved && needsReanalysis(saved)).toBe(false);
    const { file: _file, ...cliReport } = analyzeToJson({ channels: [samples], sampleRateHz: 16000 }, analyser.calls[0].options, TAKE_ID);
    expect(saved?.report).toEqual(cliReport);
    expect(current.report).toEqual(cliReport);
    expect(current.samples).toBe(loaded.samples);

    const signals = signalsOf(current);
    if (!signals) throw new Error('no signals');
    expect(signals.contour.reference).toBe('baseline');
    expect(signals.contour.timesSec.length).toBe(trackLength(samples.length, 16000));
    const voiced = signals.contour.semitones.filter((st) => st !== null);
    expect(voiced.length).toBeGreaterThan(100);
    expect(signals.envelope.levelDbfs.length).toBe(trackLength(samples.length, 16000));

    // Opened again: nothing to do, and no worker is started.
    const again = await withCurrentReport(store, await loadTakeForReview(store, TAKE_ID), {
      analyser: () => { throw new Error('no analyser should be needed'); },
    });
    expect(again.report).toEqual(cliReport);
  });

  it('on failure keeps the stored take as it was and draws nothing', async () => {
    const { store } = await storeWithOldTake();
    const failing: Analyser = { analyse: () => Promise.reject(new Error('The analysis engine stopped unexpectedly.')) };
    const loaded = await loadTakeForReview(store, TAKE_ID);
    await expect(withCurrentReport(store, loaded, { analyser: () => failing })).rejects.toThrow('stopped unexpectedly');
    const take = await store.getTake(TAKE_ID);
    expect(take?.analysisVersion).toBe('1.2.0');
    expect(take?.report?.pitch.track).toBeNull();
  });

  it('passes the screen’s abort signal to the analysis', async () => {
    const { store } = await storeWithOldTake();
    const seen: (AbortSignal | undefined)[] = [];
    const aborting: Analyser = { analyse: (_i, _o, _l, signal) => { seen.push(signal); return Promise.reject(new Error('aborted')); } };
    const controller = new AbortController();
    await expect(withCurrentReport(store, await loadTakeForReview(store, TAKE_ID), { analyser: () => aborting, signal: controller.signal })).rejects.toThrow();
    expect(seen).toEqual([controller.signal]);
  });

  it('is compared as the previous take only once analysed again', async () => {
    const { store } = await storeWithOldTake();
    // A newer take of the same drill, already current: the old one is its previous take.
    const current = analyzeToJson({ channels: [(await store.loadTakeAudio(TAKE_ID)).slice()], sampleRateHz: 16000 }, { lang: 'zh', script: stored.script as string }, 'x');
    const { file: _f, ...report } = current;
    const newer = await store.createTake({ drill: findBuiltInDrill('zh-greeting3') as Drill, script: stored.script as string, sampleRateHz: 16000, createdAt: new Date('2026-11-21T09:00:00Z') });
    await store.finishTake(newer.id, 5.4);
    const newerTake = await store.saveReport(newer.id, report);
    const resolved = await resolveComparison(store, newerTake, { kind: 'previous' });
    expect(resolved?.take.id).toBe(TAKE_ID);
    const other = await loadTakeForReview(store, TAKE_ID);
    expect(reviewNeedsReanalysis(other)).toBe(true);
    const analyser = directAnalyser();
    const updated = await withCurrentReport(store, other, { analyser: () => analyser });
    expect(analyser.calls).toHaveLength(1);
    expect(signalsOf(updated)?.contour.timesSec.length).toBeGreaterThan(0);
  });
});
