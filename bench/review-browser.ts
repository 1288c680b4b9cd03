/**
 * Review page speed in the browser: the production build, served on localhost, in headless Chromium,
 * with one analysed 60 s take (48 kHz speech-like audio, its report made by analyzeToJson as the worker
 * makes it) written straight into the app's IndexedDB database the way bench/ui-browser.ts does.
 * Measures navigation start → the review's overlay canvas with painted pixels (the pitch contour and
 * loudness drawn from the stored report), 5 runs (each a new page load, after one warm-up), and
 * prints each run and the median. The warm-up opens the take, so the counted loads may paint first from the
 * picture of its page that the live page kept (docs/adr/0010-take-first-paint.md); the live page's own overlay is
 * printed too. BENCH_DEBUG=1 prints each load's stages and long tasks;
 * BENCH_PROFILE=1 the last load's CPU profile (self time per function).
 * Each run also loads, interleaved, the app without its service worker and the floor pages (bench/floor.ts:
 * one pixel; the take record read, then one pixel; React), and prints the app's time as a ratio to them.
 * BENCH_RUNS=n counts n runs (default 5); BENCH_BEFORE_DIST=<dir> also times another build in the same runs.
 * Run: npm run bench:review [seconds]
 */
import { join } from 'node:path';
import { median, printProfile, RUNS, withSeededApp, type CpuProfile } from './browser-bench.ts';
import { loadWithProbes, paintedProbe, timeInAppNavigation, timeLoad, type LoadTimes } from './floor.ts';
import { analyzeToJson } from '../src/analysis/index.ts';
import { findBuiltInDrill, renderDrill, type Drill } from '../src/drills/index.ts';
import { DB_NAME, floatToInt16, SCHEMA_VERSION, type ProfileRecord, type TakeRecord } from '../src/storage/index.ts';
import { speechLike, type PhraseSpec } from '../tests/helpers/synth.ts';

const DURATION_SEC = Number(process.argv[2] ?? 60);
const RATE_HZ = 48000;
const TARGET_MS = 300;
const OUT_DIR = join('bench', 'out', 'review-dist');
const TAKE_ID = 'take-bench-review-60s';
/** The floor pages of this bench (bench/floor.ts), by name: their path under the served folder. */
const FLOORS: Record<string, string> = { pixel: 'floor/pixel.html', idb: `floor/idb.html?take=${TAKE_ID}`, react: 'floor/react.html' };

const profile: ProfileRecord = {
  schemaVersion: SCHEMA_VERSION, id: 'me', fills: { zh: { name: 'Alex', company: 'Bluebird Telecom' }, en: { name: 'Alex', company: 'Bluebird Telecom' } }, scriptLang: 'en', uiLang: 'en',
  baseline: { medianHz: 160, activeLevelDbfs: -22, recordedAt: null, analysisVersion: null },
};

/** A take of `sec` seconds: 2.2 s phrases 0.6 s apart, the pitch gliding up or down in each. */
function audio(sec: number): Float32Array {
  const phrases: PhraseSpec[] = [];
  for (let t = 0.4, k = 0; t + 2.2 < sec; t += 2.8, k++) {
    phrases.push({ startSec: t, endSec: t + 2.2, f0StartHz: k % 2 ? 190 : 140, f0EndHz: k % 2 ? 140 : 180, levelDbfs: -22, syllablesPerSec: 4.5 });
  }
  return speechLike({ sampleRateHz: RATE_HZ, durationSec: sec, noiseDbfs: -65, seed: 7, phrases });
}

/** The take record and its 1 s Int16 chunks, base64 (typed arrays do not survive page.evaluate's JSON). */
function seedData(): { take: TakeRecord; chunks: string[] } {
  const drill = findBuiltInDrill('en-greeting4') as Drill;
  const script = renderDrill(drill, { name: 'Alex', company: 'Bluebird Telecom' }).script;
  const samples = audio(DURATION_SEC);
  const t0 = performance.now();
  const { file: _file, ...report } = analyzeToJson({ channels: [samples], sampleRateHz: RATE_HZ }, { lang: 'en', script, baseline: { medianHz: 160, activeLevelDbfs: -22 } }, TAKE_ID);
  console.log(`analysed the ${DURATION_SEC} s take in Node in ${(performance.now() - t0).toFixed(0)} ms (the report: ${(JSON.stringify(report).length / 1024).toFixed(0)} KiB)`);
  const take: TakeRecord = {
    schemaVersion: SCHEMA_VERSION, id: TAKE_ID, drillId: drill.id, drill, script, createdAt: '2026-11-30T09:00:00.000Z', status: 'analysed',
    sampleRateHz: RATE_HZ, durationSec: DURATION_SEC, report, analysisVersion: report.analysisVersion, name: null, failure: null,
    incomplete: false, countAnyway: false,
  };
  const chunks: string[] = [];
  for (let i = 0; i < samples.length; i += RATE_HZ) {
    const pcm = floatToInt16(samples.subarray(i, i + RATE_HZ));
    chunks.push(Buffer.from(pcm.buffer, pcm.byteOffset, pcm.byteLength).toString('base64'));
  }
  return { take, chunks };
}

