import { describe, expect, it, vi } from 'vitest';
import { UNDO_WINDOW_MS, UndoDelete, type UndoTimers } from '../../src/takes/undo-delete.ts';

// Hand-driven timers: `run()` fires every timer still set.
function fakeTimers(): UndoTimers & { run: () => void; count: () => number } {
  const live = new Map<number, () => void>();
  let next = 0;
  return {
    set: (work) => { live.set(++next, work); return next; },
    clear: (handle) => { live.delete(handle as number); },
    run: () => { for (const [id, work] of [...live]) { live.delete(id); work(); } },
    count: () => live.size,
  };
}

// A list read from the store before any delete (listStamp() of a fresh model).
const LISTED_FIRST = 0;

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

describe('delete with undo', () => {
  it('hides the take at once and deletes it only when the window ends', async () => {
    const timers = fakeTimers();
    const commit = vi.fn(async () => undefined);
    const model = new UndoDelete({ commit, timers });
    const seen: number[] = [];
    model.subscribe(() => seen.push(model.getVersion()));
    model.delete('a', 'Take A');
    expect(model.isHidden('a', LISTED_FIRST)).toBe(true);
    expect(model.pendingDeletes()).toEqual([{ takeId: 'a', label: 'Take A' }]);
    expect(commit).not.toHaveBeenCalled();
    timers.run();
    await settle();
    expect(commit).toHaveBeenCalledWith('a');
    expect(model.pendingDeletes()).toEqual([]);
    expect(model.isHidden('a', LISTED_FIRST)).toBe(true); // deleted for good: stays out of the list
    expect(seen.length).toBeGreaterThanOrEqual(2);
  });

  it('undo within the window writes nothing and lists the take again', async () => {
    const timers = fakeTimers();
    const commit = vi.fn(async () => undefined);
    const model = new UndoDelete({ commit, timers });
    model.delete('a', 'A');
    model.delete('b', 'B');
    expect(model.undo('a')).toBe(true);
    expect(model.isHidden('a', LISTED_FIRST)).toBe(false);
    expect(model.pendingDeletes().map((p) => p.takeId)).toEqual(['b']);
    expect(timers.count()).toBe(1);
    timers.run();
    await settle();
    expect(commit.mock.calls).toEqual([['b']]);
    expect(model.undo('b')).toBe(false); // too late
  });

  it('leaving History deletes the pending takes now; a failed delete shows the take again', async () => {
    const timers = fakeTimers();
    const onError = vi.fn();
    const commit = vi.fn(async (id: string) => { if (id === 'bad') throw new Error('disk'); });
    const model = new UndoDelete({ commit, timers, onError });
    model.delete('ok', 'OK');
    model.delete('bad', 'Bad');
    await model.flush();
    expect(commit).toHaveBeenCalledTimes(2);
    expect(timers.count()).toBe(0);
    expect(model.isHidden('ok', LISTED_FIRST)).toBe(true);
    expect(model.isHidden('bad', LISTED_FIRST)).toBe(false);
    expect(onError).toHaveBeenCalledWith('bad', expect.any(Error));
  });

  it('dispose (the tab or store closes) cancels the timers and deletes nothing', () => {
    const timers = fakeTimers();
    const commit = vi.fn(async () => undefined);
    const model = new UndoDelete({ commit, timers });
    model.delete('a', 'A');
    model.dispose();
    timers.run();
    expect(commit).not.toHaveBeenCalled();
    expect(model.isHidden('a', LISTED_FIRST)).toBe(false);
  });

  it('uses an 8 s window with the real timers by default', () => {
    vi.useFakeTimers();
    try {
      const commit = vi.fn(async () => undefined);
      const model = new UndoDelete({ commit });
      model.delete('a', 'A');
      model.delete('a', 'A again'); // a second delete of the same take is ignored
      expect(model.pendingDeletes()).toHaveLength(1);
      vi.advanceTimersByTime(UNDO_WINDOW_MS - 1);
      expect(commit).not.toHaveBeenCalled();
      vi.advanceTimersByTime(1);
      expect(commit).toHaveBeenCalledTimes(1);
      expect(UNDO_WINDOW_MS).toBe(8000);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a take restored after its confirmed delete is shown by lists read since, and can be deleted again', async () => {
    const timers = fakeTimers();
    const stored = new Set(['a', 'b']);
    let release: () => void = () => undefined;
    const commit = vi.fn((id: string) => new Promise<void>((resolve) => { release = () => { stored.delete(id); resolve(); }; }));
    const model = new UndoDelete({ commit, timers });
    const listedBefore = model.listStamp();
    model.delete('a', 'A');
    const flushed = model.flush();
    // While the delete is being written, a list read now may or may not hold it: it stays hidden.
    const listedDuringWrite = model.listStamp();
    expect(model.isHidden('a', listedDuringWrite)).toBe(true);
    release();
    await flushed;
    expect(model.isHidden('a', listedBefore)).toBe(true); // that list still holds the deleted take
    expect(model.isHidden('a', listedDuringWrite)).toBe(true);
    expect(model.isHidden('b', listedBefore)).toBe(false);
    // A backup restores 'a': a list read now holds it, and it is shown (no reload needed).
    stored.add('a');
    const listedAfterRestore = model.listStamp();
    expect(model.isHidden('a', listedAfterRestore)).toBe(false);
    // It can be deleted again, with undo.
    model.delete('a', 'A');
    expect(model.pendingDeletes().map((p) => p.takeId)).toEqual(['a']);
    expect(model.isHidden('a', listedAfterRestore)).toBe(true);
    expect(model.undo('a')).toBe(true);
    expect(model.isHidden('a', listedAfterRestore)).toBe(false);
  });
});
