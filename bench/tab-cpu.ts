/**
 * CPU seconds of a Chromium tab's threads while it works, from /proc (utime + stime of each thread of the
 * renderer processes, sampled every ~200 ms; a worker's thread keeps its last sample after it ends). On a
 * loaded machine wall time says little, CPU time per thread says where the work went; the sampler also
 * reads the threads' CPU at given moments (a phase's start, by the page's clock) to split it per phase.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { rendererPids } from './tab-memory.ts';

const SAMPLE_MS = 200;
// USER_HZ: the kernel reports utime and stime in 1/100 s on Linux.
const TICKS_PER_SEC = 100;

/** One renderer thread's CPU seconds so far. */
interface ThreadCpu {
  name: string;
  cpuSec: number;
}

/** CPU seconds per thread of the renderer processes, keyed by pid/tid. */
function readThreads(pids: number[]): Map<string, ThreadCpu> {
  const out = new Map<string, ThreadCpu>();
  for (const pid of pids) {
    let tids: string[];
    try {
      tids = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue;
    }
    for (const tid of tids) {
      try {
        const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
        const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        out.set(`${pid}/${tid}`, { name, cpuSec: (Number(f[11]) + Number(f[12])) / TICKS_PER_SEC });
      } catch { /* the thread ended */ }
    }
  }
  return out;
}

/** CPU seconds per thread (named, numbered when several share a name: DedicatedWorker#2), largest first. */
export type CpuByThread = [name: string, cpuSec: number][];

/** Start sampling; stop() gives CPU used per thread name since the start, and `at(epochMs)` the same up to that moment. */
export function sampleTabCpu(): { stop: () => Promise<{ total: CpuByThread; at: (epochMs: number) => CpuByThread }> } {
  const start = readThreads(rendererPids(process.pid));
  const series: [number, Map<string, ThreadCpu>][] = [];
  const last = new Map<string, ThreadCpu>();
  let running = true;
  const loop = (async () => {
    while (running) {
      const now = readThreads(rendererPids(process.pid));
      for (const [k, v] of now) last.set(k, v);
      series.push([Date.now(), new Map(last)]);
      await new Promise((res) => setTimeout(res, SAMPLE_MS));
    }
  })();
  // Numbered in the order the threads were first seen, so a name keeps its number across moments.
  const labels = new Map<string, string>();
  const label = (key: string, name: string): string => {
    let l = labels.get(key);
    if (l === undefined) {
      const n = [...labels.values()].filter((x) => x === name || x.startsWith(`${name}#`)).length;
      l = n === 0 ? name : `${name}#${n + 1}`;
      labels.set(key, l);
    }
    return l;
  };
  const used = (seen: Map<string, ThreadCpu>): CpuByThread => {
    const out: CpuByThread = [];
    for (const [k, v] of seen) {
      const s = v.cpuSec - (start.get(k)?.cpuSec ?? 0);
      if (s >= 0.05) out.push([label(k, v.name), s]);
    }
    return out.sort((a, b) => b[1] - a[1]);
  };
  return {
    stop: async () => {
      running = false;
      await loop;
      const total = used(last); // first: numbers the threads in the order they were seen
      return {
        total,
        at: (epochMs) => {
          let seen = start;
          for (const [t, m] of series) if (t <= epochMs) seen = m;
          return used(seen);
        },
      };
    },
  };
}

/** "name 12.3 s, other 1.0 s" for the largest few. */
export function formatCpu(cpu: CpuByThread, count = 5): string {
  return cpu.slice(0, count).map(([name, s]) => `${name} ${s.toFixed(1)} s`).join(', ');
}
