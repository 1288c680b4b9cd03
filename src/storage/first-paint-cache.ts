/**
 * The first-paint snapshots (docs/adr/0009-first-paint.md): what a screen drew last time, kept in
 * localStorage so start-up can paint it before the app's script has loaded. They are derived data, never
 * the record of anything: this module names their keys and forgets them all whenever something they show
 * may no longer be true — a take or summary deleted, the UI language or a drill changed, all data
 * deleted (db.ts hooks, backup/store-io.ts). A new take only makes a snapshot older: the live page draws it.
 * No imports: start-up's first chunk reads the keys.
 */

/** Prefix of every first-paint key (versioned with the snapshot shapes). */
export const FIRST_PAINT_KEY_PREFIX = 'voicedrill.firstPaint.v1.';

/** The take page's snapshot name (features/history/first-paint.ts): the store forgets it when a take changes. */
export const TAKE_PAGE_FIRST_PAINT = 'take';

/** The key of a screen's snapshot. */
export function firstPaintKey(screen: string): string {
  return `${FIRST_PAINT_KEY_PREFIX}${screen}`;
}

/** The part of localStorage used (window.localStorage satisfies it). */
export interface FirstPaintStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  key(index: number): string | null;
  readonly length: number;
}

/** window.localStorage, or null where the page may not store anything (reading it can throw). */
export function firstPaintStorage(): FirstPaintStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** The stored text of `screen`'s snapshot, or null (none, or storage refused). */
export function readFirstPaint(screen: string, storage: FirstPaintStorage | null = firstPaintStorage()): string | null {
  try {
    return storage?.getItem(firstPaintKey(screen)) ?? null;
  } catch {
    return null;
  }
}

/**
 * Keep `text` (JSON) as `screen`'s snapshot for the next start-up (null: forget it). Storage full or refused:
 * no snapshot for that screen (it is drawn live as before); the other screens' snapshots stay.
 */
export function writeFirstPaint(screen: string, text: string | null, storage: FirstPaintStorage | null = firstPaintStorage()): void {
  const key = firstPaintKey(screen);
  try {
    if (text === null) storage?.removeItem(key);
    else storage?.setItem(key, text);
  } catch {
    try { storage?.removeItem(key); } catch { /* storage blocked */ }
  }
}

/** Forget the first-paint snapshots whose stored text `forget` picks (storage refused: nothing was kept). */
function forgetWhere(storage: FirstPaintStorage | null, forget: (text: string | null) => boolean): void {
  if (!storage) return;
  try {
    const keys: string[] = [];
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (key?.startsWith(FIRST_PAINT_KEY_PREFIX)) keys.push(key);
    }
    for (const key of keys) if (forget(storage.getItem(key))) storage.removeItem(key);
  } catch {
    // Storage blocked: nothing was kept either.
  }
}

/** Forget every first-paint snapshot. */
export function clearFirstPaints(storage: FirstPaintStorage | null = firstPaintStorage()): void {
  forgetWhere(storage, () => true);
}

/**
 * Forget the snapshots drawn in another UI language than `uiLang` (every snapshot records its `uiLang`; an
 * unreadable one is forgotten too). A profile write in the language the snapshots show keeps them.
 */
export function clearFirstPaintsNotIn(uiLang: unknown, storage: FirstPaintStorage | null = firstPaintStorage()): void {
  forgetWhere(storage, (text) => {
    try {
      return (JSON.parse(text ?? 'null') as { uiLang?: unknown } | null)?.uiLang !== uiLang;
    } catch {
      return true;
    }
  });
}
