/**
 * Validation of an untrusted pack.json (from a file, a link, or a stored record): the tree is checked for
 * prototype keys, non-text strings and size first (untrusted.ts), then the format and schema version, then
 * the shape with valibot, then each drill with parseDrill (templates, band overrides, merged bands), band
 * values against sane ranges, slow-down spans against the template, and unique drill ids.
 * Every refusal is one English sentence naming the field.
 */
import * as v from 'valibot';
import { parseDrill } from '../drills/schema.ts';
import type { Drill } from '../drills/types.ts';
import type { Band, GuidelineBands } from '../guidelines/bands.ts';
import { PACK_FORMAT, PACK_LIMITS, PACK_SCHEMA_VERSION, RESULTS_FORMAT, type PackDrill, type PackJson, type ReadResult } from './types.ts';
import { pathText, treeProblem } from './untrusted.ts';

/** Pack ids and drill ids: 1–64 of [a-z0-9-], starting with a letter or digit. */
export const PACK_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;
/** The largest pack or drill version read (versions count exports, so this is never reached by hand). */
export const MAX_VERSION = 1_000_000;
/** Slow-down spans in one drill. */
export const MAX_SLOW_SPANS = 20;

/** Sane ranges of a drill's band values (inclusive), by band field; beyond them a band cannot mean anything. */
export const BAND_RANGES = {
  rate: [0, 600],
  volume: [-120, 0],
  effort: [-40, 40],
  pitchLevel: [-24, 24],
  pitchVariety: [0, 24],
  'volumeLimits.goodPeakMaxDbfs': [-60, 0],
  'volumeLimits.hotPeakAboveDbfs': [-60, 0],
  'volumeLimits.goodSnrMinDb': [0, 120],
  'steadiness.maxPhraseSdDb': [0, 40],
  'steadiness.maxFinalDropDb': [0, 60],
  'pauses.betweenPartsMinSec': [0, 10],
  'pauses.betweenPartsMaxSec': [0, 10],
  'pauses.longestMaxSec': [0, 30],
  'pauses.maxPausesInsidePart': [0, 50],
  'emphasis.minPitchGainSt': [-24, 24],
  'emphasis.minDurationRatio': [0, 10],
  'emphasis.minLevelGainDb': [-40, 40],
  'emphasis.minCues': [1, 3],
  'warmth.minDeltaSt': [-24, 24],
  'warmth.minBrightnessGainFraction': [-1, 1],
} as const satisfies Record<string, readonly [number, number]>;

const whole = (min: number, max: number): string => `must be a whole number from ${min} to ${max}`;
const text = (max: number, message: string) => v.pipe(v.string(message), v.maxLength(max, message));

const packDrillSchema = v.strictObject({
  drill: v.looseObject({}, 'must be an object (the drill)'),
  attemptsRequired: v.pipe(v.number(whole(1, 50)), v.integer(whole(1, 50)), v.minValue(1, whole(1, 50)), v.maxValue(50, whole(1, 50))),
  dueDate: v.nullable(v.string('must be a date as YYYY-MM-DD, or null')),
  notes: text(PACK_LIMITS.notesChars, `must be text of at most ${PACK_LIMITS.notesChars} characters`),
  slowSpans: v.pipe(
    v.array(v.string('must be text'), 'must be a list of texts from the script'),
    v.maxLength(MAX_SLOW_SPANS, `must list at most ${MAX_SLOW_SPANS} spans`),
  ),
  hasModel: v.boolean('must be true or false'),
}, 'must be an object (a drill of the pack)');

const packSchema = v.strictObject({
  format: v.literal(PACK_FORMAT),
  schemaVersion: v.number(),
  id: v.pipe(v.string('must be text'), v.regex(PACK_ID_PATTERN, 'must be 1–64 lower-case letters, digits and hyphens, starting with a letter or digit')),
  version: v.pipe(v.number(whole(1, MAX_VERSION)), v.integer(whole(1, MAX_VERSION)), v.minValue(1, whole(1, MAX_VERSION)), v.maxValue(MAX_VERSION, whole(1, MAX_VERSION))),
  title: v.pipe(text(PACK_LIMITS.titleChars, `must be text of at most ${PACK_LIMITS.titleChars} characters`), v.trim(), v.nonEmpty('must not be empty')),
  author: v.pipe(text(PACK_LIMITS.titleChars, `must be text of at most ${PACK_LIMITS.titleChars} characters`), v.trim()),
  createdAt: v.pipe(v.string('must be a time in ISO 8601 form'), v.maxLength(40, 'must be a time in ISO 8601 form')),
  drills: v.pipe(
    v.array(packDrillSchema, `must be a list of 1 to ${PACK_LIMITS.drills} drills`),
    v.minLength(1, `must be a list of 1 to ${PACK_LIMITS.drills} drills`),
    v.maxLength(PACK_LIMITS.drills, `must be a list of 1 to ${PACK_LIMITS.drills} drills`),
  ),
}, 'must be an object');

