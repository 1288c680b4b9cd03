/**
 * Floor references for the browser benches: trivial pages served from the same folder as the app and
 * loaded in the same run, so the app's start-up can be read as a ratio to what the machine allows (the
 * machine is shared; absolute times under load are inflated). bench/floor/*.html, built with Vite:
 * - pixel: a page whose module script draws one canvas pixel;
 * - idb: that, after opening the app's database and reading what the page needs (one request);
 * - react: React rendering an h1 and a canvas with one pixel;
 * - chart (progress only): React, the summaries read with getAll(), one uPlot chart of 1,000 points.
 * They load in a browser context without the service worker (the app's worker would answer every
 * navigation with index.html), seeded with the same data; the app is measured there too.
 */
import { join } from 'node:path';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import type { BrowserContext, Page } from 'playwright-core';
import { printProfile, type CpuProfile } from './browser-bench.ts';

/** Floor pages, by name. */
export const FLOOR_PAGES = ['pixel', 'idb', 'react', 'chart'] as const;
export type FloorPage = (typeof FLOOR_PAGES)[number];

/** Build the floor pages into `<outDir>/floor/` (served at /floor/). */
export async function buildFloor(outDir: string): Promise<void> {
  const saved = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    const root = join(import.meta.dirname, 'floor');
    await build({
      configFile: false, root, base: '/floor/', logLevel: 'warn', mode: 'production', plugins: [react()],
      build: {
        outDir: join(process.cwd(), outDir, 'floor'), emptyOutDir: true, target: 'es2022',
        rollupOptions: { input: Object.fromEntries(FLOOR_PAGES.map((p) => [p, join(root, `${p}.html`)])) },
      },
    });
  } finally {
    process.env.NODE_ENV = saved;
  }
}

/**
 * Times of one load, ms since navigation start: an h1 first seen (`shell`), each named stage's selector first
 * seen (`stages`), the canvas painted (`painted`); `marks` are the page's voicedrill:* marks and the last
 * script's responseEnd.
 */
export interface LoadTimes {
  shell: number;
  painted: number;
  stages: Record<string, number>;
  marks: Record<string, number>;
}

/**
 * In-page probe (source text; the app's and the floor pages' loads alike): resolves at the first frame where
 * `canvasSelector` has a pixel that is not fully transparent, with the time an h1 and each of `stages`
 * (name → selector) first appeared, and the page's marks. Every canvas matching `canvasSelector` is looked at.
 */
export function paintedProbe(canvasSelector: string, stages: Record<string, string> = {}): string {
  return `() => new Promise((resolve) => {
    const stages = ${JSON.stringify(stages)};
    const at = { shell: null, painted: null, stages: {}, marks: {} };
    const check = () => {
      const now = performance.now();
      if (at.shell === null && document.querySelector('h1')) at.shell = now;
      for (const [name, selector] of Object.entries(stages)) if (!(name in at.stages) && document.querySelector(selector)) at.stages[name] = now;
      for (const canvas of document.querySelectorAll(${JSON.stringify(canvasSelector)})) {
        if (canvas.width === 0 || canvas.height === 0) continue;
        const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
        for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) {
          at.painted = now;
          // The app's own marks (early-start.ts, use-boot.ts, Screen.tsx): where start-up spent the time.
          at.marks = Object.fromEntries(performance.getEntriesByType('mark').filter((m) => m.name.startsWith('voicedrill:')).map((m) => [m.name.slice(11), m.startTime]));
          const js = performance.getEntriesByType('resource').filter((r) => r.name.endsWith('.js'));
          at.marks.lastScript = Math.max(0, ...js.map((r) => r.responseEnd));
          return resolve(at);
        }
      }
      requestAnimationFrame(check);
    };
    check();
  })`;
}

/**
 * Load `url` in `page` and time it with each of `probes` (paintedProbe). The probes start with the document
 * (an init script), so their first frame check does not wait for the bench's round trip to the page after
 * the navigation commits (it came 20–60 ms late on this machine, which inflated every time, floors included).
 */
export async function loadWithProbes(page: Page, url: string, probes: readonly string[]): Promise<LoadTimes[]> {
  await page.addInitScript(`window.__voicedrillProbes = [${probes.map((p) => `(${p})()`).join(', ')}];`);
  await page.goto(url, { waitUntil: 'commit' });
  return (await page.evaluate('Promise.all(window.__voicedrillProbes)')) as LoadTimes[];
}

/** Load `url` in a new page of `context` and time it with `probe` (paintedProbe). */
export async function timeLoad(context: BrowserContext, url: string, probe: string): Promise<LoadTimes> {
  const page = await context.newPage();
  try {
    const [at] = await loadWithProbes(page, url, [probe]);
    return at;
  } finally {
    await page.close();
  }
}

/**
 * In-app navigation, the user's path inside a running app: load `startUrl`, wait for `readySelector` and
 * an idle moment, then click `linkSelector` and time click → the first frame `probe` (paintedProbe) resolves, ms.
 * BENCH_PROFILE_NAV=1 prints each navigation's CPU profile (self time per function).
 */
export async function timeInAppNavigation(context: BrowserContext, startUrl: string, readySelector: string, linkSelector: string, probe: string): Promise<number> {
  const page = await context.newPage();
  try {
    await page.goto(startUrl);
    await page.locator(readySelector).first().waitFor();
    await page.evaluate('new Promise((resolve) => requestIdleCallback(() => resolve(null), { timeout: 2000 }))');
    const cdp = process.env.BENCH_PROFILE_NAV ? await context.newCDPSession(page) : null;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    const ms = (await page.evaluate(`(async () => {
      const t0 = performance.now();
      document.querySelector(${JSON.stringify(linkSelector)}).click();
      const at = await (${probe})();
      return at.painted - t0;
    })()`)) as number;
    if (cdp) printProfile((await cdp.send('Profiler.stop')).profile as unknown as CpuProfile);
    return ms;
  } finally {
    await page.close();
  }
}
