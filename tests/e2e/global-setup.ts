/** Builds the app once and serves the production build on localhost for the browser tests. */
import { build, preview, type PreviewServer } from 'vite';

let server: PreviewServer | null = null;

/**
 * A real production build. Vitest sets NODE_ENV=test, and Vite keeps an existing NODE_ENV, which would
 * give React's development bundle and import.meta.env.PROD = false (no service worker).
 */
export async function buildProduction(outDir = 'dist', buildId?: string): Promise<void> {
  const saved = { nodeEnv: process.env.NODE_ENV, buildId: process.env.VOICEDRILL_BUILD_ID };
  process.env.NODE_ENV = 'production';
  if (buildId !== undefined) process.env.VOICEDRILL_BUILD_ID = buildId;
  try {
    await build({ logLevel: 'warn', mode: 'production', build: { outDir, emptyOutDir: true } });
  } finally {
    process.env.NODE_ENV = saved.nodeEnv;
    if (saved.buildId === undefined) delete process.env.VOICEDRILL_BUILD_ID;
    else process.env.VOICEDRILL_BUILD_ID = saved.buildId;
  }
}

/** Vitest global setup: build, serve on a free port, expose the URL. */
export async function setup(): Promise<void> {
  await buildProduction();
  server = await preview({ logLevel: 'warn', preview: { port: 0, host: '127.0.0.1', strictPort: false } });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview server has no port');
  process.env.VOICEDRILL_E2E_URL = `http://localhost:${address.port}`;
}

/** Vitest global teardown: stop the server. */
export async function teardown(): Promise<void> {
  await server?.close();
}
