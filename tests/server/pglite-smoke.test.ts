// `npm run server` with no DATABASE_URL (issue 13): the real process on embedded PGlite in a data folder — migrated,
// ready, JSON logs, a graceful stop on SIGTERM; then the same folder opened again as a Db. And its command line.
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { openPgliteDb, PGLITE_LOCK_FILE } from '../../server/db/pglite-db.ts';
import { freePort } from './pg-cluster.ts';

const BIN = join(import.meta.dirname, '../../bin/voicedrill-server.mjs');
const dataRoot = mkdtempSync(join(tmpdir(), 'vd-pglite-'));
const children: ChildProcess[] = [];
/** PGlite's cold start is ~3 s alone, far more on a machine busy with other test runs. */
const SLOW = 120_000;

afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  rmSync(dataRoot, { recursive: true, force: true });
});

function envWithoutDatabase(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of ['DATABASE_URL', 'PORT', 'HOST', 'VOICEDRILL_SERVER_DATA']) delete env[name];
  return env;
}

it('runs on PGlite in the data folder: migrated, ready, JSON logs, SIGTERM → stopped and exit 0', async () => {
  const port = await freePort();
  const dataDir = join(dataRoot, 'data');
  const child = spawn(process.execPath, [BIN, '--port', String(port), '--data-dir', dataDir], { env: envWithoutDatabase(), stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));

  const started = Date.now();
  while (!stdout.includes('"msg":"listening"')) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}: ${stderr}`);
    if (Date.now() - started > 90_000) throw new Error(`the server did not listen in 90 s: ${stdout}${stderr}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
  expect(ready.status).toBe(200);
  expect(await ready.json()).toEqual({ status: 'ready' });
  // PGlite would let a second process open the same folder (and corrupt it): the lock refuses.
  await expect(openPgliteDb({ dataDir })).rejects.toThrow(
    `Another server (process ${child.pid}) uses the data folder ${dataDir}; stop it or choose another --data-dir.`,
  );

  child.kill('SIGTERM');
  expect(await exited).toBe(0);
  const lines = stdout.trim().split('\n').map((line) => JSON.parse(line) as { msg: string; url?: string; dataDir?: string; migration?: string });
  const messages = lines.map((l) => l.msg);
  expect(lines.find((l) => l.dataDir)?.dataDir).toBe(dataDir);
  expect(lines.find((l) => l.msg === 'migration applied')?.migration).toBe('0001_init.sql');
  expect(lines.find((l) => l.msg === 'listening')?.url).toBe(`http://127.0.0.1:${port}`);
  expect(messages.at(-1)).toBe('stopped');
  expect(messages.indexOf('stopping')).toBeLessThan(messages.indexOf('stopped'));
  expect(stderr).toBe('');

  expect(existsSync(join(dataDir, PGLITE_LOCK_FILE))).toBe(false);

  // The same folder as a Db (over a lock left by a process that no longer runs): one migration recorded, and values as
  // pg returns them.
  const gone = spawnSync(process.execPath, ['-e', '0']).pid;
  writeFileSync(join(dataDir, PGLITE_LOCK_FILE), String(gone));
  const db = await openPgliteDb({ dataDir });
  try {
    expect(db.kind).toBe('pglite');
    expect(await db.query('SELECT version, name FROM schema_migrations')).toEqual([{ version: 1, name: 'init' }]);
    expect(await db.query('SELECT count(*) AS n FROM organisations')).toEqual([{ n: '0' }]);
    const [row] = await db.query<{ b: Buffer; t: Date }>('SELECT $1::bytea AS b, $2::timestamptz AS t', [new Uint8Array([1, 2, 255]), new Date(1000)]);
    expect(Buffer.isBuffer(row?.b)).toBe(true);
    expect([...(row?.b ?? [])]).toEqual([1, 2, 255]);
    expect(row?.t.getTime()).toBe(1000);
    await expect(
      db.transaction(async (tx) => {
        await tx.query("INSERT INTO organisations (org_id, name) VALUES ('o1', 'Centre')");
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await db.query('SELECT count(*) AS n FROM organisations')).toEqual([{ n: '0' }]);
    expect(await db.ping()).toBe(true);
  } finally {
    await db.close();
    await db.close();
  }
  expect(await db.ping()).toBe(false);
}, SLOW);

it('a second signal stops at once (exit 1) while a request still holds the graceful stop', async () => {
  const port = await freePort();
  const child = spawn(process.execPath, [BIN, '--port', String(port), '--data-dir', join(dataRoot, 'second')], { env: envWithoutDatabase(), stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  const started = Date.now();
  while (!stdout.includes('"msg":"listening"') && child.exitCode === null && Date.now() - started < 90_000) await new Promise((r) => setTimeout(r, 100));

  // A request whose body never finishes arriving: in flight until its connection closes.
  const socket = connect(port, '127.0.0.1');
  socket.on('error', () => undefined);
  socket.write('POST /v1/anything HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"a":');
  while (!stdout.includes('"msg":"incoming request"')) await new Promise((r) => setTimeout(r, 50));
  child.kill('SIGTERM');
  while (!stdout.includes('"msg":"stopping"')) await new Promise((r) => setTimeout(r, 50));
  await new Promise((r) => setTimeout(r, 300));
  expect(child.exitCode).toBe(null);
  child.kill('SIGINT');
  expect(await exited).toBe(1);
  socket.destroy();
  expect(stdout).toContain('"msg":"second signal: stopping at once"');
  expect(stdout).not.toContain('"msg":"stopped"');
}, SLOW);

it('--help prints the usage with the environment variables and exits 0; a bad option exits 2 with one sentence', () => {
  const help = spawnSync(process.execPath, [BIN, '--help'], { encoding: 'utf8', env: envWithoutDatabase() });
  expect(help.status).toBe(0);
  expect(help.stdout).toMatch(/^Usage: npm run server/);
  for (const word of ['--port', '--host', '--data-dir', 'DATABASE_URL', 'PORT', 'HOST', 'VOICEDRILL_SERVER_DATA', '8787', '127.0.0.1']) {
    expect(help.stdout).toContain(word);
  }

  const bad = spawnSync(process.execPath, [BIN, '--colour', 'blue'], { encoding: 'utf8', env: envWithoutDatabase() });
  expect(bad.status).toBe(2);
  expect(bad.stdout).toBe('');
  expect(bad.stderr).toBe("voicedrill-server: Unknown option '--colour'; see --help.\n");

  const level = spawnSync(process.execPath, [BIN], { encoding: 'utf8', env: { ...envWithoutDatabase(), LOG_LEVEL: 'loud' } });
  expect(level.status).toBe(2);
  expect(level.stderr).toBe("voicedrill-server: LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, not 'loud'.\n");
});
