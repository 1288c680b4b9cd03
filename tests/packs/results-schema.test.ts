/** parseResultsJson on untrusted results.json: one test per hostile-input rule, each refusal one sentence naming the field. */
import { describe, expect, it } from 'vitest';
import { parseResultsJson } from '../../src/packs/results-schema.ts';
import type { ResultsJson } from '../../src/packs/types.ts';
import { take, validResults } from './results-fixture.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The valid results as plain JSON, changed by `edit`, parsed; the error sentence (the test fails when it was accepted). */
function refusal(edit: (r: Json) => void): string {
  const r = JSON.parse(JSON.stringify(validResults())) as Json;
  edit(r);
  const result = parseResultsJson(JSON.parse(JSON.stringify(r)));
  if (result.ok) throw new Error('accepted');
  return result.error;
}

/** Parses JSON text (so `__proto__` becomes an own key, as in a file) and returns the error. */
function refusalOfText(text: string): string {
  const result = parseResultsJson(JSON.parse(text));
  if (result.ok) throw new Error('accepted');
  return result.error;
}

function oneSentence(error: string): void {
  expect(error).toMatch(/^[A-Zr"].*[.]$/s);
  expect(error.split(/[.;] [A-Z]/).length).toBe(1);
  expect(error).not.toContain('\n');
}

describe('parseResultsJson', () => {
  it('accepts a valid results object and returns an equal value', () => {
    const results = validResults();
    const parsed = parseResultsJson(JSON.parse(JSON.stringify(results)));
    expect(parsed).toEqual({ ok: true, value: results });
  });

  it('accepts results with no takes, null due date, null values and newline/tab in texts', () => {
    const r = validResults([take('t1', 'bye', '2026-12-01T09:05:00+08:00', null, 'unmeasured', { speechFound: false, durationSec: null })]);
    r.agent.name = 'Li\tNa';
    r.pack.author = 'Coach\nWu';
    expect(parseResultsJson(r).ok).toBe(true);
    expect(parseResultsJson(validResults([])).ok).toBe(true);
  });

  it('refuses what is not a results object', () => {
    expect(parseResultsJson(null)).toEqual({ ok: false, error: 'results.json is not an object.' });
    expect(parseResultsJson([1])).toEqual({ ok: false, error: 'results.json is not an object.' });
    expect(refusal((r) => (r.format = 'voicedrill-pack'))).toBe('This is not a VoiceDrill results file (its format is not "voicedrill-results").');
  });

  it('refuses a newer schema version in one sentence saying to update', () => {
    const error = refusal((r) => (r.schemaVersion = 2));
    expect(error).toBe('This results file was made by a newer VoiceDrill (results version 2, this app reads up to 1); update VoiceDrill to read it.');
    expect(refusal((r) => (r.schemaVersion = 0))).toBe('In results.json, the field "schemaVersion" must be a whole number from 1 to 1.');
  });

  it.each([
    ['at the top level', '{"__proto__": {"polluted": 1}, "format": "voicedrill-results"}', 'results.json has the forbidden key "__proto__" at the top level.'],
    ['in the agent', '{"agent": {"id": "a", "constructor": {"prototype": {}}}}', 'results.json has the forbidden key "constructor" in "agent".'],
    ['in a take', '{"takes": [{"takeId": "t", "prototype": 1}]}', 'results.json has the forbidden key "prototype" in "takes[0]".'],
    ['in a verdict', '{"takes": [{"verdicts": [{"__proto__": {"isAdmin": true}}]}]}', 'results.json has the forbidden key "__proto__" in "takes[0].verdicts[0]".'],
    ['in a drill title', '{"pack": {"drills": [{"title": {"en": "x", "__proto__": null}}]}}', 'results.json has the forbidden key "__proto__" in "pack.drills[0].title".'],
  ])('refuses a prototype key %s', (_where, text, expected) => {
    const error = refusalOfText(text);
    expect(error).toBe(expected);
    oneSentence(error);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a prototype key in an otherwise valid results object', () => {
    const text = JSON.stringify(validResults()).replace('"hasAudio":false', '"hasAudio":false,"__proto__":{"x":1}');
    expect(refusalOfText(text)).toBe('results.json has the forbidden key "__proto__" in "takes[0]".');
  });

  it('refuses control characters in texts (newline and tab pass)', () => {
    expect(refusal((r) => (r.agent.name = 'Li\u0000Na'))).toBe('In results.json, the field "agent.name" holds a control character.');
    expect(refusal((r) => (r.pack.title = 'Greet\u001bings'))).toBe('In results.json, the field "pack.title" holds a control character.');
    expect(refusal((r) => (r.pack.drills[1].title.en = 'Bye\u0085'))).toBe('In results.json, the field "pack.drills[1].title.en" holds a control character.');
    expect(refusal((r) => (r.takes[0].verdicts[0].unit = 'w\rpm'))).toBe('In results.json, the field "takes[0].verdicts[0].unit" holds a control character.');
  });

  it('refuses nesting deeper than a results file', () => {
    expect(refusal((r) => (r.takes[0].verdicts[0].value = [[[[[1]]]]]))).toBe('In results.json, the field "takes[0].verdicts[0].value[0][0][0]" is nested deeper than any results file.');
  });

  it('refuses impossible or malformed dates and times', () => {
    expect(refusal((r) => (r.pack.drills[0].dueDate = '2026-02-30'))).toBe('In results.json, the field "pack.drills[0].dueDate" must be null or a real date YYYY-MM-DD.');
    expect(refusal((r) => (r.pack.drills[0].dueDate = '2026-13-01'))).toMatch(/"pack\.drills\[0\]\.dueDate" must be null or a real date/);
    expect(refusal((r) => (r.pack.drills[0].dueDate = '2026-1-5'))).toMatch(/"pack\.drills\[0\]\.dueDate"/);
    expect(refusal((r) => (r.takes[1].createdAt = '2026-12-01T24:00:00Z'))).toBe('In results.json, the field "takes[1].createdAt" must be a real ISO 8601 date and time with a time zone.');
    expect(refusal((r) => (r.takes[1].createdAt = '2026-12-01 09:00'))).toMatch(/"takes\[1\]\.createdAt"/);
    expect(refusal((r) => (r.takes[1].createdAt = '2025-02-29T09:00:00Z'))).toMatch(/"takes\[1\]\.createdAt"/);
    expect(refusal((r) => (r.exportedAt = 1733220000000))).toBe('In results.json, the field "exportedAt" must be an ISO 8601 date and time.');
    expect(parseResultsJson({ ...validResults(), exportedAt: '2024-02-29T23:59:59.123+14:00' }).ok).toBe(true);
  });

  it.each<[string, (r: Json) => void, string]>([
    ['a verdict value beyond ±1e6', (r) => (r.takes[0].verdicts[0].value = 1e7), 'takes[0].verdicts[0].value'],
    ['a negative duration', (r) => (r.takes[0].durationSec = -1), 'takes[0].durationSec'],
    ['a duration over an hour', (r) => (r.takes[0].durationSec = 3601), 'takes[0].durationSec'],
    ['a zero rate ratio', (r) => (r.takes[0].model.rateRatio = 0), 'takes[0].model.rateRatio'],
    ['a ratio over 100', (r) => (r.takes[0].model.pitchVarietyRatio = 100.5), 'takes[0].model.pitchVarietyRatio'],
    ['a contour distance over 48 st', (r) => (r.takes[0].model.contourDistanceSt = 49), 'takes[0].model.contourDistanceSt'],
    ['a fractional drill version', (r) => (r.takes[0].drillVersion = 1.5), 'takes[0].drillVersion'],
    ['a drill version 0', (r) => (r.takes[0].drillVersion = 0), 'takes[0].drillVersion'],
    ['51 attempts required', (r) => (r.pack.drills[0].attemptsRequired = 51), 'pack.drills[0].attemptsRequired'],
    ['0 attempts required', (r) => (r.pack.drills[0].attemptsRequired = 0), 'pack.drills[0].attemptsRequired'],
    ['a pack version 0', (r) => (r.pack.version = 0), 'pack.version'],
    ['a value given as text', (r) => (r.takes[0].verdicts[0].value = '150'), 'takes[0].verdicts[0].value'],
  ])('refuses out-of-range numbers: %s', (_what, edit, field) => {
    const error = refusal(edit);
    expect(error.startsWith(`In results.json, the field "${field}" must be `)).toBe(true);
    oneSentence(error);
  });

  it('refuses Infinity (1e400 in JSON)', () => {
    const text = JSON.stringify(validResults()).replace('"value":150', '"value":1e400');
    expect(refusalOfText(text)).toBe('In results.json, the field "takes[0].verdicts[0].value" must be null or a finite number within ±1000000.');
  });

  it('refuses an unknown guideline, status or a guideline given twice', () => {
    expect(refusal((r) => (r.takes[0].verdicts[0].guideline = 'charm'))).toMatch(/^In results\.json, the field "takes\[0\]\.verdicts\[0\]\.guideline" must be one of the guideline ids \(rate, volume, /);
    expect(refusal((r) => (r.takes[0].verdicts[1].status = 'great'))).toBe('In results.json, the field "takes[0].verdicts[1].status" must be one of low, borderline, good, high, unmeasured.');
    expect(refusal((r) => (r.takes[0].verdicts[1].guideline = 'rate'))).toBe('In results.json, the field "takes[0].verdicts[1].guideline" repeats the guideline "rate".');
    expect(refusal((r) => (r.takes[0].verdicts[0].unit = 'x'.repeat(21)))).toBe('In results.json, the field "takes[0].verdicts[0].unit" must be at most 20 characters.');
  });

  it('refuses a take of a drill that is not in the pack', () => {
    expect(refusal((r) => (r.takes[1].drillId = 'farewell'))).toBe('In results.json, the field "takes[1].drillId" names the drill "farewell", which is not in the pack.');
  });

  it('refuses duplicate take ids and duplicate drill ids', () => {
    expect(refusal((r) => (r.takes[1].takeId = 'take-1'))).toBe('In results.json, the field "takes[1].takeId" repeats the take id "take-1".');
    expect(refusal((r) => (r.pack.drills[1].id = 'hello'))).toBe('In results.json, the field "pack.drills[1].id" repeats the drill id "hello".');
  });

  it('refuses bad ids, names and versions', () => {
    expect(refusal((r) => (r.agent.id = 'a b'))).toBe('In results.json, the field "agent.id" must be 1–64 letters, digits and hyphens.');
    expect(refusal((r) => (r.agent.id = 'a'.repeat(65)))).toMatch(/"agent\.id"/);
    expect(refusal((r) => (r.agent.name = 'n'.repeat(201)))).toBe('In results.json, the field "agent.name" must be at most 200 characters.');
    expect(refusal((r) => (r.pack.id = 'Greetings'))).toMatch(/^In results\.json, the field "pack\.id" must be 1–64 lower-case letters/);
    expect(refusal((r) => (r.takes[0].takeId = '../../etc'))).toMatch(/^In results\.json, the field "takes\[0\]\.takeId" must be 1–100 letters/);
    expect(refusal((r) => (r.takes[0].analysisVersion = 'latest'))).toBe('In results.json, the field "takes[0].analysisVersion" must be a version such as 1.5.0.');
    expect(refusal((r) => (r.takes[0].lang = 'fr'))).toBe('In results.json, the field "takes[0].lang" must be "zh" or "en".');
    expect(refusal((r) => (r.pack.drills[0].title.en = '  '))).toBe('In results.json, the field "pack.drills[0].title.en" must not be blank.');
  });

  it('refuses missing and unknown fields', () => {
    expect(refusal((r) => delete r.takes[0].hasAudio)).toBe('In results.json, the field "takes[0].hasAudio" is missing.');
    expect(refusal((r) => (r.takes[0].html = '<b>'))).toBe('results.json has the unknown field "html" in "takes[0]".');
    expect(refusal((r) => (r.extra = 1))).toBe('results.json has the unknown field "extra".');
  });

  it('refuses more takes than the limit', () => {
    const many = Array.from({ length: 5001 }, (_, i) => take(`t${i}`, 'bye', '2026-12-01T09:05:00Z', 1, 'good'));
    expect(parseResultsJson(validResults(many))).toEqual({ ok: false, error: 'In results.json, the field "takes" must hold at most 5000 takes.' });
  });

  it('returns fresh objects (the output is not the input)', () => {
    const input: ResultsJson = validResults();
    const parsed = parseResultsJson(input);
    expect(parsed.ok && parsed.value !== input && parsed.value.takes[0] !== input.takes[0]).toBe(true);
  });
});
