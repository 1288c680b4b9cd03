/** The app-wide update state: the service worker feeds it, the prompt renders it, the busy guard gates it. */
import { isBusy, onBusyChange } from './busy.ts';
import { registerServiceWorker, type ServiceWorkerHandle } from './register.ts';
import { nextUpdateState, type UpdateEvent, type UpdateState } from './update-model.ts';

type Listener = (state: UpdateState) => void;

let state: UpdateState = { kind: 'none' };
let handle: ServiceWorkerHandle | null = null;
const listeners = new Set<Listener>();

function dispatch(event: UpdateEvent): void {
  const next = nextUpdateState(state, event);
  if (next === state) return;
  state = next;
  listeners.forEach((listener) => listener(state));
  if (state.kind === 'applying') handle?.applyUpdate();
}

/** Start the service worker and listen for updates (once, at start-up). */
export function startUpdates(): void {
  handle = registerServiceWorker(() => dispatch({ type: 'waiting' }));
  onBusyChange((busy) => {
    if (!busy) dispatch({ type: 'idle' });
  });
}

/** Current update state. */
export function updateState(): UpdateState {
  return state;
}

/** Subscribe to update state changes; returns the unsubscribe function. */
export function onUpdateState(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The user accepted the update: apply now, or as soon as the current take or analysis ends. */
export function acceptUpdate(): void {
  dispatch({ type: 'accept', busy: isBusy() });
}

/** The user dismissed the prompt (it comes back with the next waiting version). */
export function dismissUpdate(): void {
  dispatch({ type: 'dismiss' });
}

/** Ask the server for a newer version now (used by Settings and tests). */
export function checkForUpdate(): Promise<void> {
  return handle?.checkForUpdate() ?? Promise.resolve();
}
