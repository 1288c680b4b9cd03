/**
 * Feeds a call file into the call engine's stream without holding the decoded call: WAV files are read
 * in ~1 MB pieces by the pure reader the app's call worker uses too (src/media, over a file handle), with
 * its refusals (a file cut short is refused before any sample is read); other formats (and WAV encodings
 * that reader does not decode, such as GSM 6.10) are decoded by decode-file.ts, chunk by chunk as its
 * streaming decoders deliver them (formats it decodes whole arrive as one chunk), each pushed into the
 * stream and dropped.
 */
import { WavError, readWavLayout, wavBlocks, type WavLayout } from '../src/media/index.ts';
import { createCallStream, type CallStream } from './analysis.ts';
import { checkAudioFile, DECODE_LIMITS, DecodeError, decodeFileChunks, isWavFile, tooLongMessage, type DecodeLimits } from './decode-file.ts';
import { openFileBytes, type FileBytes } from './file-bytes.ts';
import { callScratch, type CallScratch } from './scratch-files.ts';

/** A file that is audio but not something the call analysis takes (the reason, for people). */
export class NotACallError extends Error {
  override name = 'NotACallError';
}

/** A call stream fed with the whole file, ready to finish; release() after it (its scratch files). */
export interface FedCall {
  stream: CallStream;
  release(): void;
}

/**
 * Read the call file at `path` into a new call stream, its stored signal in scratch files (scratch-files.ts).
 * `whyNot(channelCount)` refuses a file by its channel count before any sample is read. Throws DecodeError
 * (cannot read) or NotACallError, with every scratch file released.
 */
export async function feedCallFile(path: string, whyNot: (channelCount: number) => string | null, limits: DecodeLimits = DECODE_LIMITS): Promise<FedCall> {
  const scratch = callScratch();
  try {
    return { stream: await feedCallStream(path, whyNot, limits, scratch), release: scratch.release };
  } catch (err) {
    scratch.release();
    throw err;
  }
}

async function feedCallStream(path: string, whyNot: (channelCount: number) => string | null, limits: DecodeLimits, scratch: CallScratch): Promise<CallStream> {
  const sizeBytes = await checkAudioFile(path, limits);
  let wavCodec: WavError | null = null;
  if (await isWavFile(path, sizeBytes)) {
    try {
      return await feedWav(path, whyNot, limits, scratch);
    } catch (err) {
      if (!(err instanceof WavError && err.kind === 'codec')) throw err;
      wavCodec = err;
      scratch.release(); // before the full decoder starts a stream of its own
    }
  }
  const fed: { stream: CallStream | null } = { stream: null };
  try {
    await decodeFileChunks(
      path,
      (channels, sampleRateHz) => {
        fed.stream ??= startStream(sampleRateHz, channels.length, whyNot, scratch);
        fed.stream.push(channels);
      },
      limits,
    );
  } catch (err) {
    // A WAV encoding neither reader decodes: the shared reader's sentence, as the app gives it.
    if (wavCodec !== null && err instanceof DecodeError) throw new DecodeError(wavCodec.reason);
    throw err;
  }
  if (fed.stream === null) throw new DecodeError('the file contains no audio samples');
  return fed.stream;
}

/** A call stream for the file's format (each channel's signal in a scratch file), or NotACallError with the reason. */
function startStream(sampleRateHz: number, channelCount: number, whyNot: (channelCount: number) => string | null, scratch: CallScratch): CallStream {
  const why = whyNot(channelCount);
  if (why !== null) throw new NotACallError(why);
  try {
    return createCallStream(sampleRateHz, channelCount, { scratchFiles: Array.from({ length: channelCount }, () => scratch.open()) });
  } catch (err) {
    throw new NotACallError(err instanceof Error ? err.message : String(err));
  }
}

/** Feeds a WAV file; throws WavError of kind codec (for the full decoder), DecodeError or NotACallError. */
async function feedWav(path: string, whyNot: (channelCount: number) => string | null, limits: DecodeLimits, scratch: CallScratch): Promise<CallStream> {
  let file: FileBytes;
  try {
    file = await openFileBytes(path);
  } catch (err) {
    throw new DecodeError(`cannot read the file (${err instanceof Error ? err.message : String(err)})`);
  }
  try {
    const layout = await asDecodeError(() => readWavLayout(file.read, file.sizeBytes, path));
    const stream = startStream(layout.sampleRateHz, layout.channelCount, whyNot, scratch);
    // The stream keeps nothing it is pushed: one buffer and one set of arrays serve every piece.
    const blocks = wavBlocks(file.read, layout, path, { reuse: true });
    for (;;) {
      const next = await asDecodeError(() => blocks.next());
      if (next.done === true) break;
      checkBlock(next.value, layout);
      stream.push(next.value);
      if (stream.fedSec > limits.maxDurationSec) throw new DecodeError(tooLongMessage(limits));
    }
    return stream;
  } finally {
    await file.close();
  }
}

function checkBlock(channels: Float32Array[], layout: WavLayout): void {
  if (layout.encoding === 'float' && channels.some((c) => c.some((x) => !Number.isFinite(x)))) throw new DecodeError('the audio contains invalid samples (NaN or infinity)');
}

/** The reader's refusals as DecodeError (its reason: the CLI's line names the file), but codec passed on for the full decoder. */
async function asDecodeError<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof WavError && err.kind !== 'codec') throw new DecodeError(err.reason);
    if (err instanceof WavError) throw err;
    if (err instanceof DecodeError || err instanceof NotACallError) throw err;
    throw new DecodeError(`cannot read the file (${err instanceof Error ? err.message : String(err)})`);
  }
}
