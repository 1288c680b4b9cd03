import { describe, expect, it } from 'vitest';
import {
  baselineFromReport, calibrationProblemMessage, calibrationSentence, coversSentence, MAX_READING_SYLLABLES_PER_SEC, MIN_NUCLEI_SHARE,
} from '../../src/features/settings/calibration-model.ts';
import { hasMessage, t } from '../../src/i18n/index.ts';
import { restoreProfile } from '../../src/storage/index.ts';
import { makeReport } from './report-fixture.ts';

describe('calibration', () => {
  const when = new Date('2026-11-23T08:00:00.000Z');

  it('reads the neutral sentence of the script language', () => {
    expect(calibrationSentence('zh')).toBe(t('zh-CN', 'calibrate.sentence'));
    expect(calibrationSentence('en')).toBe(t('en', 'calibrate.sentence'));
  });

  it('keeps the reading’s median pitch, active level and brightness as the baseline', () => {
    const result = baselineFromReport(makeReport({}), when);
    expect(result).toEqual({
      ok: true,
      baseline: { medianHz: 215.3, activeLevelDbfs: -22.35, brightnessHz: 1250.4, recordedAt: '2026-11-23T08:00:00.000Z', analysisVersion: makeReport({}).analysisVersion },
    });
  });

  it('refuses a reading without speech, too short, or without pitch', () => {
    expect(baselineFromReport(makeReport({}, { speechFound: false }), when)).toEqual({ ok: false, problem: 'noSpeech' });
    const short = makeReport({});
    short.speech = { ...short.speech, soundingSec: 0.6 };
    expect(baselineFromReport(short, when)).toEqual({ ok: false, problem: 'tooShort' });
    const unvoiced = makeReport({});
    unvoiced.pitch = { ...unvoiced.pitch, medianHz: null };
    expect(baselineFromReport(unvoiced, when)).toEqual({ ok: false, problem: 'noPitch' });
    for (const p of ['noSpeech', 'tooShort', 'incomplete', 'noPitch'] as const) expect(hasMessage(calibrationProblemMessage(p))).toBe(true);
  });

  it('refuses a reading that does not cover the sentence: too few nuclei or too short a span for its syllables', () => {
    // 17 syllables (the Mandarin sentence): a whole reading has ~14 nuclei over ~4 s (the e2e fixture).
    const reading = (nuclei: number, spanSec: number) => {
      const r = makeReport({});
      r.rate = { ...r.rate, syllables: 17, syllablesSource: 'script', nuclei };
      r.speech = { ...r.speech, spanSec, soundingSec: Math.min(spanSec, 3) };
      return r;
    };
    expect(coversSentence(reading(14, 4.2))).toBe(true);
    expect(baselineFromReport(reading(14, 4.2), when).ok).toBe(true);
    // The count-in ate 2 s: half the syllables heard.
    expect(coversSentence(reading(7, 2.2))).toBe(false);
    expect(baselineFromReport(reading(7, 2.2), when)).toEqual({ ok: false, problem: 'incomplete' });
    // Enough nuclei (a noisy estimate) but 17 syllables cannot fit in 1.5 s.
    expect(baselineFromReport(reading(12, 1.5), when)).toEqual({ ok: false, problem: 'incomplete' });
    // Exactly at the limits: 0.6 × 17 = 10.2 nuclei, 17 / 7 ≈ 2.43 s.
    expect(coversSentence(reading(11, 17 / MAX_READING_SYLLABLES_PER_SEC))).toBe(true);
    expect(coversSentence(reading(10, 3))).toBe(false);
    expect(MIN_NUCLEI_SHARE).toBe(0.6);
    expect(t('en', calibrationProblemMessage('incomplete'))).toMatch(/not saved/);
  });

  it('keeps the brightness through storage only when it was measured', () => {
    const base = { schemaVersion: 1, id: 'me', name: 'Sam', company: '', scriptLang: 'en', uiLang: 'en' };
    const baseline = { medianHz: 130, activeLevelDbfs: -21, recordedAt: null, analysisVersion: null };
    expect(restoreProfile({ ...base, baseline: { ...baseline, brightnessHz: 1250.4 } })?.baseline?.brightnessHz).toBe(1250.4);
    expect(restoreProfile({ ...base, baseline })?.baseline).toEqual(baseline);
    expect(restoreProfile({ ...base, baseline: { ...baseline, brightnessHz: 'bright' } })?.baseline).toEqual(baseline);
  });
});
