/**
 * The trainer's editor models (src/features/trainer/trainer-model.ts) against known truths: a script's syllables,
 * words and expected duration at the rate band's middle (counted by hand), the band override inputs → the overrides
 * object (the borderline edge moves with the good edge), ids from titles, and the validation messages of a drill form.
 */
import { describe, expect, it } from 'vitest';
import { renderDrill } from '../../src/drills/index.ts';
import {
  bandOverridesOf, emptyDrillForm, idFromTitle, isDueDate, packDrillOf, packFileName, previewDrill, previewFigures, drillFormOf, type DrillForm,
} from '../../src/features/trainer/trainer-model.ts';
import { DEFAULT_BANDS } from '../../src/guidelines/bands.ts';
import { CATALOGUES } from '../../src/i18n/index.ts';
import type { FormMessage } from '../../src/features/trainer/trainer-model.ts';

// Every message key the model produces has a text in both catalogues.
function expectKnownKeys(messages: readonly FormMessage[]): void {
  for (const m of messages) {
    if ('key' in m) {
      expect(Object.keys(CATALOGUES.en)).toContain(m.key);
      expect(Object.keys(CATALOGUES['zh-CN'])).toContain(m.key);
    }
  }
}

const ZH_PROFILE = { fills: { zh: { name: '李娜', company: '远航保险' }, en: { name: 'Sam Lee', company: 'Acme' } } };

function form(over: Partial<DrillForm>): DrillForm {
  return { ...emptyDrillForm('en'), titleEn: 'Opening', titleZh: '开场', ...over };
}

const EN_GREETING = 'Thank you for calling {company}. This is {name}. How can I help you today?';
// 您好(2) 欢迎致电远航保险(8) 我是李娜(4) 请问有什么可以帮您(9) = 23 Han characters.
const ZH_GREETING = '您好，欢迎致电{company}，我是{name}，请问有什么可以*帮*您？';

describe('preview figures', () => {
  it('Mandarin: 23 characters at the default 180–240 chars/min take 23 ÷ 210 × 60 = 6.571 s', () => {
    const drill = previewDrill(form({ lang: 'zh', kind: 'greeting4', template: ZH_GREETING }));
    expect(drill).not.toBeNull();
    const f = previewFigures(drill!, renderDrill(drill!, ZH_PROFILE));
    expect(f.syllables).toBe(23);
    expect(f.rateUnits).toBe(23);
    expect(f.rateMid).toBe(210);
    expect(f.rateUnit).toBe('chars/min');
    expect(f.durationSec).toBeCloseTo((23 / 210) * 60, 10);
  });

  it('Mandarin with a 150–190 band: the middle is 170, so 23 ÷ 170 × 60 = 8.118 s', () => {
    const drill = previewDrill(form({ lang: 'zh', kind: 'greeting4', template: ZH_GREETING, bands: { ...emptyDrillForm('zh').bands, rate: { min: '150', max: '190' } } }));
    const f = previewFigures(drill!, renderDrill(drill!, ZH_PROFILE));
    expect(f.rateMid).toBe(170);
    expect(f.durationSec).toBeCloseTo((23 / 170) * 60, 10);
  });

  it('English: 18 syllables and 15 words; the wpm band counts words, 15 ÷ 140 × 60 = 6.429 s', () => {
    const drill = previewDrill(form({ kind: 'greeting3', template: EN_GREETING }));
    const f = previewFigures(drill!, renderDrill(drill!, ZH_PROFILE));
    // Thank you for call-ing Ac-me · This is Sam Lee · How can I help you to-day
    expect(f.syllables).toBe(18);
    expect(f.rateUnits).toBe(15);
    expect(f.rateMid).toBe(140);
    expect(f.durationSec).toBeCloseTo((15 / 140) * 60, 10);
  });

  it('gives no preview while the script does not parse', () => {
    expect(previewDrill(form({ kind: 'greeting3', template: 'Hello there' }))).toBeNull();
    expect(previewDrill(form({ kind: 'greeting3', template: EN_GREETING, bands: { ...emptyDrillForm('en').bands, rate: { min: 'fast', max: '' } } }))).toBeNull();
  });
});

describe('band override inputs', () => {
  const blank = emptyDrillForm('en').bands;

  it('nothing given: no overrides, no errors', () => {
    expect(bandOverridesOf('en', blank)).toEqual({ overrides: undefined, errors: [] });
  });

  it('min/max become goodMin/goodMax and the borderline edges keep the default width (en rate 110|120–160|175)', () => {
    const { overrides, errors } = bandOverridesOf('en', { ...blank, rate: { min: '100', max: '130' } });
    expect(errors).toEqual([]);
    expect(overrides).toEqual({ rate: { goodMin: 100, lowBelow: 90, goodMax: 130, highAbove: 145 } });
  });

  it('an open default edge stays open (volume has no highAbove); one side only; decimals and a comma', () => {
    const { overrides, errors } = bandOverridesOf('en', { ...blank, volume: { min: '', max: '-20' }, pitchVariety: { min: '2,5', max: '' } });
    expect(errors).toEqual([]);
    expect(overrides).toEqual({ volume: { goodMax: -20 }, pitchVariety: { goodMin: 2.5, lowBelow: 2 } });
  });

  it('refuses text, out-of-range values and a min not below the max (the default max when only min is given)', () => {
    const { overrides, errors } = bandOverridesOf('en', {
      ...blank, rate: { min: 'fast', max: '' }, volume: { min: '5', max: '' }, pitchVariety: { min: '5', max: '' },
    });
    expect(overrides).toBeUndefined();
    expect(errors).toEqual([
      { key: 'trainer.error.bandNumber', params: { guideline: 'rate', side: 'min', text: 'fast' } },
      { key: 'trainer.error.bandRange', params: { guideline: 'volume', side: 'min', min: -60, max: 0, unit: 'dBFS' } },
      { key: 'trainer.error.bandOrder', params: { guideline: 'pitchVariety', min: 5, max: 4.5, unit: 'st' } },
    ]);
    expectKnownKeys(errors);
  });

  it('round-trips through a stored drill: the form shows only what differs from the defaults', () => {
    const result = packDrillOf(form({ kind: 'greeting3', template: EN_GREETING, bands: { ...blank, rate: { min: '100', max: '130' } } }), null, new Set());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.packDrill.drill.bands.rate).toEqual({ lowBelow: 90, goodMin: 100, goodMax: 130, highAbove: 145, unit: 'wpm' });
    expect(result.packDrill.drill.bands.volume).toEqual(DEFAULT_BANDS.en.volume);
    expect(drillFormOf(result.packDrill).bands).toEqual({ ...blank, rate: { min: '100', max: '130' } });
  });
});

