/**
 * The files --textgrid and --tracks write: checked before anything is analysed (a folder that is not
 * there, a directory, no permission, or a file that is one of the inputs is a UsageError), written after.
 */
import { constants } from 'node:fs';
import { access, stat, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { UsageError } from './args.ts';

/** An export of `voicedrill analyze`: its flag, what it holds (for messages) and its path. */
export interface ExportTarget {
  flag: '--textgrid' | '--tracks';
  what: string;
  path: string;
}

function reason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EROFS') return 'the disk is read-only';
  if (code === 'ENOSPC') return 'the disk is full';
  if (code === 'EISDIR') return 'it is a directory';
  return (err as Error).message;
}

/**
 * Throws a UsageError when `target` cannot be written, or is the same file (links included) as one of
 * `inputs` (the recording, the script, bands or baseline files), which is never overwritten.
 */
export async function checkExportTarget(target: ExportTarget, inputs: readonly string[]): Promise<void> {
  const { flag, what, path } = target;
  const existing = await stat(path).catch(() => null);
  if (existing === null) {
    const folder = dirname(resolve(path));
    const parent = await stat(folder).catch(() => null);
    if (parent === null || !parent.isDirectory()) throw new UsageError(`cannot write the ${what} to ${path}: the folder ${folder} does not exist`);
    await access(folder, constants.W_OK).catch((err: unknown) => {
      throw new UsageError(`cannot write the ${what} to ${path}: ${reason(err)}`);
    });
    return;
  }
  if (existing.isDirectory()) throw new UsageError(`cannot write the ${what} to ${path}: it is a directory; give a file name`);
  for (const input of inputs) {
    const other = await stat(input).catch(() => null);
    if (other !== null && other.dev === existing.dev && other.ino === existing.ino) {
      throw new UsageError(`${flag} ${path} is the input file ${input}; give another path, the input is never overwritten`);
    }
  }
  await access(path, constants.W_OK).catch((err: unknown) => {
    throw new UsageError(`cannot write the ${what} to ${path}: ${reason(err)}`);
  });
}

/** Writes an export as UTF-8; returns null, or the sentence saying why it could not be written. */
export async function writeExport(target: ExportTarget, text: string): Promise<string | null> {
  try {
    await writeFile(target.path, text, 'utf8');
    return null;
  } catch (err) {
    return `cannot write the ${target.what} to ${target.path}: ${reason(err)}`;
  }
}
