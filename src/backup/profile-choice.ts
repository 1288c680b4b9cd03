/**
 * Whose profile and calibration an import keeps when the backup's differs from this device's. A new
 * device has usually just made a profile in the first run (name, maybe, and no calibration), so the
 * backup's is the default whenever this device's is empty or uncalibrated; a calibrated profile here
 * is kept by default. The UI language stays this device's either way (it was just chosen here). Pure.
 */
import type { Profile } from '../storage/index.ts';

/** 'backup': take the backup's profile and calibration; 'device': keep this device's. */
export type ProfileChoice = 'backup' | 'device';

/** What an import did with the profile: taken from the backup, kept (this device's), or none in the backup. */
export type ProfileOutcome = 'taken' | 'kept' | 'none';

const sameBaseline = (a: Profile['baseline'], b: Profile['baseline']): boolean => JSON.stringify(a) === JSON.stringify(b);

/** True when the backup holds a profile that is not this device's (name, company, script language or calibration). */
export function profilesDiffer(device: Profile | null, backup: Profile | null): boolean {
  if (backup === null) return false;
  if (device === null) return true;
  return JSON.stringify(device.fills) !== JSON.stringify(backup.fills) || device.scriptLang !== backup.scriptLang
    || !sameBaseline(device.baseline, backup.baseline);
}

/** True when this device's profile holds nothing worth keeping over a backup's: none, uncalibrated, or no name and company. */
export function profileIsEmpty(profile: Profile | null): boolean {
  return profile === null || profile.baseline === null || Object.values(profile.fills).every((f) => f.name === '' && f.company === '');
}

/** The choice offered first: the backup's when this device's profile is empty or uncalibrated, else this device's. */
export function defaultProfileChoice(device: Profile | null, backup: Profile | null): ProfileChoice {
  if (backup === null) return 'device';
  return profileIsEmpty(device) ? 'backup' : 'device';
}

/** The backup's profile as it is stored here: this device's UI language is kept. */
export function profileFromBackup(backup: Profile, device: Profile | null): Profile {
  return { ...backup, uiLang: device?.uiLang ?? backup.uiLang };
}
