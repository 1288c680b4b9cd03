/** parsePackJson: the valid pack, and one test per hostile-input rule, each with the exact sentence. */
import { describe, expect, it } from 'vitest';
import { parsePackJson, PACK_LIMITS } from '../../src/packs/index.ts';
import { DEFAULT_BANDS } from '../../src/guidelines/bands.ts';
import { rawPack, samplePack } from './pack-fixtures.ts';

type Raw = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The error for rawPack() changed by `change`; fails the test when the pack is accepted. */
function errorOf(change: (raw: Raw) => void): string {
  const raw = rawPack() as Raw;
  change(raw);
  const r = parsePackJson(raw);
  if (r.ok) throw new Error('the pack was accepted');
  return r.error;
}

/** The error for pack JSON text (JSON.parse makes "__proto__" an own key, as a file or link would). */
function errorOfText(text: string): string {
  const r = parsePackJson(JSON.parse(text));
  if (r.ok) throw new Error('the pack was accepted');
  return r.error;
}

describe('a valid pack', () => {
  it('merges band overrides, fills drill defaults and forces builtIn false', () => {
    const pack = samplePack();
    const [greeting, passage] = pack.drills;
    expect(greeting.drill.bands.rate).toEqual({ lowBelow: 110, goodMin: 130, goodMax: 150, highAbove: 175, unit: 'wpm' });
    expect(greeting.drill.bands.version).toBe('2026-11-23.1+custom');
    expect(greeting.drill.builtIn).toBe(false);
    expect(passage.drill.version).toBe(1);
    expect(passage.drill.focus).toEqual([]);
    expect(passage.drill.bands).toEqual(DEFAULT_BANDS.zh);
    expect(greeting.notes).toBe('Smile before you dial.\nKeep the company name clear.');
  });

  it('is idempotent: the parsed pack parses to itself', () => {
    const pack = samplePack();
    expect(parsePackJson(JSON.parse(JSON.stringify(pack)))).toEqual({ ok: true, value: pack });
  });

  it('reads a drill marked builtIn as the trainer’s own', () => {
    const raw = rawPack() as Raw;
    raw.drills[0].drill.builtIn = true;
    const r = parsePackJson(raw);
    expect(r.ok && r.value.drills[0].drill.builtIn).toBe(false);
  });

  it('accepts 29 February of a leap year and a time with an offset', () => {
    const raw = rawPack() as Raw;
    raw.drills[0].dueDate = '2028-02-29';
    raw.createdAt = '2026-12-03T14:50:00+08:00';
    expect(parsePackJson(raw).ok).toBe(true);
  });
});

describe('the schema version and format', () => {
  it('refuses a newer schema in one sentence', () => {
    expect(errorOf((r) => { r.schemaVersion = 2; r.somethingNew = true; }))
      .toBe('This pack was made by a newer VoiceDrill (pack schemaVersion 2); update VoiceDrill to open it.');
  });
  it('refuses a schema version that is no version', () => {
    expect(errorOf((r) => { r.schemaVersion = 0; })).toBe('schemaVersion must be a whole number from 1 to 1.');
    expect(errorOf((r) => { r.schemaVersion = '1'; })).toBe('schemaVersion must be a whole number from 1 to 1.');
  });
  it('refuses another format, and names a results file', () => {
    expect(errorOf((r) => { r.format = 'zip'; })).toBe('This is not a VoiceDrill pack (its format field is not "voicedrill-pack").');
    expect(errorOf((r) => { r.format = 'voicedrill-results'; })).toBe('This is a VoiceDrill results file, not a pack.');
  });
  it('refuses what is not an object', () => {
    for (const x of [null, [], 'pack', 3, undefined]) expect(parsePackJson(x)).toEqual({ ok: false, error: 'The pack must be a JSON object.' });
  });
});

describe('prototype-polluting keys', () => {
  const text = JSON.stringify(rawPack());
  it('refuses __proto__ at the top level (an own key after JSON.parse)', () => {
    expect(errorOfText(text.replace('{', '{"__proto__":{"polluted":1},'))).toBe('The pack has a field named "__proto__", which VoiceDrill refuses.');
    expect(({} as Raw).polluted).toBeUndefined();
  });
  it('refuses constructor in a drill entry', () => {
    expect(errorOfText(text.replace('{"drill":', '{"constructor":{"prototype":{"x":1}},"drill":'))).toBe('drills[0] has a field named "constructor", which VoiceDrill refuses.');
  });
  it('refuses prototype deep in a drill’s bands', () => {
    expect(errorOfText(text.replace('"rate":{', '"rate":{"prototype":1,'))).toBe('drills[0].drill.bands.rate has a field named "prototype", which VoiceDrill refuses.');
  });
  it('refuses __proto__ inside the drill title', () => {
    expect(errorOfText(text.replace('"title":{"zh-CN":"退款致歉"', '"title":{"__proto__":{},"zh-CN":"退款致歉"'))).toBe('drills[1].drill.title has a field named "__proto__", which VoiceDrill refuses.');
  });
});

