/**
 * The priming an mp3 decoder leaves at the start of a file that does not say how much there is.
 *
 * Layer III audio comes out of any decoder late by the decoder delay (529 samples: the hybrid filterbank,
 * ISO/IEC 11172-3) plus the encoder's delay (576 samples for LAME, the encoder of ffmpeg and of most
 * recorders). A LAME/Xing "Info"/"Xing" (or Fraunhofer "VBRI") header in the first frame records it, and
 * the decoder (mpg123, gapless) trims it. A file without such a header (streamed or recorded frame by frame)
 * is decoded with all 1105 samples in front, by mpg123 and by ffmpeg alike: every time in the call would be
 * 69 ms late at 16 kHz, 138 ms at 8 kHz. The CLI drops them (tests/cli/call-formats.test.ts measures both).
 * The same header's frame count tells a truncated file (the decoders stop quietly where the bytes end).
 */
import { open } from 'node:fs/promises';
import { id3v2Length } from './sniff-format.ts';

/** Decoder delay of Layer III, samples. */
export const MP3_DECODER_DELAY_SAMPLES = 529;
/** LAME's encoder delay, samples. */
export const LAME_ENCODER_DELAY_SAMPLES = 576;
/** Bytes of the first frame that hold any of the headers. */
const FRAME_HEAD_BYTES = 64;

function ascii(b: Uint8Array, offset: number, text: string): boolean {
  if (b.length < offset + text.length) return false;
  for (let i = 0; i < text.length; i++) if (b[offset + i] !== text.charCodeAt(i)) return false;
  return true;
}

const SAMPLE_RATES_HZ: Record<number, readonly number[]> = { 3: [44100, 48000, 32000], 2: [22050, 24000, 16000], 0: [11025, 12000, 8000] };

/** Offset of the Xing/Info tag in the first frame, or −1. */
function xingOffset(frame: Uint8Array): number {
  const mpeg1 = ((frame[1] >> 3) & 0x03) === 0x03;
  const mono = ((frame[3] >> 6) & 0x03) === 0x03;
  // Side information follows the 4-byte header (and the 2-byte CRC when the protection bit is 0).
  const sideInfoBytes = mpeg1 ? (mono ? 17 : 32) : mono ? 9 : 17;
  const crcBytes = (frame[1] & 0x01) === 0 ? 2 : 0;
  for (const at of [4 + sideInfoBytes, 4 + sideInfoBytes + crcBytes]) {
    if (ascii(frame, at, 'Xing') || ascii(frame, at, 'Info')) return at;
  }
  return -1;
}

/**
 * The audio length the Xing/Info header of the first frame declares (its frame count × samples per frame),
 * s, or null without a header or a frame count.
 */
export function declaredDurationSec(frame: Uint8Array): number | null {
  if (frame.length < 4) return null;
  const at = xingOffset(frame);
  if (at < 0 || frame.length < at + 12) return null;
  const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
  if ((view.getUint32(at + 4) & 0x01) === 0) return null;
  const frames = view.getUint32(at + 8);
  const version = (frame[1] >> 3) & 0x03;
  const rateHz = SAMPLE_RATES_HZ[version]?.[(frame[2] >> 2) & 0x03];
  if (rateHz === undefined) return null;
  return (frames * (version === 3 ? 1152 : 576)) / rateHz;
}

/**
 * Samples of priming the decoder leaves in front, given the first bytes of the first mp3 frame: 0 when the
 * frame carries a Xing/Info or VBRI header (the decoder trims it), else decoder + LAME delay.
 */
export function untrimmedPrimingSamples(frame: Uint8Array): number {
  if (frame.length < 4) return 0;
  if (xingOffset(frame) >= 0 || ascii(frame, 36, 'VBRI')) return 0;
  return MP3_DECODER_DELAY_SAMPLES + LAME_ENCODER_DELAY_SAMPLES;
}

/** What the first frame of an mp3 file says: the priming the decoder leaves, the length it declares. */
export interface Mp3Head {
  primingSamples: number;
  declaredSec: number | null;
  /** Channels the frame header declares (mono, or one of the two-channel modes). */
  channelCount: 1 | 2;
}

/** The first frame (after any ID3v2 tag) of the mp3 file at `path`, read: see Mp3Head. */
export async function readMp3Head(path: string): Promise<Mp3Head> {
  const frame = await firstFrame(path);
  const channelCount = frame.length >= 4 && ((frame[3] >> 6) & 0x03) === 0x03 ? 1 : 2;
  return { primingSamples: untrimmedPrimingSamples(frame), declaredSec: declaredDurationSec(frame), channelCount };
}

async function firstFrame(path: string): Promise<Uint8Array> {
  const fh = await open(path, 'r');
  try {
    const head = new Uint8Array(FRAME_HEAD_BYTES);
    const { bytesRead } = await fh.read(head, 0, head.length, 0);
    const tagBytes = id3v2Length(head.subarray(0, bytesRead));
    if (tagBytes === 0) return head.subarray(0, bytesRead);
    const frame = new Uint8Array(FRAME_HEAD_BYTES);
    const after = await fh.read(frame, 0, frame.length, tagBytes);
    return frame.subarray(0, after.bytesRead);
  } finally {
    await fh.close();
  }
}

/** Decoded chunks with the first `frames` sample frames of every channel dropped. */
export async function* dropLeadingFrames<T extends { channelData: Float32Array[] }>(chunks: AsyncIterable<T>, frames: number): AsyncGenerator<T> {
  let left = frames;
  for await (const chunk of chunks) {
    const length = chunk.channelData[0]?.length ?? 0;
    if (left >= length) {
      left -= length;
      continue;
    }
    yield left === 0 ? chunk : { ...chunk, channelData: chunk.channelData.map((c) => c.subarray(left)) };
    left = 0;
  }
}
