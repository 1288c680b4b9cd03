/**
 * Delete with undo. A deleted take is only hidden at first: the real delete (take and audio) runs when
 * the undo window ends (UNDO_WINDOW_MS), or earlier when the agent leaves History (flush). Nothing is
 * written while the window is open, so closing the tab then keeps the take: it is back on the next
 * start, and nothing saved is ever lost to an undo that could not happen (docs/adr/0003-delete-with-undo.md).
 * A confirmed delete hides the take only from lists read before it was confirmed (see `listStamp`):
 * a list read afterwards shows what the store holds, so a take restored from a backup is listed again.
 * No React and no DOM: timers are injected so tests drive them.
 */

/** How long Undo is offered, ms. */
export const UNDO_WINDOW_MS = 8000;

/** A delete waiting for its undo window to end. */
export interface PendingDelete {
  takeId: string;
  /** What the undo bar calls the take (its name, or its drill and time). */
  label: string;
}

/** The timers the model uses (window's by default). */
export interface UndoTimers {
  set: (work: () => void, ms: number) => unknown;
  clear: (handle: unknown) => void;
}

/** What the model needs. */
export interface UndoDeleteOptions {
  /** The real delete (store.deleteTake). */
  commit: (takeId: string) => Promise<void>;
  /** A real delete failed: the take is shown again, and this says why. */
  onError?: (takeId: string, error: unknown) => void;
  timers?: UndoTimers;
  windowMs?: number;
}

const DEFAULT_TIMERS: UndoTimers = {
  set: (work, ms) => setTimeout(work, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** The deletes waiting for their undo window, being written, and done (with when, to judge lists read before). */
export class UndoDelete {
  private readonly options: UndoDeleteOptions;
  private readonly timers: UndoTimers;
  private pending: PendingDelete[] = [];
  private readonly handles = new Map<string, unknown>();
  /** Deletes being written now. */
  private readonly writing = new Set<string>();
  /** Deletes done, with the stamp at which each was confirmed. */
  private readonly confirmed = new Map<string, number>();
  private stamp = 0;
  private readonly listeners = new Set<() => void>();
  private version = 0;

  constructor(options: UndoDeleteOptions) {
    this.options = options;
    this.timers = options.timers ?? DEFAULT_TIMERS;
  }

  /** Call `listener` on every change; returns the unsubscribe (useSyncExternalStore's contract). */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => { this.listeners.delete(listener); };
  };

  /** A number that changes on every change (useSyncExternalStore's snapshot). */
  getVersion = (): number => this.version;

  /** The deletes that can still be undone, oldest first. */
  pendingDeletes(): readonly PendingDelete[] {
    return this.pending;
  }

  /** Take before reading a list of takes from the store; give it to isHidden with that list. */
  listStamp(): number {
    return this.stamp;
  }

  /**
   * True when the take should not be shown in a list read from the store at `listedAt` (listStamp):
   * its delete is pending or being written, or was confirmed after the list was read. A take a list
   * read after its confirmed delete holds is back in the store (a restored backup) and is shown.
   */
  isHidden(takeId: string, listedAt: number): boolean {
    if (this.handles.has(takeId) || this.writing.has(takeId)) return true;
    const confirmedAt = this.confirmed.get(takeId);
    return confirmedAt !== undefined && listedAt < confirmedAt;
  }

  /** Hide the take now and delete it for good when the undo window ends. */
  delete(takeId: string, label: string): void {
    // A take deleted before and since restored can be deleted again: only a delete under way is refused.
    if (this.handles.has(takeId) || this.writing.has(takeId)) return;
    this.pending = [...this.pending, { takeId, label }];
    this.handles.set(takeId, this.timers.set(() => { void this.commit(takeId); }, this.options.windowMs ?? UNDO_WINDOW_MS));
    this.changed();
  }

  /** Cancel a pending delete: the take is listed again. Returns false when it is too late. */
  undo(takeId: string): boolean {
    const handle = this.handles.get(takeId);
    if (handle === undefined) return false;
    this.timers.clear(handle);
    this.handles.delete(takeId);
    this.pending = this.pending.filter((p) => p.takeId !== takeId);
    this.changed();
    return true;
  }

  /** Delete every pending take for good now (the agent left History: Undo is no longer on screen). */
  flush(): Promise<void> {
    return Promise.all(this.pending.map((p) => this.commit(p.takeId))).then(() => undefined);
  }

  /** Cancel every timer without deleting (the store is closing; the takes stay). */
  dispose(): void {
    for (const handle of this.handles.values()) this.timers.clear(handle);
    this.handles.clear();
    this.pending = [];
    this.listeners.clear();
  }

  private async commit(takeId: string): Promise<void> {
    const handle = this.handles.get(takeId);
    if (handle === undefined) return;
    this.timers.clear(handle);
    this.handles.delete(takeId);
    this.pending = this.pending.filter((p) => p.takeId !== takeId);
    // Hidden while the write runs, so the take does not flash back in the list.
    this.writing.add(takeId);
    this.changed();
    try {
      await this.options.commit(takeId);
      // Lists read before now still hold the take: they keep hiding it. Lists read later show the store.
      this.confirmed.set(takeId, ++this.stamp);
    } catch (e) {
      this.options.onError?.(takeId, e);
    } finally {
      this.writing.delete(takeId);
      this.changed();
    }
  }

  private changed(): void {
    this.version++;
    for (const listener of [...this.listeners]) listener();
  }
}
