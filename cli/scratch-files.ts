/**
 * Scratch files for the call engine's stored 16 kHz signal (src/analysis signal-store.ts ScratchFile) in the
 * system's temporary folder: an hour of stereo keeps its 230 MB there instead of in the process. Each file is
 * unlinked as soon as it is open (the system keeps an open file's data), so nothing is left behind even when
 * the process is killed; where an open file cannot be unlinked, it is at release.
 */
import { closeSync, openSync, readSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ScratchFile } from './analysis.ts';

/** The scratch files of one call: one per channel, all closed by release(). */
export interface CallScratch {
  /** A new scratch file, or undefined when none can be made (the signal then stays in memory). */
  open(): ScratchFile | undefined;
  /** Close (and delete) every file opened. */
  release(): void;
}

/** Scratch files in `dir` (default: the system's temporary folder). */
export function callScratch(dir = tmpdir()): CallScratch {
  const held: { fd: number; path: string | null }[] = [];
  return {
    open() {
      const path = join(dir, `voicedrill-call-${process.pid}-${Date.now().toString(36)}-${held.length}.pcm`);
      let fd: number;
      try {
        fd = openSync(path, 'wx+', 0o600);
      } catch {
        return undefined;
      }
      const entry = { fd, path: path as string | null };
      try {
        unlinkSync(path);
        entry.path = null;
      } catch {
        // Kept until release (a system that does not unlink open files).
      }
      held.push(entry);
      return {
        write(atByte, bytes) {
          for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done, atByte + done);
        },
        read(atByte, into) {
          for (let done = 0; done < into.length; ) {
            const n = readSync(fd, into, done, into.length - done, atByte + done);
            if (n === 0) throw new Error(`the scratch file ended ${into.length - done} bytes early`);
            done += n;
          }
        },
      };
    },
    release() {
      for (const { fd, path } of held.splice(0)) {
        try {
          closeSync(fd);
          if (path !== null) unlinkSync(path);
        } catch {
          // Nothing more to do for this file; the others are still closed.
        }
      }
    },
  };
}
