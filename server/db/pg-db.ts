/**
 * The Db on a real PostgreSQL (DATABASE_URL) through `pg`'s pool. A connection lost while PostgreSQL restarts is an
 * 'error' event on the pool, logged and survived: the next query opens a new connection, and `ping` reports false
 * meanwhile (readiness).
 */
import pg from 'pg';
import type { Db, Queryable, SqlParam } from './sql.ts';

export interface PgDbOptions {
  connectionString: string;
  /** Connections in the pool (default 10). */
  max?: number;
  /** Called with pool-level errors (an idle connection dropped by the server). */
  onError?: (error: Error) => void;
}

function queryable(client: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<Row extends Record<string, unknown>>(text: string, params: readonly SqlParam[] = []): Promise<Row[]> {
      const result = await client.query<Row>(text, params as unknown[]);
      return result.rows;
    },
  };
}

export function openPgDb(options: PgDbOptions): Db {
  const pool = new pg.Pool({ connectionString: options.connectionString, max: options.max ?? 10, connectionTimeoutMillis: 5000 });
  pool.on('error', (error) => options.onError?.(error));
  let closed = false;
  return {
    kind: 'postgres',
    ...queryable(pool),
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const value = await fn(queryable(client));
        await client.query('COMMIT');
        return value;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        client.release();
      }
    },
    async ping(): Promise<boolean> {
      try {
        await pool.query('SELECT 1');
        return true;
      } catch {
        return false;
      }
    },
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
