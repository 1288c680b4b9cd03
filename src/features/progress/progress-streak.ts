/**
 * Practice days and streaks on the agent's local calendar. Days are counted by calendar date, not by
 * 24-hour steps, so a daylight-saving change (a 23- or 25-hour day) never breaks or doubles a streak.
 */

/** A practice streak. */
export interface Streak {
  /** Consecutive practice days up to today, or up to yesterday while today is still open; 0 when broken. */
  currentDays: number;
  longestDays: number;
  practisedToday: boolean;
  /** Practice days as local YYYY-MM-DD, oldest first. */
  days: string[];
}

const MS_PER_DAY = 86_400_000;

/** Day number of a time's local calendar date (days since 1970-01-01 of that date, DST-proof). */
export function localDayNumber(time: Date): number {
  return Math.round(Date.UTC(time.getFullYear(), time.getMonth(), time.getDate()) / MS_PER_DAY);
}

/** The local calendar date of a day number, as YYYY-MM-DD. */
export function dayKeyOf(dayNumber: number): string {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The streak of the practice times (ISO 8601) as of `now`, on the local calendar. */
export function practiceStreak(timesIso: readonly string[], now: Date): Streak {
  const days = [...new Set(timesIso.map((iso) => localDayNumber(new Date(iso))).filter(Number.isFinite))].sort((a, b) => a - b);
  const set = new Set(days);
  let longestDays = 0;
  let run = 0;
  for (let i = 0; i < days.length; i++) {
    run = i > 0 && days[i] === days[i - 1] + 1 ? run + 1 : 1;
    longestDays = Math.max(longestDays, run);
  }
  const today = localDayNumber(now);
  const practisedToday = set.has(today);
  let currentDays = 0;
  for (let d = practisedToday ? today : today - 1; set.has(d); d--) currentDays++;
  return { currentDays, longestDays, practisedToday, days: days.map(dayKeyOf) };
}
