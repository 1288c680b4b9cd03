/**
 * A call file as blocks of Float32 channels, read piece by piece: WAV by the pure chunked reader of
 * src/media over File.slice (the CLI reads with the same one over a file handle), anything else demuxed and decoded by mediabunny (WebCodecs) behind a BlobSource,
 * which reads the file in slices too. Failures become CallFileError with the file's name and why.
 */
import { callChannelsRefusal } from '../analysis/index.ts';
import { looksLikeMp4, looksLikeWav, mp4Truncation, readWavLayout, WavError, wavBlocks, type ReadBytes, type WavErrorKind } from '../media/index.ts';
import { CallFileError, type CallFileErrorKind } from './call-file-error.ts';

/** One decoded block. */
export interface SourceBlock {
  channels: Float32Array[];
  sampleRateHz: number;
}

/** An opened call file. */
export interface CallSource {
  /** Channels as the container says (blocks have as many). */
  channelCount: number;
  /** Length as the header says; null when it does not. */
  durationSec: number | null;
  blocks(): AsyncGenerator<SourceBlock>;
  /** Free what the reader holds (idempotent). */
  release(): void;
}

/** A File, or any Blob with a name (the reader slices it). */
export type CallFileLike = Blob & { readonly name: string };

/** Frames gathered from the decoder before a block is handed on (about 1 s at 48 kHz). */
const DECODED_BLOCK_FRAMES = 48_000;
/**
 * Encoder priming in front of raw ADTS AAC, frames at the stream's rate: one AAC frame (ffmpeg's and most
 * encoders' AAC-LC delay; the CLI's FAAD2 withholds the same frame).
 */
const AAC_PRIMING_FRAMES = 1024;

/**
 * Bytes per File.slice read. Chromium pays dearly per slice read (the bytes come from the browser process):
 * a 60-minute 635 MB WAV took 23 s to read in 0.5 MB slices and 9 s in 8 MB ones (measured in a page, load 9).
 */
export const FILE_PIECE_BYTES = 8 << 20;
/** Reads at least this long (the audio blocks, not the header walk) fetch the next piece ahead. */
const READ_AHEAD_FROM_BYTES = 1 << 16;

/**
 * Reads served from FILE_PIECE_BYTES pieces of the file on a fixed grid; a block read fetches the piece after
 * it ahead, so the next read overlaps the work on this one (the WAV reader reads in order). At most three
 * pieces are held, none once the end has been read; a read across two pieces is copied together, a longer
 * one read directly.
 */
export function pieceReader(file: Blob): ReadBytes {
  const pieces = new Map<number, Promise<Uint8Array>>();
  const piece = (k: number): Promise<Uint8Array> => {
    let p = pieces.get(k);
    if (p === undefined) {
      p = file.slice(k * FILE_PIECE_BYTES, Math.min(file.size, (k + 1) * FILE_PIECE_BYTES)).arrayBuffer().then((b) => new Uint8Array(b));
      // A piece fetched ahead and never awaited (the read stopped) must not be reported as an unhandled failure.
      p.catch(() => undefined);
      pieces.set(k, p);
    }
    return p;
  };
  return async (offset, length) => {
    const end = Math.min(file.size, offset + length);
    if (end <= offset) return new Uint8Array(0);
    const first = Math.floor(offset / FILE_PIECE_BYTES);
    const last = Math.floor((end - 1) / FILE_PIECE_BYTES);
    if (last - first > 1) return new Uint8Array(await file.slice(offset, end).arrayBuffer());
    for (const k of pieces.keys()) if (k < first) pieces.delete(k);
    if (length >= READ_AHEAD_FROM_BYTES && (last + 1) * FILE_PIECE_BYTES < file.size) void piece(last + 1);
    const a = await piece(first);
    const b = await piece(last);
    // The read that reaches the end lets the pieces go: the analysis after the reading needs that memory.
    if (end === file.size) pieces.clear();
    const from = offset - first * FILE_PIECE_BYTES;
    if (first === last) return a.subarray(from, end - first * FILE_PIECE_BYTES);
    const out = new Uint8Array(end - offset);
    out.set(a.subarray(from));
    out.set(b.subarray(0, end - last * FILE_PIECE_BYTES), a.length - from);
    return out;
  };
}

function checkChannels(count: number, name: string): void {
  const why = callChannelsRefusal(count);
  if (why !== null) throw new CallFileError('channels', `${name}: ${why}.`, count);
}

const WAV_ERROR_KINDS: Record<WavErrorKind, CallFileErrorKind> = { notWav: 'notAudio', truncated: 'truncated', corrupt: 'corrupt', codec: 'codec', empty: 'empty' };

/** The WAV reader's refusal as the UI's kind, with its message (the file's name and why). */
function fromWavError<T>(work: () => Promise<T>): Promise<T> {
  return work().catch((e: unknown) => {
    throw e instanceof WavError ? new CallFileError(WAV_ERROR_KINDS[e.kind], e.message) : e;
  });
}

/** Reads as asked, one File.slice each. */
function directReader(file: Blob): ReadBytes {
  return async (offset, length) => new Uint8Array(await file.slice(offset, Math.min(file.size, offset + length)).arrayBuffer());
}

/** How a source hands out its blocks. */
export interface CallSourceOptions {
  /**
   * A WAV's channel arrays are reused piece after piece; one transferred away meanwhile is replaced by the
   * array this gives for that many frames (one handed back by the side worker), else by a new one.
   */
  spare?: (frames: number) => Float32Array | undefined;
}

