/**
 * A trainer's band overrides (a drill's bands, `voicedrill analyze --bands FILE`) validated with
 * valibot and merged onto DEFAULT_BANDS. Pure and host-free: the CLI and the app share it.
 *
 * Accepted forms (JSON):
 *   flat:         {"rate": {"goodMin": 20, "goodMax": 30}, "pauses": {"longestMaxSec": 2}}
 *                 applies to the analysis language;
 *   per language: {"en": {…flat…}, "zh": {…flat…}}; a missing language keeps its defaults.
 * Any subset of the GuidelineBands fields may be given; a complete GuidelineBands (a drill's stored
 * snapshot) passes too. Band edges are finite numbers or null (open); limits are finite numbers.
 * Units cannot be changed, unknown fields are refused, and band edges must stay in order
 * (lowBelow ≤ goodMin ≤ goodMax ≤ highAbove, null edges skipped).
 */
import * as v from 'valibot';
import type { Lang } from './ids.ts';
import { DEFAULT_BANDS, GUIDELINES_VERSION, type Band, type GuidelineBands } from './bands.ts';

/** The merged bands, or one sentence naming the first bad field. */
export type BandOverridesResult = { ok: true; bands: GuidelineBands } | { ok: false; error: string };

/** The GuidelineBands fields that are four-edge bands. */
export const BAND_KEYS = ['rate', 'volume', 'effort', 'pitchLevel', 'pitchVariety'] as const;
const LANGS: readonly Lang[] = ['zh', 'en'];

const num = v.pipe(v.number('must be a number'), v.finite('must be a finite number'));
const nonNegative = v.pipe(num, v.minValue(0, 'must not be negative'));
const count = v.pipe(num, v.integer('must be a whole number'), v.minValue(0, 'must not be negative'));
const edge = v.optional(v.nullable(v.pipe(v.number('must be a number or null'), v.finite('must be a finite number or null'))));
const bandOverride = v.strictObject({ lowBelow: edge, goodMin: edge, goodMax: edge, highAbove: edge, unit: v.optional(v.string('must be text')) });

/** Schema of one language's overrides (every field optional). */
export const bandOverridesSchema = v.strictObject({
  version: v.optional(v.pipe(v.string('must be text'), v.nonEmpty('must not be empty'))),
  lang: v.optional(v.picklist(LANGS, 'must be "zh" or "en"')),
  rate: v.optional(bandOverride),
  volume: v.optional(bandOverride),
  effort: v.optional(bandOverride),
  pitchLevel: v.optional(bandOverride),
  pitchVariety: v.optional(bandOverride),
  volumeLimits: v.optional(v.strictObject({ goodPeakMaxDbfs: v.optional(num), hotPeakAboveDbfs: v.optional(num), goodSnrMinDb: v.optional(num) })),
  steadiness: v.optional(v.strictObject({ maxPhraseSdDb: v.optional(nonNegative), maxFinalDropDb: v.optional(nonNegative) })),
  pauses: v.optional(v.strictObject({
    betweenPartsMinSec: v.optional(nonNegative), betweenPartsMaxSec: v.optional(nonNegative),
    longestMaxSec: v.optional(nonNegative), maxPausesInsidePart: v.optional(count),
  })),
  emphasis: v.optional(v.strictObject({
    minPitchGainSt: v.optional(num), minDurationRatio: v.optional(v.pipe(num, v.gtValue(0, 'must be above 0'))),
    minLevelGainDb: v.optional(num), minCues: v.optional(v.pipe(count, v.minValue(1, 'must be 1, 2 or 3'), v.maxValue(3, 'must be 1, 2 or 3'))),
  })),
  warmth: v.optional(v.strictObject({ minDeltaSt: v.optional(num), minBrightnessGainFraction: v.optional(num) })),
});

/** One language's validated overrides. */
export type BandOverrides = v.InferOutput<typeof bandOverridesSchema>;

const perLangSchema = v.strictObject({ zh: v.optional(bandOverridesSchema), en: v.optional(bandOverridesSchema) });

function isPlainObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function issueSentence(issue: v.BaseIssue<unknown>): string {
  const path = v.getDotPath(issue);
  if (issue.expected === 'never' && path !== null) return `${path}: unknown field.`;
  return `${path ?? 'bands'}: ${issue.message}.`;
}

function defined<T extends object>(o: T | undefined): Partial<T> {
  return o === undefined ? {} : Object.fromEntries(Object.entries(o).filter(([, x]) => x !== undefined)) as Partial<T>;
}

// Deep equality of plain data, whatever the key order.
function sameData(a: unknown, b: unknown): boolean {
  if (!isPlainObject(a) || !isPlainObject(b)) return a === b;
  const ka = Object.keys(a).sort();
  const kb = Object.keys(b).sort();
  return ka.length === kb.length && ka.every((k, i) => k === kb[i] && sameData(a[k], b[k]));
}

