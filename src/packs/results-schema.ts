/**
 * Validation of an untrusted results.json (an agent's results file, issue 12) with valibot strict objects.
 * Before the schema, the whole value is walked once: keys that could pollute prototypes (`__proto__`,
 * `constructor`, `prototype`: JSON.parse makes them own keys), control characters in any text (newline
 * and tab excepted) and nesting deeper than any results file are refused. After the schema, what one field
 * cannot say alone: unique drill and take ids, each take's drill among the pack's drills, each guideline
 * at most once per take. Every refusal is one English sentence naming the field.
 */
import * as v from 'valibot';
import type { GuidelineId, VerdictStatus } from '../guidelines/ids.ts';
import { PACK_LIMITS, RESULTS_FORMAT, RESULTS_SCHEMA_VERSION, type ReadResult, type ResultsJson } from './types.ts';

// Exhaustive by type: a new guideline id or status fails to compile here until it is listed.
const GUIDELINE_ORDER: Record<GuidelineId, number> = {
  rate: 0, volume: 1, effort: 2, steadiness: 3, pitchLevel: 4, pitchVariety: 5, pauses: 6, emphasis: 7, warmth: 8,
};
const STATUS_SET: Record<VerdictStatus, true> = { low: true, borderline: true, good: true, high: true, unmeasured: true };

/** Every guideline id, in the guidelines' order (GUIDELINES.md). */
export const GUIDELINE_IDS = Object.keys(GUIDELINE_ORDER) as GuidelineId[];
/** Every verdict status. */
export const VERDICT_STATUSES = Object.keys(STATUS_SET) as VerdictStatus[];

/** Keys refused anywhere in untrusted JSON: assigning them could reach an object's prototype. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
/** Control characters refused in texts: C0 (except tab and newline), DEL and C1. */
// eslint-disable-next-line no-control-regex
export const CONTROL_CHARS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
/** Nesting of a results.json (results → takes → take → verdicts → verdict is 5); deeper input is not one. */
const MAX_DEPTH = 8;
/** Largest absolute guideline value accepted (any real measure is far below). */
export const MAX_VERDICT_VALUE = 1e6;

