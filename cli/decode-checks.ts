/**
 * Checks that tell a damaged file from a good one where the decoders do not: a WAV whose data stops
 * before its header says (cut off while copying or recording; src/media's reader says why), and decoders that report a damaged frame
 * only on the console (mpg123 and the FLAC decoder print it and carry on with the frames they could read).
 */
import { mp4Truncation, readWavLayout, WavError } from '../src/media/index.ts';
import { openFileBytes } from './file-bytes.ts';

/**
 * Why the WAV file at `path` is truncated (its data chunk declares more bytes than the file holds), in the
 * words of the WAV reader the call command and the app share, or null. Null too for any other problem
 * with the header: the decoder then has the last word.
 */
export async function wavFileTruncation(path: string): Promise<string | null> {
  const file = await openFileBytes(path);
  try {
    await readWavLayout(file.read, file.sizeBytes, path);
    return null;
  } catch (err) {
    if (err instanceof WavError) return err.kind === 'truncated' ? err.reason : null;
    throw err;
  } finally {
    await file.close();
  }
}

/** Why the MP4 / M4A file at `path` is truncated (a top-level box runs past its end: src/media), or null. */
export async function mp4FileTruncation(path: string): Promise<string | null> {
  const file = await openFileBytes(path);
  try {
    return await mp4Truncation(file.read, file.sizeBytes);
  } finally {
    await file.close();
  }
}

/**
 * Runs `work` with console.error captured (the decoders' only report of a damaged frame) and returns the
 * messages with its result; console.error is restored whatever happens. The CLI decodes one file at a time.
 */
export async function withDecoderErrors<T>(work: () => Promise<T>): Promise<{ result: T; errors: string[] }> {
  const errors: string[] = [];
  const original = console.error;
  console.error = (...parts: unknown[]): void => {
    errors.push(parts.map(String).join(' ').replace(/\s+/g, ' ').trim());
  };
  try {
    return { result: await work(), errors };
  } finally {
    console.error = original;
  }
}

/** The sentence for a file whose decoder reported damaged frames. */
export function damagedFramesMessage(errors: readonly string[]): string {
  const first = errors[0].replace(/^[^:]*decoders?[^:]*:\s*/i, '');
  return `the audio data is damaged: the decoder could not read ${errors.length} part${errors.length === 1 ? '' : 's'} of it (${first})`;
}
