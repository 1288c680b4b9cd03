/**
 * Real PostgreSQL for the server tests (issue 13): a temporary cluster this process owns (initdb in a temp folder,
 * trust auth on 127.0.0.1 and a socket in the same folder, a free port), stopped and deleted at the end. As root
 * (CI) the cluster runs as the `postgres` user, since PostgreSQL refuses to run as root.
 *
 * `testDatabaseUrl()` gives each test file a fresh database: in the cluster `.ci/run` started when
 * VOICEDRILL_TEST_PG_URL is set, else in a temporary cluster of this process. Fault tests that stop and restart
 * PostgreSQL start their own cluster with `startTempCluster()`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export interface TempCluster {
  /** postgres://postgres@127.0.0.1:<port>/postgres */
  url: string;
  port: number;
  /** pg_ctl stop -m fast (the data stays). */
  stop(): void;
  /** pg_ctl start again on the same port. */
  start(): void;
  /** Stop and delete the data folder. */
  destroy(): void;
}

/** The folder with initdb and pg_ctl: PATH first, then Debian's /usr/lib/postgresql/<n>/bin (newest). */
export function postgresBinDir(): string | null {
  const which = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' });
  if (which.status === 0 && which.stdout.trim()) return join(which.stdout.trim(), '..');
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
  for (const v of versions) if (existsSync(join(root, v, 'bin', 'initdb'))) return join(root, v, 'bin');
  return null;
}

const isRoot = (): boolean => typeof process.getuid === 'function' && process.getuid() === 0;

function run(bin: string, args: string[]): void {
  const [cmd, argv] = isRoot() ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  execFileSync(cmd, argv, { stdio: ['ignore', 'ignore', 'pipe'] });
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * initdb + start a throwaway cluster; throws with the reason when PostgreSQL is not installed. Tests run with
 * fsync off (speed); `fsync: true` keeps PostgreSQL's default durability (the load benchmark measures what a centre runs).
 */
export async function startTempCluster(options: { fsync?: boolean } = {}): Promise<TempCluster> {
  const bin = postgresBinDir();
  if (!bin) throw new Error('PostgreSQL is not installed (apt-get install -y postgresql): the server tests need a real PostgreSQL.');
  const dir = mkdtempSync(join(tmpdir(), 'voicedrill-pg-'));
  chmodSync(dir, 0o777);
  if (isRoot()) execFileSync('chown', ['postgres:postgres', dir]);
  const data = join(dir, 'data');
  run(join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-locale', '--no-sync']);
  const port = await freePort();
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=${options.fsync ? 'on' : 'off'} -c max_connections=200`;
  const start = (): void => run(join(bin, 'pg_ctl'), ['-D', data, '-o', opts, '-l', join(dir, 'log'), '-w', 'start']);
  const stop = (): void => run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']);
  start();
  let destroyed = false;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    start,
    stop,
    destroy() {
      if (destroyed) return;
      destroyed = true;
      try {
        stop();
      } catch {
        // already stopped
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

let shared: Promise<TempCluster> | null = null;

/** A fresh, empty database for one test file; `drop()` removes it (and the process's own cluster at exit). */
export async function testDatabaseUrl(): Promise<{ url: string; drop(): Promise<void> }> {
  let base = process.env.VOICEDRILL_TEST_PG_URL;
  if (!base) {
    shared ??= startTempCluster().then((c) => {
      process.once('exit', () => c.destroy());
      // Vitest ends its fork workers with SIGTERM, where 'exit' never fires: stop the cluster, then die of the signal
      // as before (without this, every test file's cluster outlived the run).
      process.once('SIGTERM', () => {
        c.destroy();
        process.kill(process.pid, 'SIGTERM');
      });
      return c;
    });
    base = (await shared).url;
  }
  const name = `vd_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}
