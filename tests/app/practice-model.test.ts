import { describe, expect, it } from 'vitest';
import {
  canStart, countInNumber, INITIAL_PRACTICE, isCapturing, practiceReducer, spaceAction, statusMessage, stopNotice, type PracticeEvent, type PracticeState,
} from '../../src/features/practice/practice-model.ts';

function run(...events: PracticeEvent[]): PracticeState {
  return events.reduce(practiceReducer, INITIAL_PRACTICE);
}

describe('practice state machine', () => {
  it('goes idle → asking → count-in → recording → finishing → analysing → scorecard', () => {
    const asking = run({ type: 'start', maxSec: 60 });
    expect(asking.phase).toBe('asking');
    expect(statusMessage(asking)?.key).toBe('mic.asking');
    const counting = practiceReducer(asking, { type: 'progress', countInRemainingSec: 2.4, elapsedSec: 0 });
    expect(counting.phase).toBe('countIn');
    expect(statusMessage(counting)).toEqual({ key: 'practice.countIn', params: { count: 3 } });
    const recording = practiceReducer(counting, { type: 'progress', countInRemainingSec: 0, elapsedSec: 1.5 });
    expect(recording.phase).toBe('recording');
    expect(isCapturing(recording)).toBe(true);
    const finishing = practiceReducer(recording, { type: 'stopping', reason: 'silence' });
    expect(finishing.phase).toBe('finishing');
    const done = [{ type: 'analysing' } as const, { type: 'analysed' } as const].reduce(practiceReducer, finishing);
    expect(done.phase).toBe('scorecard');
    expect(done.stopReason).toBe('silence');
    expect(canStart(done)).toBe(true);
    expect(practiceReducer(done, { type: 'reset' })).toEqual(INITIAL_PRACTICE);
  });

  it('turns a microphone failure into its kind, and lets the agent try again', () => {
    const denied = run({ type: 'start', maxSec: 60 }, { type: 'micFailed', kind: 'denied' });
    expect(denied.phase).toBe('micError');
    expect(denied.micError).toBe('denied');
    expect(canStart(denied)).toBe(true);
    expect(practiceReducer(denied, { type: 'start', maxSec: 60 }).micError).toBeNull();
  });

  it('ignores events that do not fit the phase', () => {
    expect(run({ type: 'micFailed', kind: 'busy' })).toEqual(INITIAL_PRACTICE);
    expect(run({ type: 'progress', countInRemainingSec: 0, elapsedSec: 3 })).toEqual(INITIAL_PRACTICE);
    expect(run({ type: 'stopping', reason: 'user' })).toEqual(INITIAL_PRACTICE);
    const recording = run({ type: 'start', maxSec: 60 }, { type: 'progress', countInRemainingSec: 0, elapsedSec: 1 });
    expect(practiceReducer(recording, { type: 'start', maxSec: 60 })).toBe(recording);
    expect(practiceReducer(recording, { type: 'reset' })).toBe(recording);
  });

  it('keeps a storage failure beside the take, and an analysis failure as its sentence', () => {
    const s = run({ type: 'start', maxSec: 60 }, { type: 'progress', countInRemainingSec: 0, elapsedSec: 1 },
      { type: 'storageFailed', kind: 'quota' }, { type: 'stopping', reason: 'storage' }, { type: 'failed', text: null });
    expect(s.phase).toBe('error');
    expect(s.storageError).toBe('quota');
    expect(s.errorText).toBeNull();
    expect(run({ type: 'analysing' }, { type: 'failed', text: 'The analysis failed: x.' }).errorText).toBe('The analysis failed: x.');
  });
});

describe('Space', () => {
  it('starts, ends the count-in, stops; does nothing while busy', () => {
    expect(spaceAction(INITIAL_PRACTICE)).toBe('start');
    const start = run({ type: 'start', maxSec: 60 });
    expect(spaceAction(start)).toBeNull();
    expect(spaceAction(practiceReducer(start, { type: 'progress', countInRemainingSec: 1, elapsedSec: 0 }))).toBe('skipCountIn');
    const rec = practiceReducer(start, { type: 'progress', countInRemainingSec: 0, elapsedSec: 0.5 });
    expect(spaceAction(rec)).toBe('stop');
    expect(spaceAction(practiceReducer(rec, { type: 'stopping', reason: 'user' }))).toBeNull();
  });
});

describe('texts', () => {
  it('counts in 3, 2, 1', () => {
    expect([3, 2.5, 2, 1.01, 0.2].map(countInNumber)).toEqual([3, 3, 2, 2, 1]);
  });

  it('says why a take stopped by itself', () => {
    const base = run({ type: 'start', maxSec: 120 }, { type: 'progress', countInRemainingSec: 0, elapsedSec: 1 });
    expect(stopNotice(practiceReducer(base, { type: 'stopping', reason: 'user' }))).toBeNull();
    expect(stopNotice(practiceReducer(base, { type: 'stopping', reason: 'silence' }))).toEqual({ key: 'practice.autoStop.silence', params: { seconds: 2 } });
    expect(stopNotice(practiceReducer(base, { type: 'stopping', reason: 'limit' }))).toEqual({ key: 'practice.autoStop.limit', params: { minutes: 2 } });
    expect(stopNotice(practiceReducer(base, { type: 'stopping', reason: 'noSpeech' }))).toEqual({ key: 'practice.autoStop.noSpeech', params: { seconds: 10 } });
  });

  it('carries the no-speech warning while recording only', () => {
    const quiet = run({ type: 'start', maxSec: 60 }, { type: 'progress', countInRemainingSec: 0, elapsedSec: 5, noSpeechWarning: true });
    expect(quiet.noSpeechWarning).toBe(true);
    expect(practiceReducer(quiet, { type: 'progress', countInRemainingSec: 0, elapsedSec: 6, noSpeechWarning: false }).noSpeechWarning).toBe(false);
    expect(run({ type: 'start', maxSec: 60 }, { type: 'progress', countInRemainingSec: 1, elapsedSec: 0, noSpeechWarning: true }).noSpeechWarning).toBe(false);
    expect(practiceReducer(quiet, { type: 'stopping', reason: 'noSpeech' }).noSpeechWarning).toBe(true);
  });
});
