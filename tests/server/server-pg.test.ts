// `npm run server` with DATABASE_URL (issue 13): the real process on PostgreSQL — migrated, ready, the password kept
// out of the logs, SIGTERM → stopped and exit 0.
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, expect, it } from 'vitest';
import { freePort, testDatabaseUrl } from './pg-cluster.ts';

const BIN = join(import.meta.dirname, '../../bin/voicedrill-server.mjs');
let child: ChildProcess | undefined;
let drop: (() => Promise<void>) | undefined;
let databaseUrl = '';

afterAll(async () => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await drop?.();
});

it('runs on PostgreSQL from DATABASE_URL: migrated, ready, password not logged, SIGTERM → stopped and exit 0', async () => {
  const fresh = await testDatabaseUrl();
  drop = fresh.drop;
  databaseUrl = fresh.url;
  // The test cluster trusts 127.0.0.1, so any password works; it must not reach the logs.
  const url = new URL(fresh.url);
  url.password = 'hunter2secret';
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: url.toString(), PORT: String(port), LOG_LEVEL: 'info' };
  delete env.VOICEDRILL_SERVER_DATA;
  child = spawn(process.execPath, [BIN], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  // 'close', not 'exit': after stdout is drained, so the last log lines are read.
  const exited = new Promise<number | null>((resolve) => child?.once('close', (code) => resolve(code)));
  const started = Date.now();
  while (!stdout.includes('"msg":"listening"')) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}: ${stderr}`);
    if (Date.now() - started > 30_000) throw new Error(`the server did not listen in 30 s: ${stdout}${stderr}`);
    await new Promise((r) => setTimeout(r, 50));
  }

  const ready = await fetch(`http://127.0.0.1:${port}/readyz`, { headers: { authorization: 'Bearer vdt.o.d.TOKENSECRET' } });
  expect(ready.status).toBe(200);
  expect(await ready.json()).toEqual({ status: 'ready' });
  const client = new pg.Client({ connectionString: fresh.url });
  await client.connect();
  try {
    expect((await client.query('SELECT version, name FROM schema_migrations')).rows).toEqual([{ version: 1, name: 'init' }]);
  } finally {
    await client.end();
  }

  child.kill('SIGTERM');
  expect(await exited).toBe(0);
  const lines = stdout.trim().split('\n').map((line) => JSON.parse(line) as { msg: string; databaseUrl?: string });
  expect(lines.find((l) => l.msg === 'database: PostgreSQL')?.databaseUrl).toBe(fresh.url.replace('postgres@', 'postgres:***@'));
  expect(lines.at(-1)?.msg).toBe('stopped');
  expect(stdout).not.toContain('hunter2secret');
  expect(stdout).not.toContain('TOKENSECRET');
  expect(stderr).toBe('');
});

it('refuses to start (exit 1, one sentence) when an applied migration no longer matches its file', async () => {
  expect(databaseUrl).not.toBe('');
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("UPDATE schema_migrations SET sha256 = 'edited' WHERE version = 1");
  } finally {
    await client.end();
  }
  const run = spawnSync(process.execPath, [BIN, '--port', String(await freePort())], {
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: databaseUrl },
    timeout: 30_000,
  });
  expect(run.status).toBe(1);
  expect(run.stderr).toBe(
    'voicedrill-server: Migration 0001_init.sql was changed after it was applied to this database; restore the file and put the change in a new migration.\n',
  );
  expect(run.stdout).not.toContain('"msg":"listening"');
});
