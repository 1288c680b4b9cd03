/**
 * `npm run server` (bin/voicedrill-server.mjs): the sync server's process. Opens the database (PostgreSQL with
 * DATABASE_URL, else embedded PGlite in a data folder), applies migrations, listens, logs JSON lines, and stops
 * gracefully on SIGTERM/SIGINT (a second signal exits at once).
 */
import { resolve } from 'node:path';
import process from 'node:process';
import { parseArgs } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { openDb } from './db/open-db.ts';
import type { Db } from './db/sql.ts';
import { buildServer } from './http.ts';
import { migrate, MigrationError } from './migrate.ts';
import { registerApi } from './routes/index.ts';

/** How long a graceful stop waits for in-flight requests before closing their connections. */
const SHUTDOWN_GRACE_MS = 10_000;

/** Admin subcommands (`voicedrill-server bootstrap …`, server/admin-cli.ts), run on the database instead of serving. */
const ADMIN_COMMANDS: readonly string[] = ['bootstrap', 'invite'];

export const USAGE = `Usage: npm run server -- [options]
       node bin/voicedrill-server.mjs [options]

The VoiceDrill team sync server.

Options:
  --port <n>        TCP port (default 8787; env PORT)
  --host <addr>     address to listen on (default 127.0.0.1; env HOST; 0.0.0.0 for the whole network)
  --data-dir <dir>  folder of the embedded database, used without DATABASE_URL
                    (default ./voicedrill-server-data; env VOICEDRILL_SERVER_DATA)
  -h, --help        this text

Environment:
  DATABASE_URL      postgres://user:password@host:5432/db — a real PostgreSQL; without it the server runs on an
                    embedded PostgreSQL (PGlite) in the data folder, for trying it on one machine
  PORT, HOST, VOICEDRILL_SERVER_DATA   as the options above (an option wins)
  DATABASE_POOL_MAX connections to PostgreSQL (default 10)
  LOG_LEVEL         fatal, error, warn, info (default), debug, silent

Administration (run on the server machine, same DATABASE_URL or --data-dir; the server may be running):
  npm run server -- bootstrap --org "<organisation>" --admin "<admin's name>" [--data-dir <dir>]
                    a new organisation and its first admin; prints the admin's one-time invite code
  npm run server -- invite --org <organisation id> --person <person id> [--hours N] [--data-dir <dir>]
                    a new one-time invite code for a person (a new or lost device)
  Everything else (groups, people, invites, revoking devices) is done from the app by an admin (Settings → Team
  server) or over the API.

Endpoints: GET /healthz (the process runs), GET /readyz (the database answers and is migrated), /v1/… (the API).
Logs: one JSON object per line on stdout. SIGTERM or SIGINT stops gracefully; a second one stops at once.
`;

/** A wrong command line: one sentence, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export interface ServerArgs {
  help: boolean;
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  logLevel: string;
  /** Connections in the PostgreSQL pool. */
  poolMax: number;
  /** An admin subcommand and its arguments (empty: run the server). */
  command: string[];
}

