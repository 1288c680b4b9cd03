/**
 * Progress page speed in the browser: the production build, served on localhost, in headless Chromium,
 * with 1,000 stored takes (bench/synthetic-takes.ts) and their summaries (the app's own summarise(), as
 * every take write stores one) written straight into the app's IndexedDB database (schema v2, created by the app).
 * Measures navigation start → the first progress chart with painted pixels on screen, 5 runs (each a new page
 * load, after one warm-up, which draws the live page and so keeps the snapshot start-up paints from: docs/adr/
 * 0009-first-paint.md), and prints the median and each run; also the live page's own first chart (React, from
 * IndexedDB) in the same loads, and the pure model time for reference.
 * Each run also loads, interleaved, the app without its service worker and the floor pages (bench/floor.ts),
 * and prints the app's time as a ratio to them: the machine is shared, so only ratios of one run compare.
 * BENCH_PROFILE=1 prints the last load's CPU profile (self time per function).
 * BENCH_RUNS=n counts n runs (default 5); BENCH_BEFORE_DIST=<dir> also times another build in the same runs.
 * Run: npm run bench:ui [takes]
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { median, printProfile, RUNS, withSeededApp, type CpuProfile } from './browser-bench.ts';
import { FLOOR_PAGES, loadWithProbes, paintedProbe, timeInAppNavigation, timeLoad, type FloorPage, type LoadTimes } from './floor.ts';
import { DB_NAME, SCHEMA_VERSION, summarise, type ProfileRecord } from '../src/storage/index.ts';
import { syntheticTakes } from './synthetic-takes.ts';

const TAKES = Number(process.argv[2] ?? 1000);
const TARGET_MS = 200;
const OUT_DIR = join('bench', 'out', 'ui-dist');

const profile: ProfileRecord = {
  schemaVersion: SCHEMA_VERSION, id: 'me', fills: { zh: { name: 'Alex', company: 'Bluebird Telecom' }, en: { name: 'Alex', company: 'Bluebird Telecom' } }, scriptLang: 'en', uiLang: 'en', baseline: null,
};

// In-page code is passed as source text: tsx's keepNames would wrap functions in a __name helper the page lacks.
const SEED = `async ([dbName, profile, takes, summaries]) => {
  const db = await new Promise((resolve, reject) => {
    const req = indexedDB.open(dbName);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  await new Promise((resolve, reject) => {
    const tx = db.transaction(['profile', 'takes', 'audioChunks', 'takeSummaries'], 'readwrite');
    tx.objectStore('takes').clear();
    tx.objectStore('audioChunks').clear();
    tx.objectStore('takeSummaries').clear();
    tx.objectStore('profile').put(profile);
    for (const take of takes) tx.objectStore('takes').put(take);
    for (const summary of summaries) tx.objectStore('takeSummaries').put(summary);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  db.close();
}`;

// The first frame where the progress page's first chart has a painted pixel on screen: start-up's first paint
// (the page's top from its snapshot, docs/adr/0009-first-paint.md) or the live page's; the stage: the live page in the DOM.
const FIRST_PAINTED_CHART = paintedProbe('[data-testid="progress"] .progress-chart canvas, [data-first-paint="progress"] .progress-chart canvas', { page: '[data-testid="progress"]' });
// The first frame where the live page (React, from IndexedDB) has painted its first chart.
const LIVE_PAINTED_CHART = paintedProbe('[data-testid="progress"] .progress-chart canvas', { page: '[data-testid="progress"]' });

// How long IndexedDB takes to hand over every record of a table (structured-clone reads), ms.
const READ_ALL = `async ([dbName, table]) => {
  const db = await new Promise((resolve, reject) => {
    const req = indexedDB.open(dbName);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const t0 = performance.now();
  await new Promise((resolve, reject) => {
    const req = db.transaction([table]).objectStore(table).getAll();
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const ms = performance.now() - t0;
  db.close();
  return ms;
}`;

async function main(): Promise<void> {
  const takes = syntheticTakes(TAKES);
  await withSeededApp(OUT_DIR, SEED, [DB_NAME, profile, takes, takes.map(summarise)], async ({ url, context, refContext, beforeUrl }) => {
    const before: number[] = [];
    const loads: LoadTimes[] = [];
    const lives: LoadTimes[] = [];
    const probe = await context.newPage();
    await probe.goto(`${url}/#/settings`);
    await probe.locator('h1').waitFor();
    const readMs = (await probe.evaluate(`(${READ_ALL})(${JSON.stringify([DB_NAME, 'takes'])})`)) as number;
    const readSummariesMs = (await probe.evaluate(`(${READ_ALL})(${JSON.stringify([DB_NAME, 'takeSummaries'])})`)) as number;
    await probe.close();
    let charts = 0;
    const noWorker: LoadTimes[] = [];
    const floors = new Map<FloorPage, number[]>(FLOOR_PAGES.map((p) => [p, []]));
    const inApp: number[] = [];
    for (let run = 0; run <= RUNS; run++) {
      const page = await context.newPage();
      const cdp = process.env.BENCH_PROFILE && run === RUNS ? await context.newCDPSession(page) : null;
      if (cdp) {
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
        await cdp.send('Profiler.start');
      }
      const [at, live] = await loadWithProbes(page, `${url}/#/progress`, [FIRST_PAINTED_CHART, LIVE_PAINTED_CHART]);
      const firstPaint = (await page.evaluate(`performance.getEntriesByName('voicedrill:first-paint').length > 0`)) as boolean;
      if (cdp) printProfile((await cdp.send('Profiler.stop')).profile as unknown as CpuProfile);
      const count = await page.locator('[data-testid="progress"]').getAttribute('data-take-count');
      if (Number(count) !== TAKES) throw new Error(`The progress page shows ${count} takes, not ${TAKES}.`);
      charts = await page.locator('.progress-chart').count();
      await page.close();
      let beforeMs = '';
      if (beforeUrl) {
        const atBefore = await timeLoad(context, `${beforeUrl}/#/progress`, FIRST_PAINTED_CHART);
        if (run > 0) before.push(atBefore.painted);
        beforeMs = `; before ${atBefore.painted.toFixed(0)} ms`;
      }
      const atBare = await timeLoad(refContext, `${url}/#/progress`, FIRST_PAINTED_CHART);
      const floorMs: string[] = [];
      for (const name of FLOOR_PAGES) {
        const f = await timeLoad(refContext, `${url}/floor/${name}.html`, paintedProbe('canvas[data-floor]'));
        if (run > 0) floors.get(name)?.push(f.painted);
        floorMs.push(`${name} ${f.painted.toFixed(0)}`);
      }
      const clickMs = await timeInAppNavigation(context, `${url}/#/practice`, '[data-nav="progress"]', '[data-nav="progress"]', FIRST_PAINTED_CHART);
      if (run > 0) inApp.push(clickMs);
      console.log(`  run ${run}${run === 0 ? ' (warm-up, not counted)' : ''}: in-app from Practice ${clickMs.toFixed(0)} ms; first painted chart ${at.painted.toFixed(0)} ms (${firstPaint ? 'first paint from the snapshot' : 'no snapshot'}; live chart ${live.painted.toFixed(0)}, shell ${live.shell.toFixed(0)}, live page in the DOM ${live.stages.page.toFixed(0)}); without service worker ${atBare.painted.toFixed(0)} ms${beforeMs}; floors ${floorMs.join(', ')} ms`);
      if (run > 0) { // run 0 warms the caches up
        loads.push(at);
        lives.push(live);
        noWorker.push(atBare);
      }
    }
    const times = loads.map((l) => l.painted);
    const m = median(times);
    console.log(`progress page, ${TAKES} stored takes, ${charts} charts: navigation start → first painted chart`);
    console.log(`  median ${m.toFixed(0)} ms of ${RUNS} runs (target ≤ ${TARGET_MS} ms${m <= TARGET_MS ? ', met' : ', NOT met'})`);
    console.log(`  runs: ${times.map((t) => t.toFixed(0)).join(', ')} ms`);
    const liveTimes = lives.map((l) => l.painted);
    console.log(`  the live page's own first chart (React, from IndexedDB, interactive): median ${median(liveTimes).toFixed(0)} ms; runs ${liveTimes.map((t) => t.toFixed(0)).join(', ')} ms`);
    const inAppMs = median(inApp);
    console.log(`  in-app navigation (Practice open, click Progress → first painted chart): median ${inAppMs.toFixed(0)} ms (target ≤ ${TARGET_MS} ms${inAppMs <= TARGET_MS ? ', met' : ', NOT met'}); runs ${inApp.map((t) => t.toFixed(0)).join(', ')} ms`);
    console.log(`  reading the ${TAKES} take records from IndexedDB alone (getAll): ${readMs.toFixed(0)} ms; their summaries: ${readSummariesMs.toFixed(0)} ms`);
    const markNames = [...new Set(lives.flatMap((l) => Object.keys(l.marks)))];
    console.log(`  median ms since navigation start: ${markNames.map((n) => `${n} ${median(lives.map((l) => l.marks[n] ?? NaN)).toFixed(0)}`).join(', ')}`);
    console.log(`  median live progress page in the DOM ${median(lives.map((l) => l.stages.page)).toFixed(0)} ms`);
    if (beforeUrl) console.log(`  before (BENCH_BEFORE_DIST, same runs, with its service worker): median ${median(before).toFixed(0)} ms; runs ${before.map((t) => t.toFixed(0)).join(', ')} ms`);
    const bareMs = median(noWorker.map((l) => l.painted));
    const floorMedian = (name: FloorPage): number => median(floors.get(name) ?? []);
    console.log(`  reference, same runs, no service worker: the app ${bareMs.toFixed(0)} ms; floors (bench/floor.ts): ${FLOOR_PAGES.map((n) => `${n} ${floorMedian(n).toFixed(0)}`).join(', ')} ms`);
    console.log(`  ratio app / floor: ${FLOOR_PAGES.map((n) => `/${n} ${(m / floorMedian(n)).toFixed(1)}×`).join(', ')} (app with its service worker); without it ${FLOOR_PAGES.map((n) => `/${n} ${(bareMs / floorMedian(n)).toFixed(1)}×`).join(', ')}`);
  });
  console.log('\nfor reference, the model alone (bench/ui-progress.ts):');
  console.log(execFileSync(process.execPath, ['--import', 'tsx', 'bench/ui-progress.ts', String(TAKES)], { encoding: 'utf8' }).trimEnd());
}

await main();
