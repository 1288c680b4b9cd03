/**
 * What the browser benches share: the production build served on localhost, headless Chromium, and one first
 * load that creates the app's database (and installs the service worker) before the bench seeds it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { buildProduction } from '../tests/e2e/global-setup.ts';
import { CHROMIUM_PATH } from '../tests/e2e/harness.ts';
import { serveStatic } from '../tests/e2e/static-server.ts';
import { buildFloor } from './floor.ts';

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

/** The median of some numbers (the upper one of an even count). */
export const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** A CDP CPU profile (Profiler.stop). */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
}

// Self time per function of a CPU profile, the 15 largest (BENCH_PROFILE=1: where the page's time goes).
export function printProfile(p: CpuProfile): void {
  const byId = new Map(p.nodes.map((n) => [n.id, n.callFrame]));
  const self = new Map<string, number>();
  p.samples.forEach((id, i) => {
    const f = byId.get(id);
    const key = f ? `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*\//, '')}:${f.lineNumber}:${f.columnNumber}` : '?';
    self.set(key, (self.get(key) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000);
  });
  for (const [k, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`  ${ms.toFixed(0).padStart(6)} ms  ${k}`);
}

/** A served build in a browser context, its database seeded. */
export interface BenchApp {
  url: string;
  /** The app's context: its service worker installed, as a user's browser has it after the first visit. */
  context: BrowserContext;
  /**
   * A context without service workers, seeded the same, for the floor pages (bench/floor.ts) and the app beside
   * them; with a persistent profile (BenchOptions), the app's context itself.
   */
  refContext: BrowserContext;
  /**
   * BENCH_BEFORE_DIST=<dir>: another build (e.g. of an earlier commit) served on a second origin and seeded
   * the same in `context`, so a change is measured before/after in the same runs; else null.
   */
  beforeUrl: string | null;
}

/** How many counted runs (BENCH_RUNS, default 5). */
export const RUNS = Number(process.env.BENCH_RUNS ?? 5);

/** How the browser is set up. */
export interface BenchOptions {
  /**
   * The app's context on a profile on disk, as a user's browser is, instead of an off-the-record one (whose
   * IndexedDB and private file system live in the browser's memory): for benches that store large data.
   */
  persistentProfile?: boolean;
}

/**
 * Build into `outDir`, serve it, open it once, run `seedSource` (in-page code as source text: tsx's keepNames
 * would wrap a function in a helper the page lacks) with `seedArgs`, then run `bench`; everything is released after.
 */
export async function withSeededApp(outDir: string, seedSource: string, seedArgs: unknown[], bench: (app: BenchApp) => Promise<void>, options: BenchOptions = {}): Promise<void> {
  console.log(`building the app (production) into ${outDir} …`);
  await buildProduction(outDir);
  await buildFloor(outDir);
  const server = await serveStatic(outDir);
  const before = process.env.BENCH_BEFORE_DIST ? await serveStatic(process.env.BENCH_BEFORE_DIST) : null;
  const profile = options.persistentProfile ? mkdtempSync(join(tmpdir(), 'voicedrill-bench-profile-')) : null;
  let browser: Browser | null = null;
  let persistent: BrowserContext | null = null;
  try {
    const viewport = { width: 1280, height: 900 };
    if (profile) persistent = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM_PATH, headless: true, args: ARGS, viewport });
    else browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ARGS });
    const context = persistent ?? await (browser as Browser).newContext({ viewport });
    const refContext = persistent ?? await (browser as Browser).newContext({ viewport, serviceWorkers: 'block' });
    const seeded = persistent ? [[context, server.url] as const] : [[context, server.url] as const, [refContext, server.url] as const];
    for (const [c, url] of [...seeded, ...(before ? [[context, before.url] as const] : [])] as const) {
      const setup = await c.newPage();
      await setup.goto(`${url}/`);
      await setup.locator('h1').waitFor();
      await setup.evaluate(`(${seedSource})(${JSON.stringify(seedArgs)})`);
      await setup.close();
    }
    await bench({ url: server.url, context, refContext, beforeUrl: before?.url ?? null });
  } finally {
    await persistent?.close();
    await browser?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
    await server.close();
    await before?.close();
    rmSync(outDir, { recursive: true, force: true });
  }
}