describe('drill form', () => {
  it('makes the pack drill: id from the English title, attempts, due date, notes, slow spans', () => {
    const result = packDrillOf(form({
      titleEn: 'Café Greeting!', kind: 'greeting3', template: EN_GREETING, attempts: ' 4 ', due: '2026-12-24', notes: 'Smile.', slow: ' How can I help \n\n',
      focus: ['rate', 'emphasis'],
    }), null, new Set(['cafe-greeting']));
    expect(result).toEqual({
      ok: true,
      packDrill: expect.objectContaining({ attemptsRequired: 4, dueDate: '2026-12-24', notes: 'Smile.', slowSpans: ['How can I help'], hasModel: false }),
    });
    if (!result.ok) return;
    expect(result.packDrill.drill).toMatchObject({ id: 'cafe-greeting-2', version: 1, kind: 'greeting3', lang: 'en', builtIn: false, focus: ['rate', 'emphasis'], title: { en: 'Café Greeting!', 'zh-CN': '开场' } });
  });

  it('says every problem: attempts, due date, slow span not in the script, the id taken, and parseDrill’s own sentence', () => {
    const result = packDrillOf(form({ id: 'taken', kind: 'greeting3', template: 'Hello {name}, welcome', attempts: '0', due: '2026-02-30', slow: 'good morning' }), null, new Set(['taken']));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      { key: 'trainer.error.drillIdTaken', params: { id: 'taken' } },
      { text: 'template: a greeting3 greeting must have 3 parts separated by punctuation or "|", but it has 2.' },
      { key: 'trainer.error.attemptsRange', params: { max: 50 } },
      { key: 'trainer.error.dueDate', params: { text: '2026-02-30' } },
      { key: 'trainer.error.slowSpan', params: { span: 'good morning' } },
    ]);
    expectKnownKeys(result.errors);
  });

  it('requires attempts and keeps an edited drill’s version and model flag', () => {
    const missing = packDrillOf(form({ kind: 'greeting3', template: EN_GREETING, attempts: '' }), null, new Set());
    expect(missing).toEqual({ ok: false, errors: [{ key: 'trainer.error.attemptsMissing' }] });
    if (!missing.ok) expectKnownKeys(missing.errors);
    const first = packDrillOf(form({ kind: 'greeting3', template: EN_GREETING }), null, new Set());
    if (!first.ok) throw new Error('not made');
    const existing = { ...first.packDrill, drill: { ...first.packDrill.drill, version: 3 }, hasModel: true };
    const again = packDrillOf(drillFormOf(existing), existing, new Set());
    expect(again.ok && again.packDrill.drill.version).toBe(3);
    expect(again.ok && again.packDrill.hasModel).toBe(true);
  });
});

describe('ids and names', () => {
  it('makes ids from titles, unique, with a fallback for a title without Latin letters', () => {
    expect(idFromTitle('  Refund Apology (v2) ', new Set(), 'pack-1')).toBe('refund-apology-v2');
    expect(idFromTitle('Refund apology', new Set(['refund-apology', 'refund-apology-2']), 'x')).toBe('refund-apology-3');
    expect(idFromTitle('退款致歉', new Set(), 'pack-3')).toBe('pack-3');
    expect(idFromTitle('a'.repeat(100), new Set(), 'x')).toHaveLength(56);
  });

  it('checks due dates and names the file', () => {
    expect(isDueDate('2028-02-29')).toBe(true);
    expect(isDueDate('2027-02-29')).toBe(false);
    expect(isDueDate('24/12/2026')).toBe(false);
    expect(packFileName('new-hires', 3)).toBe('new-hires-v3.vdpack');
  });
});

describe('failures as one sentence', () => {
  it('full storage is one sentence; other storage failures keep their sentence as detail; a TrainerError its own message', async () => {
    const { messageOf } = await import('../../src/features/trainer/failure-message.ts');
    const { StorageError } = await import('../../src/storage/index.ts');
    const { TrainerError } = await import('../../src/features/trainer/trainer-model.ts');
    expect(messageOf(new StorageError('quota', 'The disk is full.'))).toEqual({ key: 'trainer.error.quota' });
    expect(CATALOGUES.en['trainer.error.quota']).toBe('This device is out of space for VoiceDrill, so this was not saved; what you saved before is safe.');
    expect(messageOf(new StorageError('blocked', 'Another tab.'))).toEqual({ key: 'trainer.error.storage', detail: 'Another tab.' });
    expect(messageOf(new Error('Worker died.'), 'trainer.model.analysisError')).toEqual({ key: 'trainer.model.analysisError', detail: 'Worker died.' });
    expect(messageOf(new TrainerError({ key: 'trainer.error.tooManyDrills', params: { max: 100 } }))).toEqual({ key: 'trainer.error.tooManyDrills', params: { max: 100 } });
  });
});
