/**
 * The one database interface of the server (issue 13): parameterised SQL only ($1, $2, … placeholders; never a value
 * spliced into the text). Two implementations: `pg-db.ts` (a real PostgreSQL through `pg`'s pool, DATABASE_URL) and
 * `pglite-db.ts` (embedded PGlite in a local data folder, for trying the server on one machine). The same migrations
 * (`server/migrations/NNNN_*.sql`) run on both.
 */

/** A value a query parameter may take. Buffers/Uint8Array go to bytea; objects must be JSON.stringify'd by the caller for jsonb. */
export type SqlParam = string | number | boolean | null | Uint8Array | Date;

export interface Queryable {
  /** Runs one parameterised statement; returns its rows (column names as in the SQL). */
  query<Row extends Record<string, unknown> = Record<string, unknown>>(text: string, params?: readonly SqlParam[]): Promise<Row[]>;
}

export interface Db extends Queryable {
  /**
   * Runs fn in one transaction (BEGIN … COMMIT; ROLLBACK and rethrow on error) on one connection. Inside fn, query
   * through tx only: on PGlite (one connection) a db.query waits for the transaction to end, so it would never return.
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** True when a trivial query answers now (readiness); never throws. */
  ping(): Promise<boolean>;
  /** Releases every connection / closes the embedded database. Idempotent. */
  close(): Promise<void>;
  /** 'postgres' (pg pool) or 'pglite' (embedded). */
  readonly kind: 'postgres' | 'pglite';
}
