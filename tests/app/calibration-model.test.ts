import { describe, expect, it } from 'vitest';
import { baselineFromReport, calibrationProblemMessage, calibrationSentence } from '../../src/features/settings/calibration-model.ts';
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
    for (const p of ['noSpeech', 'tooShort', 'noPitch'] as const) expect(hasMessage(calibrationProblemMessage(p))).toBe(true);
  });

  it('keeps the brightness through storage only when it was measured', () => {
    const base = { schemaVersion: 1, id: 'me', name: 'Sam', company: '', scriptLang: 'en', uiLang: 'en' };
    const baseline = { medianHz: 130, activeLevelDbfs: -21, recordedAt: null, analysisVersion: null };
    expect(restoreProfile({ ...base, baseline: { ...baseline, brightnessHz: 1250.4 } })?.baseline?.brightnessHz).toBe(1250.4);
    expect(restoreProfile({ ...base, baseline })?.baseline).toEqual(baseline);
    expect(restoreProfile({ ...base, baseline: { ...baseline, brightnessHz: 'bright' } })?.baseline).toEqual(baseline);
  });
});
