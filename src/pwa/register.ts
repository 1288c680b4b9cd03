/** Service-worker registration through workbox-window; reports a waiting update and applies it on request. */
import { Workbox } from 'workbox-window';

/** Handle on the registered service worker. */
export interface ServiceWorkerHandle {
  /** Activate the waiting version; the page reloads once it controls the page. */
  applyUpdate(): void;
  /** Ask the server whether a newer version exists. */
  checkForUpdate(): Promise<void>;
}

// How often an open app looks for a new version (the browser also checks on navigation).
const UPDATE_CHECK_MS = 60 * 60 * 1000;

/** Register /sw.js (production builds only); `onWaiting` fires when a new version is ready. */
export function registerServiceWorker(onWaiting: () => void): ServiceWorkerHandle | null {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return null;
  const wb = new Workbox('/sw.js', { scope: '/' });
  let reloadWanted = false;
  let reloading = false;
  const reload = (): void => {
    if (!reloadWanted || reloading) return;
    reloading = true;
    window.location.reload();
  };
  wb.addEventListener('waiting', () => onWaiting());
  // A controlled page hears the controller change; a page the worker never controlled (it was
  // installed during this visit) only hears the new worker activate.
  wb.addEventListener('controlling', reload);
  wb.addEventListener('activated', (event) => {
    if (event.isUpdate || event.isExternal) reload();
  });
  void wb.register().catch((error: unknown) => console.warn('VoiceDrill: service worker not registered:', error));
  window.setInterval(() => void wb.update(), UPDATE_CHECK_MS);
  return {
    applyUpdate() {
      reloadWanted = true;
      wb.messageSkipWaiting();
    },
    checkForUpdate: () => wb.update(),
  };
}
