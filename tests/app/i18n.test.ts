import { describe, expect, it } from 'vitest';
import type { GuidelineId, VerdictStatus } from '../../src/analysis/index.ts';
import { ADVICE } from '../../src/i18n/advice.ts';
import { EN } from '../../src/i18n/en.ts';
import {
  CATALOGUES, detectUiLang, differenceUnit, formatBand, formatBuildId, formatClock, guidelineLabel, hasMessage, interpolate, joinList, statusLabel, t, UI_LANGS, unitLabel,
} from '../../src/i18n/index.ts';
import { ZH_CN } from '../../src/i18n/zh-CN.ts';
import { micErrorMessages, storageErrorMessage } from '../../src/services/error-messages.ts';
import type { StorageErrorKind } from '../../src/storage/index.ts';

// A message's arguments: `{name}` and the number of a plural block `{name, plural, …}`, each once.
const params = (s: string): string[] => [...new Set([...s.matchAll(/\{(\w+)(?:\}|,\s*plural,)/g)].map((m) => m[1]))].sort();
const GUIDELINES: GuidelineId[] = ['rate', 'volume', 'effort', 'steadiness', 'pitchLevel', 'pitchVariety', 'pauses', 'emphasis', 'warmth'];
const STATUSES: VerdictStatus[] = ['low', 'borderline', 'good', 'high', 'unmeasured'];

describe('message catalogues', () => {
  it('have the same keys in zh-CN and en', () => {
    expect(Object.keys(ZH_CN).sort()).toEqual(Object.keys(EN).sort());
  });

  it('have no empty message and the same {params} in both languages', () => {
    for (const key of Object.keys(EN) as (keyof typeof EN)[]) {
      for (const lang of UI_LANGS) expect(CATALOGUES[lang][key].trim(), `${lang} ${key}`).not.toBe('');
      expect(params(ZH_CN[key]), key).toEqual(params(EN[key]));
    }
  });

  it('name every guideline and every status, in both languages', () => {
    for (const lang of UI_LANGS) {
      for (const g of GUIDELINES) {
        expect(guidelineLabel(lang, g)).not.toBe(g);
        for (const s of STATUSES) expect(statusLabel(lang, g, s)).toBe(t(lang, hasMessage(`status.${g}.${s}`) ? `status.${g}.${s}` as 'status.low' : `status.${s}`));
      }
    }
    expect(statusLabel('en', 'rate', 'low')).toBe('too slow');
    expect(statusLabel('zh-CN', 'rate', 'high')).toBe('太快');
    expect(statusLabel('en', 'rate', 'borderline')).toBe('borderline');
    expect(statusLabel('zh-CN', 'rate', 'borderline')).toBe('接近边缘');
  });

  it('have advice for every guideline status in both languages (src/guidelines)', () => {
    for (const g of GUIDELINES) {
      for (const s of STATUSES) {
        // Steadiness has no "low" side and warmth no "high" side (scoring never gives them).
        if ((g === 'steadiness' && s === 'low') || (g === 'warmth' && s === 'high')) continue;
        const entry = ADVICE[`${g}.${s}`];
        expect(entry, `${g}.${s}`).toBeDefined();
        expect(entry['zh-CN']).not.toBe(entry.en);
      }
    }
  });

  it('cover the practice screen’s cases', () => {
    for (const key of ['nav.practice', 'nav.history', 'nav.progress', 'nav.settings', 'mic.asking', 'mic.denied.howTo', 'mic.notFound',
      'mic.busy', 'practice.countIn', 'practice.recording', 'practice.elapsed', 'practice.stop', 'practice.autoStop.silence',
      'calibrate.first', 'calibrate.sentence', 'warning.noSpeech.title', 'warning.tooShort', 'warning.clipping', 'warning.lowLevel',
      'storage.quota', 'recover.body', 'practice.tryAgain', 'scorecard.vsPrevious', 'scorecard.vsBest']) {
      expect(hasMessage(key), key).toBe(true);
    }
    expect(t('en', 'mic.denied.howTo')).toMatch(/Chrome or Edge/);
    expect(t('en', 'storage.quota')).toMatch(/safe/);
    expect(t('zh-CN', 'storage.quota')).toMatch(/完好无损/);
    expect(t('en', 'warning.noSpeech.title')).toBe('We didn’t hear you');
  });

  it('give every storage error kind and microphone problem a message', () => {
    const kinds: StorageErrorKind[] = ['quota', 'blocked', 'unavailable', 'newer-version', 'corrupt', 'not-found', 'unknown'];
    for (const kind of kinds) expect(hasMessage(storageErrorMessage(kind))).toBe(true);
    for (const kind of ['denied', 'no-microphone', 'busy', 'insecure', 'unsupported', 'unknown'] as const) {
      for (const key of micErrorMessages(kind)) expect(hasMessage(key), key).toBe(true);
    }
    expect(micErrorMessages('denied')).toContain('mic.denied.howTo');
  });
});

