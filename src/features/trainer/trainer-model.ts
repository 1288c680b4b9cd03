/**
 * The trainer's editor as pure functions: ids from titles, the drill form ↔ a pack's drill (validated by the
 * drills' own parseDrill plus the pack's rules), band override inputs ↔ overrides, and the preview's figures.
 * Messages are i18n keys with their values; parseDrill's own sentences (English) are passed through as text.
 */
import { DEFAULT_BANDS, type GuidelineBands } from '../../guidelines/bands.ts';
import type { BandOverrides } from '../../guidelines/band-overrides.ts';
import type { GuidelineId, Lang } from '../../guidelines/ids.ts';
import { parseDrill, type Drill, type DrillKind, type RenderedDrill } from '../../drills/index.ts';
import { PACK_LIMITS, type PackDrill } from '../../packs/types.ts';
import { parseScript } from '../../takes/index.ts';

/** The four-edge bands a trainer can move in the editor. */
export const EDITABLE_BANDS = ['rate', 'volume', 'pitchLevel', 'pitchVariety'] as const;
/** One of them. */
export type EditableBand = typeof EDITABLE_BANDS[number];

/** Guidelines a drill can name as its focus, in the editor's order. */
export const FOCUS_GUIDELINES: readonly GuidelineId[] = ['rate', 'volume', 'effort', 'steadiness', 'pitchLevel', 'pitchVariety', 'pauses', 'emphasis', 'warmth'];

/** Sane limits of a good band's edges, per band and script language (units of DEFAULT_BANDS). */
export const BAND_LIMITS: Readonly<Record<EditableBand, Readonly<Record<Lang, { min: number; max: number }>>>> = {
  rate: { en: { min: 40, max: 300 }, zh: { min: 60, max: 480 } },
  volume: { en: { min: -60, max: 0 }, zh: { min: -60, max: 0 } },
  pitchLevel: { en: { min: -12, max: 12 }, zh: { min: -12, max: 12 } },
  pitchVariety: { en: { min: 0, max: 15 }, zh: { min: 0, max: 15 } },
};

/** Most attempts a drill may require. */
export const MAX_ATTEMPTS = 50;

/**
 * A message for the screen: an i18n key of trainer-en.ts with its values (and, after a failure, the English sentence of
 * the layer that failed as `detail`), or a sentence to show as it is (English, e.g. parseDrill's).
 */
export type FormMessage = { key: string; params?: Readonly<Record<string, string | number>>; detail?: string } | { text: string };

/** An error carrying the message the screen shows for it. */
export class TrainerError extends Error {
  constructor(readonly m: FormMessage) {
    super('text' in m ? m.text : m.key);
    this.name = 'TrainerError';
  }
}

/** The min/max text of one band in the editor ('' = the default). */
export interface BandInput {
  min: string;
  max: string;
}

/** The drill editor's fields, as typed. */
export interface DrillForm {
  id: string;
  titleEn: string;
  titleZh: string;
  lang: Lang;
  kind: DrillKind;
  template: string;
  focus: GuidelineId[];
  bands: Record<EditableBand, BandInput>;
  attempts: string;
  due: string;
  notes: string;
  slow: string;
}

/** A blank form for a new drill in a script language. */
export function emptyDrillForm(lang: Lang): DrillForm {
  return {
    id: '', titleEn: '', titleZh: '', lang, kind: 'passage', template: '', focus: [],
    bands: { rate: { min: '', max: '' }, volume: { min: '', max: '' }, pitchLevel: { min: '', max: '' }, pitchVariety: { min: '', max: '' } },
    attempts: '3', due: '', notes: '', slow: '',
  };
}

/** The form of a stored drill: band inputs hold only what differs from the defaults of its language. */
export function drillFormOf(pd: PackDrill): DrillForm {
  const d = pd.drill;
  const defaults = DEFAULT_BANDS[d.lang];
  const input = (key: EditableBand): BandInput => ({
    min: d.bands[key].goodMin !== defaults[key].goodMin && d.bands[key].goodMin !== null ? String(d.bands[key].goodMin) : '',
    max: d.bands[key].goodMax !== defaults[key].goodMax && d.bands[key].goodMax !== null ? String(d.bands[key].goodMax) : '',
  });
  return {
    id: d.id, titleEn: d.title.en, titleZh: d.title['zh-CN'], lang: d.lang, kind: d.kind, template: d.template, focus: [...d.focus],
    bands: { rate: input('rate'), volume: input('volume'), pitchLevel: input('pitchLevel'), pitchVariety: input('pitchVariety') },
    attempts: String(pd.attemptsRequired), due: pd.dueDate ?? '', notes: pd.notes, slow: pd.slowSpans.join('\n'),
  };
}

