/**
 * Feeds a call file into the call engine's stream without holding the decoded call: WAV files are read
 * in ~1 MB pieces (wav-stream.ts); other formats (and WAV encodings that reader does not decode, such as
 * µ-law) are decoded by decode-file.ts, chunk by chunk as its streaming decoders deliver them (formats it
 * decodes whole arrive as one chunk), each pushed into the stream and dropped.
 */
import { createCallStream, type CallStream } from './analysis.ts';
import { checkAudioFile, DECODE_LIMITS, DecodeError, decodeFileChunks, isWavFile, tooLongMessage, type DecodeLimits } from './decode-file.ts';
import { readWavChunks, WavEncodingError, WavError } from './wav-stream.ts';
import { wavFileTruncation } from './decode-checks.ts';

/** A file that is audio but not something the call analysis takes (the reason, for people). */
export class NotACallError extends Error {
  override name = 'NotACallError';
}

/** A call stream fed with the whole file, ready to finish. */
export interface FedCall {
  stream: CallStream;
}

/**
 * Read the call file at `path` into a new call stream. `whyNot(channelCount)` refuses a file by its
 * channel count before any sample is read. Throws DecodeError (cannot read) or NotACallError.
 */
export async function feedCallFile(path: string, whyNot: (channelCount: number) => string | null, limits: DecodeLimits = DECODE_LIMITS): Promise<FedCall> {
  const sizeBytes = await checkAudioFile(path, limits);
  if (await isWavFile(path, sizeBytes)) {
    // A WAV cut short is refused, as the app refuses it (decode-checks.ts), not analysed as a whole call.
    const truncated = await wavFileTruncation(path, sizeBytes);
    if (truncated !== null) throw new DecodeError(truncated);
    try {
      return await feedWav(path, whyNot, limits);
    } catch (err) {
      if (!(err instanceof WavEncodingError)) throw err;
    }
  }
  const fed: { stream: CallStream | null } = { stream: null };
  await decodeFileChunks(
    path,
    (channels, sampleRateHz) => {
      fed.stream ??= startStream(sampleRateHz, channels.length, whyNot);
      fed.stream.push(channels);
    },
    limits,
  );
  if (fed.stream === null) throw new DecodeError('the file contains no audio samples');
  return { stream: fed.stream };
}

/** A call stream for the file's format, or NotACallError with the reason. */
function startStream(sampleRateHz: number, channelCount: number, whyNot: (channelCount: number) => string | null): CallStream {
  const why = whyNot(channelCount);
  if (why !== null) throw new NotACallError(why);
  try {
    return createCallStream(sampleRateHz, channelCount);
  } catch (err) {
    throw new NotACallError(err instanceof Error ? err.message : String(err));
  }
}

async function feedWav(path: string, whyNot: (channelCount: number) => string | null, limits: DecodeLimits): Promise<FedCall> {
  let stream: CallStream | null = null;
  let float = false;
  let end;
  try {
    end = await readWavChunks(
      path,
      (format) => {
        float = format.float;
        stream = startStream(format.sampleRateHz, format.channelCount, whyNot);
      },
      (channels) => {
        const s = stream as CallStream;
        if (float && channels.some((c) => c.some((x) => !Number.isFinite(x)))) throw new DecodeError('the audio contains invalid samples (NaN or infinity)');
        s.push(channels);
        if (s.fedSec > limits.maxDurationSec) throw new DecodeError(tooLongMessage(limits));
      },
    );
  } catch (err) {
    if (err instanceof WavEncodingError || err instanceof NotACallError || err instanceof DecodeError) throw err;
    if (err instanceof WavError) throw new DecodeError(err.message);
    throw new DecodeError(`cannot read the file (${err instanceof Error ? err.message : String(err)})`);
  }
  if (stream === null || end.frames === 0) throw new DecodeError('the file contains no audio samples');
  // wavFileTruncation refused a short data chunk before reading; the reader's own count is the backstop.
  if (end.truncated) throw new DecodeError('the file is truncated: it ends before the length its header declares');
  return { stream };
}
