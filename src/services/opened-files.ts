/**
 * Files handed to the app by the operating system ("open with", the manifest's file_handlers through
 * window.launchQueue): the shell queues them here and the Calls screen takes them. Pure module state.
 */

type Listener = () => void;

const queue: File[] = [];
const listeners = new Set<Listener>();

/** Queue files to import and tell the Calls screen, if it is open. */
export function offerOpenedFiles(files: readonly File[]): void {
  if (files.length === 0) return;
  queue.push(...files);
  for (const l of listeners) l();
}

/** Take every queued file (the queue is emptied). */
export function takeOpenedFiles(): File[] {
  return queue.splice(0);
}

/** Be told when files are queued; returns the unsubscribe function. */
export function onOpenedFiles(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
