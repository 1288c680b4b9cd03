/** Formatting shared by the screens: numbers as the CLI prints them, units, bands, clocks, lists. */
import type { BandSummary, GuidelineId, VerdictStatus } from '../analysis/index.ts';
import type { UiLang } from './ui-lang.ts';
import { t, tMaybe } from './messages.ts';

/** A number exactly as stored (the CLI prints String(value) too); −0 shows as 0. */
export function formatNumber(value: number): string {
  return Object.is(value, -0) ? '0' : String(value);
}

/** The label of a report unit ('chars/min', 'wpm', 'dBFS', 'dB', 'st', 's', 'Hz'); unknown units unchanged. */
export function unitLabel(lang: UiLang, unit: string): string {
  return tMaybe(lang, `unit.${unit}`) ?? unit;
}

/**
 * The unit of a difference between two values of `unit`: levels relative to full scale (dBFS) differ by
 * plain decibels (dB); every other unit is its own difference unit.
 */
export function differenceUnit(unit: string): string {
  return unit === 'dBFS' ? 'dB' : unit;
}

/** The good range of a band as text, e.g. "180–240 字/分钟", "-28 to -16 dBFS", "at most 3 dB". */
export function formatBand(lang: UiLang, band: Pick<BandSummary, 'goodMin' | 'goodMax'> | null, unit: string): string {
  const u = unitLabel(lang, unit);
  if (band === null || (band.goodMin === null && band.goodMax === null)) return t(lang, 'band.none');
  if (band.goodMin === null) return t(lang, 'band.atMost', { max: formatNumber(band.goodMax as number), unit: u });
  if (band.goodMax === null) return t(lang, 'band.atLeast', { min: formatNumber(band.goodMin), unit: u });
  // "-28–-16" is unreadable: a range with a negative end is written with a word.
  const key = band.goodMin < 0 || band.goodMax < 0 ? 'band.rangeSigned' : 'band.range';
  return t(lang, key, { min: formatNumber(band.goodMin), max: formatNumber(band.goodMax), unit: u });
}

/** The name of a guideline in the UI language. */
export function guidelineLabel(lang: UiLang, guideline: GuidelineId): string {
  return tMaybe(lang, `guideline.${guideline}`) ?? guideline;
}

/** A status phrased for its guideline where natural (rate low → "too slow"), else the generic word. */
export function statusLabel(lang: UiLang, guideline: GuidelineId, status: VerdictStatus): string {
  return tMaybe(lang, `status.${guideline}.${status}`) ?? tMaybe(lang, `status.${status}`) ?? status;
}

/** Elapsed time as m:ss (h:mm:ss from an hour), whole seconds rounded down. */
export function formatClock(elapsedSec: number): string {
  const total = Math.max(0, Math.floor(Number.isFinite(elapsedSec) ? elapsedSec : 0));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** A build id for people: an ISO 8601 build time as a local date and time in the UI language, anything else as it is. */
export function formatBuildId(lang: UiLang, buildId: string): string {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(buildId)) return buildId;
  const date = new Date(buildId);
  if (Number.isNaN(date.getTime())) return buildId;
  return formatWhen(buildId, lang);
}

/** Items joined as a list: "a, b and c" in English, "a、b、c" in Chinese. */
export function joinList(lang: UiLang, items: readonly string[]): string {
  if (lang === 'zh-CN') return items.join('、');
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

// One formatter per UI language: lists format a time per row.
const WHEN_FORMATS = new Map<UiLang, Intl.DateTimeFormat>();
function whenFormat(lang: UiLang): Intl.DateTimeFormat {
  let f = WHEN_FORMATS.get(lang);
  if (!f) WHEN_FORMATS.set(lang, (f = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' })));
  return f;
}

/** A take's time for sentences ("23 Nov 2026, 09:15" / "2026年11月23日 09:15"). */
export function formatWhen(iso: string, lang: UiLang): string {
  return whenFormat(lang).format(new Date(iso));
}

/**
 * A duration for display, the one rule for a take's length everywhere it is shown: seconds to one
 * decimal, rounded half up on the stored decimal value (7.05 → "7.1", 7 → "7.0"), so the scorecard,
 * History, the review and the recovery banner agree. The CSV writes the stored value unrounded.
 */
export function formatSeconds(seconds: number): string {
  if (!Number.isFinite(seconds)) return '—';
  // toPrecision(12) first: 7.05 × 10 is 70.49999… in binary, and the agent's 7.05 must round like 7.05.
  const tenths = Math.round(Number((seconds * 10).toPrecision(12)));
  return (tenths / 10).toFixed(1);
}