type Path = Array<string | number>;
const sentence = (path: Path, message: string): string => `${pathText(path)} ${message}${message.endsWith('.') ? '' : '.'}`;

function issueSentence(issue: v.BaseIssue<unknown>): string {
  const path: Path = (issue.path ?? []).map((item) => (typeof item.key === 'number' ? item.key : String(item.key)));
  if (path.length === 0) return 'The pack must be a JSON object.';
  if (issue.expected === 'never') return sentence(path, 'is not a field of a VoiceDrill pack');
  return sentence(path, issue.message);
}

/** True for `YYYY-MM-DD` naming a real calendar day (1970–9999). */
export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (m === null) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1970 || mo < 1 || mo > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return d <= days;
}

/** True for an ISO 8601 time with a date, hours and minutes, and a zone (`2026-12-03T08:15:00.000Z`). */
export function isIsoTime(s: string): boolean {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))$/.exec(s);
  if (m === null || !isCalendarDate(m[1])) return false;
  const [h, mi, sec, zh, zm] = [m[2], m[3], m[4] ?? '0', m[5] ?? '0', m[6] ?? '0'].map(Number);
  return h <= 23 && mi <= 59 && sec <= 59 && zh <= 23 && zm <= 59;
}

// The first band value outside BAND_RANGES, as a sentence.
function bandRangeProblem(bands: GuidelineBands, path: Path): string | null {
  const b = bands as unknown as Record<string, Record<string, unknown>>;
  for (const [key, [min, max]] of Object.entries(BAND_RANGES)) {
    const [group, field] = key.includes('.') ? key.split('.') : [key, null];
    const fields = field === null ? ['lowBelow', 'goodMin', 'goodMax', 'highAbove'] : [field];
    for (const f of fields) {
      const x = b[group][f];
      if (typeof x === 'number' && (x < min || x > max)) return sentence([...path, 'bands', group, f], `must be from ${min} to ${max}`);
    }
  }
  if (bands.version.length > 64) return sentence([...path, 'bands', 'version'], 'must be at most 64 characters');
  return null;
}

// The bands with their keys in one order, whatever order they arrived in: the same pack always gives the same
// JSON, so the same file bytes and the same link.
function canonicalBands(b: GuidelineBands): GuidelineBands {
  const band = (x: Band): Band => ({ lowBelow: x.lowBelow, goodMin: x.goodMin, goodMax: x.goodMax, highAbove: x.highAbove, unit: x.unit });
  const { volumeLimits: vl, steadiness: st, pauses: pa, emphasis: em, warmth: wa } = b;
  return {
    version: b.version, lang: b.lang, rate: band(b.rate), volume: band(b.volume),
    volumeLimits: { goodPeakMaxDbfs: vl.goodPeakMaxDbfs, hotPeakAboveDbfs: vl.hotPeakAboveDbfs, goodSnrMinDb: vl.goodSnrMinDb },
    effort: band(b.effort), steadiness: { maxPhraseSdDb: st.maxPhraseSdDb, maxFinalDropDb: st.maxFinalDropDb },
    pitchLevel: band(b.pitchLevel), pitchVariety: band(b.pitchVariety),
    pauses: { betweenPartsMinSec: pa.betweenPartsMinSec, betweenPartsMaxSec: pa.betweenPartsMaxSec, longestMaxSec: pa.longestMaxSec, maxPausesInsidePart: pa.maxPausesInsidePart },
    emphasis: { minPitchGainSt: em.minPitchGainSt, minDurationRatio: em.minDurationRatio, minLevelGainDb: em.minLevelGainDb, minCues: em.minCues },
    warmth: { minDeltaSt: wa.minDeltaSt, minBrightnessGainFraction: wa.minBrightnessGainFraction },
  };
}

