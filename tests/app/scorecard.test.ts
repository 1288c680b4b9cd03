import { describe, expect, it } from 'vitest';
import { findBuiltInDrill, renderDrill, type Drill } from '../../src/drills/index.ts';
import { buildScorecard, exactDelta } from '../../src/features/practice/scorecard-model.ts';
import { adviceText } from '../../src/i18n/advice.ts';
import { makeReport, parts } from './report-fixture.ts';

function drill(id: string): Drill {
  const d = findBuiltInDrill(id);
  if (d === null) throw new Error(id);
  return d;
}

const zh4 = drill('zh-greeting4');
const script = renderDrill(zh4, { name: '李雷', company: '蓝天航空' }).script;
const report = makeReport({
  rate: ['low', 150.5],
  volume: ['good', -22.35],
  effort: ['unmeasured', null, 'effort.calibrateFirst'],
  steadiness: ['good', 1.2],
  pitchLevel: ['unmeasured', null, 'pitchLevel.calibrateFirst'],
  pitchVariety: ['low', 1.5],
  pauses: ['borderline', 0.95],
}, {
  parts: parts([['您好', true, null], ['蓝天航空', true, 0.4], ['我是李雷', true, 0.05], ['请问有什么可以帮您', false, null]]),
  // The company name was measured; the offer to help (in a part that was not heard) could not be located.
  emphasis: [
    { word: '蓝天航空', partIndex: 1, startSec: 0.9, endSec: 1.9, located: 'nuclei', pitchGainSt: 2.6, levelGainDb: 1.1, durationRatio: 1.31, status: 'good' },
    { word: '帮您', partIndex: 3, startSec: null, endSec: null, located: null, pitchGainSt: null, levelGainDb: null, durationRatio: null, status: 'unmeasured' },
  ],
});
const previous = makeReport({ rate: ['low', 140.2], volume: ['good', -25.1], pitchVariety: ['low', 1.3], pauses: ['low', 0.1] });
const best = makeReport({ rate: ['good', 200], volume: ['good', -20], pitchVariety: ['good', 3.05], pauses: ['good', 0.5] });

