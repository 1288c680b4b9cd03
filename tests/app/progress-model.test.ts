import { describe, expect, it } from 'vitest';
import { ANALYSIS_VERSION, type AnalysisReport } from '../../src/analysis/index.ts';
import { findBuiltInDrill } from '../../src/drills/index.ts';
import { bandsDependOnLang, buildProgress, chartYRange, drillBests } from '../../src/features/progress/progress-model.ts';
import { SCHEMA_VERSION, type TakeRecord, type TakeStatus } from '../../src/storage/index.ts';
import { takeCounts } from '../../src/takes/index.ts';
import { makeReport, type VerdictSpec } from './report-fixture.ts';

const NOW = new Date(2026, 10, 23, 12, 0);

function take(id: string, drillId: string, createdAt: string, report: AnalysisReport | null, status: TakeStatus = 'analysed'): TakeRecord {
  return {
    schemaVersion: SCHEMA_VERSION, id, drillId, drill: findBuiltInDrill(drillId), script: '', createdAt, status, sampleRateHz: 48000,
    durationSec: 4, report, analysisVersion: report?.analysisVersion ?? null, name: null, failure: null, incomplete: false, countAnyway: false,
  };
}

const zh = (rate: number, status: VerdictSpec[0] = 'good', extra: Parameters<typeof makeReport>[0] = {}): AnalysisReport =>
  makeReport({ rate: [status, rate], volume: ['good', -21.5], ...extra });
const en = (wpm: number): AnalysisReport => makeReport({ rate: ['good', wpm], volume: ['good', -19.25] }, { lang: 'en' });

describe('takes that do not count', () => {
  const good = (): AnalysisReport => zh(200, 'good', { pitchVariety: ['good', 3], pauses: ['good', 0.5] });
  const recovered = { ...take('r', 'zh-greeting3', '2026-11-21T09:00:00.000Z', good()), incomplete: true };
  const silent = take('s', 'zh-greeting3', '2026-11-21T10:00:00.000Z', makeReport({}, { speechFound: false, noSpeechReason: 'silent' }));
  const normal = take('n', 'zh-greeting3', '2026-11-20T09:00:00.000Z', zh(201.3, 'borderline'));

  it('an incomplete (recovered) take and a take without speech stay off the charts and never are the best', () => {
    expect(takeCounts(recovered)).toBe(false);
    expect(takeCounts(silent)).toBe(false);
    expect(takeCounts(normal)).toBe(true);
    const model = buildProgress([normal, recovered, silent], { uiLang: 'en', now: NOW });
    expect(model.takeCount).toBe(1);
    expect(model.charts.flatMap((c) => c.points.map((p) => p.takeId))).not.toContain('r');
    expect(model.bests.map((b) => b.takeId)).toEqual(['n']);
  });

  it('an incomplete take the agent chose to count is charted and can be the best', () => {
    const counted = { ...recovered, countAnyway: true };
    expect(takeCounts(counted)).toBe(true);
    const model = buildProgress([normal, counted, silent], { uiLang: 'en', now: NOW });
    expect(model.takeCount).toBe(2);
    expect(model.bests.map((b) => b.takeId)).toEqual(['r']);
  });
});

