import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { analyzeToJson, ANALYSIS_VERSION } from '../../src/analysis/index.ts';
import { findBuiltInDrill, renderDrill, type Drill } from '../../src/drills/index.ts';
import { loadReviewHead, loadTakeForReview, signalsOf } from '../../src/takes/load-review.ts';
import { findingRange, reviewRegions } from '../../src/features/review/review-model.ts';
import { openStore, type VoiceDrillStore } from '../../src/storage/index.ts';
import { speechLike } from '../helpers/synth.ts';
import { fillsBoth } from '../helpers/profile.ts';

const RATE_HZ = 16000;
const opened: VoiceDrillStore[] = [];
afterEach(() => { for (const s of opened.splice(0)) s.close(); });

describe('reviewing a stored, analysed take', () => {
  it('loads the audio and baseline, draws against the baseline, and marks the report’s own parts and pauses', async () => {
    const store = await openStore({ name: `review-data-${Math.random()}` });
    opened.push(store);
    await store.saveProfile({ fills: fillsBoth('王芳', ''), scriptLang: 'zh', uiLang: 'zh-CN', baseline: { medianHz: 180, activeLevelDbfs: -22, recordedAt: null, analysisVersion: ANALYSIS_VERSION } });
    const drill = findBuiltInDrill('zh-greeting3') as Drill;
    const script = renderDrill(drill, { name: '王芳', company: '' }).script;
    // Three phrases (3, 2 and 7 syllables) separated by 0.5 s pauses.
    const samples = speechLike({ sampleRateHz: RATE_HZ, durationSec: 4.6, noiseDbfs: -70, seed: 3, phrases: [
      { startSec: 0.3, endSec: 1.05, f0StartHz: 190, f0EndHz: 230, levelDbfs: -22, syllablesPerSec: 4 },
      { startSec: 1.55, endSec: 2.05, f0StartHz: 200, f0EndHz: 180, levelDbfs: -22, syllablesPerSec: 4 },
      { startSec: 2.55, endSec: 4.3, f0StartHz: 220, f0EndHz: 170, levelDbfs: -23, syllablesPerSec: 4 },
    ] });
    const take = await store.createTake({ drill, script, sampleRateHz: RATE_HZ });
    await store.appendAudioChunk(take.id, 0, samples);
    await store.finishTake(take.id, samples.length / RATE_HZ);
    await store.saveReport(take.id, analyzeToJson({ channels: [samples], sampleRateHz: RATE_HZ }, { lang: 'zh', script, baseline: { medianHz: 180, activeLevelDbfs: -22 } }, take.id));

    const loaded = await loadTakeForReview(store, take.id);
    expect(loaded.baselineHz).toBe(180);
    expect(loaded.durationSec).toBeCloseTo(4.6, 3);
    const report = loaded.report;
    if (!report) throw new Error('no report');
    expect(report.speech.pauses.length).toBe(2);
    expect(report.parts.every((p) => p.found)).toBe(true);

    const regions = reviewRegions(report, loaded.take.script);
    expect(regions.filter((r) => r.kind === 'pause').map((r) => [r.startSec, r.endSec])).toEqual(report.speech.pauses.map((p) => [p.startSec, p.endSec]));
    expect(regions.filter((r) => r.kind === 'part').map((r) => [r.startSec, r.endSec])).toEqual(report.parts.map((p) => [p.startSec, p.endSec]));
    expect(regions.filter((r) => r.kind === 'keyword').map((r) => r.label)).toEqual(['服务']);
    expect(findingRange(report, { kind: 'verdict', guideline: 'pauses' })).toEqual(
      report.speech.pauses.reduce((a, b) => (b.endSec - b.startSec > a.endSec - a.startSec ? b : a)),
    );

    // Drawn from the stored report's tracks: the pitch track in semitones against the 180 Hz baseline.
    const signals = signalsOf(loaded);
    if (!signals) throw new Error('no signals');
    expect(signals.contour.timesSec.length).toBe(report.pitch.track?.values.length);
    signals.contour.semitones.forEach((st, i) => {
      const hz = report.pitch.track?.values[i] ?? null;
      if (hz === null) expect(st).toBeNull();
      else expect(st).toBeCloseTo(12 * Math.log2(hz / 180), 9);
    });
    expect(Array.from(signals.envelope.levelDbfs)).toEqual(report.intensity.track?.values);
    expect(signals.contour.reference).toBe('baseline');
    // The same drawing without reading the audio (the review paints it before the audio is in).
    const head = await loadReviewHead(store, take.id);
    expect(head.durationSec).toBe(report.durationSec);
    expect(head.durationSec).toBeCloseTo(loaded.durationSec, 3);
    expect(signalsOf(head)).toEqual({ ...signals, durationSec: report.durationSec });
    expect(signals.contour.referenceHz).toBe(180);
    // Around 1.8 s the second phrase glides 200 → 180 Hz: between 0 and +2 st above the 180 Hz baseline.
    const mid = signals.contour.semitones.filter((st, i) => st !== null && Math.abs(signals.contour.timesSec[i] - 1.8) < 0.1) as number[];
    expect(mid.length).toBeGreaterThan(5);
    for (const st of mid) expect(st).toBeGreaterThan(-0.3);
    for (const st of mid) expect(st).toBeLessThan(2.2);
  });

  it('draws nothing for a take that was never analysed', async () => {
    const store = await openStore({ name: `review-data-${Math.random()}` });
    opened.push(store);
    const drill = findBuiltInDrill('zh-greeting3') as Drill;
    const take = await store.createTake({ drill, script: drill.template, sampleRateHz: RATE_HZ });
    await store.appendAudioChunk(take.id, 0, new Float32Array(1600));
    await store.finishTake(take.id, 0.1);
    const loaded = await loadTakeForReview(store, take.id);
    expect(loaded.report).toBeNull();
    expect(signalsOf(loaded)).toBeNull();
  });

  it('says when the take is gone', async () => {
    const store = await openStore({ name: `review-data-${Math.random()}` });
    opened.push(store);
    await expect(loadTakeForReview(store, 'take-missing')).rejects.toMatchObject({ kind: 'not-found' });
  });
});