describe('t and detectUiLang', () => {
  it('substitutes {params} and leaves unknown ones visible', () => {
    expect(t('en', 'practice.elapsed', { time: '0:07' })).toBe('0:07 elapsed');
    expect(t('zh-CN', 'practice.countIn', { count: 3 })).toBe('准备……3');
    expect(t('en', 'practice.countIn')).toBe('Get ready… {count}');
  });

  it('writes the build time as a date for people, and a difference of levels in dB', () => {
    expect(formatBuildId('en', '2026-12-02T03:19:00.000Z')).not.toMatch(/T03:19|Z$/);
    expect(formatBuildId('en', '2026-12-02T03:19:00.000Z')).toMatch(/2026/);
    expect(formatBuildId('zh-CN', '2026-12-02T12:00:00.000Z')).toMatch(/2026年12月2日/);
    expect(formatBuildId('en', 'e2e-build-a')).toBe('e2e-build-a');
    expect(differenceUnit('dBFS')).toBe('dB');
    expect(differenceUnit('st')).toBe('st');
  });

  it('chooses plural forms by Intl.PluralRules: "1 take", "2 takes", "1 day in a row"', () => {
    expect(t('en', 'history.takeCount', { count: 1 })).toBe('1 take');
    expect(t('en', 'history.takeCount', { count: 2 })).toBe('2 takes');
    expect(t('en', 'history.takeCount', { count: 0 })).toBe('0 takes');
    expect(t('en', 'progress.streak', { days: 1 })).toBe('You have practised 1 day in a row.');
    expect(t('en', 'progress.streak', { days: 12 })).toBe('You have practised 12 days in a row.');
    expect(t('en', 'progress.streakLongest', { days: 1 })).toBe('Longest streak: 1 day');
    expect(t('en', 'storageHealth.outdated', { count: 1 })).toBe('1 take was scored by an older version of the analysis.');
    expect(t('en', 'backup.imported', { added: 1, updated: 0, skipped: 2 })).toBe('Imported 1 new take; 0 updated with newer scores; 2 were already here.');
    expect(t('zh-CN', 'history.takeCount', { count: 1 })).toBe('1 次录音');
    // A number given as text still selects; a missing number leaves the block visible.
    expect(interpolate('{n, plural, one {# item} other {# items}}', { n: '1' })).toBe('1 item');
    expect(interpolate('{n, plural, =0 {none} one {# item} other {# items}}', { n: 0 })).toBe('none');
    expect(interpolate('{n, plural, one {# item} other {# items}}', {})).toBe('{n, plural, one {# item} other {# items}}');
    // No message of either catalogue shows a plural block unresolved for 1 and 2.
    for (const lang of UI_LANGS) {
      for (const key of Object.keys(EN) as (keyof typeof EN)[]) {
        const names = params(CATALOGUES[lang][key]);
        for (const n of [1, 2]) expect(t(lang, key, Object.fromEntries(names.map((p) => [p, n]))), `${lang} ${key}`).not.toMatch(/plural,/);
      }
    }
  });

  it.each([
    [['zh-CN', 'en'], 'zh-CN'], [['zh-TW'], 'zh-CN'], [['zh'], 'zh-CN'], [['ZH_hk'], 'zh-CN'],
    [['en-US', 'zh-CN'], 'en'], [['fr-FR', 'zh-CN'], 'zh-CN'], [['de-DE'], 'en'], [[], 'en'],
  ] as [string[], string][])('%j → %s', (langs, expected) => {
    expect(detectUiLang(langs)).toBe(expected);
  });
});

describe('formatting', () => {
  it('writes bands with units per UI language', () => {
    expect(formatBand('zh-CN', { goodMin: 180, goodMax: 240 }, 'chars/min')).toBe('180–240 字/分钟');
    expect(formatBand('en', { goodMin: 120, goodMax: 160 }, 'wpm')).toBe('120–160 wpm');
    expect(formatBand('en', { goodMin: -28, goodMax: -16 }, 'dBFS')).toBe('-28 to -16 dBFS');
    expect(formatBand('zh-CN', { goodMin: null, goodMax: 3 }, 'dB')).toBe('不超过 3 dB');
    expect(formatBand('en', null, 'st')).toBe('—');
    expect(unitLabel('zh-CN', 'st')).toBe('半音');
    expect(unitLabel('en', 'furlongs')).toBe('furlongs');
  });

  it('formats clocks and lists', () => {
    expect(formatClock(7.9)).toBe('0:07');
    expect(formatClock(754)).toBe('12:34');
    expect(formatClock(3725)).toBe('1:02:05');
    expect(formatClock(Number.NaN)).toBe('0:00');
    expect(joinList('en', ['a', 'b', 'c'])).toBe('a, b and c');
    expect(joinList('zh-CN', ['语速', '停顿'])).toBe('语速、停顿');
  });
});