/**
 * An id of 1–64 of [a-z0-9-] from a title (Latin letters and digits kept, the rest become hyphens), not in `taken`
 * (-2, -3, … added); `fallback` when the title has no Latin letter or digit (a Chinese title).
 */
export function idFromTitle(title: string, taken: ReadonlySet<string>, fallback: string): string {
  const base = (title.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 56).replace(/-+$/, '')) || fallback;
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const id = `${base}-${n}`;
    if (!taken.has(id)) return id;
  }
}

// A number as typed: digits with an optional sign and decimal point (a comma counts as one); null when not a number.
function numberOf(text: string): number | null {
  const t = text.trim().replace(',', '.');
  if (!/^[-+−]?\d+(\.\d+)?$|^[-+−]?\.\d+$/.test(t)) return null;
  const x = Number(t.replace('−', '-'));
  return Number.isFinite(x) ? x : null;
}

/**
 * The band overrides of the editor's min/max inputs: a given min/max becomes the good band's goodMin/goodMax, and
 * the borderline edge beyond it (lowBelow/highAbove) moves with it, keeping the default's borderline width. Empty
 * inputs keep the defaults; undefined overrides when nothing is given. Errors for text that is not a number, a value
 * outside BAND_LIMITS, or a min not below the max (the default one when only one is given).
 */
