/**
 * Scratch files for a call's stored 16 kHz signal (src/analysis signal-store.ts ScratchFile) in the origin's
 * private file system, read and written through a synchronous access handle (dedicated workers only): an hour
 * of stereo keeps its 230 MB there instead of in the tab's memory. Each file is the worker's own: it is
 * closed and deleted when the analysis ends, and one a stopped worker left (a cancelled import, a closed tab)
 * is deleted by the next import's sweep; a file another import is using is locked, so the sweep leaves it.
 */
import type { ScratchFile } from '../analysis/index.ts';

/** The folder of the scratch files in the origin's private file system. */
export const SCRATCH_DIR = 'call-scratch';

/** A scratch file with its owner's release: close and delete it (safe to call twice). */
export interface OwnedScratchFile extends ScratchFile {
  release(): Promise<void>;
}

/** Where a call analysis gets its scratch files (the private file system in the workers, a fake in tests). */
export interface ScratchHost {
  /** A new scratch file, or null when none can be had (the signal then stays in memory). */
  open(): Promise<OwnedScratchFile | null>;
  /** Delete the scratch files no analysis holds open. */
  sweep(): Promise<void>;
}

// The synchronous access handle's part used here (lib.webworker's FileSystemSyncAccessHandle).
interface SyncHandle {
  read(into: Uint8Array, options: { at: number }): number;
  write(bytes: Uint8Array, options: { at: number }): number;
  close(): void;
}

async function scratchDir(create: boolean): Promise<FileSystemDirectoryHandle | null> {
  try {
    const root = await navigator.storage.getDirectory();
    return await root.getDirectoryHandle(SCRATCH_DIR, { create });
  } catch {
    return null;
  }
}

async function openScratchFile(): Promise<OwnedScratchFile | null> {
  const dir = await scratchDir(true);
  if (dir === null) return null;
  const name = `${Date.now()}-${crypto.randomUUID()}.pcm`;
  let handle: SyncHandle;
  try {
    const file = await dir.getFileHandle(name, { create: true });
    handle = (await (file as unknown as { createSyncAccessHandle(): Promise<SyncHandle> }).createSyncAccessHandle());
  } catch {
    await dir.removeEntry(name).catch(() => undefined);
    return null;
  }
  let open = true;
  return {
    write(atByte, bytes) {
      const n = handle.write(bytes, { at: atByte });
      if (n !== bytes.length) throw new Error(`the scratch file took ${n} of ${bytes.length} bytes`);
    },
    read(atByte, into) {
      const n = handle.read(into, { at: atByte });
      if (n !== into.length) throw new Error(`the scratch file gave ${n} of ${into.length} bytes`);
    },
    async release() {
      if (!open) return;
      open = false;
      try {
        handle.close();
      } finally {
        await dir.removeEntry(name).catch(() => undefined);
      }
    },
  };
}

async function sweepScratchFiles(): Promise<void> {
  const dir = await scratchDir(false);
  if (dir === null) return;
  const names: string[] = [];
  for await (const name of (dir as unknown as { keys(): AsyncIterable<string> }).keys()) names.push(name);
  // A file held open by another analysis is locked: its removal fails and it stays.
  await Promise.all(names.map((name) => dir.removeEntry(name).catch(() => undefined)));
}

/** The private file system's scratch files. */
export const privateScratch: ScratchHost = { open: openScratchFile, sweep: sweepScratchFiles };
