/** Reads and decodes one audio file for the CLI, with size and length limits and sanity checks. */
import { createReadStream } from 'node:fs';
import { open, readFile, stat } from 'node:fs/promises';
import decode from 'audio-decode';
import { atAdtsRate, readAdtsHead, type AdtsHead } from './adts.ts';
import type { AudioInput } from './analysis.ts';
import { damagedFramesMessage, mp4FileTruncation, wavFileTruncation, withDecoderErrors } from './decode-checks.ts';
import { dropLeadingFrames, readMp3Head, type Mp3Head } from './mp3-priming.ts';
import { id3v2Length, sniffAfterId3, sniffFormat, SNIFF_BYTES, type StreamFormat } from './sniff-format.ts';

/** Limits that keep a huge file from exhausting memory; see DECODE_LIMITS. */
export interface DecodeLimits {
  /** Largest file accepted, in bytes (checked before reading). */
  maxFileBytes: number;
  /** Longest audio accepted, in seconds (checked while decoding). */
  maxDurationSec: number;
  /** Most decoded samples accepted, all channels together (4 bytes each in memory). */
  maxSamples: number;
}

/**
 * Default limits: 1 GiB on disk, 2 hours of audio, and 2 hours of 48 kHz stereo worth of samples
 * (691,200,000 samples ≈ 2.6 GiB of float32), which bounds memory for multichannel or high-rate files.
 */
export const DECODE_LIMITS: DecodeLimits = {
  maxFileBytes: 1024 ** 3,
  maxDurationSec: 2 * 60 * 60,
  maxSamples: 2 * 60 * 60 * 48000 * 2,
};

/** Bytes read per chunk while streaming a file into the decoder. */
const STREAM_CHUNK_BYTES = 1 << 20;

/** A file that cannot be turned into audio; the message is the reason, for people. */
export class DecodeError extends Error {
  override name = 'DecodeError';
}

/** Human-readable size: "312 KB", "1.4 GB". */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const text = value < 10 && !Number.isInteger(value) ? value.toFixed(1) : String(Math.round(value));
  return unit === 0 ? `${value} bytes` : `${text} ${units[unit]}`;
}

/** Human-readable duration of a limit: "2 hours", "90 minutes", "45 seconds". */
function formatLimitDuration(sec: number): string {
  if (sec >= 3600 && sec % 3600 === 0) return `${sec / 3600} hour${sec === 3600 ? '' : 's'}`;
  if (sec >= 60 && sec % 60 === 0) return `${sec / 60} minute${sec === 60 ? '' : 's'}`;
  return `${sec} second${sec === 1 ? '' : 's'}`;
}

function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOENT':
      return 'file not found';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory, not an audio file';
    case 'ENOTDIR':
      return 'file not found (a part of the path is not a directory)';
    default:
      return `cannot read the file (${oneLine(err)})`;
  }
}

function oneLine(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.replace(/\s+/g, ' ').trim() || 'unknown error';
}

function describeDecoderError(err: unknown): string {
  const text = oneLine(err);
  if (/unknown audio format|no decoder for/i.test(text)) {
    return 'not a supported audio file (VoiceDrill reads wav, mp3, ogg/opus, webm/opus, flac, m4a and aac)';
  }
  return `the audio data is damaged or in an unsupported encoding (${text})`;
}

/** Picks the stream decoder from the file's first bytes, or null to decode it whole. */
async function sniffFile(path: string, sizeBytes: number): Promise<StreamFormat | null> {
  const fh = await open(path, 'r');
  try {
    const head = new Uint8Array(Math.min(SNIFF_BYTES, sizeBytes));
    await fh.read(head, 0, head.length, 0);
    const tagBytes = id3v2Length(head);
    if (tagBytes === 0) return sniffFormat(head);
    if (tagBytes >= sizeBytes) return null;
    const after = new Uint8Array(Math.min(SNIFF_BYTES, sizeBytes - tagBytes));
    await fh.read(after, 0, after.length, tagBytes);
    return sniffAfterId3(after);
  } finally {
    await fh.close();
  }
}

/** Collects decoded chunks and enforces the length limits as they arrive. */
class ChunkCollector {
  readonly chunks: Float32Array[][] = [];
  sampleRateHz = 0;
  frames = 0;
  channelCount = 0;

  /** With `forward`, chunks are checked and handed on instead of kept (chunked decoding). */
  constructor(
    private readonly limits: DecodeLimits,
    private readonly forward?: (channelData: Float32Array[], sampleRateHz: number) => void,
  ) {}

  /**
   * Channels the file's header declares, when it says (mp3): mp3 decoders (audio-decode) give a dual-mono
   * stretch as one channel until the channels first differ, so a stereo call that opens with both sides
   * identical (digital silence) would turn stereo mid-file; such chunks are given both channels.
   */
  declaredChannels: number | null = null;

