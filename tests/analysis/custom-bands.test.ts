// A drill's own bands reach every verdict: rate, pauses and the emphasis limits follow options.bands.
import { describe, expect, it } from 'vitest';
import { analyzeRecording, type AnalysisReport, type AnalyzeOptions } from '../../src/analysis/index.ts';
import { applyBandOverrides } from '../../src/guidelines/band-overrides.ts';
import { DEFAULT_BANDS, type GuidelineBands } from '../../src/guidelines/bands.ts';
import type { Lang } from '../../src/analysis/types.ts';
import { partsAt, speechLike, type SyllableBump } from '../helpers/synth.ts';

const FS = 16000;
const voice = { f0StartHz: 150, f0EndHz: 210, levelDbfs: -22, syllablesPerSec: 4 };

function bands(overrides: unknown, lang: Lang): GuidelineBands {
  const result = applyBandOverrides(overrides, lang);
  if (!result.ok) throw new Error(result.error);
  return result.bands;
}

const verdict = (r: AnalysisReport, guideline: string) => r.verdicts.find((v) => v.guideline === guideline);

// Three phrases (6, 8, 10 syllables, 0.5 s apart) over a 7 s span, read from a 16-word script: ≈ 137 wpm.
const rateTake = speechLike({ sampleRateHz: FS, durationSec: 8.5, phrases: partsAt(0.5, [6, 8, 10], 0.5, voice), noiseDbfs: -75, seed: 7 });
const RATE_SCRIPT = Array.from({ length: 16 }, () => 'ba').join(' ');
const rateRun = (extra: AnalyzeOptions = {}): AnalysisReport =>
  analyzeRecording({ channels: [rateTake], sampleRateHz: FS }, { lang: 'en', script: RATE_SCRIPT, ...extra });

describe('custom bands', () => {
  const base = rateRun();

  it('a 140 wpm take is good by default and high against a 20–30 wpm band', () => {
    expect(base.rate.perMinute).toBeGreaterThan(125);
    expect(base.rate.perMinute).toBeLessThan(155);
    expect(verdict(base, 'rate')?.status).toBe('good');
    const slow = rateRun({ bands: bands({ rate: { lowBelow: 15, goodMin: 20, goodMax: 30, highAbove: 40 } }, 'en') });
    expect(verdict(slow, 'rate')).toMatchObject({ status: 'high', band: { goodMin: 20, goodMax: 30, lowBelow: 15, highAbove: 40 } });
    // Open outer edges: past goodMax is borderline, never high.
    const open = rateRun({ bands: bands({ rate: { lowBelow: null, goodMin: 20, goodMax: 30, highAbove: null } }, 'en') });
    expect(verdict(open, 'rate')?.status).toBe('borderline');
    // Only the rate verdict moved.
    expect(slow.verdicts.filter((v) => v.guideline !== 'rate')).toEqual(base.verdicts.filter((v) => v.guideline !== 'rate'));
  });

  it('default behaviour is unchanged: the default bands give the very same report', () => {
    expect(rateRun({ bands: DEFAULT_BANDS.en })).toEqual(base);
    expect(rateRun({ bands: bands({}, 'en') })).toEqual(base);
  });

  it('a bands object for another language is refused with a sentence', () => {
    expect(() => rateRun({ bands: DEFAULT_BANDS.zh })).toThrow(/bands are for language "zh" but the analysis language is "en"/);
  });

  it('custom pause limits change the pauses verdict', () => {
    const script = '您好，星海客服，我是王芳，请问有什么可以帮您？';
    const x = speechLike({ sampleRateHz: FS, durationSec: 8, phrases: partsAt(0.4, [2, 4, 4, 9], 0.5, voice), noiseDbfs: -75, seed: 3 });
    const run = (b?: GuidelineBands) => analyzeRecording({ channels: [x], sampleRateHz: FS }, { script, ...(b ? { bands: b } : {}) });
    expect(verdict(run(), 'pauses')?.status).toBe('good');
    expect(verdict(run(bands({ pauses: { betweenPartsMaxSec: 0.3 } }, 'zh')), 'pauses')?.status).toBe('borderline');
    expect(verdict(run(bands({ pauses: { longestMaxSec: 0.3 } }, 'zh')), 'pauses')?.status).toBe('high');
    expect(verdict(run(bands({ zh: { pauses: { betweenPartsMinSec: 0.6, betweenPartsMaxSec: 0.9 } } }, 'zh')), 'pauses')?.status).toBe('low');
  });

  it('custom emphasis limits reach the per-word verdicts and the emphasis verdict', () => {
    // 您好 | *星海*客服 with a +4 st, +3 dB, 1.4× prominence bump on the marked word.
    const script = '您好，*星海*客服，我是王芳。';
    const bump: SyllableBump = { firstSyllable: 0, syllableCount: 2, pitchSt: 4, levelDb: 3, durationFactor: 1.4 };
    const phrases = partsAt(0.5, [2, 4, 4], 0.4, { ...voice, f0StartHz: 220, f0EndHz: 190 }, [null, bump, null]);
    const x = speechLike({ sampleRateHz: FS, durationSec: phrases[2].endSec + 0.6, phrases, noiseDbfs: -70, seed: 3 });
    const run = (b?: GuidelineBands) => analyzeRecording({ channels: [x], sampleRateHz: FS }, { lang: 'zh', script, ...(b ? { bands: b } : {}) });
    const byDefault = run();
    expect(byDefault.emphasis[0].status).toBe('good');
    expect(verdict(byDefault, 'emphasis')?.status).toBe('good');
    const strict = run(bands({ emphasis: { minPitchGainSt: 8 } }, 'zh'));
    expect(strict.emphasis[0].pitchGainSt).toBe(byDefault.emphasis[0].pitchGainSt);
    expect(strict.emphasis[0].status).toBe('borderline');
    expect(verdict(strict, 'emphasis')).toMatchObject({ status: 'borderline', band: { goodMin: 8 } });
  });
});
