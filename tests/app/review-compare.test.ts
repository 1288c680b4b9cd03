import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { AnalysisReport } from '../../src/analysis/index.ts';
import { findBuiltInDrill, type Drill } from '../../src/drills/index.ts';
import { resolveComparison } from '../../src/takes/compare-takes.ts';
import {
  alignContours, alignSpan, commonAlignMode, comparisonData, comparisonLegend, formatSt, fractionAtTime, scriptSpan, speechSpan, timeAtFraction,
} from '../../src/features/review/compare-model.ts';
import type { PitchContour } from '../../src/takes/review-signal.ts';
import { openStore, type VoiceDrillStore } from '../../src/storage/index.ts';
import { makeReport, parts } from './report-fixture.ts';

const HOP = 0.01;

// A contour that rises linearly in semitones from 0 to 10 st across [startSec, endSec], unvoiced outside.
function glide(startSec: number, endSec: number, durationSec: number): PitchContour {
  const n = Math.round(durationSec / HOP);
  const timesSec = Float64Array.from({ length: n }, (_, i) => (i + 0.5) * HOP);
  const semitones = Array.from(timesSec, (t) => (t >= startSec && t <= endSec ? (10 * (t - startSec)) / (endSec - startSec) : null));
  return { timesSec, semitones, referenceHz: 150, reference: 'baseline', hopSec: HOP };
}

function reportWithSpan(startSec: number, endSec: number, withParts: boolean): AnalysisReport {
  const mapped = withParts ? [
    { index: 0, text: 'a', syllables: 1, startSec, endSec: (startSec + endSec) / 2, found: true, pauseBeforeSec: null },
    { index: 1, text: 'b', syllables: 1, startSec: (startSec + endSec) / 2, endSec, found: true, pauseBeforeSec: 0 },
  ] : [];
  // Speech starts a little before the script and ends a little after it.
  return makeReport({}, { speech: { startSec: startSec - 0.2, endSec: endSec + 0.2, spanSec: endSec - startSec + 0.4, soundingSec: 1, pauseCount: 0, longestPauseSec: 0, pauses: [] }, parts: mapped });
}

describe('aligning two takes', () => {
  it('scales each take’s script span to the same length, so the same moment of the script lines up', () => {
    const fast = { report: reportWithSpan(1, 3, true), contour: glide(1, 3, 4) };
    const slow = { report: reportWithSpan(0.5, 4.5, true), contour: glide(0.5, 4.5, 5) };
    const aligned = alignContours(fast, slow);
    expect(aligned?.mode).toBe('script');
    expect(aligned?.percent.length).toBe(201);
    expect(aligned?.current.span).toEqual({ startSec: 1, endSec: 3, mode: 'script' });
    expect(aligned?.other.span).toEqual({ startSec: 0.5, endSec: 4.5, mode: 'script' });
    let compared = 0;
    aligned?.percent.forEach((p, i) => {
      const a = aligned.current.semitones[i];
      const b = aligned.other.semitones[i];
      if (a === null || b === null) return;
      compared++;
      // Both glides reach the same semitone at the same share of their script (one frame's worth of tolerance).
      expect(Math.abs(a - b), `${p} %`).toBeLessThan(10 * HOP / 2 + 0.05);
      expect(Math.abs(a - p / 10)).toBeLessThan(0.1);
    });
    expect(compared).toBeGreaterThan(190);
    const [x, ya, yb] = comparisonData(aligned as NonNullable<typeof aligned>);
    expect([x[0], x[100], x[200]]).toEqual([0, 50, 100]);
    expect(ya).toBe(aligned?.current.semitones);
    expect(yb).toBe(aligned?.other.semitones);
  });

  it('falls back to the speech span when either take has no heard part, and gives null without speech', () => {
    const a = reportWithSpan(1, 3, true);
    const b = reportWithSpan(1, 3, false);
    expect(commonAlignMode(a, b)).toBe('speech');
    expect(alignSpan(b, 'speech')).toEqual({ startSec: 0.8, endSec: 3.2, mode: 'speech' });
    expect(scriptSpan(makeReport({}, { parts: parts([['早上好', false, null]]) }))).toBeNull();
    const silent = makeReport({}, { speechFound: false, speech: { startSec: null, endSec: null, spanSec: null, soundingSec: null, pauseCount: 0, longestPauseSec: null, pauses: [] } });
    expect(speechSpan(silent)).toBeNull();
    expect(alignContours({ report: a, contour: glide(1, 3, 4) }, { report: silent, contour: glide(1, 3, 4) })).toBeNull();
  });

  it('converts between take time and span fraction both ways', () => {
    const span = { startSec: 0.5, endSec: 4.5 };
    expect(timeAtFraction(span, 0.25)).toBe(1.5);
    expect(fractionAtTime(span, 1.5)).toBe(0.25);
  });
});

