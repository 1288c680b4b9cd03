/**
 * The memory of a Chromium tab while it works, sampled every ~200 ms: the resident set of the renderer
 * processes (/proc VmRSS of the children of this Node process with --type=renderer; the tab's dedicated
 * workers live in its renderer, so this is the whole tab), and the JS heap in use of the page and of its
 * dedicated workers (CDP Performance.getMetrics; the workers reached by Target.setAutoAttach on the page).
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { CDPSession } from 'playwright-core';

const SAMPLE_MS = 200;
const MB = 1024 * 1024;

/** Peaks seen, in MB (NaN when that measure could not be read). */
export interface MemoryPeaks {
  /** Largest VmRSS of one renderer process at one sample (the tab's renderer: the largest one). */
  rendererRssMb: number;
  /** When the largest VmRSS was sampled (epoch ms). */
  rendererRssPeakAtMs: number;
  /** Largest sum of VmRSS over all the renderer processes at one sample (other pages, the service worker). */
  renderersSumMb: number;
  /** How many renderer processes were seen. */
  renderers: number;
  /** Largest VmHWM (the kernel's own peak RSS) of any one renderer. */
  rendererHwmMb: number;
  pageHeapMb: number;
  workerHeapMb: number;
  samples: number;
  /** The largest renderer's VmRSS at each sample: [epoch ms, MB]. */
  trace: [number, number][];
}

/** Pids of the processes under `root` (its descendants) whose command line says --type=renderer. */
export function rendererPids(root: number): number[] {
  const parent = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      parent.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch { /* the process ended */ }
  }
  const under = (pid: number): boolean => {
    for (let p = parent.get(pid), hops = 0; p !== undefined && hops < 16; p = parent.get(p), hops++) if (p === root) return true;
    return false;
  };
  return [...parent.keys()].filter((pid) => {
    if (!under(pid)) return false;
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer');
    } catch {
      return false;
    }
  });
}

function statusKb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    return Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

const heapMb = (metrics: { name: string; value: number }[]): number => (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN) / MB;

/**
 * Start sampling the page behind `cdp` (a CDP session of the page, Performance not yet enabled); the
 * returned stop() ends the sampling, detaches, and gives the peaks.
 */
export async function sampleTabMemory(cdp: CDPSession): Promise<{ stop: () => Promise<MemoryPeaks> }> {
  const peaks: MemoryPeaks = { rendererRssPeakAtMs: NaN, rendererRssMb: NaN, renderersSumMb: NaN, renderers: 0, rendererHwmMb: NaN, pageHeapMb: NaN, workerHeapMb: NaN, samples: 0, trace: [] };
  const max = (a: number, b: number): number => (Number.isNaN(a) ? b : Math.max(a, b));
  await cdp.send('Performance.enable');
  // Dedicated workers through the old (not flattened) attach: messages go through the page's session.
  const workers = new Set<string>();
  let nextId = 1;
  const waiting = new Map<number, (result: unknown) => void>();
  const toWorker = (sessionId: string, method: string): Promise<unknown> => {
    const id = nextId++;
    const answer = new Promise<unknown>((resolve) => waiting.set(id, resolve));
    void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) }).catch(() => waiting.get(id)?.(null));
    return answer;
  };
  cdp.on('Target.attachedToTarget', (e) => {
    if (e.targetInfo.type !== 'worker') return;
    workers.add(e.sessionId);
    void toWorker(e.sessionId, 'Performance.enable');
  });
  cdp.on('Target.detachedFromTarget', (e) => { if (e.sessionId) workers.delete(e.sessionId); });
  cdp.on('Target.receivedMessageFromTarget', (e) => {
    const message = JSON.parse(e.message) as { id?: number; result?: unknown };
    if (message.id !== undefined) waiting.get(message.id)?.(message.result ?? null);
    if (message.id !== undefined) waiting.delete(message.id);
  });
  // Refused where the client already attaches flattened (Playwright's own session does): then no worker heap.
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false }).catch(() => undefined);

  let running = true;
  const seen = new Set<number>();
  const loop = (async () => {
    while (running) {
      const pids = rendererPids(process.pid);
      const rss = pids.map((p) => statusKb(p, 'VmRSS') / 1024);
      for (const p of pids) seen.add(p);
      peaks.renderers = seen.size;
      const largest = Math.max(0, ...rss);
      peaks.trace.push([Date.now(), largest]);
      if (!(largest <= peaks.rendererRssMb)) peaks.rendererRssPeakAtMs = Date.now();
      peaks.rendererRssMb = max(peaks.rendererRssMb, largest);
      peaks.renderersSumMb = max(peaks.renderersSumMb, rss.reduce((a, b) => a + b, 0));
      for (const p of pids) peaks.rendererHwmMb = max(peaks.rendererHwmMb, statusKb(p, 'VmHWM') / 1024);
      const page = await cdp.send('Performance.getMetrics').catch(() => null);
      if (page) peaks.pageHeapMb = max(peaks.pageHeapMb, heapMb(page.metrics));
      for (const sessionId of workers) {
        const r = (await Promise.race([toWorker(sessionId, 'Performance.getMetrics'), new Promise((res) => setTimeout(res, SAMPLE_MS, null))])) as { metrics?: { name: string; value: number }[] } | null;
        if (r?.metrics) peaks.workerHeapMb = max(peaks.workerHeapMb, heapMb(r.metrics));
      }
      peaks.samples++;
      await new Promise((res) => setTimeout(res, SAMPLE_MS));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      await cdp.detach().catch(() => undefined);
      return peaks;
    },
  };
}
