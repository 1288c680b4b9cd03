// PostgreSQL restarted under a running service (issue 13): /readyz says not-ready meanwhile, /healthz stays up, the
// pool's dropped connections are log lines (not a crash), and the service answers again without a restart.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDb } from '../../server/db/open-db.ts';
import type { Db } from '../../server/db/sql.ts';
import { buildServer } from '../../server/http.ts';
import { migrate } from '../../server/migrate.ts';
import { startTempCluster } from './pg-cluster.ts';
import type { TempCluster } from './pg-cluster.ts';

let cluster: TempCluster;
let db: Db;
let app: FastifyInstance;
const poolErrors: Error[] = [];

beforeAll(async () => {
  cluster = await startTempCluster();
  db = await openDb({ databaseUrl: cluster.url, dataDir: '/nonexistent-unused', onError: (e) => void poolErrors.push(e) });
  expect(db.kind).toBe('postgres');
  await migrate(db);
  app = await buildServer({
    db,
    async registerApi(api, { db: apiDb }) {
      api.get('/v1/count', async () => {
        const [row] = await apiDb.query<{ n: string }>('SELECT count(*) AS n FROM schema_migrations');
        return { n: row?.n };
      });
    },
  });
});

afterAll(async () => {
  await app?.close();
  await db?.close();
  cluster?.destroy();
});

const get = (url: string) => app.inject({ method: 'GET', url });

it('reports not-ready while PostgreSQL is down and ready again after it restarts, without restarting', async () => {
  expect((await get('/readyz')).statusCode).toBe(200);
  // Fill the pool with idle connections (dropped by the stop: pool 'error' events) and keep one in a transaction.
  await Promise.all(Array.from({ length: 4 }, () => db.query('SELECT pg_sleep(0.05)')));
  const inFlight = db.transaction((tx) => tx.query('SELECT pg_sleep(30)'));
  const inFlightSettled = inFlight.then(() => 'committed', () => 'failed');
  await new Promise((r) => setTimeout(r, 200));

  cluster.stop();
  expect(await inFlightSettled).toBe('failed');

  const down = await get('/readyz');
  expect(down.statusCode).toBe(503);
  expect(down.json()).toEqual({ status: 'not-ready', reason: 'The database does not answer.', error: 'The database does not answer.', code: 'not-ready' });
  const health = await get('/healthz');
  expect(health.statusCode).toBe(200);
  expect(health.json()).toEqual({ status: 'ok' });
  const query = await get('/v1/count');
  expect(query.statusCode).toBe(500);
  expect(query.json().code).toBe('internal');
  expect(poolErrors.length).toBeGreaterThanOrEqual(1);

  cluster.start();
  const started = Date.now();
  let status = 0;
  while (Date.now() - started < 5000) {
    status = (await get('/readyz')).statusCode;
    if (status === 200) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  expect(status).toBe(200);
  const again = await get('/v1/count');
  expect(again.statusCode).toBe(200);
  expect(again.json()).toEqual({ n: '1' });
});