describe('plain text only', () => {
  it('refuses a control character in a title, allows line breaks and tabs in notes', () => {
    expect(errorOf((r) => { r.title = 'Week\u00071'; })).toBe('title contains a control character (only line breaks and tabs are allowed).');
    expect(errorOf((r) => { r.drills[1].notes = 'a\r\nb'; })).toBe('drills[1].notes contains a control character (only line breaks and tabs are allowed).');
    expect(errorOf((r) => { r.drills[0].drill.title.en = 'Hi\u202eevil'; })).toBe('drills[0].drill.title.en contains a control character (only line breaks and tabs are allowed).');
    const raw = rawPack() as Raw;
    raw.drills[1].notes = 'line one\n\tline two';
    expect(parsePackJson(raw).ok).toBe(true);
  });
  it('refuses an unpaired surrogate and a control character in a field name', () => {
    expect(errorOf((r) => { r.author = 'Li \ud800Na'; })).toBe('author contains broken text (an unpaired UTF-16 surrogate).');
    expect(errorOf((r) => { r.drills[0]['x\u0000'] = 1; })).toBe('drills[0] has a field name that is not plain text.');
  });
  it('refuses values that are not JSON data', () => {
    expect(errorOf((r) => { r.drills[0].attemptsRequired = Infinity; })).toBe('drills[0].attemptsRequired must be a finite number.');
    expect(errorOf((r) => { r.drills[0].drill.focus = new Set(['rate']); })).toBe('drills[0].drill.focus is not plain JSON data.');
  });
  it('refuses a tree nested too deeply without walking it all', () => {
    let deep: Raw = {};
    const root = deep;
    for (let i = 0; i < 100_000; i++) deep = deep.x = {};
    expect(errorOf((r) => { r.drills[0].extra = root; })).toBe('drills[0].extra.x.x.x.x.x.x.x.x.x.x.x.x.x is nested too deeply (more than 16 levels).');
  });
});

describe('fields', () => {
  it('checks the pack id, version, title and author', () => {
    expect(errorOf((r) => { r.id = 'Bad Id'; })).toBe('id must be 1–64 lower-case letters, digits and hyphens, starting with a letter or digit.');
    expect(errorOf((r) => { r.version = 0; })).toBe('version must be a whole number from 1 to 1000000.');
    expect(errorOf((r) => { r.version = 2.5; })).toBe('version must be a whole number from 1 to 1000000.');
    expect(errorOf((r) => { r.title = '   '; })).toBe('title must not be empty.');
    expect(errorOf((r) => { r.author = 'x'.repeat(PACK_LIMITS.titleChars + 1); })).toBe('author must be text of at most 200 characters.');
  });
  it('checks createdAt as an ISO time on a real day', () => {
    expect(errorOf((r) => { r.createdAt = '2026-02-30T10:00:00Z'; })).toBe('createdAt must be a time in ISO 8601 form, such as 2026-12-03T08:15:00.000Z.');
    expect(errorOf((r) => { r.createdAt = 'yesterday'; })).toBe('createdAt must be a time in ISO 8601 form, such as 2026-12-03T08:15:00.000Z.');
    expect(errorOf((r) => { r.createdAt = '2026-12-03T24:00:00Z'; })).toBe('createdAt must be a time in ISO 8601 form, such as 2026-12-03T08:15:00.000Z.');
  });
  it('refuses an unknown field, naming it', () => {
    expect(errorOf((r) => { r.drills[1].reward = 5; })).toBe('drills[1].reward is not a field of a VoiceDrill pack.');
    expect(errorOf((r) => { r.html = '<b>'; })).toBe('html is not a field of a VoiceDrill pack.');
  });
  it('needs 1 to 100 drills', () => {
    expect(errorOf((r) => { r.drills = []; })).toBe('drills must be a list of 1 to 100 drills.');
    expect(errorOf((r) => { r.drills = Array.from({ length: 101 }, () => r.drills[1]); })).toBe('drills must be a list of 1 to 100 drills.');
  });
  it('range-checks attempts required', () => {
    for (const x of [0, 51, 2.5, '3', null, -1]) {
      expect(errorOf((r) => { r.drills[1].attemptsRequired = x; })).toBe('drills[1].attemptsRequired must be a whole number from 1 to 50.');
    }
  });
  it('checks due dates on the calendar', () => {
    for (const d of ['2026-02-30', '2026-13-01', '2026-1-5', '2026-12-10T00:00:00Z', '1969-12-31', '2027-02-29']) {
      expect(errorOf((r) => { r.drills[0].dueDate = d; })).toBe('drills[0].dueDate must be a real date as YYYY-MM-DD, or null.');
    }
    expect(errorOf((r) => { r.drills[0].dueDate = 20261210; })).toBe('drills[0].dueDate must be a date as YYYY-MM-DD, or null.');
  });
  it('limits notes', () => {
    expect(errorOf((r) => { r.drills[0].notes = 'n'.repeat(PACK_LIMITS.notesChars + 1); })).toBe('drills[0].notes must be text of at most 1000 characters.');
  });
  it('needs hasModel to be a boolean', () => {
    expect(errorOf((r) => { r.drills[0].hasModel = 'yes'; })).toBe('drills[0].hasModel must be true or false.');
  });
});

