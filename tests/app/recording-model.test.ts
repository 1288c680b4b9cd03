import { describe, expect, it } from 'vitest';
import {
  DEFAULT_COUNT_IN_SEC, MAX_TAKE_SEC, NO_SPEECH_STOP_SEC, NO_SPEECH_WARN_SEC, RecordingModel, SILENCE_STOP_SEC, SPEECH_START_SEC, VOICE_MIN_DBFS,
} from '../../src/capture/recording-model.ts';

const RATE = 48000;
const BLOCK = 2400; // 50 ms, the worklet's block

/** A 50 ms block of a 200 Hz tone at the given RMS level (dBFS), or digital silence for null. */
function block(levelDbfs: number | null, length = BLOCK): Float32Array {
  const out = new Float32Array(length);
  if (levelDbfs === null) return out;
  const amp = Math.SQRT2 * 10 ** (levelDbfs / 20);
  for (let i = 0; i < length; i++) out[i] = amp * Math.sin((2 * Math.PI * 200 * i) / RATE);
  return out;
}

function feed(model: RecordingModel, sec: number, levelDbfs: number | null) {
  const outcomes = [];
  for (let i = 0; i < Math.round(sec / 0.05); i++) outcomes.push(model.push(block(levelDbfs)));
  return outcomes;
}

describe('count-in', () => {
  it('discards the count-in and keeps what follows, splitting a block that straddles its end', () => {
    const model = new RecordingModel(RATE, { countInSec: 0.12, maxSec: 60 });
    expect(model.phase).toBe('countIn');
    expect(model.push(block(-30)).keep).toBeNull(); // 0.05 s
    expect(model.push(block(-30)).keep).toBeNull(); // 0.10 s
    expect(model.countInRemainingSec).toBeCloseTo(0.02, 6);
    const third = model.push(block(-30));
    expect(model.phase).toBe('recording');
    expect(third.keep?.length).toBe(BLOCK - 0.02 * RATE);
    expect(model.elapsedSec).toBeCloseTo(0.03, 6);
  });

  it('defaults to 3 s and can be skipped or switched off', () => {
    expect(DEFAULT_COUNT_IN_SEC).toBe(3);
    const model = new RecordingModel(RATE, { countInSec: DEFAULT_COUNT_IN_SEC, maxSec: 60 });
    feed(model, 1, null);
    expect(model.countInRemainingSec).toBeCloseTo(2, 6);
    model.skipCountIn();
    expect(model.phase).toBe('recording');
    expect(model.push(block(-30)).keep?.length).toBe(BLOCK);
    expect(new RecordingModel(RATE, { countInSec: 0, maxSec: 60 }).phase).toBe('recording');
  });
});

describe('auto-stop after silence that follows speech', () => {
  it('never stops for "silence" before any speech (only the no-speech stop applies)', () => {
    const model = new RecordingModel(RATE, { countInSec: 0, maxSec: 60 });
    const outcomes = feed(model, NO_SPEECH_STOP_SEC - 0.05, null);
    expect(outcomes.every((o) => o.stop === null)).toBe(true);
    expect(model.phase).toBe('recording');
  });

  it(`stops ${SILENCE_STOP_SEC} s after the speech ends, on the block that completes the silence`, () => {
    const model = new RecordingModel(RATE, { countInSec: 0, maxSec: 60 });
    feed(model, 1, -60); // a quiet room sets the floor
    feed(model, 2, -22); // speech
    expect(model.speechHeard).toBe(true);
    const silence = feed(model, 1.95, -60); // 39 blocks
    expect(silence.every((o) => o.stop === null)).toBe(true);
    const [last] = feed(model, 0.05, -60);
    expect(last.stop).toBe('silence');
    expect(model.phase).toBe('stopped');
    expect(model.stopReason).toBe('silence');
    expect(model.elapsedSec).toBeCloseTo(5, 6);
    // Nothing is kept once stopped.
    expect(model.push(block(-22)).keep).toBeNull();
  });

  it('a pause shorter than the limit does not stop, and the silence count restarts with speech', () => {
    const model = new RecordingModel(RATE, { countInSec: 0, maxSec: 60 });
    feed(model, 1, -22);
    expect(feed(model, 1.5, null).some((o) => o.stop !== null)).toBe(false);
    feed(model, 0.5, -22);
    expect(feed(model, 1.5, null).some((o) => o.stop !== null)).toBe(false);
    expect(model.phase).toBe('recording');
  });

  it(`a click shorter than ${SPEECH_START_SEC} s is not speech`, () => {
    const model = new RecordingModel(RATE, { countInSec: 0, maxSec: 60 });
    feed(model, 0.1, -20);
    expect(model.speechHeard).toBe(false);
    expect(feed(model, 5, null).some((o) => o.stop !== null)).toBe(false);
  });

  it('judges voice against the room: a steady fan above the absolute minimum is not speech', () => {
    const model = new RecordingModel(RATE, { countInSec: 0, maxSec: 60 });
    feed(model, 3, VOICE_MIN_DBFS + 10); // steady noise, never 15 dB above itself
    expect(model.speechHeard).toBe(false);
    feed(model, 1, VOICE_MIN_DBFS + 30);
    expect(model.speechHeard).toBe(true);
    expect(model.floorLevelDbfs).toBeCloseTo(VOICE_MIN_DBFS + 10, 1);
  });
});

