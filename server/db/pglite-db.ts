/**
 * The Db on embedded PostgreSQL (PGlite, WebAssembly) in a local data folder: no DATABASE_URL needed, so a trainer can
 * try the server on one machine. One connection: PGlite runs one statement at a time and holds plain queries back while
 * a transaction is open, so a transaction never sees another request's statements. Values come back as `pg` returns
 * them (bigint as a string, bytea as a Buffer), so the same route code runs on both.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite, types } from '@electric-sql/pglite';
import type { Transaction } from '@electric-sql/pglite';
import type { Db, Queryable, SqlParam } from './sql.ts';

export interface PgliteDbOptions {
  /** Folder of the database files; created when missing. */
  dataDir: string;
}

function toBuffer(value: unknown): unknown {
  return value instanceof Uint8Array && !Buffer.isBuffer(value) ? Buffer.from(value.buffer, value.byteOffset, value.byteLength) : value;
}

function normalise<Row extends Record<string, unknown>>(rows: unknown[]): Row[] {
  for (const row of rows as Array<Record<string, unknown>>) {
    for (const key of Object.keys(row)) row[key] = toBuffer(row[key]);
  }
  return rows as Row[];
}

function queryable(target: PGlite | Transaction): Queryable {
  return {
    async query<Row extends Record<string, unknown>>(text: string, params: readonly SqlParam[] = []): Promise<Row[]> {
      // Without parameters, the simple protocol: several statements are allowed (a migration file), like `pg` does.
      if (params.length === 0) {
        const results = await target.exec(text);
        return normalise<Row>(results.at(-1)?.rows ?? []);
      }
      const result = await target.query<Row>(text, [...params]);
      return normalise<Row>(result.rows);
    },
  };
}

/** The file that marks a data folder as in use: PGlite itself would let two processes open one folder and corrupt it. */
export const PGLITE_LOCK_FILE = 'voicedrill-server.lock';

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Marks dataDir as this process's (a lock left by a process that no longer runs is taken over); returns the release. */
function lockDataDir(dataDir: string): () => void {
  const path = join(dataDir, PGLITE_LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      writeFileSync(path, String(process.pid), { flag: 'wx' });
      return () => rmSync(path, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    let owner: number;
    try {
      owner = Number(readFileSync(path, 'utf8').trim());
    } catch {
      continue; // released meanwhile
    }
    if (Number.isSafeInteger(owner) && owner > 0 && processAlive(owner)) {
      throw new Error(`Another server (process ${owner}) uses the data folder ${dataDir}; stop it or choose another --data-dir.`);
    }
    rmSync(path, { force: true });
  }
  throw new Error(`The data folder ${dataDir} could not be locked for this server.`);
}

/** Opens (creating when new) the embedded database in dataDir; resolves once it answers (~3 s cold). */
export async function openPgliteDb(options: PgliteDbOptions): Promise<Db> {
  const dataDir = resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const unlock = lockDataDir(dataDir);
  const pglite = new PGlite(dataDir, {
    // int8 as a string, as `pg` returns it (counts, sums): no silent precision loss, one behaviour for both.
    parsers: { [types.INT8]: (value: string) => value },
  });
  try {
    await pglite.waitReady;
  } catch (e) {
    unlock();
    throw e;
  }
  let closing: Promise<void> | null = null;
  return {
    kind: 'pglite',
    ...queryable(pglite),
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      // PGlite's transaction(): BEGIN, COMMIT, or ROLLBACK and rethrow.
      return pglite.transaction((tx) => fn(queryable(tx)));
    },
    async ping(): Promise<boolean> {
      if (closing || pglite.closed) return false;
      try {
        await pglite.query('SELECT 1');
        return true;
      } catch {
        return false;
      }
    },
    close(): Promise<void> {
      closing ??= (pglite.closed ? Promise.resolve() : pglite.close()).finally(unlock);
      return closing;
    },
  };
}
