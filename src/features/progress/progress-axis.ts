/**
 * The x axis of the progress charts: take numbers 1…n (oldest first), with the local calendar day of
 * each take written under its number in the UI language. Clock time is not an axis: three takes in a
 * minute are three steps, and a month of practice is as wide as its number of takes. Pure.
 */
import type { UiLang } from '../../i18n/index.ts';
import { localDayNumber } from './progress-streak.ts';

/** Tick steps in takes: whole takes only. */
export const TAKE_TICK_STEPS: readonly number[] = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000];

/** The day of each take (index = take number − 1) as a short local date in the UI language, e.g. "Nov 3" or "11月3日". */
export function takeDayLabels(createdAtIso: readonly string[], lang: UiLang): string[] {
  const times = createdAtIso.map((iso) => new Date(iso));
  const years = new Set(times.map((d) => d.getFullYear()));
  // The year only when the takes span more than one.
  const format = new Intl.DateTimeFormat(lang, years.size > 1 ? { year: 'numeric', month: 'numeric', day: 'numeric' } : { month: 'short', day: 'numeric' });
  const byDay = new Map<number, string>();
  return times.map((d) => {
    const day = localDayNumber(d);
    let label = byDay.get(day);
    if (label === undefined) {
      label = Number.isNaN(day) ? '' : format.format(d);
      byDay.set(day, label);
    }
    return label;
  });
}

/**
 * Tick labels for take numbers: the number, and under it the day when it differs from the previous
 * tick's (so the day reads once per run of ticks on that day). Non-whole or out-of-range ticks get ''.
 */
export function takeTickLabels(ticks: readonly number[], dayLabels: readonly string[]): string[] {
  let previousDay: string | null = null;
  return ticks.map((n) => {
    if (!Number.isInteger(n) || n < 1 || n > dayLabels.length) return '';
    const day = dayLabels[n - 1];
    const label = day === previousDay ? String(n) : `${n}\n${day}`;
    previousDay = day;
    return label;
  });
}

/** The legend's x value: "#n · day". */
export function takeLegendLabel(n: number | null | undefined, dayLabels: readonly string[]): string {
  if (n == null || !Number.isInteger(n) || n < 1 || n > dayLabels.length) return '';
  return `#${n} · ${dayLabels[n - 1]}`;
}