describe('progress series', () => {
  const takes = [
    take('a', 'zh-greeting3', '2026-11-20T09:00:00.000Z', zh(201.3)),
    take('b', 'zh-greeting3', '2026-11-21T09:00:00.000Z', zh(255.7, 'borderline')),
    take('c', 'en-greeting3', '2026-11-21T10:00:00.000Z', en(141.2)),
    take('d', 'zh-greeting4', '2026-11-22T09:00:00.000Z', zh(188.8)),
    take('e', 'zh-greeting3', '2026-11-22T10:00:00.000Z', null, 'recorded'),
  ];

  it('plot each guideline’s stored values against the take times, oldest first', () => {
    const model = buildProgress(takes, { uiLang: 'en', now: NOW });
    const rateZh = model.charts.find((c) => c.key === 'rate|chars/min|zh');
    expect(rateZh?.points.map((p) => [p.takeId, p.value, p.status])).toEqual([['a', 201.3, 'good'], ['b', 255.7, 'borderline'], ['d', 188.8, 'good']]);
    expect(rateZh?.data[0]).toEqual([Date.parse('2026-11-20T09:00:00.000Z') / 1000, Date.parse('2026-11-21T09:00:00.000Z') / 1000, Date.parse('2026-11-22T09:00:00.000Z') / 1000]);
    expect(rateZh?.data[1]).toEqual([201.3, 255.7, 188.8]);
    expect(rateZh?.band).toEqual({ goodMin: 180, goodMax: 240 });
    expect(rateZh?.summary).toMatch(/^Pace: 3 takes from .* the latest is 188\.8 chars\/min \(good\)\.$/);
    expect(model.state).toBe('series');
    expect(model.takeCount).toBe(4);
  });

  it('never put Mandarin and English rates on one axis, but share an axis for the same unit otherwise', () => {
    const model = buildProgress(takes, { uiLang: 'en', now: NOW });
    expect(model.charts.map((c) => c.key)).toEqual(['rate|chars/min|zh', 'rate|wpm|en', 'volume|dBFS|']);
    expect(model.charts[1].data[1]).toEqual([141.2]);
    expect(model.charts[2].data[1]).toEqual([-21.5, -21.5, -19.25, -21.5]);
    expect(bandsDependOnLang('rate')).toBe(true);
    expect(bandsDependOnLang('pitchVariety')).toBe(true);
    expect(bandsDependOnLang('volume')).toBe(false);
  });

  it('narrows to one drill', () => {
    const model = buildProgress(takes, { uiLang: 'en', drillId: 'zh-greeting3', now: NOW });
    expect(model.takeCount).toBe(2);
    expect(model.charts.find((c) => c.guideline === 'rate')?.points.map((p) => p.takeId)).toEqual(['a', 'b']);
    expect(model.drills.map((d) => [d.drillId, d.takeCount])).toEqual([['zh-greeting3', 2], ['en-greeting3', 1], ['zh-greeting4', 1]]);
  });

  it('split numbers of two analysis versions into separate series, and say so', () => {
    const old = { ...zh(230), analysisVersion: '0.9.0' };
    const model = buildProgress([take('o', 'zh-greeting3', '2026-11-19T09:00:00.000Z', old), ...takes], { uiLang: 'en', now: NOW });
    const rate = model.charts.find((c) => c.key === 'rate|chars/min|zh');
    expect(rate?.versions).toEqual(['0.9.0', ANALYSIS_VERSION]);
    expect(rate?.versionSplit).toBe(true);
    expect(rate?.data[1]).toEqual([230, null, null, null]);
    expect(rate?.data[2]).toEqual([null, 201.3, 255.7, 188.8]);
    expect(rate?.seriesLabels).toEqual(['analysis 0.9.0', `analysis ${ANALYSIS_VERSION}`]);
    expect(model.versionNote).toContain('0.9.0');
    expect(buildProgress(takes, { uiLang: 'en', now: NOW }).versionNote).toBeNull();
  });

  it('shade the latest good band and say when the points were judged against another', () => {
    const custom = zh(210);
    custom.verdicts = custom.verdicts.map((v) => (v.guideline === 'rate' ? { ...v, band: { goodMin: 170, goodMax: 230, lowBelow: 150, highAbove: 260 } } : v));
    const model = buildProgress([takes[0], take('x', 'zh-greeting3', '2026-11-21T09:00:00.000Z', custom)], { uiLang: 'en', now: NOW });
    const rate = model.charts.find((c) => c.guideline === 'rate');
    expect(rate?.band).toEqual({ goodMin: 170, goodMax: 230 });
    expect(rate?.bandVaries).toBe(true);
    expect(model.charts.find((c) => c.guideline === 'volume')?.bandVaries).toBe(false);
    expect(chartYRange([200, 210], { goodMin: 180, goodMax: 240 })).toEqual([174, 246]);
    expect(chartYRange([5], null)).toEqual([4.5, 5.5]);
    expect(chartYRange([], null)).toEqual([0, 1]);
  });

  it('has an empty and a one-take state', () => {
    const empty = buildProgress([take('e', 'zh-greeting3', '2026-11-22T10:00:00.000Z', null, 'recorded')], { uiLang: 'zh-CN', now: NOW });
    expect(empty.state).toBe('empty');
    expect(empty.charts).toEqual([]);
    // A recorded (not yet analysed) take yesterday still counts as a practice day.
    expect(empty.streak.currentDays).toBe(1);
    const one = buildProgress([takes[0]], { uiLang: 'zh-CN', now: NOW });
    expect(one.state).toBe('one');
    expect(one.charts.every((c) => c.points.length === 1)).toBe(true);
    expect(buildProgress([], { uiLang: 'en', now: NOW }).state).toBe('empty');
  });
});

describe('personal bests', () => {
  it('rank as the scorecard does, per drill, current version only, the earlier take winning a tie', () => {
    const good2 = (): AnalysisReport => makeReport({ rate: ['good', 200], volume: ['good', -20] });
    const takes = [
      take('t1', 'zh-greeting3', '2026-11-01T09:00:00.000Z', good2()),
      take('t2', 'zh-greeting3', '2026-11-02T09:00:00.000Z', good2()),
      take('t3', 'zh-greeting3', '2026-11-03T09:00:00.000Z', makeReport({ rate: ['good', 200], volume: ['good', -20], pauses: ['good', 0.4] })),
      take('t4', 'zh-greeting3', '2026-11-04T09:00:00.000Z', { ...makeReport({ rate: ['good', 1], volume: ['good', 1], pauses: ['good', 1], effort: ['good', 1] }), analysisVersion: '0.1.0' }),
      take('u1', 'zh-greeting4', '2026-11-01T09:00:00.000Z', good2()),
      take('u2', 'zh-greeting4', '2026-11-02T09:00:00.000Z', good2()),
      take('n', 'en-greeting3', '2026-11-02T09:00:00.000Z', { ...good2(), speechFound: false }),
    ];
    const bests = drillBests(takes, 'en');
    expect(bests.map((b) => [b.drillId, b.takeId, b.good])).toEqual([['zh-greeting3', 't3', 3], ['zh-greeting4', 'u1', 2]]);
    const model = buildProgress(takes, { uiLang: 'en', now: NOW });
    expect(model.charts.find((c) => c.guideline === 'rate')?.points.filter((p) => p.isBest).map((p) => p.takeId)).toEqual(['u1', 't3']);
  });
});