function parsePort(value: string, from: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) throw new UsageError(`The port (${from}) must be a whole number from 0 to 65535, not '${value}'.`);
  return port;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function parseLogLevel(value: string): string {
  if (!LOG_LEVELS.includes(value)) throw new UsageError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, not '${value}'.`);
  return value;
}

function parsePoolMax(value: string): number {
  const max = Number(value);
  if (!/^\d+$/.test(value) || max < 1 || max > 1000) throw new UsageError(`DATABASE_POOL_MAX must be a whole number from 1 to 1000, not '${value}'.`);
  return max;
}

/** The command line and environment as ServerArgs; throws UsageError. */
export function parseServerArgs(argv: readonly string[], env: NodeJS.ProcessEnv): ServerArgs {
  if (argv.length > 0 && ADMIN_COMMANDS.includes(argv[0] ?? '')) {
    // An admin command's own options go to it (server/admin-cli.ts checks them); only --data-dir is the server's.
    const rest = [...argv];
    let dataDir: string | undefined;
    const at = rest.indexOf('--data-dir');
    if (at > 0) {
      dataDir = rest[at + 1];
      if (dataDir === undefined || dataDir.startsWith('--')) throw new UsageError('The option --data-dir needs a folder; see --help.');
      rest.splice(at, 2);
    }
    return {
      help: false,
      port: 0,
      host: '127.0.0.1',
      dataDir: resolve(dataDir ?? (env.VOICEDRILL_SERVER_DATA || './voicedrill-server-data')),
      databaseUrl: env.DATABASE_URL || undefined,
      logLevel: parseLogLevel(env.LOG_LEVEL || 'info'),
      poolMax: 2,
      command: rest,
    };
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'data-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    // parseArgs says e.g. "Unknown option '--x'. To specify a positional argument starting with a '-', …": keep the first sentence.
    const first = (e instanceof Error ? e.message : String(e)).split(/(?<=\.)\s/)[0] ?? '';
    throw new UsageError(`${first.replace(/\.$/, '')}; see --help.`);
  }
  const { values, positionals } = parsed;
  if (positionals.length > 0 && !ADMIN_COMMANDS.includes(positionals[0] ?? '')) {
    throw new UsageError(`Unknown command '${positionals[0]}'; see --help.`);
  }
  const host = values.host ?? env.HOST ?? '127.0.0.1';
  if (!host) throw new UsageError('The host must not be empty.');
  return {
    help: values.help === true,
    port: values.port !== undefined ? parsePort(values.port, '--port') : env.PORT ? parsePort(env.PORT, 'PORT') : 8787,
    host,
    dataDir: resolve(values['data-dir'] ?? (env.VOICEDRILL_SERVER_DATA || './voicedrill-server-data')),
    databaseUrl: env.DATABASE_URL || undefined,
    logLevel: parseLogLevel(env.LOG_LEVEL || 'info'),
    poolMax: parsePoolMax(env.DATABASE_POOL_MAX || '10'),
    command: positionals,
  };
}

/** Before the app (and its pino logger) exists: a line in the same shape (level 30 info, 40 warn, 50 error). */
function earlyLog(level: number, msg: string, extra: Record<string, unknown> = {}): void {
  process.stdout.write(`${JSON.stringify({ level, time: Date.now(), pid: process.pid, ...extra, msg })}\n`);
}

/** The database URL without its password, for the logs. */
function safeUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparsable DATABASE_URL)';
  }
}

function sentence(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Runs the server until a signal stops it; exits the process with 0 (stopped), 1 (failed) or 2 (usage). */
export async function runServer(argv: readonly string[] = process.argv.slice(2), env: NodeJS.ProcessEnv = process.env): Promise<void> {
  let args: ServerArgs;
  try {
    args = parseServerArgs(argv, env);
  } catch (e) {
    process.stderr.write(`voicedrill-server: ${sentence(e)}\n`);
    process.exit(2);
  }
  if (args.help) {
    process.stdout.write(USAGE);
    process.exit(0);
  }

  let app: FastifyInstance | undefined;
  let db: Db | undefined;
  const info = (msg: string, extra: Record<string, unknown> = {}): void => (app ? app.log.info(extra, msg) : earlyLog(30, msg, extra));
  const fail = (msg: string, cause?: unknown): never => {
    // The cause's stack goes to the log line only (for whoever runs the server), not to the sentence.
    if (app) app.log.fatal(cause instanceof Error ? { err: cause } : {}, msg);
    else earlyLog(60, msg, cause instanceof Error ? { stack: cause.stack } : {});
    process.stderr.write(`voicedrill-server: ${msg}\n`);
    process.exit(1);
  };

  // Graceful stop: refuse new connections, let in-flight requests finish (app.close), close the database.
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (stopping) {
      info('second signal: stopping at once', { signal });
      process.exit(1);
    }
    stopping = true;
    info('stopping', { signal });
    // A request still running after the grace period (a stalled upload) does not hold the stop forever.
    setTimeout(() => {
      info('requests still running after the grace period: closing their connections', { graceMs: SHUTDOWN_GRACE_MS });
      app?.server.closeAllConnections();
    }, SHUTDOWN_GRACE_MS).unref();
    void (async () => {
      try {
        await app?.close();
        await db?.close();
      } catch (e) {
        fail(`Stopping failed: ${sentence(e)}`);
      }
      info('stopped');
      process.exit(0);
    })();
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  // A bug that escapes a request (an unawaited promise) still ends the process, but as a log line saying why.
  process.on('uncaughtException', (error) => fail(`Unexpected error: ${sentence(error)}`, error));
  process.on('unhandledRejection', (reason) => fail(`Unexpected error: ${sentence(reason)}`, reason));

  if (args.databaseUrl) info('database: PostgreSQL', { databaseUrl: safeUrl(args.databaseUrl) });
  else info(`database: embedded PostgreSQL (PGlite) in ${args.dataDir}; set DATABASE_URL to use a real PostgreSQL`, { dataDir: args.dataDir });
  try {
    db = await openDb({
      databaseUrl: args.databaseUrl,
      dataDir: args.dataDir,
      poolMax: args.poolMax,
      // PostgreSQL restarting drops pooled connections: a log line, never a crash; /readyz says not-ready meanwhile.
      onError: (error) => (app ? app.log.warn({ err: error }, 'database connection lost') : earlyLog(40, 'database connection lost', { error: error.message })),
    });
  } catch (e) {
    fail(`The database could not be opened: ${sentence(e)}`);
  }
  if (!db || stopping) return;

  try {
    // The logs go through process.stdout, which Node writes synchronously to files and pipes on Linux, like the lines
    // before the app exists: one writer, in order, and nothing lost at process.exit (pino's own fd-1 writer is
    // asynchronous: a stop's last line, 'stopped', was sometimes written before 'stopping' or not at all).
    app = await buildServer({ db, registerApi, logger: { level: args.logLevel, stream: process.stdout } });
  } catch (e) {
    fail(`The server could not be set up: ${sentence(e)}`);
  }
  if (!app) return;

  try {
    const applied = await migrate(db, { onApplied: (m) => info('migration applied', { migration: m.file }) });
    info(applied.length > 0 ? `migrations applied: ${applied.length}` : 'migrations: schema is current');
  } catch (e) {
    await db.close().catch(() => undefined);
    fail(e instanceof MigrationError ? e.message : `The database could not be migrated: ${sentence(e)}`);
  }

  // Admin subcommands run here, with the database open and migrated and before anything listens.
  if (args.command.length > 0) {
    const { runAdminCommand } = await import('./admin-cli.ts');
    const code = await runAdminCommand(args.command, db, (line) => process.stdout.write(`${line}\n`));
    await app.close().catch(() => undefined);
    await db.close();
    process.exit(code);
  }

  if (stopping) return;
  try {
    const address = await app.listen({ port: args.port, host: args.host });
    info('listening', { url: address });
  } catch (e) {
    await db.close().catch(() => undefined);
    fail(`The server could not listen on ${args.host}:${args.port}: ${sentence(e)}`);
  }
}