/** Open a call file; throws CallFileError when it cannot be read. */
export async function openCallSource(file: CallFileLike, options: CallSourceOptions = {}): Promise<CallSource> {
  if (file.size === 0) throw new CallFileError('empty', `${file.name}: the file is empty (0 bytes).`);
  // The sniffing and the MP4 box walk read a few bytes here and there: straight slices, not FILE_PIECE_BYTES pieces.
  const direct = directReader(file);
  const head = await direct(0, 12);
  if (looksLikeMp4(head)) {
    // Cut short with its index in front, mediabunny would decode what is there as if it were the whole call.
    const truncated = await mp4Truncation(direct, file.size);
    if (truncated !== null) throw new CallFileError('truncated', `${file.name}: ${truncated}.`);
  }
  if (looksLikeWav(head)) {
    const read = pieceReader(file);
    const layout = await fromWavError(() => readWavLayout(read, file.size, file.name));
    checkChannels(layout.channelCount, file.name);
    return {
      channelCount: layout.channelCount,
      durationSec: layout.frames / layout.sampleRateHz,
      async *blocks() {
        // The channel arrays are reused piece after piece (the stream keeps none of them; 1 MB each of short-lived
        // buffers per MB of file otherwise); the right channel's, transferred to the side worker, comes back to be reused.
        const blocks = wavBlocks(read, layout, file.name, { reuse: true, renew: options.spare });
        for (;;) {
          const next = await fromWavError(() => blocks.next());
          if (next.done === true) return;
          yield { channels: next.value, sampleRateHz: layout.sampleRateHz };
        }
      },
      release() {},
    };
  }
  return openWithMediabunny(file);
}

async function openWithMediabunny(file: CallFileLike): Promise<CallSource> {
  const mb = await import('mediabunny');
  const input = new mb.Input({ source: new mb.BlobSource(file), formats: mb.ALL_FORMATS });
  const fail = (error: CallFileError): never => {
    input.dispose();
    throw error;
  };
  let track: Awaited<ReturnType<typeof input.getPrimaryAudioTrack>> = null;
  try {
    if (!(await input.canRead())) fail(new CallFileError('notAudio', `${file.name} is not an audio file in a format VoiceDrill reads (WAV, MP3, M4A, AAC, Ogg, Opus, WebM, FLAC).`));
    track = await input.getPrimaryAudioTrack();
  } catch (e) {
    if (e instanceof CallFileError) throw e;
    fail(new CallFileError('corrupt', `${file.name} could not be read: ${e instanceof Error ? e.message : String(e)}.`));
  }
  if (track === null) return fail(new CallFileError('notAudio', `${file.name} holds no audio track.`));
  checkChannelsOr(track.numberOfChannels, file.name, fail);
  if (!(await track.canDecode().catch(() => false))) {
    const codec = await track.getCodec().catch(() => null);
    fail(new CallFileError('codec', `${file.name} holds ${codec ?? 'audio in a codec'} this browser cannot decode.`));
  }
  const durationSec = await input.getDurationFromMetadata().catch(() => null) ?? await track.computeDuration().catch(() => null);
  const audio = track;
  // Raw ADTS has no container to say how much encoder priming leads the audio: decoded from its first frame,
  // it leaves that much in front (measured on ffmpeg's .aac in Chromium: 128 ms at 8 kHz, 64 ms at 16 kHz).
  let primingFrames = (await input.getFormat().catch(() => null)) === mb.ADTS ? AAC_PRIMING_FRAMES : 0;
  return {
    channelCount: audio.numberOfChannels,
    durationSec: durationSec !== null && Number.isFinite(durationSec) && durationSec > 0 ? durationSec : null,
    async *blocks() {
      const sink = new mb.AudioSampleSink(audio);
      let pending: Float32Array[][] = [];
      let pendingFrames = 0;
      let rate = 0;
      const flush = (): SourceBlock => {
        const channels = Array.from({ length: pending[0].length }, (_, c) => {
          const out = new Float32Array(pendingFrames);
          let at = 0;
          for (const part of pending) {
            out.set(part[c], at);
            at += part[c].length;
          }
          return out;
        });
        pending = [];
        pendingFrames = 0;
        return { channels, sampleRateHz: rate };
      };
      try {
        for await (const sample of sink.samples()) {
          try {
            checkChannels(sample.numberOfChannels, file.name);
            if (rate !== 0 && sample.sampleRate !== rate) throw new CallFileError('corrupt', `${file.name} changes its sample rate part way through.`);
            rate = sample.sampleRate;
            const skip = Math.min(primingFrames, sample.numberOfFrames);
            primingFrames -= skip;
            const frames = sample.numberOfFrames - skip;
            if (frames > 0) {
              pending.push(Array.from({ length: sample.numberOfChannels }, (_, c) => {
                const plane = new Float32Array(sample.numberOfFrames);
                sample.copyTo(plane, { planeIndex: c, format: 'f32-planar' });
                return plane.subarray(skip);
              }));
              pendingFrames += frames;
            }
          } finally {
            sample.close();
          }
          if (pendingFrames >= DECODED_BLOCK_FRAMES) yield flush();
        }
      } catch (e) {
        if (e instanceof CallFileError) throw e;
        throw new CallFileError('corrupt', `${file.name} could not be decoded: ${e instanceof Error ? e.message : String(e)}.`);
      }
      if (pendingFrames > 0) yield flush();
    },
    release() {
      input.dispose();
    },
  };
}

function checkChannelsOr(count: number, name: string, fail: (e: CallFileError) => never): void {
  try {
    checkChannels(count, name);
  } catch (e) {
    if (e instanceof CallFileError) fail(e);
    throw e;
  }
}
