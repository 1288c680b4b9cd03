/**
 * Start-up: open the database, read the profile and look for interrupted takes; closes the database
 * on unmount. startBoot() begins all of it as soon as the entry module runs (before React renders),
 * and useBoot() takes over what it started, so the reads overlap the first render and route loading.
 */
import { useEffect, useState } from 'react';
import { isStorageError, openStore, type InterruptedTake, type Profile, type StorageErrorKind, type VoiceDrillStore } from '../storage/index.ts';

/** What the shell reads from storage at start-up (and again after an import or "delete all"). */
export async function readStored(store: VoiceDrillStore): Promise<{ profile: Profile | null; interrupted: InterruptedTake[] }> {
  // Independent reads: one round trip to IndexedDB instead of two.
  const [profile, interrupted] = await Promise.all([store.getProfile(), store.findInterrupted()]);
  return { profile, interrupted };
}

/** Where start-up is. */
export type BootState =
  | { status: 'loading' }
  | { status: 'ready'; store: VoiceDrillStore | null; storageError: StorageErrorKind | null; profile: Profile | null; interrupted: InterruptedTake[] };

type Ready = Extract<BootState, { status: 'ready' }>;

function kindOf(error: unknown): StorageErrorKind {
  return isStorageError(error) ? error.kind : 'unknown';
}

/** Open storage and read what start-up needs; `opened` is told of the store as soon as it is open. */
async function boot(onBlocked: (kind: StorageErrorKind) => void, opened: (store: VoiceDrillStore) => void): Promise<Ready> {
  let store: VoiceDrillStore;
  try {
    store = await openStore({ onBlocked: (e) => onBlocked(e.kind) });
  } catch (error) {
    return { status: 'ready', store: null, storageError: kindOf(error), profile: null, interrupted: [] };
  }
  performance.mark('voicedrill:store-open');
  opened(store);
  try {
    const { profile, interrupted } = await readStored(store);
    performance.mark('voicedrill:boot-read');
    return { status: 'ready', store, storageError: null, profile, interrupted };
  } catch (error) {
    return { status: 'ready', store, storageError: kindOf(error), profile: null, interrupted: [] };
  }
}

interface EarlyBoot {
  result: Promise<Ready>;
  /** The open store, once open (for reads that need nothing else, e.g. the progress summaries). */
  store: Promise<VoiceDrillStore>;
  blocked: ((kind: StorageErrorKind) => void) | null;
}

let early: EarlyBoot | null = null;

/** Begin start-up now (call from the entry module); the first useBoot takes it over. Returns the store once open. */
export function startBoot(): Promise<VoiceDrillStore> {
  if (early === null) {
    let resolveStore: (store: VoiceDrillStore) => void = () => undefined;
    const store = new Promise<VoiceDrillStore>((resolve) => { resolveStore = resolve; });
    const started: EarlyBoot = { result: Promise.resolve(null as unknown as Ready), store, blocked: null };
    started.result = boot((kind) => started.blocked?.(kind), resolveStore);
    early = started;
  }
  return early.store;
}

// The early start-up, handed over once (a second mount, as StrictMode does, opens its own).
function takeEarly(onBlocked: (kind: StorageErrorKind) => void): Promise<Ready> | null {
  const started = early;
  if (started === null || started.blocked !== null) return null;
  started.blocked = onBlocked;
  return started.result;
}

/** Open storage once; the state says what was found. */
export function useBoot(onBlocked: (kind: StorageErrorKind) => void): BootState {
  const [state, setState] = useState<BootState>({ status: 'loading' });
  useEffect(() => {
    let cancelled = false;
    let opened: VoiceDrillStore | null = null;
    const keep = (store: VoiceDrillStore): void => {
      opened = store;
      if (cancelled) store.close();
    };
    const pending = takeEarly(onBlocked) ?? boot(onBlocked, keep);
    void pending.then((ready) => {
      if (ready.store) keep(ready.store);
      if (!cancelled) setState(ready);
    });
    return () => {
      cancelled = true;
      opened?.close();
    };
    // Runs once: the blocked callback is only read when the database opens.
  }, []);
  return state;
}
