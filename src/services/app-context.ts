/** What every screen gets from the shell: the UI language and messages, storage, the profile, preferences. */
import { createContext, useContext } from 'react';
import type { MessageKey, MessageParams, UiLang } from '../i18n/index.ts';
import type { InterruptedTake, Profile, StorageErrorKind, VoiceDrillStore } from '../storage/index.ts';
import type { UndoDelete } from '../takes/index.ts';
import type { Preferences } from './preferences.ts';
import type { Route } from './routes.ts';

/** The shell's services. */
export interface AppServices {
  uiLang: UiLang;
  /** A message in the UI language. */
  t: (key: MessageKey, params?: MessageParams) => string;
  /** The database, or null when this browser will not let the app store data. */
  store: VoiceDrillStore | null;
  /** The agent's profile (a default one before the first run is finished). */
  profile: Profile;
  /** True once a profile is stored (the first run is done). */
  profileSaved: boolean;
  /** Store the profile (and switch the UI language to its uiLang); rejects with a StorageError. */
  saveProfile: (profile: Profile) => Promise<void>;
  setUiLang: (lang: UiLang) => void;
  prefs: Preferences;
  setPrefs: (prefs: Preferences) => void;
  navigate: (route: Route) => void;
  /** A storage problem to show app-wide (e.g. 'blocked' by another tab). */
  reportStorageError: (kind: StorageErrorKind) => void;
  /** Takes a crash or a closed tab interrupted, found at start-up. */
  interrupted: InterruptedTake[];
  dismissInterrupted: (takeId: string) => void;
  /** Read the profile and interrupted takes again after the stored data changed underneath (import, delete all). */
  reloadStored: () => Promise<void>;
  /** Deletes of takes that can still be undone (null without a store). */
  undoDelete: UndoDelete | null;
}

/** The shell's context (set by App). */
export const AppContext = createContext<AppServices | null>(null);

/** The shell's services; only inside App. */
export function useApp(): AppServices {
  const value = useContext(AppContext);
  if (value === null) throw new Error('useApp is used outside <App>.');
  return value;
}
