/**
 * Start-up's first script: index.html loads this small chunk ahead of the app's bundle (vite.config.ts,
 * earlyStart), so the route's own chunks and, for Progress, the read of every take summary begin while
 * React and Dexie are still downloading and parsing. Nothing here renders or decides anything: the app
 * adopts what was started (storage/early-read.ts; the preloaded chunks are the ones its lazy screens import).
 */
import { parseRoute } from '../services/routes.ts';
import { startEarlySummaries } from '../storage/early-read.ts';

/** Name of the <meta> the build writes: the chunks (and styles) of each lazily loaded screen, by route screen. */
export const ROUTE_CHUNKS_META = 'voicedrill-route-chunks';

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

const route = parseRoute(window.location.hash);
if (route.screen === 'progress') startEarlySummaries();
const meta = document.querySelector<HTMLMetaElement>(`meta[name="${ROUTE_CHUNKS_META}"]`);
const chunks = meta ? (JSON.parse(meta.content) as Partial<Record<string, RouteChunks>>)[route.screen] : undefined;
for (const href of chunks?.js ?? []) preload(href, 'modulepreload');
for (const href of chunks?.css ?? []) preload(href, 'preload');
