import { describe, expect, it } from 'vitest';
import { parseScript } from '../../src/analysis/script.ts';
import {
  BUILT_IN_DRILLS, BUILT_IN_PASSAGES, findBuiltInDrill, parseDrill, renderDrill, SAMPLE_PROFILE, type Drill,
} from '../../src/drills/index.ts';
import { DEFAULT_BANDS, GUIDELINES_VERSION } from '../../src/guidelines/bands.ts';

function drill(id: string): Drill {
  const d = findBuiltInDrill(id);
  if (d === null) throw new Error(`no drill ${id}`);
  return d;
}

describe('built-in greetings', () => {
  const profile = { name: '李雷', company: '蓝天航空' };
  const enProfile = { name: 'Alex', company: 'Bluebird Telecom' };

  it.each([
    ['zh-greeting3', profile, 3, ['服务'], '早上好，我是李雷，很高兴为您*服务*'],
    ['zh-greeting4', profile, 4, ['蓝天航空', '帮您'], '您好，*蓝天航空*，我是李雷，请问有什么可以*帮您*？'],
    ['en-greeting3', enProfile, 3, ['help'], 'Good morning, this is Alex, glad to *help* you.'],
    ['en-greeting4', enProfile, 4, ['Bluebird Telecom', 'help'], 'Hello, *Bluebird Telecom*, this is Alex, how may I *help* you today?'],
  ])('%s renders and parses into its parts with its key words', (id, who, partCount, emphasis, script) => {
    const d = drill(id);
    const r = renderDrill(d, who);
    expect(r.script).toBe(script);
    expect(r.filledWithSample).toEqual({ name: false, company: false });
    const parsed = parseScript(r.script, d.lang);
    expect(parsed.parts).toHaveLength(partCount);
    expect(parsed.parts.flatMap((p) => p.emphasis)).toEqual(emphasis);
    expect(r.displayParts.map((p) => p.text)).toEqual(parsed.parts.map((p) => p.text));
    expect(r.displayParts.flatMap((p) => p.emphasis)).toEqual(emphasis);
    expect(r.syllables).toBe(parsed.syllables);
    expect(d.bands).toBe(DEFAULT_BANDS[d.lang]);
  });

  it('fills empty profile fields with a sample and says so', () => {
    const r = renderDrill(drill('zh-greeting4'), { name: '  ', company: '' });
    expect(r.script).toBe(`您好，*${SAMPLE_PROFILE.zh.company}*，我是${SAMPLE_PROFILE.zh.name}，请问有什么可以*帮您*？`);
    expect(r.filledWithSample).toEqual({ name: true, company: true });
    expect(renderDrill(drill('en-greeting3'), null).filledWithSample).toEqual({ name: true, company: false });
  });

  it('cleans a company name that would add parts or marks', () => {
    const r = renderDrill(drill('en-greeting4'), { name: 'Jo*', company: 'Smith, Jones & Co. {name}' });
    const parsed = parseScript(r.script, 'en');
    expect(parsed.parts).toHaveLength(4);
    expect(parsed.parts[1].emphasis).toEqual(['Smith Jones & Co name']);
    expect(parsed.parts[2].text).toBe('this is Jo');
  });

  it('fills a script from the profile’s name and company of the script’s language', () => {
    const profile = { fills: { zh: { name: '王芳', company: '星河银行' }, en: { name: 'Fang Wang', company: 'Galaxy Bank' } } };
    expect(renderDrill(drill('zh-greeting4'), profile).script).toContain('我是王芳');
    expect(renderDrill(drill('zh-greeting4'), profile).script).toContain('*星河银行*');
    expect(renderDrill(drill('en-greeting4'), profile).script).toContain('this is Fang Wang');
    expect(renderDrill(drill('en-greeting4'), profile).script).toContain('*Galaxy Bank*');
    // An empty fill of that language takes the sample, not the other language's name.
    const onlyZh = { fills: { zh: { name: '王芳', company: '' }, en: { name: '', company: '' } } };
    expect(renderDrill(drill('en-greeting3'), onlyZh).script).toContain(`this is ${SAMPLE_PROFILE.en.name}`);
  });

  it('keeps punctuation and emphasis runs for display', () => {
    const r = renderDrill(drill('zh-greeting4'), { name: '李雷', company: '蓝天航空' });
    expect(r.displayParts.map((p) => p.trailing)).toEqual(['，', '，', '，', '？']);
    expect(r.displayParts[3].segments).toEqual([{ text: '请问有什么可以', emphasis: false }, { text: '帮您', emphasis: true }]);
    for (const p of r.displayParts) expect(p.segments.map((s) => s.text).join('')).toBe(p.text);
  });
});

