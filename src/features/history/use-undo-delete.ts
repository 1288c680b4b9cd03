/** The app's UndoDelete as React state: re-renders on every change; leaving History deletes for good. */
import { useEffect, useSyncExternalStore } from 'react';
import { useApp } from '../../services/app-context.ts';
import type { UndoDelete } from '../../takes/index.ts';

const NO_SUBSCRIPTION = (): (() => void) => () => undefined;
const NO_VERSION = (): number => 0;

/** The app's pending deletes, kept current; with `flushOnLeave`, unmounting does the pending deletes. */
export function useUndoDelete(flushOnLeave = false): UndoDelete | null {
  const { undoDelete } = useApp();
  useSyncExternalStore(undoDelete?.subscribe ?? NO_SUBSCRIPTION, undoDelete?.getVersion ?? NO_VERSION);
  useEffect(() => {
    if (!flushOnLeave || !undoDelete) return undefined;
    // Undo is only offered on this screen: once it is gone, the delete is done.
    return () => { void undoDelete.flush(); };
  }, [flushOnLeave, undoDelete]);
  return undoDelete;
}
