/**
 * The sync server as a child process (issue 13's load benchmark and fault tests): `node bin/voicedrill-server.mjs`
 * with DATABASE_URL on a given loopback port, so its memory is its own and it can be SIGKILLed and started again on
 * the same port. Its output is kept (the last lines) to explain a failed start.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SERVER_BIN = fileURLToPath(new URL('../../bin/voicedrill-server.mjs', import.meta.url));

export interface ServerChild {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  port: number;
  /** The running child's pid (changes on restart). */
  pid(): number;
  /** Sends a signal to the child now (SIGKILL: no graceful shutdown) and waits for it to exit. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Starts the server again on the same port (after kill) and waits until it is ready. */
  restart(): Promise<void>;
  /** The last lines the child printed (stdout and stderr). */
  output(): string;
  /** SIGTERM (graceful), SIGKILL after 5 s. Idempotent. */
  stop(): Promise<void>;
}

export interface ServerChildOptions {
  databaseUrl: string;
  port: number;
  /** Readiness wait (ms, default 30 s). */
  readyTimeoutMs?: number;
  /** More environment (e.g. LOG_LEVEL). */
  env?: Record<string, string>;
  /** Node arguments before `--port N --host 127.0.0.1` (default: the server's bin script). */
  nodeArgs?: string[];
  /** The path that answers 200 when the child is ready (default /readyz). */
  readyPath?: string;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Polls GET /readyz until 200 or the deadline; throws with the child's last output. */
async function waitReady(url: string, child: ChildProcess, timeoutMs: number, output: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the server exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${output()}`);
    }
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
      await res.arrayBuffer();
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error(`the server was not ready within ${timeoutMs} ms:\n${output()}`);
}

/** Starts the server child and waits for /readyz. */
export async function startServerChild(options: ServerChildOptions): Promise<ServerChild> {
  const origin = `http://127.0.0.1:${options.port}`;
  const lines: string[] = [];
  const keep = (chunk: Buffer): void => {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    if (lines.length > 200) lines.splice(0, lines.length - 200);
  };
  const output = (): string => lines.slice(-40).join('\n');
  let child: ChildProcess;
  let stopped = false;

  const launch = async (): Promise<void> => {
    child = spawn(process.execPath, [...(options.nodeArgs ?? [SERVER_BIN]), '--port', String(options.port), '--host', '127.0.0.1'], {
      env: { ...process.env, ...options.env, DATABASE_URL: options.databaseUrl },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    await waitReady(`${origin}${options.readyPath ?? '/readyz'}`, child, options.readyTimeoutMs ?? 30_000, output);
  };

  const exited = (c: ChildProcess): Promise<void> =>
    c.exitCode !== null || c.signalCode !== null ? Promise.resolve() : new Promise((r) => c.once('exit', () => r()));

  await launch();
  return {
    origin,
    port: options.port,
    pid: () => child.pid ?? -1,
    async kill(signal = 'SIGKILL') {
      const c = child;
      c.kill(signal);
      await exited(c);
    },
    restart: launch,
    output,
    async stop() {
      if (stopped) return;
      stopped = true;
      const c = child;
      if (c.exitCode !== null || c.signalCode !== null) return;
      const timer = setTimeout(() => c.kill('SIGKILL'), 5000);
      c.kill('SIGTERM');
      await exited(c);
      clearTimeout(timer);
    },
  };
}
