/**
 * The first run's progress on this device: once the profile is saved (step 1), calibration (step 2) is
 * still to be offered, and a reload must offer it again rather than skip to practice. Kept in
 * localStorage under a versioned key; storage that refuses or throws means "nothing pending".
 */
import type { KeyValueStorage } from './preferences.ts';

/** The localStorage key; its value is 'calibrate' while step 2 is pending. */
export const ONBOARDING_KEY = 'voicedrill.onboarding.v1';

/** True when the first run stopped at step 2 (calibration) on this device. */
export function calibrationPending(storage: KeyValueStorage | null): boolean {
  try {
    return storage?.getItem(ONBOARDING_KEY) === 'calibrate';
  } catch {
    return false;
  }
}

/** Remember (or forget) that calibration is still to be offered; false when the storage refused. */
export function setCalibrationPending(storage: (KeyValueStorage & { removeItem(key: string): void }) | null, pending: boolean): boolean {
  try {
    if (pending) storage?.setItem(ONBOARDING_KEY, 'calibrate');
    else storage?.removeItem(ONBOARDING_KEY);
    return storage !== null;
  } catch {
    return false;
  }
}

/** Whether the first run is shown at start-up: no profile yet, or stopped at calibration with no baseline. */
export function firstRunAtStart(hasStore: boolean, profile: { baseline: unknown } | null, pending: boolean): boolean {
  return hasStore && (profile === null || (pending && profile.baseline === null));
}
