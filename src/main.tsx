/** App entry: mounts the shell. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import './app/app.css';
import { startUpdates } from './pwa/update-store.ts';

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('VoiceDrill: #root is missing from index.html');
startUpdates();
createRoot(rootElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
