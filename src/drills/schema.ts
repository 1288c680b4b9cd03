/**
 * Validation of drills from outside the app's code (a trainer's file, a stored snapshot) with valibot.
 * Bands are given as overrides of DEFAULT_BANDS[lang]; a complete band table (a snapshot) passes too.
 * Errors are English sentences with the path of the field, e.g. "template: …".
 */
import * as v from 'valibot';
import type { GuidelineId } from '../guidelines/ids.ts';
import { parseScript } from '../analysis/script.ts';
import { DEFAULT_BANDS, GUIDELINES_VERSION, SCORED_GUIDELINES, type Band, type GuidelineBands } from '../guidelines/bands.ts';
import { fillTemplate, SAMPLE_PROFILE } from './render.ts';
import { DRILL_KINDS, GREETING_PART_COUNT, type Drill } from './types.ts';

/** Result of parseDrill: the drill, or every problem found as a readable sentence. */
export type ParseDrillResult = { ok: true; drill: Drill } | { ok: false; errors: string[] };

/** Script syllables a custom passage may have (built-ins keep to 40–120). */
export const PASSAGE_SYLLABLES = { min: 10, max: 600 } as const;

const GUIDELINE_IDS: readonly GuidelineId[] = [...SCORED_GUIDELINES, 'warmth'];
const BAND_KEYS = ['rate', 'volume', 'effort', 'pitchLevel', 'pitchVariety'] as const;

const num = v.pipe(v.number('must be a number'), v.finite('must be a finite number'));
const edge = v.optional(v.nullable(num));
const bandOverride = v.strictObject({
  lowBelow: edge, goodMin: edge, goodMax: edge, highAbove: edge, unit: v.optional(v.string()),
});
const limits = <K extends string>(keys: readonly K[]) =>
  v.optional(v.strictObject(Object.fromEntries(keys.map((k) => [k, v.optional(num)])) as Record<K, v.OptionalSchema<typeof num, undefined>>));
const nonEmptyText = v.pipe(v.string('must be text'), v.trim(), v.nonEmpty('must not be empty'), v.maxLength(200, 'must be at most 200 characters'));

const bandsSchema = v.strictObject({
  version: v.optional(v.string()),
  lang: v.optional(v.picklist(['zh', 'en'])),
  rate: v.optional(bandOverride),
  volume: v.optional(bandOverride),
  effort: v.optional(bandOverride),
  pitchLevel: v.optional(bandOverride),
  pitchVariety: v.optional(bandOverride),
  volumeLimits: limits(['goodPeakMaxDbfs', 'hotPeakAboveDbfs', 'goodSnrMinDb']),
  steadiness: limits(['maxPhraseSdDb', 'maxFinalDropDb']),
  pauses: limits(['betweenPartsMinSec', 'betweenPartsMaxSec', 'longestMaxSec', 'maxPausesInsidePart']),
  emphasis: limits(['minPitchGainSt', 'minDurationRatio', 'minLevelGainDb', 'minCues']),
  warmth: limits(['minDeltaSt', 'minBrightnessGainFraction']),
});

const drillSchema = v.strictObject({
  id: v.pipe(v.string('must be text'), v.regex(/^[a-z0-9][a-z0-9-]{0,63}$/,
    'must be 1–64 characters of lower-case letters, digits and hyphens, starting with a letter or digit')),
  version: v.optional(v.pipe(num, v.integer('must be a whole number'), v.minValue(1, 'must be 1 or more')), 1),
  kind: v.picklist(DRILL_KINDS, `must be one of ${DRILL_KINDS.join(', ')}`),
  lang: v.picklist(['zh', 'en'], 'must be "zh" or "en"'),
  title: v.strictObject({ 'zh-CN': nonEmptyText, en: nonEmptyText }, 'must give a title for "zh-CN" and for "en"'),
  template: v.pipe(v.string('must be text'), v.trim(), v.nonEmpty('must not be empty'), v.maxLength(2000, 'must be at most 2000 characters')),
  bands: v.optional(bandsSchema),
  focus: v.optional(v.array(v.picklist(GUIDELINE_IDS, `must list guideline ids (${GUIDELINE_IDS.join(', ')})`)), []),
  builtIn: v.optional(v.boolean(), false),
});

type BandsInput = v.InferOutput<typeof bandsSchema>;

function mergeBands(lang: 'zh' | 'en', input: BandsInput | undefined): GuidelineBands {
  const d = DEFAULT_BANDS[lang];
  if (input === undefined) return d;
  const band = (key: typeof BAND_KEYS[number]): Band => ({ ...d[key], ...stripUndefined(input[key]), unit: d[key].unit });
  const merged: GuidelineBands = {
    version: d.version,
    lang,
    rate: band('rate'),
    volume: band('volume'),
    volumeLimits: { ...d.volumeLimits, ...stripUndefined(input.volumeLimits) },
    effort: band('effort'),
    steadiness: { ...d.steadiness, ...stripUndefined(input.steadiness) },
    pitchLevel: band('pitchLevel'),
    pitchVariety: band('pitchVariety'),
    pauses: { ...d.pauses, ...stripUndefined(input.pauses) },
    emphasis: { ...d.emphasis, ...stripUndefined(input.emphasis) },
    warmth: { ...d.warmth, ...stripUndefined(input.warmth) },
  };
  // A stored snapshot keeps its version; fresh overrides are marked so verdicts show custom bands.
  const changed = !sameData(merged, d);
  return { ...merged, version: input.version ?? (changed ? `${GUIDELINES_VERSION}+custom` : d.version) };
}

