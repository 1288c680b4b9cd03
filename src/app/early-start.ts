/**
 * Start-up's first script: index.html loads this chunk (one file, with uPlot) ahead of the app's bundle
 * (vite.config.ts, earlyStart). On Progress, with a snapshot kept, it first paints the page's top as last drawn
 * (features/progress/first-paint.ts; docs/adr/0009-first-paint.md); on the page of the take last opened, that page
 * as last drawn (features/history/first-paint.ts; docs/adr/0010-take-first-paint.md). The app's entry waits
 * for that paint.
 * Then the route's own chunks, the app's and, for Progress, the read of every take summary begin while React
 * and Dexie are still downloading and parsing. The app adopts what was started (storage/early-read.ts; the
 * preloaded chunks are the ones its lazy screens import) and removes the first paint once it has painted.
 */
import { parseRoute } from '../services/routes.ts';
import { startEarlySummaries } from '../storage/early-read.ts';
import { firstPaintStorage } from '../storage/first-paint-cache.ts';
import { paintProgressFirst, readProgressSnapshot } from '../features/progress/first-paint.ts';
import { paintTakeFirst, readTakeSnapshot } from '../features/history/first-paint.ts';
import { ensurePagePolicy } from '../pwa/csp-guard.ts';

/** Name of the <meta> the build writes: the chunks (and styles) of each lazily loaded screen, by route screen. */
export const ROUTE_CHUNKS_META = 'voicedrill-route-chunks';

/** The key of the app proper's chunks in that <meta> (vite.config.ts APP_CHUNKS_KEY). */
const APP_CHUNKS_KEY = '_app';

/** What the build writes per screen: script chunks and style sheets, as absolute paths. */
export interface RouteChunks {
  js: string[];
  css: string[];
}

function preload(href: string, rel: 'modulepreload' | 'preload'): void {
  const link = document.createElement('link');
  link.rel = rel;
  link.href = href;
  if (rel === 'preload') link.as = 'style';
  else link.crossOrigin = '';
  document.head.append(link);
}

/** Longest start-up waits for the page's body and styles before a first paint, ms; past it, none. */
const FIRST_PAINT_WAIT_MS = 500;

/** Resolve once the frame now being prepared is on screen. */
function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/**
 * Paint the route's first view from its snapshot (`paint`: Progress's or a take's) and settle once it is on
 * screen: the app's entry (src/main.tsx) evaluates the app then. A bad snapshot only means no first paint.
 */
async function paintFirst(paint: () => boolean | Promise<boolean>): Promise<void> {
  // This script is async: it may run while the parser is still in <head>, or before the styles have loaded
  // (laid out without them, the chart would be drawn at the wrong width). Waiting is bounded: past
  // FIRST_PAINT_WAIT_MS there is no first paint and the app starts (a late picture would cover the live page).
  const unstyled = (): HTMLLinkElement[] => [...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')].filter((link) => !link.sheet);
  const ready = (async () => {
    if (!document.body) await new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve, { once: true }));
    await Promise.all(unstyled().map((link) => new Promise((resolve) => {
      link.addEventListener('load', resolve, { once: true });
      link.addEventListener('error', resolve, { once: true });
    })));
  })();
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([ready, new Promise((resolve) => { timer = setTimeout(resolve, FIRST_PAINT_WAIT_MS); })]);
  clearTimeout(timer);
  if (!document.body || unstyled().length > 0 || !(await paint())) return;
  await afterNextPaint();
  performance.mark('voicedrill:first-paint');
}

// Before anything else runs: the CSP safety net (docs/adr/0007-sync-csp.md). Built pages only: the dev
// server runs without a CSP (HMR, React's inline refresh preamble).
if (import.meta.env.PROD) ensurePagePolicy();
performance.mark('voicedrill:early-start');
const route = parseRoute(window.location.hash);
const build = __VOICEDRILL_BUILD_ID__;
// The route's snapshot is read once, and checked (this build; a take's: this take, this width), before anything
// waits for it: one of another build or take starts the app at once.
const progressSnapshot = route.screen === 'progress' ? readProgressSnapshot(firstPaintStorage(), build) : null;
const takeSnapshot = route.screen === 'take' ? readTakeSnapshot(firstPaintStorage(), build, route.takeId, window.innerWidth) : null;
const painter = progressSnapshot ? () => paintProgressFirst(progressSnapshot)
  : takeSnapshot ? () => paintTakeFirst(takeSnapshot) : null;
/** Settles when start-up's first paint is on screen, or at once when there is none (the entry waits for it). */
export const firstPaintDone: Promise<void> = painter ? paintFirst(painter) : Promise.resolve();
const meta = document.querySelector<HTMLMetaElement>(`meta[name="${ROUTE_CHUNKS_META}"]`);
const allChunks = meta ? (JSON.parse(meta.content) as Partial<Record<string, RouteChunks>>) : {};
const preloadChunks = (chunks: RouteChunks | undefined): void => {
  for (const href of chunks?.js ?? []) preload(href, 'modulepreload');
  for (const href of chunks?.css ?? []) preload(href, 'preload');
};
// Everything else starts at once, or right after a first paint: the summaries' read, the route's and the
// app's chunks all need the main thread (deserialising, compiling), which would hold the paint back.
void firstPaintDone.then(() => {
  if (route.screen === 'progress') startEarlySummaries();
  preloadChunks(allChunks[route.screen]);
  preloadChunks(allChunks[APP_CHUNKS_KEY]);
});
