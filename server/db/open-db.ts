/**
 * Opens the server's Db: a real PostgreSQL when a DATABASE_URL is given, else embedded PGlite in a local data folder.
 */
import { openPgDb } from './pg-db.ts';
import { openPgliteDb } from './pglite-db.ts';
import type { Db } from './sql.ts';

export interface OpenDbOptions {
  /** postgres://… (DATABASE_URL); empty or missing → PGlite in dataDir. */
  databaseUrl?: string;
  /** PGlite's folder, used only without databaseUrl. */
  dataDir: string;
  /** Connections in PostgreSQL's pool (default 10). */
  poolMax?: number;
  /** Pool-level errors of PostgreSQL (a connection dropped while it restarts): logged, never fatal. */
  onError: (error: Error) => void;
}

/** The Db for these options; PGlite resolves once it answers, pg lazily connects on the first query. */
export async function openDb(options: OpenDbOptions): Promise<Db> {
  if (options.databaseUrl) return openPgDb({ connectionString: options.databaseUrl, max: options.poolMax, onError: options.onError });
  return openPgliteDb({ dataDir: options.dataDir });
}
