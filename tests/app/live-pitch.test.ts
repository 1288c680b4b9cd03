import { describe, expect, it } from 'vitest';
import { blockLevelDbfs } from '../../src/capture/level-meter-model.ts';
import { LIVE_MIN_LEVEL_DBFS, LivePitch } from '../../src/audio/worklets/live-pitch.ts';
import { pitchY } from '../../src/capture/pitch-scale.ts';

function voiced(f0Hz: number, rateHz: number, sec: number, amp = 0.2): Float32Array {
  // A few harmonics with falling amplitude, like a voiced vowel.
  return Float32Array.from({ length: Math.round(sec * rateHz) }, (_, i) => {
    const t = i / rateHz;
    return amp * (Math.sin(2 * Math.PI * f0Hz * t) + 0.5 * Math.sin(4 * Math.PI * f0Hz * t) + 0.25 * Math.sin(6 * Math.PI * f0Hz * t));
  });
}

function lastEstimate(rateHz: number, signal: Float32Array): number | null {
  const live = new LivePitch(rateHz);
  const block = Math.round(0.05 * rateHz);
  let hz: number | null = null;
  for (let i = 0; i + block <= signal.length; i += block) {
    const b = signal.subarray(i, i + block);
    hz = live.push(b, blockLevelDbfs(b));
  }
  return hz;
}

describe('live pitch (YIN on a cheap 8 kHz copy)', () => {
  it.each([[48000, 110], [48000, 220], [44100, 150], [16000, 300]])('finds F0 at %i Hz for a %i Hz voice within 2 %%', (rate, f0) => {
    const hz = lastEstimate(rate, voiced(f0, rate, 0.3));
    expect(hz).not.toBeNull();
    expect(Math.abs((hz as number) / f0 - 1)).toBeLessThan(0.02);
  });

  it('gives nothing for quiet blocks or noise', () => {
    expect(lastEstimate(48000, voiced(150, 48000, 0.3, 10 ** (LIVE_MIN_LEVEL_DBFS / 20) / 4))).toBeNull();
    let seed = 7;
    const noise = Float32Array.from({ length: 14400 }, () => { seed = (seed * 16807) % 2147483647; return (seed / 2147483647 - 0.5) * 0.5; });
    expect(lastEstimate(48000, noise)).toBeNull();
  });

  it('needs a full frame before the first estimate', () => {
    const live = new LivePitch(48000);
    const b = voiced(150, 48000, 0.01);
    expect(live.push(b, blockLevelDbfs(b))).toBeNull();
  });

  it('maps pitch to height on a log scale', () => {
    expect(pitchY(60, 60, 480)).toBe(1);
    expect(pitchY(480, 60, 480)).toBe(0);
    expect(pitchY(120, 60, 480)).toBeCloseTo(2 / 3, 9);
    expect(pitchY(1000, 60, 480)).toBe(0);
  });
});