describe('a silent microphone', () => {
  it(`warns after ${NO_SPEECH_WARN_SEC} s and stops after ${NO_SPEECH_STOP_SEC} s of nothing since recording began`, () => {
    expect(NO_SPEECH_WARN_SEC).toBeLessThan(NO_SPEECH_STOP_SEC);
    const model = new RecordingModel(RATE, { countInSec: 3, maxSec: 60 });
    feed(model, 3, null); // the count-in does not count
    expect(model.noSpeechWarning).toBe(false);
    feed(model, NO_SPEECH_WARN_SEC - 0.05, null);
    expect(model.noSpeechWarning).toBe(false);
    feed(model, 0.05, null);
    expect(model.noSpeechWarning).toBe(true);
    const rest = feed(model, NO_SPEECH_STOP_SEC - NO_SPEECH_WARN_SEC, null);
    expect(rest.slice(0, -1).every((o) => o.stop === null)).toBe(true);
    expect(rest[rest.length - 1].stop).toBe('noSpeech');
    expect(model.stopReason).toBe('noSpeech');
    expect(model.elapsedSec).toBeCloseTo(NO_SPEECH_STOP_SEC, 6);
  });

  it('a steady hum is nothing too, but speech before the stop clears the warning and keeps recording', () => {
    const hum = new RecordingModel(RATE, { countInSec: 0, maxSec: 60 });
    expect(feed(hum, NO_SPEECH_STOP_SEC, -45).some((o) => o.stop === 'noSpeech')).toBe(true);
    const late = new RecordingModel(RATE, { countInSec: 0, maxSec: 60 });
    feed(late, NO_SPEECH_WARN_SEC + 1, -60);
    expect(late.noSpeechWarning).toBe(true);
    feed(late, 1, -22); // the agent unmutes and speaks
    expect(late.noSpeechWarning).toBe(false);
    expect(feed(late, 1, -22).every((o) => o.stop === null)).toBe(true);
    feed(late, 30, -22);
    expect(late.elapsedSec).toBeGreaterThan(NO_SPEECH_STOP_SEC);
    expect(late.phase).toBe('recording');
  });
});

describe('maximum length', () => {
  it('stops at the limit and keeps exactly the limit', () => {
    const model = new RecordingModel(RATE, { countInSec: 0, maxSec: 1.02 });
    const outcomes = feed(model, 1.1, -22);
    const kept = outcomes.reduce((n, o) => n + (o.keep?.length ?? 0), 0);
    expect(kept).toBe(Math.round(1.02 * RATE));
    expect(outcomes.find((o) => o.stop !== null)?.stop).toBe('limit');
    expect(model.stopReason).toBe('limit');
  });

  it('is 60 s for greetings and 120 s for passages', () => {
    expect(MAX_TAKE_SEC).toEqual({ greeting3: 60, greeting4: 60, passage: 120 });
  });
});

describe('stop on request', () => {
  it('keeps the first reason', () => {
    const model = new RecordingModel(RATE, { countInSec: 0, maxSec: 60 });
    model.stop('user');
    model.stop('silence');
    expect(model.stopReason).toBe('user');
    model.skipCountIn();
    expect(model.phase).toBe('stopped');
  });
});