// In-page code is passed as source text: tsx's keepNames would wrap functions in a __name helper the page lacks.
const SEED = `async ([dbName, profile, take, chunks]) => {
  const db = await new Promise((resolve, reject) => {
    const req = indexedDB.open(dbName);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  await new Promise((resolve, reject) => {
    const tx = db.transaction(['profile', 'takes', 'audioChunks'], 'readwrite');
    tx.objectStore('takes').clear();
    tx.objectStore('audioChunks').clear();
    tx.objectStore('profile').put(profile);
    tx.objectStore('takes').put(take);
    chunks.forEach((b64, seq) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      tx.objectStore('audioChunks').put({ takeId: take.id, seq, pcm: new Int16Array(bytes.buffer) });
    });
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  db.close();
}`;

// The first frame where the review's overlay (contour and loudness) has a painted pixel: start-up's first paint of
// the take last opened (its page as last drawn, docs/adr/0010-take-first-paint.md) or the live page's (from the
// stored report); the stages: the take screen has mounted the review (loading), the review has its take.
const REVIEW_STAGES = { mounted: '[data-testid="take-review"]', review: '[data-testid="take-review"][data-take-id]' };
const FIRST_PAINTED_OVERLAY = paintedProbe('[data-testid="review-overlay"], #first-paint[data-first-paint="take"] > canvas[data-first-paint-of="review-overlay"]', REVIEW_STAGES);
// The first frame where the live page (React, from IndexedDB) has painted its overlay.
const LIVE_PAINTED_OVERLAY = paintedProbe('[data-testid="review-overlay"]', REVIEW_STAGES);

