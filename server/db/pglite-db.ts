/**
 * The Db on embedded PostgreSQL (PGlite, WebAssembly) in a local data folder: no DATABASE_URL needed, so a trainer can
 * try the server on one machine. One connection: PGlite runs one statement at a time and holds plain queries back while
 * a transaction is open, so a transaction never sees another request's statements. Values come back as `pg` returns
 * them (bigint as a string, bytea as a Buffer), so the same route code runs on both.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
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

/** Opens (creating when new) the embedded database in dataDir; resolves once it answers (~3 s cold). */
export async function openPgliteDb(options: PgliteDbOptions): Promise<Db> {
  const dataDir = resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const pglite = new PGlite(dataDir, {
    // int8 as a string, as `pg` returns it (counts, sums): no silent precision loss, one behaviour for both.
    parsers: { [types.INT8]: (value: string) => value },
  });
  await pglite.waitReady;
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
      closing ??= pglite.closed ? Promise.resolve() : pglite.close();
      return closing;
    },
  };
}
