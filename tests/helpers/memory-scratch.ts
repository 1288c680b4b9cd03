/** A ScratchFile for tests (src/analysis/calls/signal-store.ts), and a call long enough to use one. */
import type { ScratchFile } from '../../src/analysis/calls/signal-store.ts';
import { buildCall, inSequence, type BuiltCall } from './planned-call.ts';

/** A scratch file in memory that counts its writes and reads and can be told to fail from the nth write. */
export function memoryScratch(failFromWrite = Infinity): { file: ScratchFile; seen: { writes: number; reads: number } } {
  let bytes = new Uint8Array(0);
  const seen = { writes: 0, reads: 0 };
  const file: ScratchFile = {
    write(atByte, data) {
      if (++seen.writes >= failFromWrite) throw new Error('storage full');
      if (atByte + data.length > bytes.length) {
        const grown = new Uint8Array(atByte + data.length);
        grown.set(bytes);
        bytes = grown;
      }
      bytes.set(data, atByte);
    },
    read(atByte, into) {
      seen.reads++;
      if (atByte + into.length > bytes.length) throw new Error('read past the end');
      into.set(bytes.subarray(atByte, atByte + into.length));
    },
  };
  return { file, seen };
}

/**
 * A 140 s 8 kHz stereo call, agent on the left: long enough that each channel fills two 16 kHz pages of the
 * signal store (65.5 s each), which go to a scratch file, the rest staying in memory.
 */
export function twoPageCall(): BuiltCall {
  return buildCall({
    sampleRateHz: 8000,
    durationSec: 140,
    agentChannel: 'left',
    utterances: inSequence(1, [
      { speaker: 'agent', syllables: 14, syllablesPerSec: 4, gapSec: 0 },
      { speaker: 'customer', syllables: 40, syllablesPerSec: 5, gapSec: 0.5 },
      { speaker: 'agent', syllables: 120, syllablesPerSec: 4.2, gapSec: 30 },
      { speaker: 'customer', syllables: 30, syllablesPerSec: 4.5, gapSec: 4 },
      { speaker: 'agent', syllables: 50, syllablesPerSec: 3.8, gapSec: 20 },
    ]),
  });
}