export function bandOverridesOf(lang: Lang, inputs: Readonly<Record<EditableBand, BandInput>>): { overrides: BandOverrides | undefined; errors: FormMessage[] } {
  const defaults = DEFAULT_BANDS[lang];
  const errors: FormMessage[] = [];
  const overrides: BandOverrides = {};
  for (const key of EDITABLE_BANDS) {
    const d = defaults[key];
    const limits = BAND_LIMITS[key][lang];
    const given = { min: inputs[key].min.trim(), max: inputs[key].max.trim() };
    if (given.min === '' && given.max === '') continue;
    const values: { min: number | null; max: number | null } = { min: null, max: null };
    let bad = false;
    for (const side of ['min', 'max'] as const) {
      if (given[side] === '') continue;
      const x = numberOf(given[side]);
      if (x === null) {
        errors.push({ key: 'trainer.error.bandNumber', params: { guideline: key, side, text: given[side] } });
        bad = true;
      } else if (x < limits.min || x > limits.max) {
        errors.push({ key: 'trainer.error.bandRange', params: { guideline: key, side, min: limits.min, max: limits.max, unit: d.unit } });
        bad = true;
      } else values[side] = x;
    }
    if (bad) continue;
    const lo = values.min ?? d.goodMin;
    const hi = values.max ?? d.goodMax;
    if (lo !== null && hi !== null && lo >= hi) {
      errors.push({ key: 'trainer.error.bandOrder', params: { guideline: key, min: lo, max: hi, unit: d.unit } });
      continue;
    }
    const band: NonNullable<BandOverrides[EditableBand]> = {};
    if (values.min !== null) {
      band.goodMin = values.min;
      if (d.lowBelow !== null && d.goodMin !== null) band.lowBelow = round(values.min - (d.goodMin - d.lowBelow));
    }
    if (values.max !== null) {
      band.goodMax = values.max;
      if (d.highAbove !== null && d.goodMax !== null) band.highAbove = round(values.max + (d.highAbove - d.goodMax));
    }
    overrides[key] = band;
  }
  return { overrides: Object.keys(overrides).length > 0 ? overrides : undefined, errors };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** What saving the drill form gives: the pack's drill, or every problem as a message. */
export type DrillFormResult = { ok: true; packDrill: PackDrill } | { ok: false; errors: FormMessage[] };

/** Today's date as `YYYY-MM-DD` is valid when it names a real day. */
export function isDueDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

/** The slow-down spans of the form: one per line, trimmed, empty lines dropped. */
export function slowSpansOf(text: string): string[] {
  return text.split(/\r?\n/).map((s) => s.trim()).filter((s) => s !== '');
}

/**
 * The pack's drill of a form: the id given or made from the English title (unique among `otherIds`), the drill
 * through parseDrill (its version kept from `existing`), then attempts (1–50, required), the due date, the notes'
 * length and the slow-down spans (each must occur in the template). `hasModel` is kept from `existing`.
 */
export function packDrillOf(form: DrillForm, existing: PackDrill | null, otherIds: ReadonlySet<string>): DrillFormResult {
  const errors: FormMessage[] = [];
  const id = form.id.trim() !== '' ? form.id.trim() : idFromTitle(form.titleEn, otherIds, `drill-${otherIds.size + 1}`);
  if (otherIds.has(id)) errors.push({ key: 'trainer.error.drillIdTaken', params: { id } });
  const { overrides, errors: bandErrors } = bandOverridesOf(form.lang, form.bands);
  errors.push(...bandErrors);
  const input: Record<string, unknown> = {
    id, version: existing?.drill.version ?? 1, kind: form.kind, lang: form.lang, title: { 'zh-CN': form.titleZh, en: form.titleEn },
    template: form.template, focus: form.focus, builtIn: false,
  };
  if (overrides !== undefined) input.bands = overrides;
  const parsed = bandErrors.length > 0 ? null : parseDrill(input);
  if (parsed !== null && !parsed.ok) errors.push(...parsed.errors.map((text) => ({ text })));
  const attemptsText = form.attempts.trim();
  const attempts = /^\d+$/.test(attemptsText) ? Number(attemptsText) : NaN;
  if (attemptsText === '') errors.push({ key: 'trainer.error.attemptsMissing' });
  else if (!Number.isInteger(attempts) || attempts < 1 || attempts > MAX_ATTEMPTS) errors.push({ key: 'trainer.error.attemptsRange', params: { max: MAX_ATTEMPTS } });
  const due = form.due.trim();
  if (due !== '' && !isDueDate(due)) errors.push({ key: 'trainer.error.dueDate', params: { text: due } });
  if (form.notes.length > PACK_LIMITS.notesChars) errors.push({ key: 'trainer.error.notesLong', params: { max: PACK_LIMITS.notesChars } });
  const spans = slowSpansOf(form.slow);
  for (const span of spans) {
    if (!form.template.includes(span)) errors.push({ key: 'trainer.error.slowSpan', params: { span } });
  }
  if (errors.length > 0 || parsed === null || !parsed.ok) return { ok: false, errors };
  return {
    ok: true,
    packDrill: { drill: parsed.drill, attemptsRequired: attempts, dueDate: due === '' ? null : due, notes: form.notes, slowSpans: spans, hasModel: existing?.hasModel ?? false },
  };
}

/** The drill of the form for the live preview, or null while it does not parse (errors are shown on save). */
export function previewDrill(form: DrillForm): Drill | null {
  const { overrides, errors } = bandOverridesOf(form.lang, form.bands);
  if (errors.length > 0) return null;
  const parsed = parseDrill({
    id: 'preview', kind: form.kind, lang: form.lang, title: { 'zh-CN': form.titleZh || '-', en: form.titleEn || '-' },
    template: form.template, focus: form.focus, builtIn: false, ...(overrides === undefined ? {} : { bands: overrides }),
  });
  return parsed.ok ? parsed.drill : null;
}

/** The preview's figures: syllables, the units the rate counts (characters for Mandarin, words for English) and the expected duration. */
export interface PreviewFigures {
  /** The rendered script's syllables (Han characters for Mandarin). */
  syllables: number;
  /** What the rate band counts: Mandarin characters (= syllables) or English words. */
  rateUnits: number;
  /** The middle of the good rate band (units per minute). */
  rateMid: number;
  rateUnit: string;
  /** rateUnits ÷ rateMid, in seconds. */
  durationSec: number;
}

/** The middle of a band's good range (the default's when an edge is open). */
export function bandMiddle(bands: GuidelineBands, key: EditableBand): number {
  const b = bands[key];
  const d = DEFAULT_BANDS[bands.lang][key];
  return ((b.goodMin ?? d.goodMin ?? 0) + (b.goodMax ?? d.goodMax ?? 0)) / 2;
}

/** Syllables and the expected duration of a rendered drill read at the middle of its rate band. */
export function previewFigures(drill: Drill, rendered: RenderedDrill): PreviewFigures {
  const rateMid = bandMiddle(drill.bands, 'rate');
  const rateUnits = drill.lang === 'zh' ? rendered.syllables : parseScript(rendered.script, 'en').words;
  return { syllables: rendered.syllables, rateUnits, rateMid, rateUnit: drill.bands.rate.unit, durationSec: rateMid > 0 ? (rateUnits / rateMid) * 60 : 0 };
}

/** The file name of an exported pack. */
export function packFileName(packId: string, version: number): string {
  return `${packId}-v${version}.vdpack`;
}
