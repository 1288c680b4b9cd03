// Band overrides from a trainer's JSON: validated field by field, merged onto the defaults.
import { describe, expect, it } from 'vitest';
import { applyBandOverrides } from '../../src/guidelines/band-overrides.ts';
import { DEFAULT_BANDS, GUIDELINES_VERSION } from '../../src/guidelines/bands.ts';

const errorOf = (input: unknown, lang: 'zh' | 'en' = 'en'): string => {
  const r = applyBandOverrides(input, lang);
  return r.ok ? 'ok' : r.error;
};

describe('applyBandOverrides: good input', () => {
  it('merges a partial flat override onto the defaults of the language and marks the version', () => {
    const r = applyBandOverrides({ rate: { lowBelow: 10, goodMin: 20, goodMax: 30, highAbove: 40 }, pauses: { longestMaxSec: 2 } }, 'en');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.bands.rate).toEqual({ lowBelow: 10, goodMin: 20, goodMax: 30, highAbove: 40, unit: 'wpm' });
    expect(r.bands.pauses).toEqual({ ...DEFAULT_BANDS.en.pauses, longestMaxSec: 2 });
    expect(r.bands.volume).toEqual(DEFAULT_BANDS.en.volume);
    expect(r.bands.emphasis).toEqual(DEFAULT_BANDS.en.emphasis);
    expect(r.bands.lang).toBe('en');
    expect(r.bands.version).toBe(`${GUIDELINES_VERSION}+custom`);
    // Plain data: it survives structured cloning (the worker) and JSON unchanged.
    expect(structuredClone(r.bands)).toEqual(r.bands);
    expect(JSON.parse(JSON.stringify(r.bands))).toEqual(r.bands);
  });

  it('an empty override, or the defaults themselves, give the defaults with their version', () => {
    expect(applyBandOverrides({}, 'zh')).toEqual({ ok: true, bands: DEFAULT_BANDS.zh });
    expect(applyBandOverrides(JSON.parse(JSON.stringify(DEFAULT_BANDS.en)), 'en')).toEqual({ ok: true, bands: DEFAULT_BANDS.en });
  });

  it('null opens an edge; the unit may be repeated unchanged', () => {
    const r = applyBandOverrides({ rate: { highAbove: null, unit: 'chars/min' } }, 'zh');
    expect(r.ok && r.bands.rate).toEqual({ ...DEFAULT_BANDS.zh.rate, highAbove: null });
  });

  it('per language: picks the analysis language; a language not given keeps its defaults', () => {
    const input = { zh: { rate: { goodMin: 200 } }, en: { rate: { goodMin: 130 } } };
    const zh = applyBandOverrides(input, 'zh');
    const en = applyBandOverrides(input, 'en');
    expect(zh.ok && zh.bands.rate.goodMin).toBe(200);
    expect(en.ok && en.bands.rate.goodMin).toBe(130);
    expect(applyBandOverrides({ zh: { rate: { goodMin: 200 } } }, 'en')).toEqual({ ok: true, bands: DEFAULT_BANDS.en });
  });
});

describe('applyBandOverrides: bad input names the field', () => {
  it.each<[string, unknown, RegExp]>([
    ['not an object', [1, 2], /^bands: must be an object/],
    ['null', null, /^bands: must be an object/],
    ['a string edge', { rate: { goodMin: '20' } }, /^rate\.goodMin: must be a number or null\.$/],
    ['an infinite edge', { rate: { goodMax: Infinity } }, /^rate\.goodMax: must be a finite number or null\.$/],
    ['a NaN limit', { pauses: { longestMaxSec: NaN } }, /^pauses\.longestMaxSec: must be a number\.$/],
    ['a null limit', { steadiness: { maxPhraseSdDb: null } }, /^steadiness\.maxPhraseSdDb: must be a number\.$/],
    ['a negative pause', { pauses: { betweenPartsMinSec: -0.1 } }, /^pauses\.betweenPartsMinSec: must not be negative\.$/],
    ['a fractional count', { pauses: { maxPausesInsidePart: 1.5 } }, /^pauses\.maxPausesInsidePart: must be a whole number\.$/],
    ['minCues out of range', { emphasis: { minCues: 4 } }, /^emphasis\.minCues: must be 1, 2 or 3\.$/],
    ['an unknown guideline', { speed: { goodMin: 1 } }, /^speed: unknown field\.$/],
    ['an unknown edge', { rate: { goodMinimum: 1 } }, /^rate\.goodMinimum: unknown field\.$/],
    ['a changed unit', { rate: { unit: 'syl/s' } }, /^rate\.unit: must be "wpm" \(units cannot be changed\), not "syl\/s"\.$/],
    ['edges out of order', { rate: { lowBelow: 10, goodMin: 40, goodMax: 30, highAbove: 50 } }, /^rate: goodMin \(40\) must not be above goodMax \(30\)\.$/],
    ['a given edge against a default one', { rate: { goodMin: 20, goodMax: 30 } }, /^rate: lowBelow \(110, the default\) must not be above goodMin \(20\); give lowBelow too/],
    ['pause limits out of order', { pauses: { betweenPartsMinSec: 0.9 } }, /^pauses: betweenPartsMinSec \(0\.9\) must not be above betweenPartsMaxSec \(0\.8\)\.$/],
    ['the wrong lang', { lang: 'zh' }, /^lang: is "zh" but the language is "en"\.$/],
    ['per language, bad field', { en: { rate: { goodMin: 'x' } } }, /^en\.rate\.goodMin: must be a number or null\.$/],
    ['per language, the other language is checked too', { zh: { volume: { unit: 'dB' } } }, /^zh\.volume\.unit: must be "dBFS"/],
    ['per language mixed with flat fields', { en: {}, rate: { goodMin: 1 } }, /^rate: unknown field\.$/],
  ])('%s', (_name, input, message) => {
    expect(errorOf(input)).toMatch(message);
  });
});
