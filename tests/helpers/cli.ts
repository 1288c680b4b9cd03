/** Runs the real `voicedrill` entry point (bin/voicedrill.mjs) as a child process, for tests. */
import { spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Root of the repository. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The executable the package.json "bin" field names. */
export const BIN_PATH = join(REPO_ROOT, 'bin/voicedrill.mjs');

/** Exit status and output of one run. */
export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node bin/voicedrill.mjs ...args` in `cwd` (with `env`, default this process's) and collects its output. */
export function runCli(args: string[], cwd: string = REPO_ROOT, env: NodeJS.ProcessEnv = process.env): Promise<CliRun> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [BIN_PATH, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.on('error', reject);
    child.on('close', (status) => resolvePromise({ status, stdout, stderr }));
  });
}

/** Error lines on stderr (npm or Node warnings of the environment are left out). */
export function stderrLines(run: CliRun): string[] {
  return run.stderr.split('\n').filter((line) => line.startsWith('voicedrill:'));
}
