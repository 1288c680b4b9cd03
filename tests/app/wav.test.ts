import { describe, expect, it } from 'vitest';
import { encodeWavMono16 } from '../../src/audio/wav.ts';
import { encodeWav } from '../helpers/wav.ts';

describe('listen-back WAV', () => {
  it('is the same 16-bit mono file the test helper (and a WAV export) writes', () => {
    const x = Float32Array.from({ length: 1000 }, (_, i) => Math.sin(i / 7) * 0.8);
    x[3] = 1;
    x[4] = -1;
    expect(encodeWavMono16(x, 44100)).toEqual(encodeWav([x], 44100, 16));
  });
});
