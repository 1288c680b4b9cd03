/** Builds the app once and serves the production build on localhost for the browser tests. */
import { build, preview, type PreviewServer } from 'vite';

let server: PreviewServer | null = null;

/** Vitest global setup: build, serve on a free port, expose the URL. */
export async function setup(): Promise<void> {
  await build({ logLevel: 'warn' });
  server = await preview({ logLevel: 'warn', preview: { port: 0, host: '127.0.0.1', strictPort: false } });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview server has no port');
  process.env.VOICEDRILL_E2E_URL = `http://localhost:${address.port}`;
}

/** Vitest global teardown: stop the server. */
export async function teardown(): Promise<void> {
  await server?.close();
}
