/**
 * Validation of drills from outside the app's code (a trainer's file, a stored snapshot) with valibot.
 * Bands are given as overrides of DEFAULT_BANDS[lang] (src/guidelines/band-overrides.ts, the same rules as the CLI's
 * --bands); a complete band table (a snapshot) passes too.
 * Errors are English sentences with the path of the field, e.g. "template: …".
 */
import * as v from 'valibot';
import type { GuidelineId } from '../guidelines/ids.ts';
import { parseScript } from '../analysis/script.ts';
import { bandOverridesSchema, bandProblems, mergeBandOverrides } from '../guidelines/band-overrides.ts';
import { SCORED_GUIDELINES } from '../guidelines/bands.ts';
import { fillTemplate, SAMPLE_PROFILE } from './render.ts';
import { DRILL_KINDS, GREETING_PART_COUNT, type Drill } from './types.ts';

/** Result of parseDrill: the drill, or every problem found as a readable sentence. */
export type ParseDrillResult = { ok: true; drill: Drill } | { ok: false; errors: string[] };

/** Script syllables a custom passage may have (built-ins keep to 40–120). */
export const PASSAGE_SYLLABLES = { min: 10, max: 600 } as const;

const GUIDELINE_IDS: readonly GuidelineId[] = [...SCORED_GUIDELINES, 'warmth'];
const num = v.pipe(v.number('must be a number'), v.finite('must be a finite number'));
const nonEmptyText = v.pipe(v.string('must be text'), v.trim(), v.nonEmpty('must not be empty'), v.maxLength(200, 'must be at most 200 characters'));

const drillSchema = v.strictObject({
  id: v.pipe(v.string('must be text'), v.regex(/^[a-z0-9][a-z0-9-]{0,63}$/,
    'must be 1–64 characters of lower-case letters, digits and hyphens, starting with a letter or digit')),
  version: v.optional(v.pipe(num, v.integer('must be a whole number'), v.minValue(1, 'must be 1 or more')), 1),
  kind: v.picklist(DRILL_KINDS, `must be one of ${DRILL_KINDS.join(', ')}`),
  lang: v.picklist(['zh', 'en'], 'must be "zh" or "en"'),
  title: v.strictObject({ 'zh-CN': nonEmptyText, en: nonEmptyText }, 'must give a title for "zh-CN" and for "en"'),
  template: v.pipe(v.string('must be text'), v.trim(), v.nonEmpty('must not be empty'), v.maxLength(2000, 'must be at most 2000 characters')),
  bands: v.optional(bandOverridesSchema),
  focus: v.optional(v.array(v.picklist(GUIDELINE_IDS, `must list guideline ids (${GUIDELINE_IDS.join(', ')})`)), []),
  builtIn: v.optional(v.boolean(), false),
});

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
  const bands = mergeBandOverrides(rest.lang, bandsInput);
  const errors = [...templateErrors(rest), ...bandProblems(rest.lang, bands, bandsInput, 'bands.')];
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, drill: { ...rest, bands } };
}
