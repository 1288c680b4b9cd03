/** A file on disk as the pure readers' ReadBytes (src/media): positioned reads through one handle, closed by `close`. */
import { open } from 'node:fs/promises';
import type { ReadBytes } from '../src/media/index.ts';

/** An open file: its size, its bytes by position, and the handle's release. */
export interface FileBytes {
  sizeBytes: number;
  read: ReadBytes;
  close(): Promise<void>;
}

/** Open the file at `path` for reading by position; the caller closes it. */
export async function openFileBytes(path: string): Promise<FileBytes> {
  const fh = await open(path, 'r');
  try {
    const sizeBytes = (await fh.stat()).size;
    return {
      sizeBytes,
      read: async (offset, length, into) => {
        const want = Math.max(0, Math.min(length, sizeBytes - offset));
        const bytes = into && into.length >= want ? into.subarray(0, want) : new Uint8Array(want);
        const { bytesRead } = await fh.read(bytes, 0, want, offset);
        return bytes.subarray(0, bytesRead);
      },
      close: () => fh.close(),
    };
  } catch (err) {
    await fh.close();
    throw err;
  }
}
