import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayKeyOf, localDayNumber, practiceStreak } from '../../src/features/progress/progress-streak.ts';

// Node re-reads TZ when it is assigned, so the local calendar below is Berlin's (DST: 29 Mar and 25 Oct 2026).
const savedTz = process.env.TZ;
beforeAll(() => { process.env.TZ = 'Europe/Berlin'; });
afterAll(() => {
  if (savedTz === undefined) delete process.env.TZ;
  else process.env.TZ = savedTz;
});

describe('practice streak on the local calendar', () => {
  it('runs in Berlin time for this file', () => {
    expect(new Date('2026-07-01T12:00:00Z').getHours()).toBe(14);
  });

  it('counts the local days around the spring DST change (a 23-hour day) without a gap', () => {
    const times = [
      '2026-03-28T22:30:00Z', // Sat 23:30 CET
      '2026-03-28T23:30:00Z', // Sun 00:30 CET: the next local day, though the same UTC day
      '2026-03-29T22:10:00Z', // Mon 00:10 CEST
    ];
    const s = practiceStreak(times, new Date('2026-03-30T10:00:00Z'));
    expect(s.days).toEqual(['2026-03-28', '2026-03-29', '2026-03-30']);
    expect(s).toMatchObject({ currentDays: 3, longestDays: 3, practisedToday: true });
  });

  it('counts the 25-hour autumn day once', () => {
    const times = ['2026-10-24T21:50:00Z', '2026-10-25T22:50:00Z', '2026-10-25T23:05:00Z'];
    // 24 Oct 23:50 CEST, 25 Oct 23:50 CET, 26 Oct 00:05 CET.
    const s = practiceStreak(times, new Date('2026-10-26T20:00:00Z'));
    expect(s.days).toEqual(['2026-10-24', '2026-10-25', '2026-10-26']);
    expect(s.currentDays).toBe(3);
  });

  it('splits at local midnight, not UTC midnight', () => {
    // 23:59 and 00:01 local are two days; 00:30 and 23:30 local on one day are one.
    expect(practiceStreak(['2026-07-01T21:59:00Z', '2026-07-01T22:01:00Z'], new Date('2026-07-02T08:00:00Z')).days).toEqual(['2026-07-01', '2026-07-02']);
    expect(practiceStreak(['2026-07-01T22:30:00Z', '2026-07-02T21:30:00Z'], new Date('2026-07-02T21:40:00Z')).days).toEqual(['2026-07-02']);
  });

  it('keeps a streak alive until today ends, and breaks it after a day without practice', () => {
    const times = ['2026-07-01T08:00:00Z', '2026-07-02T08:00:00Z', '2026-07-03T08:00:00Z', '2026-07-06T08:00:00Z', '2026-07-07T08:00:00Z'];
    expect(practiceStreak(times, new Date('2026-07-07T20:00:00Z'))).toMatchObject({ currentDays: 2, longestDays: 3, practisedToday: true });
    expect(practiceStreak(times, new Date('2026-07-08T20:00:00Z'))).toMatchObject({ currentDays: 2, practisedToday: false });
    expect(practiceStreak(times, new Date('2026-07-09T08:00:00Z'))).toMatchObject({ currentDays: 0, longestDays: 3 });
    // Just past local midnight the previous day still holds the streak.
    expect(practiceStreak(times, new Date('2026-07-07T22:30:00Z')).currentDays).toBe(2);
    expect(practiceStreak([], new Date())).toEqual({ currentDays: 0, longestDays: 0, practisedToday: false, days: [] });
  });

  it('numbers local dates so consecutive dates differ by one', () => {
    expect(localDayNumber(new Date(2026, 2, 30)) - localDayNumber(new Date(2026, 2, 29))).toBe(1);
    expect(localDayNumber(new Date(2026, 9, 26)) - localDayNumber(new Date(2026, 9, 25))).toBe(1);
    expect(dayKeyOf(localDayNumber(new Date(2026, 0, 5, 23, 59)))).toBe('2026-01-05');
  });
});
