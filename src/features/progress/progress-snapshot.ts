/**
 * The progress page's first-paint snapshot: the page's top as it was last drawn (the header's texts, the
 * heading, streak, personal bests and the first chart's drawing data, all in the UI language), stored by the
 * live page and read back by start-up's first paint (first-paint.ts). Reading validates the whole shape:
 * anything else (another build, a damaged value) is no snapshot. Light: no React, i18n or database code.
 */
import { firstPaintKey, readFirstPaint, writeFirstPaint, type FirstPaintStorage } from '../../storage/first-paint-cache.ts';
import type { ProgressChartDraw } from './progress-chart-options.ts';

/** Progress's first-paint screen name. */
const PROGRESS_SCREEN = 'progress';
/** The snapshot's localStorage key. */
export const PROGRESS_SNAPSHOT_KEY = firstPaintKey(PROGRESS_SCREEN);

/** The header as drawn: brand, tagline, navigation (the current entry marked), the language switch. */
export interface HeaderSnapshot {
  title: string;
  tagline: string;
  nav: { label: string; current: boolean }[];
  langLabel: string;
  langName: string;
}

/** The progress page's top, as drawn. */
export interface ProgressSnapshot {
  /** The app build that drew it (a new build draws its own). */
  build: string;
  /** The UI language (the page's lang). */
  uiLang: string;
  takeCount: number;
  header: HeaderSnapshot;
  heading: string;
  streak: string;
  /** The drill picker's label and shown option, when the page has one. */
  drillPicker: { label: string; shown: string } | null;
  bests: { heading: string; items: string[]; openLabel: string } | null;
  /** The note above the charts when analysis versions are mixed. */
  versionNote: string | null;
  chart: { caption: string; summary: string; bandNote: string | null; draw: ProgressChartDraw };
}

type Check = (v: unknown) => boolean;
const isString: Check = (v) => typeof v === 'string';
const isNumber: Check = (v) => typeof v === 'number' && Number.isFinite(v);
const isArrayOf = (check: Check, maxLength = 100_000): Check => (v) => Array.isArray(v) && v.length <= maxLength && v.every(check);
const isObject = (shape: Record<string, Check>): Check => (v) => typeof v === 'object' && v !== null && !Array.isArray(v)
  && Object.entries(shape).every(([k, check]) => check((v as Record<string, unknown>)[k]));
const orNull = (check: Check): Check => (v) => v === null || check(v);
const isPair: Check = (v) => Array.isArray(v) && v.length === 2 && v.every(isNumber);

const isDraw: Check = (v) => isObject({
  data: (d) => Array.isArray(d) && d.length >= 2 && isArrayOf(isNumber)(d[0])
    && d.slice(1).every((s: unknown) => isArrayOf(orNull(isNumber))(s) && (s as unknown[]).length === (d[0] as unknown[]).length),
  seriesLabels: isArrayOf(isString, 10),
  yRange: isPair,
  takeRange: isPair,
  dayLabels: isArrayOf(isString),
  band: orNull(isObject({ goodMin: orNull(isNumber), goodMax: orNull(isNumber) })),
  takeAxisLabel: isString,
  takeLegendLabel: isString,
  unitLabel: isString,
})(v) && (v as ProgressChartDraw).data.length === (v as ProgressChartDraw).seriesLabels.length + 1;

const isSnapshot = isObject({
  build: isString,
  uiLang: isString,
  takeCount: isNumber,
  header: isObject({
    title: isString, tagline: isString, langLabel: isString, langName: isString,
    nav: isArrayOf(isObject({ label: isString, current: (c) => typeof c === 'boolean' }), 20),
  }),
  heading: isString,
  streak: isString,
  drillPicker: orNull(isObject({ label: isString, shown: isString })),
  bests: orNull(isObject({ heading: isString, items: isArrayOf(isString, 200), openLabel: isString })),
  versionNote: orNull(isString),
  chart: isObject({ caption: isString, summary: isString, bandNote: orNull(isString), draw: isDraw }),
});

/** The stored snapshot drawn by `build`, or null (none, another build's, unreadable or storage refused). */
export function readProgressSnapshot(storage: FirstPaintStorage | null, build: string): ProgressSnapshot | null {
  try {
    const text = readFirstPaint(PROGRESS_SCREEN, storage);
    if (!text) return null;
    const value: unknown = JSON.parse(text);
    return isSnapshot(value) && (value as ProgressSnapshot).build === build ? value as ProgressSnapshot : null;
  } catch {
    return null;
  }
}

/** Keep `snapshot` for the next start-up (null: forget it); storage full or refused: no snapshot (the page is drawn live as before). */
export function writeProgressSnapshot(storage: FirstPaintStorage | null, snapshot: ProgressSnapshot | null): void {
  writeFirstPaint(PROGRESS_SCREEN, snapshot && JSON.stringify(snapshot), storage);
}
