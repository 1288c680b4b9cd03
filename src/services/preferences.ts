/**
 * Device preferences that are not part of the agent's profile: the count-in and trainer mode. Kept in localStorage
 * under a versioned key; anything unreadable falls back to the defaults.
 */
import { DEFAULT_COUNT_IN_SEC } from '../capture/recording-model.ts';

/** Preferences of this device. */
export interface Preferences {
  /** Seconds of count-in before recording (0 = none). */
  countInSec: number;
  /** Trainer mode (Settings): the drill editor and the roster are in the navigation. */
  trainerMode: boolean;
}

/** The localStorage key (versioned). */
export const PREFERENCES_KEY = 'voicedrill.preferences.v1';

/** Count-in choices offered in Settings, seconds. */
export const COUNT_IN_CHOICES_SEC: readonly number[] = [0, 1, 2, 3, 5];

/** Defaults for a new device. */
export const DEFAULT_PREFERENCES: Preferences = { countInSec: DEFAULT_COUNT_IN_SEC, trainerMode: false };

/** Read stored preferences (a JSON string or null); unknown or bad values become defaults. */
export function parsePreferences(raw: string | null): Preferences {
  if (raw === null) return { ...DEFAULT_PREFERENCES };
  try {
    const value: unknown = JSON.parse(raw);
    const fields = typeof value === 'object' && value !== null ? (value as { countInSec?: unknown; trainerMode?: unknown }) : {};
    const countInSec = fields.countInSec;
    return {
      countInSec: typeof countInSec === 'number' && COUNT_IN_CHOICES_SEC.includes(countInSec) ? countInSec : DEFAULT_PREFERENCES.countInSec,
      trainerMode: fields.trainerMode === true,
    };
  } catch {
    return { ...DEFAULT_PREFERENCES };
  }
}

/** The stored form of preferences. */
export function serializePreferences(prefs: Preferences): string {
  return JSON.stringify({ countInSec: prefs.countInSec, trainerMode: prefs.trainerMode });
}

/** Minimal storage interface (window.localStorage in the app). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** The browser's localStorage, or null where the site may not store data (reading it can throw). */
export function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** Load preferences; a storage that throws (blocked site data) gives the defaults. */
export function loadPreferences(storage: KeyValueStorage | null): Preferences {
  try {
    return parsePreferences(storage?.getItem(PREFERENCES_KEY) ?? null);
  } catch {
    return { ...DEFAULT_PREFERENCES };
  }
}

/** Save preferences; returns false when the storage refused. */
export function savePreferences(storage: KeyValueStorage | null, prefs: Preferences): boolean {
  try {
    storage?.setItem(PREFERENCES_KEY, serializePreferences(prefs));
    return storage !== null;
  } catch {
    return false;
  }
}