/** Validated overrides merged onto DEFAULT_BANDS[lang]; version "<default>+custom" when anything changed. */
export function mergeBandOverrides(lang: Lang, input: BandOverrides | undefined): GuidelineBands {
  const d = DEFAULT_BANDS[lang];
  if (input === undefined) return d;
  const band = (key: typeof BAND_KEYS[number]): Band => ({ ...d[key], ...defined(input[key]), unit: d[key].unit });
  const merged: GuidelineBands = {
    version: d.version,
    lang,
    rate: band('rate'),
    volume: band('volume'),
    volumeLimits: { ...d.volumeLimits, ...defined(input.volumeLimits) },
    effort: band('effort'),
    steadiness: { ...d.steadiness, ...defined(input.steadiness) },
    pitchLevel: band('pitchLevel'),
    pitchVariety: band('pitchVariety'),
    pauses: { ...d.pauses, ...defined(input.pauses) },
    emphasis: { ...d.emphasis, ...defined(input.emphasis) },
    warmth: { ...d.warmth, ...defined(input.warmth) },
  };
  // A stored snapshot keeps its version; fresh overrides are marked so verdicts show custom bands.
  return { ...merged, version: input.version ?? (sameData(merged, d) ? d.version : `${GUIDELINES_VERSION}+custom`) };
}

/** Problems of merged bands as sentences (empty when consistent); `prefix` starts each field path. */
export function bandProblems(lang: Lang, bands: GuidelineBands, input: BandOverrides | undefined, prefix = ''): string[] {
  const problems: string[] = [];
  if (input?.lang !== undefined && input.lang !== lang) problems.push(`${prefix}lang: is "${input.lang}" but the language is "${lang}".`);
  for (const key of BAND_KEYS) {
    const unit = input?.[key]?.unit;
    const expected = DEFAULT_BANDS[lang][key].unit;
    if (unit !== undefined && unit !== expected) problems.push(`${prefix}${key}.unit: must be "${expected}" (units cannot be changed), not "${unit}".`);
    const b = bands[key];
    const given = input?.[key] ?? {};
    const edges = (['lowBelow', 'goodMin', 'goodMax', 'highAbove'] as const)
      .map((name) => [name, b[name]] as const).filter((e): e is readonly [typeof e[0], number] => e[1] !== null);
    // A default edge the trainer did not give can clash with the ones given: say so, and how to fix it.
    const edgeText = ([name, x]: readonly [keyof typeof given, number]): string => `${name} (${x}${given[name] === undefined ? ', the default' : ''})`;
    for (let i = 1; i < edges.length; i++) {
      const [lo, hi] = [edges[i - 1], edges[i]];
      if (lo[1] <= hi[1]) continue;
      const fix = given[lo[0]] === undefined ? `; give ${lo[0]} too (or null for no limit)` : given[hi[0]] === undefined ? `; give ${hi[0]} too (or null for no limit)` : '';
      problems.push(`${prefix}${key}: ${edgeText(lo)} must not be above ${edgeText(hi)}${fix}.`);
    }
  }
  const p = bands.pauses;
  if (p.betweenPartsMinSec > p.betweenPartsMaxSec) {
    problems.push(`${prefix}pauses: betweenPartsMinSec (${p.betweenPartsMinSec}) must not be above betweenPartsMaxSec (${p.betweenPartsMaxSec}).`);
  }
  const vl = bands.volumeLimits;
  if (vl.goodPeakMaxDbfs > vl.hotPeakAboveDbfs) {
    problems.push(`${prefix}volumeLimits: goodPeakMaxDbfs (${vl.goodPeakMaxDbfs}) must not be above hotPeakAboveDbfs (${vl.hotPeakAboveDbfs}).`);
  }
  return problems;
}

/**
 * Validate untrusted band overrides (parsed JSON, flat or per language, see the module comment)
 * and merge them onto the defaults of `lang`. Every given language is checked, `lang` is returned.
 */
export function applyBandOverrides(input: unknown, lang: Lang): BandOverridesResult {
  if (!isPlainObject(input)) return { ok: false, error: 'bands: must be an object such as {"rate": {"goodMin": 120, "goodMax": 160}}.' };
  const perLang = LANGS.some((l) => l in input);
  const parsed = perLang ? v.safeParse(perLangSchema, input) : v.safeParse(bandOverridesSchema, input);
  if (!parsed.success) return { ok: false, error: issueSentence(parsed.issues[0]) };
  const byLang: Partial<Record<Lang, BandOverrides>> = perLang ? parsed.output as v.InferOutput<typeof perLangSchema> : { [lang]: parsed.output };
  for (const l of LANGS) {
    const given = byLang[l];
    if (given === undefined) continue;
    const problems = bandProblems(l, mergeBandOverrides(l, given), given, perLang ? `${l}.` : '');
    if (problems.length > 0) return { ok: false, error: problems[0] };
  }
  return { ok: true, bands: mergeBandOverrides(lang, byLang[lang]) };
}