describe('drills', () => {
  it('passes template problems through parseDrill, with the drill’s path', () => {
    expect(errorOf((r) => { r.drills[1].drill.template = '请按*一号键'; })).toBe('drills[1].drill.template: an emphasis mark "*" is not closed; mark key words as *word*.');
    expect(errorOf((r) => { r.drills[0].drill.template = 'Hello, this is {name}.'; })).toBe('drills[0].drill.template: a four-part greeting must name the company: include {company}.');
    expect(errorOf((r) => { r.drills[1].drill.title.en = ''; })).toBe('drills[1].drill.title.en must not be empty.');
    expect(errorOf((r) => { r.drills[1].drill = 'drill'; })).toBe('drills[1].drill must be an object (the drill).');
    expect(errorOf((r) => { r.drills[0].drill.color = 'red'; })).toBe('drills[0].drill.color is not a field of a VoiceDrill pack.');
    expect(errorOf((r) => { r.drills[0].drill.bands.rate.color = 'red'; })).toBe('drills[0].drill.bands.rate.color is not a field of a VoiceDrill pack.');
    expect(errorOf((r) => { r.drills[0].drill.focus = ['rate', 'speed']; }))
      .toBe('drills[0].drill.focus[1] must list guideline ids (rate, volume, effort, steadiness, pitchLevel, pitchVariety, pauses, emphasis, warmth).');
    expect(errorOf((r) => { r.drills[0].drill.template = `Hello {${'x'.repeat(300)}}, *{company}*, this is {name}, how?`; }))
      .toBe(`drills[0].drill.template: unknown placeholder "{${'x'.repeat(56)}…"; only {name} and {company} can be used.`);
  });
  it('refuses bad bands: out of order, changed units, out of range', () => {
    expect(errorOf((r) => { r.drills[0].drill.bands = { rate: { goodMin: 170, goodMax: 150 } }; }))
      .toBe('drills[0].drill.bands.rate: goodMin (170) must not be above goodMax (150).');
    expect(errorOf((r) => { r.drills[0].drill.bands = { rate: { unit: 'chars/min' } }; }))
      .toBe('drills[0].drill.bands.rate.unit must be "wpm" (units cannot be changed), not "chars/min".');
    expect(errorOf((r) => { r.drills[0].drill.bands = { rate: { goodMin: 3000, goodMax: 4000, highAbove: null } }; }))
      .toBe('drills[0].drill.bands.rate.goodMin must be from 0 to 600.');
    expect(errorOf((r) => { r.drills[0].drill.bands = { pauses: { longestMaxSec: 1e9 } }; }))
      .toBe('drills[0].drill.bands.pauses.longestMaxSec must be from 0 to 30.');
    expect(errorOf((r) => { r.drills[0].drill.bands = { volume: { lowBelow: -300 } }; }))
      .toBe('drills[0].drill.bands.volume.lowBelow must be from -120 to 0.');
  });
  it('needs each slow span to be a stretch of the script', () => {
    expect(errorOf((r) => { r.drills[0].slowSpans = ['how may I help you today']; }))
      .toBe('drills[0].slowSpans[0] must be a stretch of the drill’s script, copied exactly.');
    expect(errorOf((r) => { r.drills[0].slowSpans = ['Hello', ' ']; })).toBe('drills[0].slowSpans[1] must not be empty.');
    expect(errorOf((r) => { r.drills[0].slowSpans = Array.from({ length: 21 }, () => 'Hello'); })).toBe('drills[0].slowSpans must list at most 20 spans.');
  });
  it('refuses two drills with one id', () => {
    expect(errorOf((r) => { r.drills.push(structuredClone(r.drills[0])); }))
      .toBe('drills[2].drill.id "rb-greeting" is also the id of drills[0]; each drill of a pack needs its own id.');
  });
  it('range-checks the drill version', () => {
    expect(errorOf((r) => { r.drills[0].drill.version = 1e7; })).toBe('drills[0].drill.version must be a whole number from 1 to 1000000.');
    expect(errorOf((r) => { r.drills[0].drill.version = 0; })).toBe('drills[0].drill.version must be 1 or more.');
  });
});
