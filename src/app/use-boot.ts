/** Start-up: open the database, read the profile and look for interrupted takes; closes the database on unmount. */
import { useEffect, useState } from 'react';
import { isStorageError, openStore, type InterruptedTake, type Profile, type StorageErrorKind, type VoiceDrillStore } from '../storage/index.ts';

/** Where start-up is. */
export type BootState =
  | { status: 'loading' }
  | { status: 'ready'; store: VoiceDrillStore | null; storageError: StorageErrorKind | null; profile: Profile | null; interrupted: InterruptedTake[] };

function kindOf(error: unknown): StorageErrorKind {
  return isStorageError(error) ? error.kind : 'unknown';
}

/** Open storage once; the state says what was found. */
export function useBoot(onBlocked: (kind: StorageErrorKind) => void): BootState {
  const [state, setState] = useState<BootState>({ status: 'loading' });
  useEffect(() => {
    let cancelled = false;
    let opened: VoiceDrillStore | null = null;
    void (async () => {
      let store: VoiceDrillStore;
      try {
        store = await openStore({ onBlocked: (e) => onBlocked(e.kind) });
      } catch (error) {
        if (!cancelled) setState({ status: 'ready', store: null, storageError: kindOf(error), profile: null, interrupted: [] });
        return;
      }
      opened = store;
      if (cancelled) {
        store.close();
        return;
      }
      let profile: Profile | null = null;
      let interrupted: InterruptedTake[] = [];
      let storageError: StorageErrorKind | null = null;
      try {
        // Independent reads: one round trip to IndexedDB instead of two at start-up.
        [profile, interrupted] = await Promise.all([store.getProfile(), store.findInterrupted()]);
      } catch (error) {
        storageError = kindOf(error);
      }
      if (!cancelled) setState({ status: 'ready', store, storageError, profile, interrupted });
    })();
    return () => {
      cancelled = true;
      opened?.close();
    };
    // Runs once: the blocked callback is only read when the database opens.
  }, []);
  return state;
}
