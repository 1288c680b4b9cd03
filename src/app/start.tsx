/** App entry: starts storage and the current route's code at once, then mounts the shell. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import './app/app.css';
import { parseRoute } from './services/routes.ts';
import { preloadScreen } from './app/Screen.tsx';
import { startBoot } from './app/use-boot.ts';
import { startUpdates } from './pwa/update-store.ts';
import { ensurePagePolicy } from './pwa/csp-guard.ts';

// Built pages only: the dev server runs without a CSP (HMR, React's inline refresh preamble).
if (import.meta.env.PROD) ensurePagePolicy();
const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('VoiceDrill: #root is missing from index.html');
// Everything the first screen needs is requested in parallel: the database with its start-up reads,
// the route's chunk and, for Progress, every take's summary (one request, kept by the store).
const route = parseRoute(window.location.hash);
const store = startBoot();
preloadScreen(route);
if (route.screen === 'progress') {
  store.then((s) => s.listSummaries()).then(() => performance.mark('voicedrill:summaries-read'), () => undefined);
}
startUpdates();
createRoot(rootElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
