import { describe, expect, it } from 'vitest';
import { ANALYSIS_VERSION, type AnalysisReport } from '../../src/analysis/index.ts';
import { findBuiltInDrill, type Drill } from '../../src/drills/index.ts';
import { takeDayLabels, takeLegendLabel, takeTickLabels } from '../../src/features/progress/progress-axis.ts';
import { bandsDependOnLang, buildProgress, chartYRange, drillBests } from '../../src/features/progress/progress-model.ts';
import { SCHEMA_VERSION, summarise, type TakeStatus, type TakeSummaryRecord } from '../../src/storage/index.ts';
import { takeCounts } from '../../src/takes/index.ts';
import { makeReport, type VerdictSpec } from './report-fixture.ts';

const NOW = new Date(2026, 10, 23, 12, 0);

// The summary storage keeps beside a take made of these parts (summarise is what every write stores).
function take(id: string, drillId: string, createdAt: string, report: AnalysisReport | null, status: TakeStatus = 'analysed', drill?: Drill): TakeSummaryRecord {
  return summarise({
    schemaVersion: SCHEMA_VERSION, id, drillId, drill: drill ?? findBuiltInDrill(drillId), script: '', createdAt, status, sampleRateHz: 48000,
    durationSec: 4, report, analysisVersion: report?.analysisVersion ?? null, name: null, failure: null, incomplete: false, countAnyway: false,
  });
}