async function main(): Promise<void> {
  const { take, chunks } = seedData();
  await withSeededApp(OUT_DIR, SEED, [DB_NAME, profile, take, chunks], async ({ url, context, refContext, beforeUrl }) => {
    const before: number[] = [];
    const loads: LoadTimes[] = [];
    const noWorker: LoadTimes[] = [];
    const floors = new Map<string, number[]>(Object.keys(FLOORS).map((n) => [n, []]));
    const inApp: number[] = [];
    const liveLoads: LoadTimes[] = [];
    let fromPicture = 0;
    for (let run = 0; run <= RUNS; run++) {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.addInitScript(`window.__longTasks = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longTasks.push([Math.round(e.startTime), Math.round(e.duration)]); }).observe({ type: 'longtask', buffered: true });`);
      const cdp = process.env.BENCH_PROFILE && run === RUNS ? await context.newCDPSession(page) : null;
      if (cdp) {
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
        await cdp.send('Profiler.start');
      }
      const [at, live] = await loadWithProbes(page, `${url}/#/take/${TAKE_ID}`, [FIRST_PAINTED_OVERLAY, LIVE_PAINTED_OVERLAY]);
      const firstPaint = (await page.evaluate(`performance.getEntriesByName('voicedrill:first-paint').length > 0`)) as boolean;
      if (cdp) printProfile((await cdp.send('Profiler.stop')).profile as unknown as CpuProfile);
      if (process.env.BENCH_DEBUG) console.log(JSON.stringify(at), 'long tasks [start, ms]:', JSON.stringify(await page.evaluate('window.__longTasks')));
      // The warm-up stays until the live page has kept its picture (an agent looks at a page for more than a moment).
      for (let waited = 0; run === 0 && waited < 5000 && !(await page.evaluate(`localStorage.getItem('voicedrill.firstPaint.v1.take') !== null`)); waited += 50) await page.waitForTimeout(50);
      const shown = await page.locator('[data-testid="take-review"]').getAttribute('data-take-id');
      if (shown !== TAKE_ID || errors.length > 0) throw new Error(`The review did not show the take: ${shown}; ${errors.join(' ')}`);
      await page.close();
      let beforeMs = '';
      if (beforeUrl) {
        const atBefore = await timeLoad(context, `${beforeUrl}/#/take/${TAKE_ID}`, FIRST_PAINTED_OVERLAY);
        if (run > 0) before.push(atBefore.painted);
        beforeMs = `; before ${atBefore.painted.toFixed(0)} ms`;
      }
      const atBare = await timeLoad(refContext, `${url}/#/take/${TAKE_ID}`, FIRST_PAINTED_OVERLAY);
      const floorMs: string[] = [];
      for (const [name, path] of Object.entries(FLOORS)) {
        const f = await timeLoad(refContext, `${url}/${path}`, paintedProbe('canvas[data-floor]'));
        if (run > 0) floors.get(name)?.push(f.painted);
        floorMs.push(`${name} ${f.painted.toFixed(0)}`);
      }
      const clickMs = await timeInAppNavigation(context, `${url}/#/history`, `a.take-link[href="#/take/${TAKE_ID}"]`, `a.take-link[href="#/take/${TAKE_ID}"]`, FIRST_PAINTED_OVERLAY);
      if (run > 0) inApp.push(clickMs);
      console.log(`  run ${run}${run === 0 ? ' (warm-up, not counted)' : ''}: overlay painted ${at.painted.toFixed(0)} ms (${firstPaint ? 'first paint from the take page kept' : 'no picture kept'}; live overlay ${live.painted.toFixed(0)} ms); in-app from History ${clickMs.toFixed(0)} ms; without service worker ${atBare.painted.toFixed(0)} ms${beforeMs}; floors ${floorMs.join(', ')} ms`);
      if (run > 0) { // run 0 warms the caches up
        loads.push(at);
        liveLoads.push(live);
        if (firstPaint) fromPicture++;
        noWorker.push(atBare);
      }
    }
    const times = loads.map((l) => l.painted);
    const m = median(times);
    console.log(`review page, one ${DURATION_SEC} s take at ${RATE_HZ} Hz: navigation start → overlay with its contour painted`);
    console.log(`  median ${m.toFixed(0)} ms of ${RUNS} runs (target ≤ ${TARGET_MS} ms${m <= TARGET_MS ? ', met' : ', NOT met'})`);
    console.log(`  runs: ${times.map((t) => t.toFixed(0)).join(', ')} ms (${fromPicture} of ${RUNS} painted first from the picture the live page kept)`);
    console.log(`  the live page's own overlay (React, from IndexedDB): median ${median(liveLoads.map((l) => l.painted)).toFixed(0)} ms; runs ${liveLoads.map((l) => l.painted.toFixed(0)).join(', ')} ms`);
    const inAppMs = median(inApp);
    console.log(`  in-app navigation (History open, click the take → overlay painted): median ${inAppMs.toFixed(0)} ms (target ≤ ${TARGET_MS} ms${inAppMs <= TARGET_MS ? ', met' : ', NOT met'}); runs ${inApp.map((t) => t.toFixed(0)).join(', ')} ms`);
    const at = (pick: (l: LoadTimes) => number): string => median(liveLoads.map(pick)).toFixed(0);
    console.log(`  the live page's stages, medians: app shell up ${at((l) => l.shell)} ms, review mounted ${at((l) => l.stages.mounted)} ms, review showing its take ${at((l) => l.stages.review)} ms, overlay painted ${at((l) => l.painted)} ms`);
    if (beforeUrl) console.log(`  before (BENCH_BEFORE_DIST, same runs, with its service worker): median ${median(before).toFixed(0)} ms; runs ${before.map((t) => t.toFixed(0)).join(', ')} ms`);
    const bareMs = median(noWorker.map((l) => l.painted));
    const names = Object.keys(FLOORS);
    const floorMedian = (name: string): number => median(floors.get(name) ?? []);
    console.log(`  reference, same runs, no service worker: the app ${bareMs.toFixed(0)} ms; floors (bench/floor.ts): ${names.map((n) => `${n} ${floorMedian(n).toFixed(0)}`).join(', ')} ms`);
    console.log(`  ratio app / floor: ${names.map((n) => `/${n} ${(m / floorMedian(n)).toFixed(1)}×`).join(', ')} (app with its service worker); without it ${names.map((n) => `/${n} ${(bareMs / floorMedian(n)).toFixed(1)}×`).join(', ')}`);
  });
}

await main();