// Deep equality of plain data, whatever the key order.
function sameData(a: unknown, b: unknown): boolean {
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return a === b;
  const ka = Object.keys(a).sort();
  const kb = Object.keys(b).sort();
  return ka.length === kb.length && ka.every((k, i) => k === kb[i]
    && sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

function stripUndefined<T extends object>(o: T | undefined): Partial<T> {
  if (o === undefined) return {};
  return Object.fromEntries(Object.entries(o).filter(([, x]) => x !== undefined)) as Partial<T>;
}

function bandErrors(lang: 'zh' | 'en', bands: GuidelineBands, input: BandsInput | undefined): string[] {
  const errors: string[] = [];
  if (input?.lang !== undefined && input.lang !== lang) errors.push(`bands.lang: is "${input.lang}" but the drill's lang is "${lang}".`);
  for (const key of BAND_KEYS) {
    const unit = input?.[key]?.unit;
    if (unit !== undefined && unit !== DEFAULT_BANDS[lang][key].unit) {
      errors.push(`bands.${key}.unit: must be "${DEFAULT_BANDS[lang][key].unit}" (units cannot be changed), not "${unit}".`);
    }
    const b = bands[key];
    const edges: [string, number | null][] = [['lowBelow', b.lowBelow], ['goodMin', b.goodMin], ['goodMax', b.goodMax], ['highAbove', b.highAbove]];
    const set = edges.filter((e): e is [string, number] => e[1] !== null);
    for (let i = 1; i < set.length; i++) {
      if (set[i - 1][1] > set[i][1]) {
        errors.push(`bands.${key}: ${set[i - 1][0]} (${set[i - 1][1]}) must not be above ${set[i][0]} (${set[i][1]}).`);
      }
    }
  }
  if (bands.pauses.betweenPartsMinSec > bands.pauses.betweenPartsMaxSec) {
    errors.push('bands.pauses: betweenPartsMinSec must not be above betweenPartsMaxSec.');
  }
  return errors;
}

function templateErrors(drill: Omit<Drill, 'bands'>): string[] {
  const errors: string[] = [];
  const t = drill.template;
  for (const m of t.matchAll(/\{([^}]*)\}/g)) {
    if (m[1] !== 'name' && m[1] !== 'company') errors.push(`template: unknown placeholder "{${m[1]}}"; only {name} and {company} can be used.`);
  }
  if ((t.match(/\*/g) ?? []).length % 2 !== 0) errors.push('template: an emphasis mark "*" is not closed; mark key words as *word*.');
  if (/\*\s*\*/.test(t)) errors.push('template: "**" marks nothing; put the key word between the stars, as *word*.');
  if (errors.length > 0) return errors;
  const parsed = parseScript(fillTemplate(t, SAMPLE_PROFILE[drill.lang]), drill.lang);
  if (drill.kind !== 'passage') {
    const expected = GREETING_PART_COUNT[drill.kind];
    if (!t.includes('{name}')) errors.push(`template: a ${drill.kind} greeting must say who is speaking: include {name}.`);
    if (drill.kind === 'greeting4' && !t.includes('{company}')) errors.push('template: a four-part greeting must name the company: include {company}.');
    if (parsed.parts.length !== expected) {
      errors.push(`template: a ${drill.kind} greeting must have ${expected} parts separated by punctuation or "|", but it has ${parsed.parts.length}.`);
    }
  } else if (parsed.syllables < PASSAGE_SYLLABLES.min || parsed.syllables > PASSAGE_SYLLABLES.max) {
    errors.push(`template: a passage must have ${PASSAGE_SYLLABLES.min}–${PASSAGE_SYLLABLES.max} syllables, but it has ${parsed.syllables}.`);
  }
  return errors;
}

/** Validate an untrusted drill (trainer file, stored snapshot); defaults fill the bands, version and focus. */
export function parseDrill(input: unknown): ParseDrillResult {
  const result = v.safeParse(drillSchema, input);
  if (!result.success) {
    return {
      ok: false,
      errors: result.issues.map((issue) => `${v.getDotPath(issue) ?? 'drill'}: ${issue.message}${issue.message.endsWith('.') ? '' : '.'}`),
    };
  }
  const { bands: bandsInput, ...rest } = result.output;
  const bands = mergeBands(rest.lang, bandsInput);
  const errors = [...templateErrors(rest), ...bandErrors(rest.lang, bands, bandsInput)];
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, drill: { ...rest, bands } };
}