  add(decoded: Float32Array[], sampleRateHz: number): void {
    const channelData = this.declaredChannels === 2 && decoded.length === 1 ? [decoded[0], decoded[0]] : decoded;
    if (channelData.length === 0 || channelData[0].length === 0) return;
    if (this.sampleRateHz === 0) this.sampleRateHz = sampleRateHz;
    else if (sampleRateHz !== this.sampleRateHz) {
      throw new DecodeError(`the sample rate changes inside the file (${this.sampleRateHz} Hz, then ${sampleRateHz} Hz)`);
    }
    if (this.channelCount > 0 && channelData.length !== this.channelCount) {
      throw new DecodeError('the number of channels changes inside the file');
    }
    this.channelCount = channelData.length;
    this.frames += channelData[0].length;
    if (this.forward) {
      // The whole-file checks of finish(), per chunk.
      if (channelData.some((c) => c.length !== channelData[0].length)) throw new DecodeError('the channels have different lengths');
      if (channelData.some((c) => c.some((x) => !Number.isFinite(x)))) throw new DecodeError('the audio contains invalid samples (NaN or infinity)');
      if (!(this.sampleRateHz > 0) || !Number.isFinite(this.sampleRateHz)) throw new DecodeError(`the file declares an invalid sample rate (${this.sampleRateHz})`);
      if (this.sampleRateHz > 0 && this.frames / this.sampleRateHz > this.limits.maxDurationSec) throw new DecodeError(tooLongMessage(this.limits));
      try {
        this.forward(channelData, sampleRateHz);
      } catch (err) {
        throw new ForwardedError(err);
      }
      return;
    }
    this.chunks.push(channelData);
    this.checkLimits(channelData.length);
  }

  private checkLimits(channelCount: number): void {
    const { maxDurationSec, maxSamples } = this.limits;
    if (this.sampleRateHz > 0 && this.frames / this.sampleRateHz > maxDurationSec) {
      throw new DecodeError(tooLongMessage(this.limits));
    }
    if (this.frames * channelCount > maxSamples) {
      throw new DecodeError(
        `too much audio to analyse (${channelCount} channels at ${this.sampleRateHz} Hz, over ` +
          `${(maxSamples / 1e6).toFixed(0)} million samples); convert it to mono or cut it into shorter pieces first`,
      );
    }
  }

  /** The collected audio as one Float32Array per channel, checked for sanity. */
  finish(): AudioInput {
    if (this.chunks.length === 0 || this.frames === 0) throw new DecodeError('the file contains no audio samples');
    if (!(this.sampleRateHz > 0) || !Number.isFinite(this.sampleRateHz)) {
      throw new DecodeError(`the file declares an invalid sample rate (${this.sampleRateHz})`);
    }
    const channelCount = this.chunks[0].length;
    const channels: Float32Array[] = [];
    for (let c = 0; c < channelCount; c++) {
      const out = new Float32Array(this.frames);
      let offset = 0;
      for (const chunk of this.chunks) {
        if (chunk[c].length !== chunk[0].length) throw new DecodeError('the channels have different lengths');
        out.set(chunk[c], offset);
        offset += chunk[c].length;
      }
      for (let i = 0; i < out.length; i++) {
        if (!Number.isFinite(out[i])) throw new DecodeError('the audio contains invalid samples (NaN or infinity)');
      }
      channels.push(out);
    }
    this.chunks.length = 0;
    return { channels, sampleRateHz: this.sampleRateHz };
  }
}

/**
 * A plain Uint8Array over the same memory as a Node Buffer. Decoders must not get Buffers:
 * Buffer#slice returns a view where Uint8Array#slice copies, and @audio/decode-wav 1.5.1 realigns
 * float samples with slice(), so a Buffer at an odd offset fails ("start offset of Float32Array…").
 */
