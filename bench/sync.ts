/**
 * bench:sync — issue 13's load benchmark of the team sync server, on loopback only, bounded in count and time.
 *
 * A temporary PostgreSQL cluster (fsync on, as a centre runs it) and the real server as a child process (its memory is
 * its own); an organisation with 5 trainers and 500 agents in 10 groups of 50 (each trainer 2 groups), every device
 * joined over HTTP (invite → join) and 2 packs published to every group (set-up, not timed). Then 500 simulated agents
 * push 20 take summaries each as the app does (most push each take soon after it is saved; 1 in 5 first sends an
 * offline backlog of 5–20 in one push), paced at 250 pushes/s by default (every agent pushing a take every 2 s: the
 * 10,000 takes in ≈ 37 s, ≈ 30× the load of 500 agents each saving a take a minute; at most 64 in flight), ~5 % of acknowledged pushes sent again (a retry after a
 * lost response: every take must come back under `duplicates`), while the 5 trainers read their roster in a loop.
 * Then the database is checked: every pushed take stored exactly once. The same pushes against a no-op Fastify route
 * (bench/sync-floor-server.ts) give the HTTP floor the figures are divided by. `--rate 0` runs the loop closed instead
 * (each worker sends as soon as its last push was answered): the server's saturation, where latency is in-flight ÷
 * throughput (Little's law), not the service time the aims are about.
 *
 * Usage: npm run bench:sync [-- --agents 500] [-- --takes 20] [-- --concurrency 64] [-- --resend 0.05]
 *        [-- --roster-pause-ms 250] [-- --no-roster] [-- --rate N (default 250; 0: closed loop)] [-- --timeout-min 10] [-- --fsync off] [-- --no-floor]
 * Exit code 0 when nothing was lost or doubled and both aims are met, 1 otherwise (or on the hard timeout).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { bootstrapOrganisation } from '../server/admin-cli.ts';
import { openPgDb } from '../server/db/pg-db.ts';
import { SYNC_PATHS, type PushResponse, type RosterResponse, type SyncTake } from '../src/sync/protocol.ts';
import { freePort, startTempCluster, type TempCluster } from '../tests/server/pg-cluster.ts';
import { startServerChild, type ServerChild } from '../tests/server/server-child.ts';
import { call, makeTake, prng, setUpCentre, type Centre } from '../tests/server/sync-centre.ts';

const args = process.argv.slice(2);
const arg = (name: string, fallback: number): number => {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const AGENTS = arg('--agents', 500);
const TAKES = arg('--takes', 20);
const CONCURRENCY = arg('--concurrency', 64);
const RESEND = arg('--resend', 0.05);
const ROSTER_PAUSE_MS = arg('--roster-pause-ms', 250);
const RATE = arg('--rate', 250);
const ROSTERS = !args.includes('--no-roster');
const TIMEOUT_MS = arg('--timeout-min', 10) * 60_000;
const FSYNC = !(args.includes('--fsync') && args[args.indexOf('--fsync') + 1] === 'off');
const FLOOR = !args.includes('--no-floor');
const AGENTS_PER_GROUP = Math.min(50, AGENTS);
const GROUPS = Math.ceil(AGENTS / AGENTS_PER_GROUP);
const TRAINERS = 5;
const BACKLOG_SHARE = 0.2;
const AIM_PUSH_P95_MS = 100;
const AIM_ROSTER_P95_MS = 300;
const MAX_TRIES = 6;

const started = performance.now();
const abort = new AbortController();
// One controller per request, aborted together on the hard timeout (one shared signal would collect a listener per fetch).
const inFlight = new Set<AbortController>();
abort.signal.addEventListener('abort', () => { for (const c of inFlight) c.abort(); });
async function abortable<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const c = new AbortController();
  inFlight.add(c);
  try {
    return await work(c.signal);
  } finally {
    inFlight.delete(c);
  }
}
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const log = (line: string): void => console.log(`sync: ${line}`);

// ---- figures ----

/** Nearest-rank percentile of ascending ms. */
function pct(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
const ms = (x: number): string => (Number.isFinite(x) ? x.toFixed(1) : '—');
function summary(values: readonly number[]): { n: number; p50: number; p95: number; p99: number; max: number } {
  const s = [...values].sort((a, b) => a - b);
  return { n: s.length, p50: pct(s, 50), p95: pct(s, 95), p99: pct(s, 99), max: s.length ? s[s.length - 1] : NaN };
}
const line = (x: ReturnType<typeof summary>): string => `${x.n} × p50 ${ms(x.p50)} / p95 ${ms(x.p95)} / p99 ${ms(x.p99)} / max ${ms(x.max)} ms`;

// ---- memory (/proc of the server child and of the cluster's processes) ----

/** A field of /proc/<pid>/status in kB (VmRSS, VmHWM), or null when the process is gone. */
function procStatusKb(pid: number, field: 'VmRSS' | 'VmHWM'): number | null {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

/** The postmaster listening on `port` and its children (backends, writers): pids. */
function postgresPids(port: number): number[] {
  const procs: Array<{ pid: number; ppid: number; cmd: string }> = [];
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      procs.push({ pid: Number(d), ppid, cmd: readFileSync(`/proc/${d}/cmdline`, 'utf8').split('\0').join(' ') });
    } catch {
      // exited meanwhile
    }
  }
  const master = procs.find((p) => /\bpostgres\b/.test(p.cmd) && p.cmd.includes(`-p ${port} `));
  return master ? [master.pid, ...procs.filter((p) => p.ppid === master.pid).map((p) => p.pid)] : [];
}