/** Pack and drill ids: as drills' ids (src/drills/schema.ts). */
const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;
/** Agent ids: 1–64 letters, digits and hyphens. */
const AGENT_ID_PATTERN = /^[A-Za-z0-9-]{1,64}$/;
/** Take ids: they name a zip entry (`audio/<takeId>.wav`), so no dots, slashes or spaces. */
export const TAKE_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/;
const SEMVER_LIKE = /^\d{1,5}\.\d{1,5}\.\d{1,5}(?:[-+][0-9A-Za-z.-]+)?$/;
const ISO_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))$/;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function realDay(y: number, m: number, d: number): boolean {
  if (y < 1970 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= days[m - 1];
}

/** True for a real calendar day written `YYYY-MM-DD` (1970–9999). */
export function isRealDay(text: string): boolean {
  const m = ISO_DAY.exec(text);
  return m !== null && realDay(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** True for a real ISO 8601 date and time with a zone (`2026-12-03T08:15:00.000Z`, `…+08:00`). */
export function isIsoTime(text: string): boolean {
  const m = ISO_TIME.exec(text);
  if (m === null || !realDay(Number(m[1]), Number(m[2]), Number(m[3]))) return false;
  const [hour, minute, second, zoneHour, zoneMinute] = [m[4], m[5], m[6] ?? '0', m[7] ?? '0', m[8] ?? '0'].map(Number);
  return hour <= 23 && minute <= 59 && second <= 59 && zoneHour <= 14 && zoneMinute <= 59 && Number.isFinite(Date.parse(text));
}

const text = (max: number, min = 0) => v.pipe(
  v.string('must be text'),
  v.minLength(min, 'must not be empty'),
  v.maxLength(max, `must be at most ${max} characters`),
);
const nonEmptyTitle = v.pipe(text(PACK_LIMITS.titleChars, 1), v.check((s) => s.trim() !== '', 'must not be blank'));
const wholeFrom = (min: number, max: number, what = `a whole number from ${min} to ${max}`) =>
  v.pipe(v.number(`must be ${what}`), v.integer(`must be ${what}`), v.minValue(min, `must be ${what}`), v.maxValue(max, `must be ${what}`));
const numberIn = (min: number, max: number, what: string) =>
  v.pipe(v.number(`must be ${what}`), v.finite(`must be ${what}`), v.minValue(min, `must be ${what}`), v.maxValue(max, `must be ${what}`));
const ratio = v.nullable(v.pipe(numberIn(0, 100, 'null or a ratio above 0 and at most 100'), v.check((x) => x > 0, 'must be null or a ratio above 0 and at most 100')));
const isoTime = v.pipe(v.string('must be an ISO 8601 date and time'), v.check(isIsoTime, 'must be a real ISO 8601 date and time with a time zone'));
const id = v.pipe(v.string('must be text'), v.regex(ID_PATTERN, 'must be 1–64 lower-case letters, digits and hyphens, starting with a letter or digit'));
const version = wholeFrom(1, Number.MAX_SAFE_INTEGER, 'a whole number of 1 or more');

/** One drill as a results file repeats it (ResultPackDrill); the sync protocol's roster reuses it. */
export const drillSchema = v.strictObject({
  id,
  version,
  title: v.strictObject({ 'zh-CN': nonEmptyTitle, en: nonEmptyTitle }, 'must be an object with the titles "zh-CN" and "en"'),
  attemptsRequired: wholeFrom(1, 50),
  dueDate: v.nullable(v.pipe(v.string('must be null or a date YYYY-MM-DD'), v.check(isRealDay, 'must be null or a real date YYYY-MM-DD'))),
}, 'must be an object');

const verdictSchema = v.strictObject({
  guideline: v.picklist(GUIDELINE_IDS, `must be one of the guideline ids (${GUIDELINE_IDS.join(', ')})`),
  value: v.nullable(numberIn(-MAX_VERDICT_VALUE, MAX_VERDICT_VALUE, `null or a finite number within ±${MAX_VERDICT_VALUE}`)),
  unit: text(20),
  status: v.picklist(VERDICT_STATUSES, `must be one of ${VERDICT_STATUSES.join(', ')}`),
}, 'must be an object');

/** One take (ResultTake) without the cross-field checks; the sync protocol's SyncTake extends it. */
export const takeSchema = v.strictObject({
  takeId: v.pipe(v.string('must be text'), v.regex(TAKE_ID_PATTERN, 'must be 1–100 letters, digits, hyphens or underscores, starting with a letter or digit')),
  drillId: id,
  drillVersion: version,
  createdAt: isoTime,
  analysisVersion: v.pipe(text(20), v.regex(SEMVER_LIKE, 'must be a version such as 1.5.0')),
  lang: v.picklist(['zh', 'en'], 'must be "zh" or "en"'),
  durationSec: v.nullable(numberIn(0, 3600, 'null or a number of seconds from 0 to 3600')),
  speechFound: v.boolean('must be true or false'),
  verdicts: v.pipe(v.array(verdictSchema, 'must be a list'), v.maxLength(GUIDELINE_IDS.length, `must hold at most ${GUIDELINE_IDS.length} verdicts`)),
  model: v.nullable(v.strictObject({
    rateRatio: ratio,
    pitchVarietyRatio: ratio,
    contourDistanceSt: v.nullable(numberIn(0, 48, 'null or a number of semitones from 0 to 48')),
  }, 'must be null or an object'), ),
  hasAudio: v.boolean('must be true or false'),
}, 'must be an object');

const resultsSchema = v.strictObject({
  format: v.literal(RESULTS_FORMAT, `must be "${RESULTS_FORMAT}"`),
  schemaVersion: wholeFrom(1, RESULTS_SCHEMA_VERSION),
  agent: v.strictObject({
    id: v.pipe(v.string('must be text'), v.regex(AGENT_ID_PATTERN, 'must be 1–64 letters, digits and hyphens')),
    name: text(PACK_LIMITS.titleChars),
  }, 'must be an object'),
  pack: v.strictObject({
    id,
    version,
    title: nonEmptyTitle,
    author: text(PACK_LIMITS.titleChars),
    drills: v.pipe(v.array(drillSchema, 'must be a list'), v.minLength(1, 'must hold at least one drill'),
      v.maxLength(PACK_LIMITS.drills, `must hold at most ${PACK_LIMITS.drills} drills`)),
  }, 'must be an object'),
  exportedAt: isoTime,
  takes: v.pipe(v.array(takeSchema, 'must be a list'), v.maxLength(PACK_LIMITS.takes, `must hold at most ${PACK_LIMITS.takes} takes`)),
}, 'must be an object');

/** A field path as people read it: `takes[3].verdicts[0].value`. */
function pathText(keys: ReadonlyArray<string | number>): string {
  return keys.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join('');
}

const fieldError = (keys: ReadonlyArray<string | number>, problem: string): string =>
  `In results.json, the field "${pathText(keys)}" ${problem}.`;

/** Why the untrusted value is hostile (a forbidden key, a control character, too deep), or null. */
export function hostileProblem(value: unknown, keys: Array<string | number> = [], depth = 0): string | null {
  if (typeof value === 'string') {
    return CONTROL_CHARS.test(value) ? (keys.length === 0 ? 'results.json is a text with a control character.' : fieldError(keys, 'holds a control character')) : null;
  }
  if (value === null || typeof value !== 'object') return null;
  if (depth >= MAX_DEPTH) return fieldError(keys, 'is nested deeper than any results file');
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      keys.push(i);
      const problem = hostileProblem(value[i], keys, depth + 1);
      keys.pop();
      if (problem !== null) return problem;
    }
    return null;
  }
  for (const key of Object.keys(value)) {
    const where = keys.length === 0 ? 'at the top level' : `in "${pathText(keys)}"`;
    if (FORBIDDEN_KEYS.has(key)) return `results.json has the forbidden key "${key}" ${where}.`;
    if (CONTROL_CHARS.test(key)) return `results.json has a key with a control character ${where}.`;
    keys.push(key);
    const problem = hostileProblem((value as Record<string, unknown>)[key], keys, depth + 1);
    keys.pop();
    if (problem !== null) return problem;
  }
  return null;
}

function issueSentence(issue: v.BaseIssue<unknown>): string {
  const keys = (issue.path ?? []).map((item) => item.key as string | number);
  if (keys.length === 0) return 'results.json is not an object.';
  if (issue.type === 'strict_object' && issue.received === 'undefined') return fieldError(keys, 'is missing');
  if (issue.type === 'strict_object' && issue.expected === 'never') {
    const parent = keys.slice(0, -1);
    return `results.json has the unknown field "${String(keys[keys.length - 1]).slice(0, 40)}"${parent.length > 0 ? ` in "${pathText(parent)}"` : ''}.`;
  }
  return fieldError(keys, issue.message);
}

// What one field cannot say alone.
function crossFieldProblem(results: ResultsJson): string | null {
  const drills = new Set<string>();
  for (const [i, drill] of results.pack.drills.entries()) {
    if (drills.has(drill.id)) return fieldError(['pack', 'drills', i, 'id'], `repeats the drill id "${drill.id}"`);
    drills.add(drill.id);
  }
  const takes = new Set<string>();
  for (const [i, take] of results.takes.entries()) {
    if (takes.has(take.takeId)) return fieldError(['takes', i, 'takeId'], `repeats the take id "${take.takeId}"`);
    takes.add(take.takeId);
    if (!drills.has(take.drillId)) return fieldError(['takes', i, 'drillId'], `names the drill "${take.drillId}", which is not in the pack`);
    const guidelines = new Set<string>();
    for (const [j, verdict] of take.verdicts.entries()) {
      if (guidelines.has(verdict.guideline)) return fieldError(['takes', i, 'verdicts', j, 'guideline'], `repeats the guideline "${verdict.guideline}"`);
      guidelines.add(verdict.guideline);
    }
  }
  return null;
}

/** The results, or one sentence saying what is wrong. */
export function parseResultsJson(input: unknown): ReadResult<ResultsJson> {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return { ok: false, error: 'results.json is not an object.' };
  const hostile = hostileProblem(input);
  if (hostile !== null) return { ok: false, error: hostile };
  const { format, schemaVersion } = input as { format?: unknown; schemaVersion?: unknown };
  if (format !== RESULTS_FORMAT) return { ok: false, error: `This is not a VoiceDrill results file (its format is not "${RESULTS_FORMAT}").` };
  if (typeof schemaVersion === 'number' && Number.isInteger(schemaVersion) && schemaVersion > RESULTS_SCHEMA_VERSION) {
    return { ok: false, error: `This results file was made by a newer VoiceDrill (results version ${schemaVersion}, this app reads up to ${RESULTS_SCHEMA_VERSION}); update VoiceDrill to read it.` };
  }
  const parsed = v.safeParse(resultsSchema, input, { abortEarly: true });
  if (!parsed.success) return { ok: false, error: issueSentence(parsed.issues[0]) };
  const results = parsed.output as ResultsJson;
  const problem = crossFieldProblem(results);
  return problem === null ? { ok: true, value: results } : { ok: false, error: problem };
}