describe('scorecard rows', () => {
  const en = buildScorecard({ report, drill: zh4, uiLang: 'en', previous, best, baseline: null, script });
  const zh = buildScorecard({ report, drill: zh4, uiLang: 'zh-CN', previous, best, baseline: null, script });

  it('has one row per verdict with the report’s own statuses and numbers', () => {
    expect(en.rows.map((r) => r.guideline)).toEqual(report.verdicts.map((v) => v.guideline));
    expect(en.rows.map((r) => r.status)).toEqual(report.verdicts.map((v) => v.status));
    expect(en.rows.map((r) => r.value)).toEqual(report.verdicts.map((v) => v.value));
    expect(zh.rows.map((r) => r.value)).toEqual(report.verdicts.map((v) => v.value));
    expect(en.rows.find((r) => r.guideline === 'warmth')?.scored).toBe(false);
  });

  it('phrases status, unit, band and advice in the UI language', () => {
    const [rateEn, volumeEn] = en.rows;
    const [rateZh] = zh.rows;
    expect(rateEn).toMatchObject({ label: 'Pace', statusText: 'too slow', valueText: '150.5 chars/min', bandText: '180–240 chars/min' });
    expect(rateZh).toMatchObject({ label: '语速', statusText: '太慢', valueText: '150.5 字/分钟', bandText: '180–240 字/分钟' });
    expect(volumeEn.bandText).toBe('-28 to -16 dBFS');
    for (const [i, row] of en.rows.entries()) {
      if (row.guideline !== 'emphasis') expect(row.adviceKey).toBe(report.verdicts[i].adviceKey);
      expect(row.advice).toBe(adviceText(row.adviceKey, 'en'));
      expect(zh.rows[i].advice).toBe(adviceText(row.adviceKey, 'zh-CN'));
      expect(zh.rows[i].advice).not.toBe(row.advice);
    }
    expect(rateEn.advice).toMatch(/slowly/);
    expect(rateZh.advice).toMatch(/语速偏慢/);
    expect(en.rows[2].advice).toMatch(/^Calibrate first/);
  });

  it('computes deltas from the previous take and the personal best', () => {
    const rate = en.rows[0];
    expect(rate.deltaFromPrevious).toBe(10.3);
    expect(rate.deltaFromBest).toBe(-49.5);
    expect(rate.trendFromPrevious).toBe('same');
    const variety = en.rows.find((r) => r.guideline === 'pitchVariety');
    expect(variety?.deltaFromPrevious).toBe(0.2);
    expect(variety?.deltaFromBest).toBe(-1.55);
    const pauses = en.rows.find((r) => r.guideline === 'pauses');
    expect(pauses?.trendFromPrevious).toBe('better');
    expect(en.rows.find((r) => r.guideline === 'effort')?.deltaFromPrevious).toBeNull();
    expect(en.isNewBest).toBe(false);
  });

  it('gives no deltas against a report from another analysis version', () => {
    const card = buildScorecard({ report, drill: zh4, uiLang: 'en', previous: { ...previous, analysisVersion: '0.0.1' }, baseline: null });
    expect(card.rows.every((r) => r.deltaFromPrevious === null && r.deltaFromBest === null)).toBe(true);
  });

  it('describes the greeting’s parts and their pauses', () => {
    expect(en.parts.map((p) => [p.found, p.pauseBeforeSec, p.pauseInBand])).toEqual([
      [true, null, null], [true, 0.4, true], [true, 0.05, false], [false, null, null],
    ]);
    expect(en.parts[1].sentence).toBe('“蓝天航空”: heard, after a 0.4 s pause. Good.');
    expect(en.parts[2].sentence).toBe('“我是李雷”: no real break before it (0.05 s). Leave a short pause of 0.15–0.8 s.');
    expect(zh.parts[3].sentence).toBe('“请问有什么可以帮您”：没有听到。问候语的每一部分都要说到。');
    expect(buildScorecard({ report, drill: drill('zh-passage-first-bus'), uiLang: 'en', baseline: null }).parts).toEqual([]);
  });

  it('lists each key word with its own measured emphasis', () => {
    expect(en.emphasis).toEqual([
      { word: '蓝天航空', partIndex: 1, status: 'good', sentence: '“蓝天航空”: stood out. Good.', pitchGainSt: 2.6, levelGainDb: 1.1, durationRatio: 1.31, startSec: 0.9, endSec: 1.9,
        cues: [{ cue: 'pitch', value: 2.6, held: true, text: 'pitch +2.6 st ✓' }, { cue: 'duration', value: 1.31, held: true, text: 'length 1.31× ✓' }], note: null },
      { word: '帮您', partIndex: 3, status: 'unmeasured', sentence: '“帮您”: could not be located in the recording, so its stress was not measured.', pitchGainSt: null, levelGainDb: null, durationRatio: null, startSec: null, endSec: null, cues: [], note: null },
    ]);
  });

  it('treats a report from before emphasis was measured as unlocated key words', () => {
    const old = { ...report, analysisVersion: '1.0.0' } as Partial<typeof report>;
    delete old.emphasis;
    const card = buildScorecard({ report: old as typeof report, drill: zh4, uiLang: 'en', baseline: null, script });
    expect(card.emphasis.map((e) => e.status)).toEqual(['unmeasured', 'unmeasured']);
  });

  it('heads the card with what to change and asks for calibration', () => {
    expect(en.headline).toEqual({ kind: 'toChange', text: '2 things to change: Pace (too slow) and Rise and fall (flat)', guidelines: ['rate', 'pitchVariety'] });
    expect(zh.headline.text).toBe('有 2 处需要改进：语速（太慢）、抑扬顿挫（太平）');
    expect(en.needsCalibration).toBe(true);
    expect(en.calibrationText).toMatch(/^Calibrate first/);
    expect(en.title).toBe('Four-part greeting (Mandarin)');
    expect(zh.title).toBe('四段式问候');
    expect(en.warnings).toEqual([]);
  });

  it('polishes, praises and recognises a new best', () => {
    const baseline = { medianHz: 210, activeLevelDbfs: -23 };
    const polish = buildScorecard({ report: makeReport({ rate: ['good', 200], pauses: ['borderline', 0.9] }), drill: zh4, uiLang: 'en', baseline });
    expect(polish.headline.text).toBe('Nearly there. 1 thing to polish: Pauses (borderline)');
    expect(polish.needsCalibration).toBe(false);
    const good = makeReport({ rate: ['good', 200], volume: ['good', -20], pitchVariety: ['good', 3], pauses: ['good', 0.5], steadiness: ['good', 1] });
    const card = buildScorecard({ report: good, drill: zh4, uiLang: 'en', baseline, best });
    expect(card.headline.kind).toBe('allGood');
    expect(card.isNewBest).toBe(true);
  });
});

