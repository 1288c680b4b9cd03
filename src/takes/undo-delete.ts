/**
 * Delete with undo. A deleted take is only hidden at first: the real delete (take and audio) runs when
 * the undo window ends (UNDO_WINDOW_MS), or earlier when the agent leaves History (flush). Nothing is
 * written while the window is open, so closing the tab then keeps the take: it is back on the next
 * start, and nothing saved is ever lost to an undo that could not happen (docs/adr/0003-delete-with-undo.md).
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

/** The deletes waiting for their undo window, and the takes deleted for good in this session. */
export class UndoDelete {
  private readonly options: UndoDeleteOptions;
  private readonly timers: UndoTimers;
  private pending: PendingDelete[] = [];
  private readonly handles = new Map<string, unknown>();
  private readonly gone = new Set<string>();
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

  /** True while the take should not be listed: its delete is pending, or done. */
  isHidden(takeId: string): boolean {
    return this.gone.has(takeId) || this.handles.has(takeId);
  }

  /** Hide the take now and delete it for good when the undo window ends. */
  delete(takeId: string, label: string): void {
    if (this.isHidden(takeId)) return;
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
    // Hidden as deleted before the write ends, so the take does not flash back in the list.
    this.gone.add(takeId);
    this.changed();
    try {
      await this.options.commit(takeId);
    } catch (e) {
      this.gone.delete(takeId);
      this.changed();
      this.options.onError?.(takeId, e);
    }
  }

  private changed(): void {
    this.version++;
    for (const listener of [...this.listeners]) listener();
  }
}
