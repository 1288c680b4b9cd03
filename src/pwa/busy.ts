/**
 * Busy guard: recording and analysis hold it, and the app never reloads or swaps versions while
 * it is held (an update waits for the take to finish).
 */

type Listener = (busy: boolean) => void;

const holds = new Set<symbol>();
const listeners = new Set<Listener>();

function notify(): void {
  const busy = holds.size > 0;
  listeners.forEach((listener) => listener(busy));
}

/** Hold the guard while `reason` runs; call the returned function (once) to release it. */
export function holdBusy(reason: string): () => void {
  const token = Symbol(reason);
  holds.add(token);
  notify();
  return () => {
    if (holds.delete(token)) notify();
  };
}

/** True while anything holds the guard. */
export function isBusy(): boolean {
  return holds.size > 0;
}

/** Be told whenever the guard changes; returns the unsubscribe function. */
export function onBusyChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