describe('scorecard warnings', () => {
  it('says we didn’t hear you, with the reasons, when there is no speech', () => {
    const silent = makeReport({}, { speechFound: false, noSpeechReason: 'silent', loudness: { ...makeReport({}).loudness, activeLevelDbfs: null, snrDb: null } });
    for (const lang of ['en', 'zh-CN'] as const) {
      const card = buildScorecard({ report: silent, drill: zh4, uiLang: lang, baseline: null });
      expect(card.headline.kind).toBe('noSpeech');
      expect(card.warnings).toHaveLength(1);
      expect(card.warnings[0]).toMatchObject({ kind: 'noSpeech', severity: 'error' });
      expect(card.warnings[0].reasons).toHaveLength(4);
    }
    const en = buildScorecard({ report: silent, drill: zh4, uiLang: 'en', baseline: null }).warnings[0];
    expect(en.title).toBe('We didn’t hear you');
    expect(en.reasons[0]).toMatch(/silent/);
    expect(en.reasons.join(' ')).toMatch(/muted.*wrong input.*too far/);
  });

  it('says "we didn’t hear you" once, and the key-words row does not claim none are marked', () => {
    const silent = makeReport({ emphasis: ['unmeasured', null] }, { speechFound: false, noSpeechReason: 'silent' });
    for (const lang of ['en', 'zh-CN'] as const) {
      const card = buildScorecard({ report: silent, drill: zh4, uiLang: lang, baseline: null });
      expect(card.headline.text).not.toBe(card.warnings[0].title);
      const emphasis = card.rows.find((r) => r.guideline === 'emphasis');
      expect(emphasis?.adviceKey).toBe('emphasis.noSpeech');
    }
    const en = buildScorecard({ report: silent, drill: zh4, uiLang: 'en', baseline: null });
    expect(en.headline.text).toBe('This take was not scored.');
    expect(en.rows.find((r) => r.guideline === 'emphasis')?.advice).toBe('No speech was heard, so the key words cannot be judged.');
    // With speech: marked words that were not located are not "none marked".
    const heard = makeReport({ emphasis: ['unmeasured', null] });
    expect(buildScorecard({ report: heard, drill: zh4, uiLang: 'en', baseline: null }).rows.find((r) => r.guideline === 'emphasis')?.adviceKey)
      .toBe('emphasis.notLocated');
  });

  it('warns of clipping, a very low level, noise and too little speech', () => {
    const base = makeReport({});
    const bad = makeReport({}, {
      speech: { ...base.speech, soundingSec: 0.6 },
      loudness: { ...base.loudness, clippedFraction: 2e-7, activeLevelDbfs: -45.5, snrDb: 10.25 },
    });
    const card = buildScorecard({ report: bad, drill: zh4, uiLang: 'en', baseline: null });
    expect(card.warnings.map((w) => w.kind)).toEqual(['tooShort', 'clipping', 'lowLevel', 'noisy']);
    expect(card.warnings[1].text).toMatch(/clipped/);
    expect(card.warnings[2].text).toMatch(/\(-45\.5 dBFS\)/);
    expect(card.warnings[3].text).toMatch(/10\.25 dB/);
    const clipOnly = makeReport({}, { loudness: { ...base.loudness, clippedFraction: 0.001 } });
    expect(buildScorecard({ report: clipOnly, drill: zh4, uiLang: 'zh-CN', baseline: null }).warnings.map((w) => w.text))
      .toEqual(['录音出现削波：声音对麦克风来说太大了。请让麦克风离嘴远一点，或调低输入音量。']);
  });
});

describe('exactDelta', () => {
  it('subtracts at the precision of its operands', () => {
    expect(exactDelta(0.3, 0.1)).toBe(0.2);
    expect(exactDelta(-22.35, -25.1)).toBe(2.75);
    expect(exactDelta(5, 5)).toBe(0);
  });
});
