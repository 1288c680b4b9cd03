import { describe, expect, it } from 'vitest';
import { holdBusy, isBusy, onBusyChange } from '../../src/pwa/busy.ts';
import { nextUpdateState, type UpdateEvent, type UpdateState } from '../../src/pwa/update-model.ts';

const run = (events: UpdateEvent[], from: UpdateState = { kind: 'none' }): UpdateState => events.reduce(nextUpdateState, from);

describe('update prompt model', () => {
  it('offers a waiting version and applies it at once when idle', () => {
    expect(run([{ type: 'waiting' }])).toEqual({ kind: 'available', afterTake: false });
    expect(run([{ type: 'waiting' }, { type: 'accept', busy: false }])).toEqual({ kind: 'applying' });
  });

  it('never applies mid-take: an accept while busy waits, then asks again once the take is done', () => {
    const deferred = run([{ type: 'waiting' }, { type: 'accept', busy: true }]);
    expect(deferred).toEqual({ kind: 'deferred' });
    expect(nextUpdateState(deferred, { type: 'waiting' })).toEqual({ kind: 'deferred' });
    const again = nextUpdateState(deferred, { type: 'idle' });
    expect(again).toEqual({ kind: 'available', afterTake: true });
    expect(nextUpdateState(again, { type: 'accept', busy: false })).toEqual({ kind: 'applying' });
    expect(nextUpdateState(again, { type: 'accept', busy: true })).toEqual({ kind: 'deferred' });
  });

  it('does nothing without an accepted update', () => {
    expect(run([{ type: 'accept', busy: false }])).toEqual({ kind: 'none' });
    expect(run([{ type: 'idle' }])).toEqual({ kind: 'none' });
    expect(run([{ type: 'waiting' }, { type: 'dismiss' }, { type: 'idle' }])).toEqual({ kind: 'dismissed' });
    expect(run([{ type: 'waiting' }, { type: 'dismiss' }, { type: 'waiting' }])).toEqual({ kind: 'available', afterTake: false });
  });
});

describe('busy guard', () => {
  it('is busy while any hold is held, and tells listeners', () => {
    const seen: boolean[] = [];
    const off = onBusyChange((b) => seen.push(b));
    const releaseA = holdBusy('recording');
    const releaseB = holdBusy('analysis');
    releaseA();
    expect(isBusy()).toBe(true);
    releaseB();
    releaseB();
    expect(isBusy()).toBe(false);
    off();
    expect(seen).toEqual([true, true, true, false]);
  });
});
