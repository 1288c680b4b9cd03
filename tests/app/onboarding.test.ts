import { describe, expect, it } from 'vitest';
import { calibrationPending, firstRunAtStart, ONBOARDING_KEY, setCalibrationPending } from '../../src/services/onboarding.ts';

function memory(): Map<string, string> & { getItem(k: string): string | null; setItem(k: string, v: string): void; removeItem(k: string): void } {
  const m = new Map<string, string>();
  return Object.assign(m, {
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => void m.set(k, v),
    removeItem: (k: string) => void m.delete(k),
  });
}

describe('first run across reloads', () => {
  it('remembers that calibration is pending until the first run ends', () => {
    const storage = memory();
    expect(calibrationPending(storage)).toBe(false);
    expect(setCalibrationPending(storage, true)).toBe(true);
    expect(storage.get(ONBOARDING_KEY)).toBe('calibrate');
    expect(calibrationPending(storage)).toBe(true);
    setCalibrationPending(storage, false);
    expect(calibrationPending(storage)).toBe(false);
    const broken = { getItem: () => { throw new Error('blocked'); }, setItem: () => { throw new Error('blocked'); }, removeItem: () => undefined };
    expect(calibrationPending(broken)).toBe(false);
    expect(setCalibrationPending(broken, true)).toBe(false);
  });

  it('shows the first run with no profile, or at step 2 while calibration is pending and there is no baseline', () => {
    expect(firstRunAtStart(true, null, false)).toBe(true);
    expect(firstRunAtStart(true, { baseline: null }, true)).toBe(true);
    expect(firstRunAtStart(true, { baseline: null }, false)).toBe(false);
    expect(firstRunAtStart(true, { baseline: { medianHz: 200 } }, true)).toBe(false);
    expect(firstRunAtStart(false, null, true)).toBe(false);
  });
});