/** A custom drill like a built-in one, with its own good band for the rate. */
function customDrill(base: string, id: string, rate: [number, number]): Drill {
  const d = findBuiltInDrill(base) as Drill;
  return {
    ...d, id, builtIn: false, title: { 'zh-CN': `自定义 ${id}`, en: `Custom ${id}` },
    bands: { ...d.bands, rate: { ...d.bands.rate, goodMin: rate[0], goodMax: rate[1] } },
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

  it('plot each guideline’s stored values against the take number, oldest first', () => {
    const model = buildProgress(takes, { uiLang: 'en', now: NOW });
    const rateZh = model.charts.find((c) => c.key === 'rate|chars/min|zh');
    expect(rateZh?.points.map((p) => [p.takeId, p.value, p.status])).toEqual([['a', 201.3, 'good'], ['b', 255.7, 'borderline'], ['d', 188.8, 'good']]);
    // Take numbers among the analysed takes in scope (c, the English take, is number 3).
    expect(rateZh?.data[0]).toEqual([1, 2, 4]);
    expect(rateZh?.points.map((p) => p.takeNumber)).toEqual([1, 2, 4]);
    expect(rateZh?.data[1]).toEqual([201.3, 255.7, 188.8]);
    expect(rateZh?.band).toEqual({ goodMin: 180, goodMax: 240 });
    expect(rateZh?.summary).toMatch(/^Pace \(chars\/min\) · Mandarin drills: 3 takes from .* the latest is 188\.8 chars\/min \(good\)\.$/);
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

  it('shade the band of the drill the takes were scored against, and name the drill when drills differ', () => {
    const custom = customDrill('zh-greeting3', 'mine', [170, 230]);
    // The report says 180–240 (the default the analysis used); the drill's own band is what is shaded.
    const x = take('x', 'mine', '2026-11-21T09:00:00.000Z', zh(210), 'analysed', custom);
    const all = buildProgress([takes[0], x], { uiLang: 'en', now: NOW });
    const rate = all.charts.find((c) => c.guideline === 'rate');
    expect(rate?.band).toEqual({ goodMin: 170, goodMax: 230 });
    expect(rate?.bandVaries).toBe(true);
    expect(rate?.bandDrill).toBe('Custom mine');
    expect(all.charts.find((c) => c.guideline === 'volume')?.bandVaries).toBe(false);
    expect(all.charts.find((c) => c.guideline === 'volume')?.bandDrill).toBeNull();
    const one = buildProgress([takes[0], x], { uiLang: 'en', now: NOW, drillId: 'mine' });
    expect(one.charts.find((c) => c.guideline === 'rate')).toMatchObject({ band: { goodMin: 170, goodMax: 230 }, bandVaries: false, bandDrill: null });
    // The same drill with a band changed between takes: it varies, but there is no other drill to name.
    const later = take('y', 'mine', '2026-11-22T09:00:00.000Z', zh(220), 'analysed', customDrill('zh-greeting3', 'mine', [175, 235]));
    const changed = buildProgress([x, later], { uiLang: 'en', now: NOW }).charts.find((c) => c.guideline === 'rate');
    expect(changed).toMatchObject({ band: { goodMin: 175, goodMax: 235 }, bandVaries: true, bandDrill: null });
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

describe('personal best marks on the metric charts', () => {
  it('mark the best take only on the charts where that guideline was good', () => {
    const best = makeReport({ rate: ['low', 150], volume: ['good', -20], pauses: ['good', 0.4] });
    const other = makeReport({ rate: ['good', 200], volume: ['high', -10] });
    const model = buildProgress([take('b', 'zh-greeting3', '2026-11-01T09:00:00.000Z', best), take('o', 'zh-greeting3', '2026-11-02T09:00:00.000Z', other)], { uiLang: 'en', now: NOW });
    expect(model.bests.map((b) => b.takeId)).toEqual(['b']);
    const marked = (g: string): string[] => model.charts.find((c) => c.guideline === g)?.points.filter((p) => p.isBest).map((p) => p.takeId) ?? [];
    expect(marked('rate')).toEqual([]);
    expect(marked('volume')).toEqual(['b']);
    expect(marked('pauses')).toEqual(['b']);
  });
});

describe('chart titles and the take axis', () => {
  it('tell the Mandarin and English charts of one guideline apart, in both UI languages', () => {
    const list = [take('a', 'zh-greeting3', '2026-11-20T09:00:00.000Z', makeReport({ pitchVariety: ['good', 3] })),
      take('c', 'en-greeting3', '2026-11-21T10:00:00.000Z', makeReport({ pitchVariety: ['good', 4] }, { lang: 'en' }))];
    const en = buildProgress(list, { uiLang: 'en', now: NOW }).charts.map((c) => c.title);
    expect(en).toEqual(['Rise and fall (st) · English drills', 'Rise and fall (st) · Mandarin drills']);
    const zhTitles = buildProgress(list, { uiLang: 'zh-CN', now: NOW }).charts.map((c) => c.title);
    expect(new Set(zhTitles).size).toBe(2);
    for (const title of zhTitles) expect(title).toMatch(/半音/);
    expect(zhTitles.join(' ')).not.toMatch(/[A-Za-z]{2,}/);
  });

  it('label the days under the take numbers in the UI language, once per day', () => {
    const times = ['2026-11-03T09:00:00', '2026-11-03T09:00:15', '2026-11-03T09:00:30', '2026-11-04T10:00:00'].map((s) => new Date(s).toISOString());
    const zhDays = takeDayLabels(times, 'zh-CN');
    expect(zhDays).toEqual(['11月3日', '11月3日', '11月3日', '11月4日']);
    const enDays = takeDayLabels(times, 'en');
    expect(enDays).toEqual(['Nov 3', 'Nov 3', 'Nov 3', 'Nov 4']);
    // Three takes in a minute are 1, 2, 3 with the day once; the next day is written under its first take.
    expect(takeTickLabels([1, 2, 3, 4], enDays)).toEqual(['1\nNov 3', '2', '3', '4\nNov 4']);
    expect(takeTickLabels([0, 1.5, 5], enDays)).toEqual(['', '', '']);
    expect(takeLegendLabel(4, zhDays)).toBe('#4 · 11月4日');
    expect(takeLegendLabel(null, zhDays)).toBe('');
    // Across years the year is shown.
    expect(takeDayLabels([new Date('2025-12-31T12:00:00').toISOString(), new Date('2026-01-02T12:00:00').toISOString()], 'en')).toEqual(['12/31/2025', '1/2/2026']);
  });

  it('give the model one day label per take in scope', () => {
    const list = [take('a', 'zh-greeting3', '2026-11-20T09:00:00.000Z', zh(200)), take('b', 'zh-greeting3', '2026-11-21T09:00:00.000Z', zh(210))];
    const model = buildProgress(list, { uiLang: 'zh-CN', now: NOW });
    expect(model.dayLabels).toHaveLength(2);
    expect(model.dayLabels.every((d) => /^\d+月\d+日$/.test(d))).toBe(true);
  });
});
