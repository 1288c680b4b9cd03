/**
 * Storage health: how much of the origin's quota is used (navigator.storage.estimate), whether the
 * data is persistent (navigator.storage.persist),. No DOM: the storage manager and the analysis are passed in or found on
 * globalThis, so it runs in a worker, on the main thread and in Node tests.
 */

/** The part of the StorageManager (navigator.storage) used here. */
export interface StorageManagerLike {
  estimate?: () => Promise<{ usage?: number; quota?: number }>;
  persist?: () => Promise<boolean>;
  persisted?: () => Promise<boolean>;
}

/** Usage, quota and persistence; null where the browser does not say. */
export interface StorageHealth {
  usageBytes: number | null;
  quotaBytes: number | null;
  /** usage ÷ quota, 0…1. */
  usedFraction: number | null;
  persisted: boolean | null;
}

/** The browser's StorageManager, or null (old browsers, insecure pages, Node). */
export function defaultStorageManager(): StorageManagerLike | null {
  return (globalThis as { navigator?: { storage?: StorageManagerLike } }).navigator?.storage ?? null;
}

const finiteOrNull = (x: unknown): number | null => (typeof x === 'number' && Number.isFinite(x) && x >= 0 ? x : null);

/** Usage and quota (StorageManager.estimate) and whether storage is persistent; never throws. */
export async function storageHealth(manager: StorageManagerLike | null = defaultStorageManager()): Promise<StorageHealth> {
  let usageBytes: number | null = null;
  let quotaBytes: number | null = null;
  let persisted: boolean | null;
  try {
    const e = await manager?.estimate?.();
    usageBytes = finiteOrNull(e?.usage);
    quotaBytes = finiteOrNull(e?.quota);
  } catch {
    // Unknown is an honest answer; the panel says so.
  }
  try {
    const p = await manager?.persisted?.();
    persisted = typeof p === 'boolean' ? p : null;
  } catch {
    persisted = null;
  }
  const usedFraction = usageBytes !== null && quotaBytes !== null && quotaBytes > 0 ? Math.min(1, usageBytes / quotaBytes) : null;
  return { usageBytes, quotaBytes, usedFraction, persisted };
}

/** Ask the browser to keep the site's data under storage pressure; true when granted, null when it cannot be asked. */
export async function requestPersistentStorage(manager: StorageManagerLike | null = defaultStorageManager()): Promise<boolean | null> {
  if (!manager?.persist) return null;
  try {
    return await manager.persist();
  } catch {
    return false;
  }
}