// A parseDrill sentence ("template: …") with the drill's path in front; long quotes of the input are shortened.
function drillSentence(path: Path, error: string): string {
  // valibot's dot paths ("focus.0") in the bracket form of the pack's paths ("focus[0]").
  const fixed = error.replace(/^([\w.-]+)(?=: )/, (p: string) => p.replace(/\.(\d+)(?=\.|$)/g, '[$1]'));
  if (/^[\w.[\]-]+: Invalid key: Expected never/.test(fixed)) return `${pathText(path)}.${fixed.slice(0, fixed.indexOf(':'))} is not a field of a VoiceDrill pack.`;
  const m = /^([\w.[\]-]+): (must|is|has) (.*)$/s.exec(fixed);
  const full = (m !== null ? `${pathText(path)}.${m[1]} ${m[2]} ${m[3]}` : `${pathText(path)}.${fixed}`)
    .replace(/"([^"]{60,})"/g, (_, quoted: string) => `"${quoted.slice(0, 57)}…"`);
  return full.endsWith('.') ? full : `${full}.`;
}

function checkDrill(raw: v.InferOutput<typeof packDrillSchema>, i: number): ReadResult<PackDrill> {
  const at: Path = ['drills', i];
  const parsed = parseDrill({ ...raw.drill, builtIn: false });
  if (!parsed.ok) return { ok: false, error: drillSentence([...at, 'drill'], parsed.errors[0]) };
  const d = parsed.drill;
  const drill: Drill = {
    id: d.id, version: d.version, kind: d.kind, lang: d.lang, title: { 'zh-CN': d.title['zh-CN'], en: d.title.en },
    template: d.template, bands: canonicalBands(d.bands), focus: [...d.focus], builtIn: false,
  };
  if (drill.version > MAX_VERSION) return { ok: false, error: sentence([...at, 'drill', 'version'], whole(1, MAX_VERSION)) };
  if (drill.focus.length > 9) return { ok: false, error: sentence([...at, 'drill', 'focus'], 'must list at most 9 guidelines') };
  const band = bandRangeProblem(drill.bands, [...at, 'drill']);
  if (band !== null) return { ok: false, error: band };
  if (raw.dueDate !== null && !isCalendarDate(raw.dueDate)) return { ok: false, error: sentence([...at, 'dueDate'], 'must be a real date as YYYY-MM-DD, or null') };
  for (const [k, span] of raw.slowSpans.entries()) {
    if (span.trim() === '') return { ok: false, error: sentence([...at, 'slowSpans', k], 'must not be empty') };
    if (!drill.template.includes(span)) return { ok: false, error: sentence([...at, 'slowSpans', k], 'must be a stretch of the drill’s script, copied exactly') };
  }
  return { ok: true, value: { drill, attemptsRequired: raw.attemptsRequired, dueDate: raw.dueDate, notes: raw.notes, slowSpans: [...raw.slowSpans], hasModel: raw.hasModel } };
}

/** The pack, or one sentence saying what is wrong. */
export function parsePackJson(input: unknown): ReadResult<PackJson> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return { ok: false, error: 'The pack must be a JSON object.' };
  const tree = treeProblem(input, 'The pack');
  if (tree !== null) return { ok: false, error: tree };
  const top = input as Record<string, unknown>;
  if (top.format === RESULTS_FORMAT) return { ok: false, error: 'This is a VoiceDrill results file, not a pack.' };
  if (top.format !== PACK_FORMAT) return { ok: false, error: `This is not a VoiceDrill pack (its format field is not "${PACK_FORMAT}").` };
  const sv = top.schemaVersion;
  if (typeof sv === 'number' && Number.isInteger(sv) && sv > PACK_SCHEMA_VERSION) {
    return { ok: false, error: `This pack was made by a newer VoiceDrill (pack schemaVersion ${sv}); update VoiceDrill to open it.` };
  }
  if (typeof sv !== 'number' || !Number.isInteger(sv) || sv < 1) return { ok: false, error: sentence(['schemaVersion'], whole(1, PACK_SCHEMA_VERSION)) };
  const result = v.safeParse(packSchema, input, { abortEarly: true });
  if (!result.success) return { ok: false, error: issueSentence(result.issues[0]) };
  const p = result.output;
  if (!isIsoTime(p.createdAt)) return { ok: false, error: sentence(['createdAt'], 'must be a time in ISO 8601 form, such as 2026-12-03T08:15:00.000Z') };
  const drills: PackDrill[] = [];
  const seen = new Map<string, number>();
  for (const [i, raw] of p.drills.entries()) {
    const checked = checkDrill(raw, i);
    if (!checked.ok) return checked;
    const id = checked.value.drill.id;
    const first = seen.get(id);
    if (first !== undefined) return { ok: false, error: `drills[${i}].drill.id "${id}" is also the id of drills[${first}]; each drill of a pack needs its own id.` };
    seen.set(id, i);
    drills.push(checked.value);
  }
  return {
    ok: true,
    value: { format: PACK_FORMAT, schemaVersion: sv, id: p.id, version: p.version, title: p.title, author: p.author, createdAt: p.createdAt, drills },
  };
}