/** Proportional set size (kB) of the cluster's processes together: shared buffers counted once, not per backend. */
function postgresPssKb(pids: readonly number[]): number {
  let kb = 0;
  for (const pid of pids) {
    try {
      const m = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
      if (m) kb += Number(m[1]);
    } catch {
      // exited meanwhile
    }
  }
  return kb;
}

/** Samples the server's RSS and PostgreSQL's PSS every 250 ms; peaks in kB. */
function memorySampler(serverPid: () => number, pgPort: number) {
  const peak = { serverRssKb: 0, postgresPssKb: 0, postgresProcs: 0 };
  const sample = (): void => {
    peak.serverRssKb = Math.max(peak.serverRssKb, procStatusKb(serverPid(), 'VmRSS') ?? 0);
    const pids = postgresPids(pgPort);
    peak.postgresProcs = Math.max(peak.postgresProcs, pids.length);
    peak.postgresPssKb = Math.max(peak.postgresPssKb, postgresPssKb(pids));
  };
  sample();
  const timer = setInterval(sample, 250);
  return { peak, stop: (): void => { sample(); clearInterval(timer); } };
}
const mb = (kb: number): string => `${(kb / 1024).toFixed(0)} MB`;

// ---- the push plan ----

/** One push of an agent: its takes; `resend` repeats an acknowledged push (every take must come back a duplicate). */
interface Push { agent: number; takes: SyncTake[]; resend: boolean; backlog: boolean }

/** Each agent's pushes in order: a backlog (5–20 takes in one push) for 1 in 5 agents, then one take per push. */
function planPushes(centre: Centre): Push[][] {
  const random = prng(13);
  const t0 = Date.parse('2026-12-03T08:00:00.000Z');
  return centre.agents.map((_, agent) => {
    const takes = Array.from({ length: TAKES }, (_, k) => makeTake(centre.packs, k, random, t0 + agent * 1000 + k * 60_000));
    const pushes: Push[] = [];
    let k = 0;
    if (random() < BACKLOG_SHARE) {
      const n = Math.min(TAKES, 5 + Math.floor(random() * 16));
      pushes.push({ agent, takes: takes.slice(0, n), resend: false, backlog: true });
      k = n;
    }
    for (; k < TAKES; k++) pushes.push({ agent, takes: [takes[k]], resend: false, backlog: false });
    // A lost response: the app did not see the acknowledgement and sends the same push again.
    return pushes.flatMap((p) => (random() < RESEND ? [p, { ...p, resend: true }] : [p]));
  });
}

