import { describe, expect, it } from 'vitest';
import { DEFAULT_BANDS } from '../../src/guidelines/bands.ts';
import { ADVICE, adviceText } from '../../src/i18n/advice.ts';
import { bandStatus, levelSteadiness, scoreGuidelines, type ScoringInput } from '../../src/analysis/scoring.ts';

const base: ScoringInput = {
  speechFound: true, perMinute: 200, activeLevelDbfs: -22, peakDbfs: -6, clippedFraction: 0, snrDb: 40,
  baseline: null, ...levelSteadiness([-22, -23, -22]), medianHz: 200, sdSt: 3.5, brightnessHz: 1200, longestPauseSec: 0.5,
  partGapsSec: [0.4, 0.5], pausesInsideParts: [0, 0, 0], emphasisWords: [],
};
const byId = (m: ScoringInput, lang: 'zh' | 'en' = 'zh') =>
  Object.fromEntries(scoreGuidelines(m, DEFAULT_BANDS[lang]).map((v) => [v.guideline, v]));

describe('bandStatus', () => {
  const rate = DEFAULT_BANDS.zh.rate;
  it.each([[150, 'low'], [170, 'borderline'], [180, 'good'], [240, 'good'], [250, 'borderline'], [280, 'high']])(
    'zh rate %i chars/min → %s', (v, s) => expect(bandStatus(v, rate)).toBe(s));
  it('English rate bands are in wpm', () => {
    expect(bandStatus(140, DEFAULT_BANDS.en.rate)).toBe('good');
    expect(bandStatus(180, DEFAULT_BANDS.en.rate)).toBe('high');
  });
});