function plainBytes(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

async function* plainChunks(source: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  for await (const chunk of source) yield plainBytes(chunk);
}

async function decodeStreamed(path: string, format: StreamFormat, collector: ChunkCollector, mp3: Mp3Head | null, adts: AdtsHead | null): Promise<void> {
  const primingFrames = mp3?.primingSamples ?? 0;
  const stream = createReadStream(path, { highWaterMark: STREAM_CHUNK_BYTES });
  try {
    const decoded = dropLeadingFrames(decode(plainChunks(stream), format), primingFrames);
    const chunks = adts !== null ? atAdtsRate(decoded, adts) : decoded;
    for await (const { channelData, sampleRate } of chunks) collector.add(channelData, sampleRate);
  } finally {
    stream.destroy();
  }
}

async function decodeWhole(path: string, collector: ChunkCollector): Promise<void> {
  const { channelData, sampleRate } = await decode(plainBytes(await readFile(path)));
  collector.add(channelData, sampleRate);
}

/** Why an mp3 is truncated (it decodes to less than its header's frame count, by over 3 frames), or null. */
function mp3Truncation(mp3: Mp3Head, collector: ChunkCollector): string | null {
  if (mp3.declaredSec === null || collector.sampleRateHz === 0) return null;
  const decodedSec = collector.frames / collector.sampleRateHz;
  const slackSec = (3 * 1152) / collector.sampleRateHz;
  if (decodedSec >= mp3.declaredSec - slackSec) return null;
  return `the file is truncated: its header declares ${mp3.declaredSec.toFixed(2)} s of audio but only ${decodedSec.toFixed(2)} s is there`;
}

/** The size of the audio file at `path`, checked (a regular file, not empty, within the limit); throws DecodeError. */
export async function checkAudioFile(path: string, limits: DecodeLimits = DECODE_LIMITS): Promise<number> {
  let sizeBytes: number;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new DecodeError('is a directory, not an audio file');
    if (!info.isFile()) throw new DecodeError('is not a regular file');
    sizeBytes = info.size;
  } catch (err) {
    throw err instanceof DecodeError ? err : new DecodeError(describeFsError(err));
  }
  if (sizeBytes === 0) throw new DecodeError('the file is empty (0 bytes)');
  if (sizeBytes > limits.maxFileBytes) {
    throw new DecodeError(
      `the file is ${formatBytes(sizeBytes)}, over the ${formatBytes(limits.maxFileBytes)} limit; cut it into shorter pieces first`,
    );
  }
  return sizeBytes;
}

/** Whether the file at `path` (of sizeBytes) starts as a RIFF/WAVE file. */
export async function isWavFile(path: string, sizeBytes: number): Promise<boolean> {
  try {
    return (await sniffFile(path, sizeBytes)) === 'wav';
  } catch (err) {
    throw new DecodeError(describeFsError(err));
  }
}

/** The limit message for a recording longer than limits.maxDurationSec. */
export function tooLongMessage(limits: DecodeLimits): string {
  return `the recording is longer than ${formatLimitDuration(limits.maxDurationSec)}, the limit; cut it into shorter pieces first`;
}

/**
 * Decodes the audio file at `path` chunk by chunk as the decoder delivers them (streamed formats; others
 * in one piece), handing each to `onChunk` (one array per channel, at sampleRateHz) without keeping it;
 * the limits and sanity checks of decodeFile apply. Throws DecodeError with a reason for people.
 */
export async function decodeFileChunks(
  path: string,
  onChunk: (channelData: Float32Array[], sampleRateHz: number) => void,
  limits: DecodeLimits = DECODE_LIMITS,
): Promise<{ frames: number }> {
  const sizeBytes = await checkAudioFile(path, limits);
  const collector = new ChunkCollector(limits, onChunk);
  await decodeInto(path, sizeBytes, collector);
  if (collector.frames === 0) throw new DecodeError('the file contains no audio samples');
  return { frames: collector.frames };
}

/** An error of decodeFileChunks' consumer, passed through unchanged (it is not the decoder's). */
class ForwardedError extends Error {
  constructor(readonly original: unknown) {
    super('forwarded');
  }
}

/** Reads and decodes the audio file at `path`; throws DecodeError with a reason for people. */
export async function decodeFile(path: string, limits: DecodeLimits = DECODE_LIMITS): Promise<AudioInput> {
  const sizeBytes = await checkAudioFile(path, limits);
  const collector = new ChunkCollector(limits);
  await decodeInto(path, sizeBytes, collector);
  return collector.finish();
}

async function decodeInto(path: string, sizeBytes: number, collector: ChunkCollector): Promise<void> {
  try {
    const format = await sniffFile(path, sizeBytes);
    const truncated = format === 'wav' ? await wavFileTruncation(path) : format === 'm4a' ? await mp4FileTruncation(path) : null;
    if (truncated !== null) throw new DecodeError(truncated);
    const mp3 = format === 'mp3' ? await readMp3Head(path) : null;
    const adts = format === 'aac' ? await readAdtsHead(path) : null;
    collector.declaredChannels = mp3?.channelCount ?? adts?.channelCount ?? null;
    const { errors } = await withDecoderErrors(() => (format === null ? decodeWhole(path, collector) : decodeStreamed(path, format, collector, mp3, adts)));
    if (errors.length > 0) throw new DecodeError(damagedFramesMessage(errors));
    const truncatedMp3 = mp3 !== null ? mp3Truncation(mp3, collector) : null;
    if (truncatedMp3 !== null) throw new DecodeError(truncatedMp3);
  } catch (err) {
    if (err instanceof ForwardedError) throw err.original;
    if (err instanceof DecodeError) throw err;
    if ((err as NodeJS.ErrnoException | null)?.code) throw new DecodeError(describeFsError(err));
    throw new DecodeError(describeDecoderError(err));
  }
}
