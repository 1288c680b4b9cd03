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
  /** How long ping() waits for an answer before reporting false (ms, default 2000). */
  pingTimeoutMs?: number;
}

function queryable(client: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<Row extends Record<string, unknown>>(text: string, params: readonly SqlParam[] = []): Promise<Row[]> {
      // Without parameters pg uses the simple protocol, where a text may hold several statements (a migration file):
      // then it answers with one result per statement, and the last one's rows are returned.
      const result = (await client.query<Row>(text, params as unknown[])) as pg.QueryResult<Row> | Array<pg.QueryResult<Row>>;
      return Array.isArray(result) ? (result.at(-1)?.rows ?? []) : result.rows;
    },
  };
}

export function openPgDb(options: PgDbOptions): Db {
  const pool = new pg.Pool({ connectionString: options.connectionString, max: options.max ?? 10, connectionTimeoutMillis: 5000 });
  pool.on('error', (error) => options.onError?.(error));
  const pingTimeoutMs = options.pingTimeoutMs ?? 2000;
  let closing: Promise<void> | null = null;
  return {
    kind: 'postgres',
    ...queryable(pool),
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      // A checked-out client has no pool listener: without ours, PostgreSQL going away mid-transaction would be an
      // unhandled 'error' event, which ends the process. A broken client is destroyed on release, not reused.
      let broken: Error | undefined;
      const onClientError = (error: Error): void => {
        broken = error;
        options.onError?.(error);
      };
      client.on('error', onClientError);
      try {
        await client.query('BEGIN');
        const value = await fn(queryable(client));
        await client.query('COMMIT');
        return value;
      } catch (e) {
        await client.query('ROLLBACK').catch((error: Error) => {
          broken ??= error;
        });
        throw e;
      } finally {
        client.removeListener('error', onClientError);
        client.release(broken);
      }
    },
    async ping(): Promise<boolean> {
      if (closing) return false;
      let timer: NodeJS.Timeout | undefined;
      // A PostgreSQL that accepts connections but does not answer (starting up, overloaded) must not hold readiness.
      const timeout = new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), pingTimeoutMs);
      });
      const answer = pool.query('SELECT 1').then(() => true, () => false);
      try {
        return await Promise.race([answer, timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
    close(): Promise<void> {
      closing ??= pool.end();
      return closing;
    },
  };
}
