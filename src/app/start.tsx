/** The app proper (src/main.tsx loads it after any first paint): starts storage and the current route's code at once, then mounts the shell. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { parseRoute } from '../services/routes.ts';
import { preloadScreen } from './Screen.tsx';
import { startBoot } from './use-boot.ts';
import { startUpdates } from '../pwa/update-store.ts';

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