describe('scoreGuidelines', () => {
  it('yields every guideline id once, in GUIDELINES.md order', () => {
    expect(scoreGuidelines(base, DEFAULT_BANDS.zh).map((v) => v.guideline)).toEqual(
      ['rate', 'volume', 'effort', 'steadiness', 'pitchLevel', 'pitchVariety', 'pauses', 'emphasis', 'warmth']);
  });

  it('scores a good take good, and asks for calibration instead of guessing', () => {
    const v = byId(base);
    expect(v.rate.status).toBe('good');
    expect(v.volume.status).toBe('good');
    expect(v.pitchVariety.status).toBe('good');
    expect(v.pauses.status).toBe('good');
    expect(v.effort).toMatchObject({ status: 'unmeasured', value: null, adviceKey: 'effort.calibrateFirst' });
    expect(v.pitchLevel).toMatchObject({ status: 'unmeasured', adviceKey: 'pitchLevel.calibrateFirst' });
  });

  it('measures effort and pitch level against the baseline', () => {
    const v = byId({ ...base, baseline: { medianHz: 100, activeLevelDbfs: -30 }, medianHz: 112.246 });
    expect(v.effort.value).toBeCloseTo(8, 6);
    expect(v.effort.status).toBe('borderline');
    expect(v.pitchLevel.value).toBeCloseTo(2, 3);
    expect(v.pitchLevel.status).toBe('good');
  });

  it('flags clipping and hot peaks as too loud, low SNR as noisy', () => {
    expect(byId({ ...base, clippedFraction: 0.001 }).volume.status).toBe('high');
    expect(byId({ ...base, peakDbfs: -0.5 }).volume.status).toBe('high');
    expect(byId({ ...base, activeLevelDbfs: -35 }).volume.status).toBe('low');
    expect(byId({ ...base, snrDb: 15 }).volume).toMatchObject({ status: 'borderline', adviceKey: 'volume.noisy' });
  });

  it('catches a trailing-off last phrase', () => {
    const v = byId({ ...base, ...levelSteadiness([-20, -20, -28]) });
    expect(v.steadiness.status).not.toBe('good');
    expect(v.steadiness.adviceKey).toBe('steadiness.trailingOff');
  });

  it('judges pauses: none between parts, too long, right', () => {
    expect(byId({ ...base, partGapsSec: [0.05, 0.4] }).pauses.status).toBe('low');
    expect(byId({ ...base, longestPauseSec: 1.5 }).pauses.status).toBe('high');
    expect(byId({ ...base, partGapsSec: [0.4, 0.95] }).pauses.status).toBe('borderline');
  });

  it('gives as the pauses value the measure that decided it, with its unit and band', () => {
    const gaps = { goodMin: 0.15, goodMax: 0.8, lowBelow: 0.15, highAbove: 1.2 };
    const pick = (m: Partial<ScoringInput>) => {
      const v = byId({ ...base, ...m }).pauses;
      return [v.status, v.measure, v.value, v.unit, v.band];
    };
    // Without parts: only the longest pause is judged; 0 s when there is none.
    expect(pick({ partGapsSec: null, longestPauseSec: 0 })).toEqual(['good', 'longestPauseSec', 0, 's', { goodMin: null, goodMax: null, lowBelow: null, highAbove: 1.2 }]);
    expect(pick({ longestPauseSec: 1.5 })).toEqual(['high', 'longestPauseSec', 1.5, 's', { goodMin: null, goodMax: null, lowBelow: null, highAbove: 1.2 }]);
    // Short gaps (< the 0.25 s pause threshold, so no pause is counted) are still what a greeting is judged on.
    expect(pick({ longestPauseSec: 0, partGapsSec: [0.2, 0.18] })).toEqual(['good', 'longestPartGapSec', 0.2, 's', gaps]);
    expect(pick({ partGapsSec: [0.05, 0.4] })).toEqual(['low', 'shortestPartGapSec', 0.05, 's', gaps]);
    expect(pick({ partGapsSec: [0.4, 0.95] })).toEqual(['borderline', 'longestPartGapSec', 0.95, 's', gaps]);
    expect(pick({ pausesInsideParts: [0, 3, 1] })).toEqual(['borderline', 'pausesInsidePart', 3, 'pauses', { goodMin: null, goodMax: 1, lowBelow: null, highAbove: null }]);
    expect(pick({ speechFound: false })).toEqual(['unmeasured', 'longestPauseSec', null, 's', { goodMin: null, goodMax: null, lowBelow: null, highAbove: 1.2 }]);
  });

  it('names one measure per guideline besides pauses', () => {
    expect(scoreGuidelines(base, DEFAULT_BANDS.zh).map((v) => v.measure)).toEqual([
      'perMinute', 'activeLevelDbfs', 'effortDb', 'phraseLevelSdDb', 'pitchLevelSt', 'sdSt', 'longestPartGapSec', 'medianPitchGainSt', 'warmthSt',
    ]);
  });

  it('shows warmth only against a neutral reading, from ΔF0 and brightness', () => {
    expect(byId(base).warmth.status).toBe('unmeasured');
    const neutral = { medianHz: 200 / 2 ** (1.5 / 12), activeLevelDbfs: -22, brightnessHz: 1100 };
    const v = byId({ ...base, baseline: neutral });
    expect(v.warmth.value).toBeCloseTo(1.5, 6);
    expect(v.warmth.status).toBe('good');
    expect(byId({ ...base, baseline: { ...neutral, brightnessHz: 1300 } }).warmth.status).toBe('borderline');
    expect(byId({ ...base, baseline: { ...neutral, medianHz: 210, brightnessHz: 1300 } }).warmth.status).toBe('low');
  });

  it('uses the language bands for pitch variety', () => {
    expect(byId({ ...base, sdSt: 1.8 }, 'zh').pitchVariety.status).toBe('low');
    expect(byId({ ...base, sdSt: 1.8 }, 'en').pitchVariety.status).toBe('borderline');
  });

  it('gives no numbers when there is no speech', () => {
    const v = scoreGuidelines({ ...base, speechFound: false }, DEFAULT_BANDS.en);
    for (const verdict of v) {
      expect(verdict.status).toBe('unmeasured');
      expect(verdict.value).toBeNull();
    }
  });

  it('sums up the marked words into the emphasis verdict', () => {
    const w = (status: 'good' | 'borderline' | 'low' | 'unmeasured', pitchGainSt: number | null) => ({ status, pitchGainSt });
    const band = { goodMin: 2, goodMax: null, lowBelow: null, highAbove: null };
    expect(byId(base).emphasis).toMatchObject({ status: 'unmeasured', value: null, unit: 'st', band, adviceKey: 'emphasis.unmeasured' });
    expect(byId({ ...base, emphasisWords: [w('good', 4), w('good', 2.5), w('good', 3)] }).emphasis)
      .toMatchObject({ status: 'good', value: 3, band, adviceKey: 'emphasis.good' });
    expect(byId({ ...base, emphasisWords: [w('good', 4), w('borderline', 1)] }).emphasis).toMatchObject({ status: 'borderline', value: 2.5 });
    expect(byId({ ...base, emphasisWords: [w('low', 0.5), w('low', -1)] }).emphasis).toMatchObject({ status: 'low', value: -0.25 });
    expect(byId({ ...base, emphasisWords: [w('good', 4), w('unmeasured', null)] }).emphasis).toMatchObject({ status: 'borderline', value: 4 });
    expect(byId({ ...base, emphasisWords: [w('unmeasured', null)] }).emphasis).toMatchObject({ status: 'unmeasured', value: null });
  });

  it('names the measure that decided a status the value against its band does not explain', () => {
    // −20.99 dBFS is inside −28…−16; the −1.2 dBFS peak makes it borderline.
    expect(byId({ ...base, activeLevelDbfs: -20.99, peakDbfs: -1.2 }).volume)
      .toMatchObject({ value: -20.99, status: 'borderline', reason: 'peakNearClipping', adviceKey: 'volume.peakNearClipping' });
    expect(byId({ ...base, clippedFraction: 1e-6 }).volume).toMatchObject({ status: 'high', reason: 'clipping', adviceKey: 'volume.clipping' });
    expect(byId({ ...base, peakDbfs: -0.5 }).volume).toMatchObject({ status: 'high', reason: 'peakTooHot' });
    expect(byId({ ...base, snrDb: 15 }).volume).toMatchObject({ status: 'borderline', reason: 'noisy' });
    expect(byId(base).volume.reason).toBeNull();
    expect(byId({ ...base, ...levelSteadiness([-20, -20, -28]) }).steadiness).toMatchObject({ reason: 'trailingOff' });
    expect(byId({ ...base, pausesInsideParts: [0, 3, 0] }).pauses)
      .toMatchObject({ value: 3, unit: 'pauses', measure: 'pausesInsidePart', status: 'borderline', reason: 'pausesInsidePart', adviceKey: 'pauses.pausesInsidePart' });
    const w = (status: 'good' | 'borderline' | 'unmeasured', pitchGainSt: number | null) => ({ status, pitchGainSt });
    expect(byId({ ...base, emphasisWords: [w('good', 3.5), w('borderline', 3.08)] }).emphasis)
      .toMatchObject({ status: 'borderline', reason: 'keyWordsNotStressed', adviceKey: 'emphasis.borderline' });
    expect(byId({ ...base, emphasisWords: [w('good', 3.5), w('unmeasured', null)] }).emphasis).toMatchObject({ reason: 'keyWordsUnlocated' });
    const neutral = { medianHz: 200 / 2 ** (1.98 / 12), activeLevelDbfs: -22, brightnessHz: 1200 };
    expect(byId({ ...base, baseline: neutral }).warmth).toMatchObject({ status: 'borderline', reason: 'notBrighter', adviceKey: 'warmth.notBrighter' });
  });

  it('points borderline advice to the side the value is on', () => {
    expect(byId({ ...base, sdSt: 2.3 }).pitchVariety).toMatchObject({ status: 'borderline', reason: null, adviceKey: 'pitchVariety.borderlineLow' });
    expect(byId({ ...base, sdSt: 6 }).pitchVariety.adviceKey).toBe('pitchVariety.borderlineHigh');
    expect(byId({ ...base, perMinute: 170 }).rate.adviceKey).toBe('rate.borderlineLow');
    expect(byId({ ...base, perMinute: 250 }).rate.adviceKey).toBe('rate.borderlineHigh');
    expect(byId({ ...base, activeLevelDbfs: -29 }).volume.adviceKey).toBe('volume.borderlineLow');
    expect(byId({ ...base, partGapsSec: [0.4, 0.95] }).pauses.adviceKey).toBe('pauses.borderlineHigh');
  });

  it('compares values as the report shows them (rounded by unit)', () => {
    // −15.996 dBFS is shown as −16: inside −28…−16, so good.
    expect(byId({ ...base, activeLevelDbfs: -15.996 }).volume.status).toBe('good');
    expect(byId({ ...base, activeLevelDbfs: -15.994 }).volume.status).toBe('borderline');
    expect(byId({ ...base, sdSt: 2.4996 }).pitchVariety.status).toBe('good');
    expect(byId({ ...base, perMinute: 179.96 }).rate.status).toBe('good');
    expect(byId({ ...base, partGapsSec: [0.4, 0.8004] }).pauses.status).toBe('good');
  });

  it('has advice in both languages for every key it emits', () => {
    const w = (status: 'good' | 'borderline' | 'low', pitchGainSt: number) => ({ status, pitchGainSt });
    const cases: ScoringInput[] = [base, { ...base, speechFound: false }, { ...base, snrDb: 10 },
      { ...base, perMinute: 100, sdSt: 9, ...levelSteadiness([-10, -30]), partGapsSec: [0.01] },
      { ...base, perMinute: 170, sdSt: 2.2, activeLevelDbfs: -29, peakDbfs: -20 }, { ...base, perMinute: 250, sdSt: 5, activeLevelDbfs: -15 },
      { ...base, peakDbfs: -2 }, { ...base, peakDbfs: -0.5 }, { ...base, clippedFraction: 0.01 }, { ...base, pausesInsideParts: [2] },
      { ...base, partGapsSec: [0.9] }, { ...base, baseline: { medianHz: 180, activeLevelDbfs: -25, brightnessHz: 1200 } },
      { ...base, baseline: { medianHz: 180, activeLevelDbfs: -19, brightnessHz: 1100 }, medianHz: 170 },
      { ...base, emphasisWords: [w('good', 3)] }, { ...base, emphasisWords: [w('borderline', 1)] }, { ...base, emphasisWords: [w('low', 0)] }];
    for (const c of cases) for (const v of scoreGuidelines(c, DEFAULT_BANDS.zh)) {
      expect(ADVICE[v.adviceKey], v.adviceKey).toBeDefined();
      expect(adviceText(v.adviceKey, 'zh-CN')).toMatch(/[\u4e00-\u9fff]/);
      expect(adviceText(v.adviceKey, 'en')).toMatch(/[a-z]/);
    }
  });
});
