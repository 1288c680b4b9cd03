/** A minimal static server for browser tests that must stop the server or swap builds mid-test. */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { CONTENT_SECURITY_POLICY_HEADER } from '../../src/pwa/csp.ts';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json',
  '.webmanifest': 'application/manifest+json', '.svg': 'image/svg+xml', '.png': 'image/png', '.map': 'application/json',
  '.wav': 'audio/wav', '.wasm': 'application/wasm',
};

/** A running server; `root` can be switched to another build directory. */
export interface StaticServer {
  url: string;
  setRoot(dir: string): void;
  close(): Promise<void>;
}

/** Serve `root` on a free localhost port, with the app's CSP header and an SPA fallback to index.html. */
export async function serveStatic(root: string): Promise<StaticServer> {
  let current = root;
  const server: Server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    let file = join(current, path);
    if (!existsSync(file) || statSync(file).isDirectory()) file = join(current, 'index.html');
    res.setHeader('Content-Type', MIME[extname(file)] ?? 'application/octet-stream');
    // The header leaves connect-src open; the page's <meta> (/csp-boot.js) narrows it to the configured sync origin.
    res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY_HEADER);
    // Like a real deployment of hashed assets: the page and the service worker are always revalidated.
    res.setHeader('Cache-Control', /\/assets\//.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache');
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('static server has no port');
  return {
    url: `http://localhost:${address.port}`,
    setRoot(dir) { current = dir; },
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
