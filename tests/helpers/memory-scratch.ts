/** A ScratchFile for tests (src/analysis/calls/signal-store.ts). */
import type { ScratchFile } from '../../src/analysis/calls/signal-store.ts';

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