describe('the comparison legend', () => {
  const fast = { report: reportWithSpan(1, 3, true), contour: glide(1, 3, 4) };
  const slow = { report: reportWithSpan(0.5, 4.5, true), contour: glide(0.5, 4.5, 5) };
  const aligned = alignContours(fast, slow) as NonNullable<ReturnType<typeof alignContours>>;
  const reports = { current: { ...fast.report, pitch: { ...fast.report.pitch, rangeSt: 7.5 } }, other: { ...slow.report, pitch: { ...slow.report.pitch, rangeSt: null } } };
  const labels = { current: 'This take (your personal best)', other: 'your previous best' };

  it('names both takes and gives their pitch ranges without a cursor', () => {
    const legend = comparisonLegend(aligned, reports, labels, null);
    expect(legend.percent).toBeNull();
    expect(legend.entries).toEqual([
      { series: 'current', label: labels.current, valueSt: null, rangeSt: 7.5 },
      { series: 'other', label: labels.other, valueSt: null, rangeSt: null },
    ]);
    expect(comparisonLegend(aligned, reports, labels, 9999).percent).toBeNull();
  });

  it('reads both contours at the cursor: the values the chart draws there', () => {
    const legend = comparisonLegend(aligned, reports, labels, 100);
    expect(legend.percent).toBe(50);
    // Half-way through both glides (0 → 10 st): 5 st each, within a frame.
    expect(legend.entries[0].valueSt).toBe(aligned.current.semitones[100]);
    expect(legend.entries[1].valueSt).toBe(aligned.other.semitones[100]);
    expect(legend.entries[0].valueSt).toBeCloseTo(5, 0);
    expect(comparisonLegend(aligned, reports, labels, 0).entries.map((e) => e.valueSt)).toEqual([aligned.current.semitones[0], aligned.other.semitones[0]]);
  });

  it('prints semitones signed with one decimal', () => {
    expect([formatSt(1.54), formatSt(-0.26), formatSt(0.04), formatSt(-0.04), formatSt(12)]).toEqual(['+1.5', '−0.3', '0.0', '0.0', '+12.0']);
  });
});

describe('choosing the take to compare with', () => {
  const opened: VoiceDrillStore[] = [];
  afterEach(() => { for (const s of opened.splice(0)) s.close(); });

  async function storeWithTakes(): Promise<{ store: VoiceDrillStore; ids: string[]; drill: Drill }> {
    const store = await openStore({ name: `review-compare-${Math.random()}` });
    opened.push(store);
    const drill = findBuiltInDrill('zh-greeting3') as Drill;
    const ids: string[] = [];
    const reports = [makeReport({ rate: ['good', 200], volume: ['good', -20] }), makeReport({ rate: ['low', 150] }), makeReport({ rate: ['good', 210] })];
    for (let i = 0; i < 3; i++) {
      const take = await store.createTake({ drill, script: drill.template, sampleRateHz: 16000, createdAt: new Date(Date.UTC(2026, 0, 1 + i)) });
      await store.appendAudioChunk(take.id, 0, new Float32Array(1600));
      await store.finishTake(take.id, 0.1);
      await store.saveReport(take.id, reports[i]);
      ids.push(take.id);
    }
    return { store, ids, drill };
  }

  it('finds the personal best, the previous take, or a reference take of the same drill', async () => {
    const { store, ids } = await storeWithTakes();
    const current = await store.getTake(ids[2]);
    if (!current) throw new Error('missing');
    expect(await resolveComparison(store, current, { kind: 'best' })).toMatchObject({ take: { id: ids[0] }, role: 'best', currentIsBest: false });
    expect(await resolveComparison(store, current, { kind: 'previous' })).toMatchObject({ take: { id: ids[1] }, role: 'previous' });
    expect(await resolveComparison(store, current, { kind: 'reference', takeId: ids[1] })).toMatchObject({ take: { id: ids[1] }, role: 'reference' });
    const first = await store.getTake(ids[0]);
    expect(await resolveComparison(store, first as NonNullable<typeof first>, { kind: 'previous' })).toBeNull();
  });

  it('says “previous best” when this take is itself the best, and the runner-up when the best is older', async () => {
    const { store, ids, drill } = await storeWithTakes();
    // A fourth take better than all: compared with the best before it.
    const take = await store.createTake({ drill, script: drill.template, sampleRateHz: 16000, createdAt: new Date(Date.UTC(2026, 0, 9)) });
    await store.finishTake(take.id, 0.1);
    const newBest = await store.saveReport(take.id, makeReport({ rate: ['good', 200], volume: ['good', -20], pauses: ['good', 0.4] }));
    expect(await resolveComparison(store, newBest, { kind: 'best' })).toMatchObject({ take: { id: ids[0] }, role: 'previousBest', currentIsBest: true });
    // The older best (take 0) is now compared with the runner-up, made after it.
    const old = await store.getTake(ids[0]);
    expect(await resolveComparison(store, old as NonNullable<typeof old>, { kind: 'best' })).toMatchObject({ take: { id: take.id }, role: 'best', currentIsBest: false });
    const { store: s2, ids: ids2 } = await storeWithTakes();
    const first = await s2.getTake(ids2[0]);
    expect(await resolveComparison(s2, first as NonNullable<typeof first>, { kind: 'best' })).toMatchObject({ take: { id: ids2[2] }, role: 'nextBest', currentIsBest: true });
  });

  it('refuses a reference of another drill or one that is gone, with a sentence', async () => {
    const { store, ids } = await storeWithTakes();
    const current = await store.getTake(ids[2]);
    const other = findBuiltInDrill('en-greeting3') as Drill;
    const foreign = await store.createTake({ drill: other, script: other.template, sampleRateHz: 16000 });
    await expect(resolveComparison(store, current as NonNullable<typeof current>, { kind: 'reference', takeId: foreign.id })).rejects.toThrow(/same drill/);
    await expect(resolveComparison(store, current as NonNullable<typeof current>, { kind: 'reference', takeId: 'nope' })).rejects.toMatchObject({ kind: 'not-found' });
  });
});
