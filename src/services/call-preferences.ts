/**
 * This device's choices for importing calls: which channel is the agent's (most recorders always put
 * the agent on the same side), the call language and whether to keep the audio. Kept in localStorage
 * under a versioned key of its own; anything unreadable falls back to the defaults.
 */
import type { KeyValueStorage } from './preferences.ts';

/** Import choices remembered on this device. */
export interface CallPreferences {
  agentChannel: 'left' | 'right';
  /** null: follow the profile's script language. */
  lang: 'zh' | 'en' | null;
  keepAudio: boolean;
  /** The greeting template the opening greeting is scored against: three-part or four-part. */
  greeting: 'greeting3' | 'greeting4';
  /** The agent's name and company for the greeting's script, used where the profile has none ('' for none). */
  greetingName: string;
  greetingCompany: string;
}

/** The localStorage key (versioned). */
export const CALL_PREFERENCES_KEY = 'voicedrill.call-import.v1';

/** Defaults for a new device: analysis only (the privacy-preserving choice). */
export const DEFAULT_CALL_PREFERENCES: CallPreferences = { agentChannel: 'left', lang: null, keepAudio: false, greeting: 'greeting4', greetingName: '', greetingCompany: '' };

/** Read stored call preferences (a JSON string or null); unknown or bad values become defaults. */
export function parseCallPreferences(raw: string | null): CallPreferences {
  let value: Record<string, unknown> = {};
  try {
    const parsed: unknown = raw === null ? null : JSON.parse(raw);
    if (typeof parsed === 'object' && parsed !== null) value = parsed as Record<string, unknown>;
  } catch {
    // defaults
  }
  return {
    agentChannel: value.agentChannel === 'right' ? 'right' : 'left',
    lang: value.lang === 'zh' || value.lang === 'en' ? value.lang : null,
    keepAudio: value.keepAudio === true,
    greeting: value.greeting === 'greeting3' ? 'greeting3' : 'greeting4',
    greetingName: typeof value.greetingName === 'string' ? value.greetingName : '',
    greetingCompany: typeof value.greetingCompany === 'string' ? value.greetingCompany : '',
  };
}

/** Load the call preferences; a storage that throws gives the defaults. */
export function loadCallPreferences(storage: KeyValueStorage | null): CallPreferences {
  try {
    return parseCallPreferences(storage?.getItem(CALL_PREFERENCES_KEY) ?? null);
  } catch {
    return { ...DEFAULT_CALL_PREFERENCES };
  }
}

/** Save the call preferences; false when the storage refused. */
export function saveCallPreferences(storage: KeyValueStorage | null, prefs: CallPreferences): boolean {
  try {
    storage?.setItem(CALL_PREFERENCES_KEY, JSON.stringify(prefs));
    return storage !== null;
  } catch {
    return false;
  }
}