interface PushResult { ms: number[]; msSingle: number[]; msBacklog: number[]; msResend: number[]; failures: string[]; wrongAnswers: string[]; stored: Set<string>; pushes: number }

/**
 * Replays the plan with CONCURRENCY pushes in flight: a worker takes the next ready agent, sends its next push, and
 * puts the agent back at the end of the queue, so one agent's pushes go in order, one at a time, as the app sends
 * them. A failed push (network error, 5xx) is retried with back-off like the app's outbox. Without --rate the loop
 * is closed (each worker sends as soon as its last push was answered: the server's saturation); with --rate N the
 * pushes start N per second (a centre's offered load), still at most CONCURRENCY in flight.
 */
async function runPushes(origin: string, tokens: readonly string[], plan: Push[][]): Promise<PushResult> {
  const r: PushResult = { ms: [], msSingle: [], msBacklog: [], msResend: [], failures: [], wrongAnswers: [], stored: new Set(), pushes: 0 };
  const cursor = plan.map(() => 0);
  const ready = plan.map((_, i) => i);
  const send = async (push: Push): Promise<void> => {
    for (let attempt = 0; attempt < MAX_TRIES && !abort.signal.aborted; attempt++) {
      const t0 = performance.now();
      let status = 0;
      let body: PushResponse | null = null;
      try {
        const a = await abortable((signal) => call<PushResponse>(origin, 'POST', SYNC_PATHS.takes, { token: tokens[push.agent], body: { takes: push.takes, completions: [] }, signal }));
        status = a.status;
        body = a.body;
      } catch (e) {
        if (abort.signal.aborted) return;
        r.failures.push(`network: ${(e as Error).message}`);
      }
      const took = performance.now() - t0;
      r.ms.push(took);
      r.pushes++;
      (push.resend ? r.msResend : push.backlog ? r.msBacklog : r.msSingle).push(took);
      if (status === 200 && body) {
        const ids = push.takes.map((t) => t.takeId).sort();
        const [mustAccept, mustDup] = push.resend ? [[], ids] : [ids, []];
        if (JSON.stringify([...body.accepted].sort()) !== JSON.stringify(mustAccept) || JSON.stringify([...body.duplicates].sort()) !== JSON.stringify(mustDup)) {
          r.wrongAnswers.push(`${push.resend ? 'resend' : 'push'} of ${ids.length}: accepted ${body.accepted.length}, duplicates ${body.duplicates.length}`);
        }
        for (const t of push.takes) r.stored.add(t.takeId);
        return;
      }
      if (status !== 0) r.failures.push(`HTTP ${status}: ${JSON.stringify(body)}`);
      await sleep(100 * 2 ** attempt);
    }
  };
  const t0 = performance.now();
  let slot = 0;
  const worker = async (): Promise<void> => {
    while (ready.length > 0 && !abort.signal.aborted) {
      const agent = ready.shift() as number;
      // Paced (--rate): the n-th push starts no earlier than n / rate s after the start.
      if (RATE > 0) await sleep(Math.max(0, t0 + (slot++ * 1000) / RATE - performance.now()));
      await send(plan[agent][cursor[agent]++]);
      if (cursor[agent] < plan[agent].length) ready.push(agent);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return r;
}

/** Each trainer reads their roster (all their groups) in a loop, ROSTER_PAUSE_MS apart, until `done()`. */
async function readRosters(origin: string, tokens: readonly string[], done: () => boolean) {
  const r = { ms: [] as number[], entries: [] as number[], takes: [] as number[], bytes: [] as number[], failures: [] as string[] };
  await Promise.all(tokens.map(async (token) => {
    while (!done() && !abort.signal.aborted) {
      const t0 = performance.now();
      try {
        const a = await abortable((signal) => call<RosterResponse>(origin, 'GET', SYNC_PATHS.roster, { token, signal }));
        r.ms.push(performance.now() - t0);
        if (a.status !== 200) r.failures.push(`HTTP ${a.status}: ${JSON.stringify(a.body)}`);
        else {
          r.entries.push(a.body.entries.length);
          r.takes.push(a.body.entries.reduce((s, e) => s + e.takes.length, 0));
          r.bytes.push(a.bytes);
        }
      } catch (e) {
        if (!abort.signal.aborted) r.failures.push(`network: ${(e as Error).message}`);
      }
      const until = performance.now() + ROSTER_PAUSE_MS;
      while (!done() && performance.now() < until) await sleep(Math.min(50, until - performance.now()));
    }
  }));
  return r;
}

// ---- the run ----

const cleanups: Array<() => Promise<void> | void> = [];
const owned: { cluster: TempCluster | null } = { cluster: null };
let failed = false;
const fail = (why: string): void => {
  failed = true;
  log(`FAIL ${why}`);
};

const hardTimer = setTimeout(() => {
  fail(`hard timeout after ${TIMEOUT_MS / 60_000} min: aborting; the figures below are what was measured so far`);
  abort.abort();
  // Whatever still hangs after 60 s more: leave, deleting the cluster on the way out.
  setTimeout(() => process.exit(1), 60_000).unref();
}, TIMEOUT_MS);
process.once('exit', () => owned.cluster?.destroy());

async function main(): Promise<void> {
  log(`${AGENTS} agents × ${TAKES} takes (${AGENTS * TAKES} takes), ${GROUPS} groups of ${AGENTS_PER_GROUP}, ${TRAINERS} trainers × 2 groups; ${CONCURRENCY} pushes in flight${RATE > 0 ? `, paced at ${RATE} pushes/s` : ' (closed loop: each sent as soon as the last was answered)'}, ~${(RESEND * 100).toFixed(0)} % re-sent, ${ROSTERS ? `roster pause ${ROSTER_PAUSE_MS} ms` : 'no roster reads'}; PostgreSQL fsync ${FSYNC ? 'on' : 'off'}; hard timeout ${TIMEOUT_MS / 60_000} min; Node ${process.version}, loopback; ${cpus().length} cores, load average ${loadavg().map((x) => x.toFixed(1)).join(' ')} (the load generator shares them)`);
  const cluster = await startTempCluster({ fsync: FSYNC });
  owned.cluster = cluster;
  const admin = new pg.Client({ connectionString: cluster.url });
  await admin.connect();
  await admin.query('CREATE DATABASE voicedrill_bench');
  await admin.end();
  const url = new URL(cluster.url);
  url.pathname = '/voicedrill_bench';
  const databaseUrl = url.toString();

  const server: ServerChild = await startServerChild({ databaseUrl, port: await freePort() });
  cleanups.push(() => server.stop());
  const memory = memorySampler(() => server.pid(), cluster.port);
  cleanups.push(() => memory.stop());

  // Set-up (not timed): the organisation on the database, everything else over HTTP.
  const setupStart = performance.now();
  const db = openPgDb({ connectionString: databaseUrl, max: 2 });
  const boot = await bootstrapOrganisation(db, { orgName: 'Riverside Contact Centre', adminName: 'Centre admin' });
  await db.close();
  const centre = await setUpCentre(server.origin, boot.invite.code, { groups: GROUPS, agentsPerGroup: AGENTS_PER_GROUP, trainers: TRAINERS, groupsPerTrainer: 2 });
  const plan = planPushes(centre);
  const planned = plan.flat();
  const firstSends = planned.filter((p) => !p.resend);
  log(`set-up ${((performance.now() - setupStart) / 1000).toFixed(1)} s (not timed below): ${centre.agents.length + centre.trainers.length + 1} devices joined over HTTP; plan: ${planned.length} pushes = ${firstSends.filter((p) => !p.backlog).length} of 1 take + ${firstSends.filter((p) => p.backlog).length} backlogs of 5–20 + ${planned.length - firstSends.length} re-sends`);
  const memBefore = procStatusKb(server.pid(), 'VmRSS') ?? 0;

  // The load.
  let pushing = true;
  const t0 = performance.now();
  const rosterRun = readRosters(server.origin, ROSTERS ? centre.trainers.map((t) => t.token) : [], () => !pushing);
  const pushes = await runPushes(server.origin, centre.agents.map((a) => a.token), plan);
  const pushSec = (performance.now() - t0) / 1000;
  const loadDuring = loadavg()[0];
  pushing = false;
  const rosters = await rosterRun;
  memory.stop();
  const serverHwmKb = procStatusKb(server.pid(), 'VmHWM') ?? 0;

  const all = summary(pushes.ms);
  const takesStored = pushes.stored.size;
  log(`pushes: ${line(all)}`);
  log(`  1 take: ${line(summary(pushes.msSingle))}`);
  log(`  backlog of 5–20: ${line(summary(pushes.msBacklog))}`);
  log(`  re-sends: ${line(summary(pushes.msResend))}`);
  log(`duration ${pushSec.toFixed(1)} s (1-min load average at the end ${loadDuring.toFixed(1)} on ${cpus().length} cores); throughput ${(pushes.pushes / pushSec).toFixed(0)} pushes/s, ${(takesStored / pushSec).toFixed(0)} takes/s acknowledged`);
  const rs = summary(rosters.ms);
  const avg = (xs: number[]): number => xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length);
  if (ROSTERS) log(`roster reads: ${rs.n} × p50 ${ms(rs.p50)} / p95 ${ms(rs.p95)} / max ${ms(rs.max)} ms; entries per read ${Math.min(...rosters.entries)}–${Math.max(...rosters.entries)} (takes per read up to ${Math.max(0, ...rosters.takes)}, body up to ${(Math.max(0, ...rosters.bytes) / 1024).toFixed(0)} kB, mean ${(avg(rosters.bytes) / 1024).toFixed(0)} kB; ${(rosters.bytes.reduce((a, b) => a + b, 0) / 1024 / 1024 / pushSec).toFixed(1)} MB/s of roster JSON served)`);
  log(`memory: server RSS ${mb(memBefore)} after set-up, peak sampled ${mb(memory.peak.serverRssKb)}, VmHWM ${mb(serverHwmKb)}; PostgreSQL peak ${mb(memory.peak.postgresPssKb)} PSS over ${memory.peak.postgresProcs} processes (shared buffers counted once)`);
  if (pushes.failures.length) fail(`${pushes.failures.length} failed push attempts (retried), first: ${pushes.failures.slice(0, 3).join(' | ')}`);
  if (pushes.wrongAnswers.length) fail(`${pushes.wrongAnswers.length} pushes answered wrongly, first: ${pushes.wrongAnswers.slice(0, 3).join(' | ')}`);
  if (rosters.failures.length) fail(`${rosters.failures.length} roster reads failed, first: ${rosters.failures.slice(0, 3).join(' | ')}`);

  // Checked in the database: every pushed take once.
  const check = new pg.Client({ connectionString: databaseUrl });
  await check.connect();
  try {
    const expected = AGENTS * TAKES;
    const [counts] = (await check.query<{ n: string; distinct_n: string }>('SELECT count(*) AS n, count(DISTINCT (person_id, take_id)) AS distinct_n FROM takes')).rows;
    const rows = (await check.query<{ person_id: string; take_id: string }>('SELECT person_id, take_id FROM takes')).rows;
    const byTake = new Map(rows.map((row) => [row.take_id, row.person_id]));
    let missing = 0;
    let wrongPerson = 0;
    for (const p of firstSends) {
      for (const t of p.takes) {
        const person = byTake.get(t.takeId);
        if (person === undefined) missing++;
        else if (person !== centre.agents[p.agent].personId) wrongPerson++;
      }
    }
    const n = Number(counts.n);
    const distinctN = Number(counts.distinct_n);
    log(`database: count(*) ${n}, count(DISTINCT (person_id, take_id)) ${distinctN}, expected ${expected}; pushed ids missing ${missing}, under the wrong person ${wrongPerson} → ${n === expected && distinctN === expected && missing === 0 && wrongPerson === 0 ? '0 lost, 0 duplicated' : 'LOST OR DUPLICATED'}`);
    if (n !== expected || distinctN !== expected || missing !== 0 || wrongPerson !== 0) fail('the database does not hold every pushed take exactly once');

    const [size] = (await check.query<{ total: string; heap: string; toast: string; idx: string; summary_avg: string; rows: string }>(
      `SELECT pg_total_relation_size('takes') AS total, pg_relation_size('takes') AS heap,
              COALESCE(pg_total_relation_size(NULLIF(reltoastrelid, 0)), 0) AS toast, pg_indexes_size('takes') AS idx,
              (SELECT avg(pg_column_size(summary)) FROM takes) AS summary_avg, (SELECT count(*) FROM takes) AS rows
       FROM pg_class WHERE oid = 'takes'::regclass`)).rows;
    const perTake = (x: string): string => `${(Number(x) / Math.max(1, Number(size.rows))).toFixed(0)} B`;
    const wire = firstSends.filter((p) => !p.backlog).map((p) => JSON.stringify({ takes: p.takes, completions: [] }).length);
    log(`PostgreSQL per take: 1 row; takes table ${(Number(size.total) / 1024 / 1024).toFixed(1)} MB in all = ${perTake(size.total)} per take (heap ${perTake(size.heap)}, TOAST ${perTake(size.toast)}, indexes ${perTake(size.idx)}); summary jsonb ${Number(size.summary_avg).toFixed(0)} B per take; a 1-take push is ${avg(wire).toFixed(0)} B of JSON on the wire`);
  } finally {
    await check.end();
  }

  log(`aim pushes p95 ≤ ${AIM_PUSH_P95_MS} ms: ${ms(all.p95)} ms → ${all.p95 <= AIM_PUSH_P95_MS ? 'PASS' : 'MISS'}`);
  if (ROSTERS) log(`aim roster p95 ≤ ${AIM_ROSTER_P95_MS} ms: ${ms(rs.p95)} ms → ${rs.p95 <= AIM_ROSTER_P95_MS ? 'PASS' : 'MISS'}`);
  if (!(all.p95 <= AIM_PUSH_P95_MS)) failed = true;
  if (ROSTERS && !(rs.p95 <= AIM_ROSTER_P95_MS)) failed = true;
  await server.stop();

  // The HTTP floor: the same pushes, same concurrency, against a route that only parses and acknowledges.
  if (FLOOR && !abort.signal.aborted) {
    const floor = await startServerChild({
      databaseUrl: '', port: await freePort(), readyPath: '/healthz',
      nodeArgs: ['--import', 'tsx', fileURLToPath(new URL('./sync-floor-server.ts', import.meta.url))],
    });
    cleanups.push(() => floor.stop());
    const floorPlan = plan.map((pushes) => pushes.map((p) => ({ ...p, resend: false })));
    const f0 = performance.now();
    const floorRun = await runPushes(floor.origin, centre.agents.map((a) => a.token), floorPlan);
    const floorSec = (performance.now() - f0) / 1000;
    const fl = summary(floorRun.ms);
    const floorHwm = procStatusKb(floor.pid(), 'VmHWM') ?? 0;
    await floor.stop();
    log(`HTTP floor (no-op route, no database): pushes ${line(fl)}; ${(floorRun.pushes / floorSec).toFixed(0)} pushes/s; RSS peak ${mb(floorHwm)}`);
    log(`ratios real ÷ floor: p50 ${(all.p50 / fl.p50).toFixed(1)}×, p95 ${(all.p95 / fl.p95).toFixed(1)}×, p99 ${(all.p99 / fl.p99).toFixed(1)}×, throughput ${((pushes.pushes / pushSec) / (floorRun.pushes / floorSec)).toFixed(2)}×, server memory ${(serverHwmKb / Math.max(1, floorHwm)).toFixed(1)}×`);
  }
}

try {
  await main();
} catch (e) {
  fail((e as Error).stack ?? String(e));
} finally {
  for (const c of cleanups.reverse()) await Promise.resolve(c()).catch(() => undefined);
  owned.cluster?.destroy();
  clearTimeout(hardTimer);
  log(`${failed ? 'FAILED' : 'OK'} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  process.exitCode = failed ? 1 : 0;
}
