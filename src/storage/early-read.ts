/**
 * The first read of start-up, begun by a tiny script (src/app/early-start.ts) before the app's bundle has
 * loaded: it opens the database with the plain IndexedDB API and asks for every take summary in one getAll(),
 * so the read overlaps the download and parsing of React and Dexie. The store adopts the raw rows once
 * (VoiceDrillStore.listSummaries) and reads them through restoreSummary like any other read: one data path.
 * It never creates or upgrades the database: a first start or an older schema gives null, and the store reads
 * itself. No imports but the database name: this file runs before everything else.
 */
import { DB_NAME } from './records.ts';

/** The store the early read asks for (Dexie's table of the take summaries, db.ts). */
const SUMMARIES = 'takeSummaries';
// Where the early read leaves its promise for the store (one page, one hand-over).
const KEY = '__voicedrillEarlySummaries';

type EarlyHolder = Record<typeof KEY, Promise<unknown[] | null> | undefined>;

/** The raw rows of every take summary, or null when the database is new, older or unreadable. */
export function readSummariesRaw(idb: IDBFactory, dbName: string = DB_NAME): Promise<unknown[] | null> {
  return new Promise((resolve) => {
    let req: IDBOpenDBRequest;
    try {
      req = idb.open(dbName);
    } catch {
      return resolve(null);
    }
    // A first start: the app creates the database with its schema (Dexie); never an empty one here.
    req.onupgradeneeded = () => req.transaction?.abort();
    req.onerror = () => resolve(null);
    req.onblocked = () => resolve(null);
    req.onsuccess = () => {
      const db = req.result;
      // The app's open may need to upgrade: this connection never holds it up.
      db.onversionchange = () => db.close();
      try {
        if (!db.objectStoreNames.contains(SUMMARIES)) return resolve(null);
        const all = db.transaction([SUMMARIES], 'readonly').objectStore(SUMMARIES).getAll();
        all.onsuccess = () => resolve(all.result as unknown[]);
        all.onerror = () => resolve(null);
      } catch {
        resolve(null);
      } finally {
        db.close(); // after the transaction above completes
      }
    };
  });
}

/** Begin the early read (the start-up script calls it once, before the app loads). */
export function startEarlySummaries(scope: object = globalThis): void {
  const idb = (scope as { indexedDB?: IDBFactory }).indexedDB;
  if (!idb) return;
  (scope as EarlyHolder)[KEY] = readSummariesRaw(idb).then((rows) => {
    performance.mark('voicedrill:early-summaries');
    return rows;
  });
}

/** The early read's raw rows, handed over once (later callers, and pages without the early script, get null). */
export function adoptEarlySummaries(scope: object = globalThis): Promise<unknown[] | null> | null {
  const holder = scope as EarlyHolder;
  const early = holder[KEY] ?? null;
  holder[KEY] = undefined;
  return early;
}