describe('built-in passages', () => {
  it('has at least four per language, each with unique ids', () => {
    for (const lang of ['zh', 'en'] as const) {
      expect(BUILT_IN_PASSAGES.filter((d) => d.lang === lang).length).toBeGreaterThanOrEqual(4);
    }
    const ids = BUILT_IN_DRILLS.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(BUILT_IN_PASSAGES.map((d) => [d.id, d] as const))('%s: 40–120 syllables, several parts, key words marked', (_id, d) => {
    const r = renderDrill(d, null);
    expect(r.syllables).toBeGreaterThanOrEqual(40);
    expect(r.syllables).toBeLessThanOrEqual(120);
    expect(r.displayParts.length).toBeGreaterThanOrEqual(4);
    expect(r.displayParts.flatMap((p) => p.emphasis).length).toBeGreaterThanOrEqual(1);
    expect(parseScript(r.script, d.lang).lang).toBe(d.lang);
    expect(d.title['zh-CN']).not.toBe('');
    expect(d.title.en).not.toBe('');
  });
});

describe('parseDrill', () => {
  it('accepts every built-in drill as it is (a stored snapshot reads back equal)', () => {
    for (const d of BUILT_IN_DRILLS) {
      const result = parseDrill(JSON.parse(JSON.stringify(d)));
      expect(result).toEqual({ ok: true, drill: d });
    }
  });

  it('fills defaults and merges band overrides', () => {
    const result = parseDrill({
      id: 'bank-greeting', kind: 'greeting4', lang: 'zh',
      title: { 'zh-CN': '银行问候', en: 'Bank greeting' },
      template: '您好，*{company}*，我是{name}，请问有什么可以*帮您*？',
      bands: { rate: { goodMin: 170, lowBelow: 150 }, pauses: { betweenPartsMaxSec: 1 } },
    });
    if (!result.ok) throw new Error(result.errors.join('\n'));
    expect(result.drill.version).toBe(1);
    expect(result.drill.builtIn).toBe(false);
    expect(result.drill.bands.rate).toEqual({ lowBelow: 150, goodMin: 170, goodMax: 240, highAbove: 270, unit: 'chars/min' });
    expect(result.drill.bands.pauses.betweenPartsMaxSec).toBe(1);
    expect(result.drill.bands.pauses.betweenPartsMinSec).toBe(0.15);
    expect(result.drill.bands.version).toBe(`${GUIDELINES_VERSION}+custom`);
  });

  it('reports every problem as a sentence with its field', () => {
    const result = parseDrill({
      id: 'Bad Id', kind: 'greeting5', lang: 'zh', title: { 'zh-CN': '' }, template: 'x',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual(expect.arrayContaining([
      expect.stringMatching(/^id: must be 1–64 characters/),
      expect.stringMatching(/^kind: must be one of greeting3, greeting4, passage\.$/),
      expect.stringMatching(/^title\.zh-CN: must not be empty\.$/),
      expect.stringMatching(/^title\.en: /),
    ]));
  });

  it('checks templates and bands', () => {
    const base = { id: 'custom', lang: 'en', title: { 'zh-CN': '自定义', en: 'Custom' } };
    const errorsOf = (x: object): string[] => {
      const r = parseDrill({ ...base, ...x });
      return r.ok ? [] : r.errors;
    };
    expect(errorsOf({ kind: 'greeting4', template: 'Hello, this is {name}, how may I help?' })).toEqual([
      'template: a four-part greeting must name the company: include {company}.',
      'template: a greeting4 greeting must have 4 parts separated by punctuation or "|", but it has 3.',
    ]);
    expect(errorsOf({ kind: 'greeting3', template: 'Hi {agent}, this is {name}, *glad to help.' })).toEqual([
      'template: unknown placeholder "{agent}"; only {name} and {company} can be used.',
      'template: an emphasis mark "*" is not closed; mark key words as *word*.',
    ]);
    expect(errorsOf({ kind: 'passage', template: 'Too short.' })).toEqual(['template: a passage must have 10–600 syllables, but it has 2.']);
    expect(errorsOf({ kind: 'greeting3', template: 'Hello | this is {name} | glad to *help*', bands: { rate: { goodMin: 200 }, volume: { unit: 'dB' } } })).toEqual([
      'bands.rate: goodMin (200) must not be above goodMax (160, the default); give goodMax too (or null for no limit).',
      'bands.volume.unit: must be "dBFS" (units cannot be changed), not "dB".',
    ]);
    expect(errorsOf({ kind: 'passage', template: 'The quick brown fox jumps over the lazy dog, twice.', extra: 1 })).toEqual([
      expect.stringMatching(/^extra: /),
    ]);
  });
});
