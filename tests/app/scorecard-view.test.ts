import { describe, expect, it } from 'vitest';
import { findBuiltInDrill, renderDrill, type Drill } from '../../src/drills/index.ts';
import { detailLines } from '../../src/features/practice/details-model.ts';
import { drillMenu, pickDrill } from '../../src/features/practice/drill-menu-model.ts';
import { buildScorecard } from '../../src/features/practice/scorecard-model.ts';
import { comparisonView, dataValue, deltaText, rowComparisons, scorecardAnnouncement } from '../../src/features/practice/scorecard-view-model.ts';
import { makeReport } from './report-fixture.ts';

const drill = findBuiltInDrill('zh-greeting3') as Drill;
const script = renderDrill(drill, { name: '李娜', company: '' }).script;
const report = makeReport({ rate: ['good', 199], volume: ['good', -20.74], pitchVariety: ['low', 1.37], pauses: ['good', 0.265] });
const previous = makeReport({ rate: ['low', 150.5], volume: ['good', -22], pitchVariety: ['low', 1.37], pauses: ['low', 0.1] });

describe('scorecard view', () => {
  it('puts the report’s number into data-value exactly as the CLI prints it', () => {
    expect(dataValue(199)).toBe('199');
    expect(dataValue(-20.74)).toBe('-20.74');
    expect(dataValue(0.265)).toBe('0.265');
    expect(dataValue(-0)).toBe('0');
    expect(dataValue(null)).toBe('');
    expect(JSON.stringify(-20.74)).toBe(dataValue(-20.74));
  });

  it('writes changes with their sign and unit', () => {
    expect(deltaText(1.5, 'dB')).toBe('+1.5 dB');
    expect(deltaText(-0.25, 'st')).toBe('−0.25 st');
    expect(deltaText(0, 's')).toBe('0 s');
    expect(deltaText(null, 's')).toBeNull();
  });

  it('compares with the previous take and the best', () => {
    const card = buildScorecard({ report, drill, uiLang: 'en', previous, best: previous, baseline: null, script });
    const rate = card.rows.find((r) => r.guideline === 'rate');
    expect(rate && rowComparisons(rate, 'en')).toEqual(['+48.5 chars/min vs previous', '+48.5 chars/min vs best']);
    // A level is in dBFS; the difference of two levels is in dB (−20.74 dBFS against −22 dBFS: +1.26 dB).
    const volume = card.rows.find((r) => r.guideline === 'volume');
    expect(volume?.valueText).toBe('-20.74 dBFS');
    expect(volume && rowComparisons(volume, 'en')).toEqual(['+1.26 dB vs previous', '+1.26 dB vs best']);
    const view = comparisonView(card, 'en', '2026-11-20T09:00:00.000Z', '2026-11-20T09:00:00.000Z');
    expect(view.previousText).toBe('Compared with your previous take: 2 better, 0 worse, 2 unchanged');
    expect(view.newBest).toBe(true);
    expect(view.bestText).toBe('A new personal best!');
    const first = comparisonView(buildScorecard({ report, drill, uiLang: 'zh-CN', baseline: null, script }), 'zh-CN', null, null);
    expect(first).toEqual({ previousText: '这是您第一次练习这一段。', bestText: null, newBest: false });
    expect(scorecardAnnouncement(card, 'en')).toMatch(/^Your scorecard: 1 thing to change: Rise and fall \(flat\)$/);
  });

  it('lists the measurements with the report fields they come from', () => {
    const lines = detailLines(report, 'en');
    expect(lines.find((l) => l.field === 'pitch.medianHz')).toMatchObject({ value: '215.3', text: '215.3 Hz' });
    expect(lines.find((l) => l.field === 'loudness.activeLevelDbfs')).toMatchObject({ value: '-22.35', text: '-22.35 dBFS' });
    expect(lines.find((l) => l.field === 'pitch.voicedFraction')?.text).toBe('61.2 %');
    expect(detailLines(report, 'zh-CN').find((l) => l.field === 'rate.syllablesPerSec')?.text).toBe('5.59 音节/秒');
  });
});

describe('drill picker', () => {
  it('offers the built-ins of a language by kind', () => {
    const menu = drillMenu('en', 'zh-CN');
    expect(menu.map((s) => [s.kind, s.label, s.drills.length])).toEqual([
      ['greeting3', '三段式问候', 1], ['greeting4', '四段式问候', 1], ['passage', '朗读短文', 4],
    ]);
    expect(pickDrill('zh', 'zh-greeting4').id).toBe('zh-greeting4');
    expect(pickDrill('zh', 'en-greeting4').id).toBe('zh-greeting3');
    expect(pickDrill('en', null).id).toBe('en-greeting3');
  });
});
