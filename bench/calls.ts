/**
 * bench:calls — a 60-minute 44.1 kHz stereo call (bench/long-call.ts, cached in the temporary folder)
 * analysed as the product runs it. Sections: `cli` (default: all) runs `voicedrill call FILE --agent
 * left --json` as a child process and prints its wall time, × real time and peak RSS against the targets
 * of issue 11 (≥ 100× real time, ≤ 500 MB); `browser` imports it through the production app's Calls screen in
 * headless Chromium, analysis only (bench/calls-browser.ts: ≤ 45 s, tab ≤ 600 MB; `--keep-audio` also times
 * an import that keeps the audio; `--backup` keeps it, then times a backup with the call's audio and its
 * restore, with the tab's peak memory). `--mono`: the same call on one channel (diarised; issue 11's targets are
 * the stereo call's, printed for reference). Usage: npm run bench:calls [-- cli|browser] [-- --minutes N]
 * [-- --keep-audio] [-- --backup] [-- --mono]
 */
import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { browserSection } from './calls-browser.ts';
import { ensureLongCall, type LongCall } from './long-call.ts';

const TARGET_X_REAL_TIME = 100;
const TARGET_PEAK_MB = 500;

const args = process.argv.slice(2);
const minutesAt = args.indexOf('--minutes');
const minutes = minutesAt >= 0 ? Number(args[minutesAt + 1]) : 60;
const sections = args.filter((a, i) => !a.startsWith('--') && (minutesAt < 0 || i !== minutesAt + 1));
const wanted = (name: string): boolean => sections.length === 0 || sections.includes('all') || sections.includes(name);

const generated = performance.now();
const mono = args.includes('--mono');
const call = await ensureLongCall(minutes, 1, mono);
console.log(`call: ${call.path} (${minutes} min, 44.1 kHz 16-bit ${mono ? 'mono' : 'stereo'}; ${call.planted.turns} turns, ${call.planted.overtalk} overtalk, ${call.planted.deadAir} dead air planted; ready in ${((performance.now() - generated) / 1000).toFixed(1)} s)`);

if (wanted('cli')) await cliSection(call);
if (wanted('browser')) await browserSection(call, args.includes('--keep-audio'), args.includes('--backup'));

/** The CLI as a child: wall time and peak RSS (GNU time -v, else the child's own maxRSS report). */
async function cliSection(c: LongCall): Promise<void> {
  const cli = join(import.meta.dirname, '..', 'bin', 'voicedrill.mjs');
  const haveGnuTime = existsSync('/usr/bin/time');
  const reporter = join(tmpdir(), 'voicedrill-maxrss.cjs');
  if (!haveGnuTime) writeFileSync(reporter, "process.on('exit', () => process.stderr.write(`maxRSS_KB ${process.resourceUsage().maxRSS}\\n`));\n");
  const argv = [cli, 'call', c.path, '--agent', mono ? 'mono' : 'left', '--json'];
  const [cmd, cmdArgs, env] = haveGnuTime
    ? ['/usr/bin/time', ['-v', process.execPath, ...argv], process.env]
    : [process.execPath, argv, { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${reporter}` }];
  const loadBefore = loadavg()[0];
  const t0 = performance.now();
  const { code, stdout, stderr } = await run(cmd, cmdArgs, env);
  const wallSec = (performance.now() - t0) / 1000;
  if (code !== 0) throw new Error(`voicedrill call failed (exit ${code}): ${stderr.trim().split('\n').slice(-3).join(' | ')}`);
  const kb = Number((haveGnuTime ? /Maximum resident set size \(kbytes\): (\d+)/ : /maxRSS_KB (\d+)/).exec(stderr)?.[1] ?? NaN);
  const peakMb = kb / 1024;
  const report = JSON.parse(stdout) as { turns: unknown[]; findings: { id: string }[]; pace: { ratio: number | null } };
  const count = (id: string): number => report.findings.filter((f) => f.id === id).length;
  const x = c.durationSec / wallSec;
  const cpuSec = haveGnuTime ? ['User', 'System'].reduce((s, k) => s + Number(new RegExp(`${k} time \\(seconds\\): ([\\d.]+)`).exec(stderr)?.[1] ?? NaN), 0) : NaN;
  console.log(`cli: found ${report.turns.length} turns, ${count('overtalk')} overtalk, ${count('deadAir')} dead air; pace ratio ${report.pace.ratio?.toFixed(2) ?? '—'}`);
  console.log(`cli: wall ${wallSec.toFixed(1)} s for ${(c.durationSec / 60).toFixed(0)} min = ${x.toFixed(0)}× real time (target ≥ ${TARGET_X_REAL_TIME}×) ${x >= TARGET_X_REAL_TIME ? 'ok' : 'MISSED'}`);
  if (Number.isFinite(cpuSec)) console.log(`cli: CPU time ${cpuSec.toFixed(1)} s (user + system) = ${(c.durationSec / cpuSec).toFixed(0)}× real time per core busy; load average before the run ${loadBefore.toFixed(1)} on ${cpus().length} cores`);
  console.log(`cli: peak RSS ${peakMb.toFixed(0)} MB (target ≤ ${TARGET_PEAK_MB} MB) ${peakMb <= TARGET_PEAK_MB ? 'ok' : 'MISSED'}`);
}

function run(cmd: string, cmdArgs: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, cmdArgs, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
