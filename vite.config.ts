// Vite build of the app: React, the analysis worker, and the service worker (vite-plugin-pwa,
// Workbox) that precaches every asset so the app opens, records and analyses offline.
import { defineConfig, type Plugin, type Rollup } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { CONTENT_SECURITY_POLICY_HEADER, CSP_BOOT_PATH, cspBootScript } from './src/pwa/csp.ts';
import { SYNC_ORIGIN_STORAGE_KEY } from './src/storage/sync-records.ts';

// A build id shown in Settings and used by the update test; defaults to the build time.
const BUILD_ID = process.env.VOICEDRILL_BUILD_ID ?? new Date().toISOString();

/**
 * The page's CSP (src/pwa/csp.ts): the build emits /csp-boot.js and makes it the page's first element, a classic
 * (blocking) script that writes the <meta> policy with the configured sync origin before anything else loads.
 * The dev server has no CSP (HMR).
 */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'voicedrill-csp',
    apply: 'build',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: CSP_BOOT_PATH.slice(1), source: cspBootScript(SYNC_ORIGIN_STORAGE_KEY) });
    },
    transformIndexHtml: () => [{ tag: 'script', attrs: { src: CSP_BOOT_PATH }, injectTo: 'head-prepend' }],
  };
}

const EARLY_START = 'src/app/early-start.ts';
const APP_START = 'src/app/start.tsx';
/**
 * The modules of start-up's first script (src/app/early-start.ts and what it imports: the first paint of
 * Progress with uPlot), kept in one chunk.
 */
const EARLY_START_MODULES = new RegExp([
  'src/app/early-start\\.ts', 'src/pwa/csp(-guard)?\\.ts', 'src/services/routes\\.ts', 'src/storage/(early-read|first-paint-cache|records)\\.ts', 'src/ui/first-paint-overlay\\.ts',
  'src/features/progress/(first-paint|progress-snapshot|progress-chart-options|progress-axis|progress-streak|uplot-band)\\.ts',
  'node_modules/uplot/', 'vite/preload-helper',
].join('|'));
/** The route-chunks key of the app proper's chunks (src/app/early-start.ts reads it). */
const APP_CHUNKS_KEY = '_app';

/**
 * Start-up's first script (src/app/early-start.ts) as its own small chunk, loaded by index.html (async) ahead
 * of the app's bundle, and a <meta> listing the app proper's chunks (src/app/start.tsx, which the entry imports
 * after any first paint) and each lazy screen's (the dynamic imports named <X>Screen.tsx, with their static
 * imports the app does not already load) so it can preload them.
 */
function earlyStart(): Plugin {
  return {
    name: 'voicedrill-early-start',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        // Right after the <title>: below the charset and CSP, above the app's own script.
        const place = (tags: string): string => html.replace('</title>', `</title>\n    ${tags}`);
        if (!ctx.bundle || !ctx.chunk) return place(`<script type="module" src="/${EARLY_START}"></script>`);
        const chunks = new Map(Object.values(ctx.bundle).filter((c): c is Rollup.OutputChunk => c.type === 'chunk').map((c) => [c.fileName, c]));
        // The entry imports it; codeSplitting keeps it and its imports in one chunk (below).
        const early = [...chunks.values()].find((c) => c.moduleIds.some((id) => id.endsWith(EARLY_START)));
        if (!early) throw new Error(`voicedrill-early-start: no chunk for ${EARLY_START}`);
        const loaded = new Set<string>();
        const walk = (name: string, into: Set<string>): void => {
          if (into.has(name) || loaded.has(name)) return;
          into.add(name);
          for (const dep of chunks.get(name)?.imports ?? []) walk(dep, into);
        };
        walk(ctx.chunk.fileName, loaded);
        // The app proper (src/app/start.tsx), which the entry imports once any first paint is on screen.
        const start = [...chunks.values()].find((c) => c.facadeModuleId?.endsWith(APP_START));
        if (!start) throw new Error(`voicedrill-early-start: no chunk for ${APP_START}`);
        const app = new Set<string>();
        walk(start.fileName, app);
        const routes: Record<string, { js: string[]; css: string[] }> = {
          [APP_CHUNKS_KEY]: { js: [...app].map((f) => `/${f}`), css: [] },
        };
        const lazy = new Set([...loaded, ...app].flatMap((f) => chunks.get(f)?.dynamicImports ?? []));
        for (const f of app) loaded.add(f);
        for (const name of lazy) {
          const screen = /\/([A-Z][a-z]+)Screen\.tsx$/.exec(chunks.get(name)?.facadeModuleId ?? '')?.[1]?.toLowerCase();
          if (!screen) continue;
          const files = new Set<string>();
          walk(name, files);
          const css = [...files].flatMap((f) => [...(chunks.get(f)?.viteMetadata?.importedCss ?? [])]);
          routes[screen] = { js: [...files].map((f) => `/${f}`), css: css.map((f) => `/${f}`) };
        }
        const content = JSON.stringify(routes).replaceAll('&', '&amp;').replaceAll('"', '&quot;');
        // The <meta> first: the script, async, may run before the parser would reach a later one.
        return place([
          `<meta name="voicedrill-route-chunks" content="${content}">`,
          `<script type="module" async crossorigin fetchpriority="high" src="/${early.fileName}"></script>`,
        ].join('\n    '));
      },
    },
  };
}

export default defineConfig({
  define: { __VOICEDRILL_BUILD_ID__: JSON.stringify(BUILD_ID) },
  plugins: [
    react(),
    contentSecurityPolicy(),
    earlyStart(),
    VitePWA({
      // We register with workbox-window ourselves (src/pwa/register.ts) and prompt before updating.
      registerType: 'prompt',
      injectRegister: false,
      strategies: 'generateSW',
      manifest: {
        id: '/',
        name: 'VoiceDrill — voice delivery trainer',
        short_name: 'VoiceDrill',
        description: 'Practise tone, pace and volume for the phone. Runs offline; audio stays on this machine.',
        lang: 'en',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#f7f8fa',
        theme_color: '#0f5c63',
        // "Open with VoiceDrill" for call recordings (Chromium's File Handling API): the files arrive in
        // window.launchQueue (src/app/launch-files.ts) and go to the Calls screen.
        file_handlers: [{
          action: '/',
          accept: {
            'audio/wav': ['.wav'],
            'audio/mpeg': ['.mp3'],
            'audio/mp4': ['.m4a'],
            'audio/aac': ['.aac'],
            'audio/ogg': ['.ogg', '.opus'],
            'audio/webm': ['.webm'],
            'audio/flac': ['.flac'],
          },
        }],
        launch_handler: { client_mode: 'focus-existing' },
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: 'icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: 'icons/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest,wasm}'],
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
        // The first visit's page comes under the service worker at once, so a later update's
        // controller change reaches it too.
        clientsClaim: true,
        // The analysis worker bundles the whole engine; keep it precached.
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
      },
    }),
  ],
  // The manifest lets a test walk the main thread's chunks (tests/e2e/bundle-walls.test.ts).
  build: {
    target: 'es2022', sourcemap: true, manifest: true,
    rolldownOptions: {
      output: {
        // Start-up's first script in one file, not a facade over a chain of shared chunks: every import hop is
        // a service-worker round trip before the progress page's first paint (docs/adr/0009-first-paint.md).
        codeSplitting: { groups: [{ name: 'early-start', test: EARLY_START_MODULES, priority: 10 }] },
      },
    },
  },
  worker: { format: 'es' },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true, headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY_HEADER } },
  server: { host: '127.0.0.1', port: 5173 },
});
