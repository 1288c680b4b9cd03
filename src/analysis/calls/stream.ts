/**
 * The chunked entry of the call engine: a long call is fed in pieces (as a decoder or a WAV reader
 * delivers them) and never held whole. Both the CLI and the browser's call worker use it; analyzeCall
 * is this stream fed in chunks, so there is one analysis path.
 *
 * Per chunk, each channel goes through its front end (channel-front.ts): exact streaming resampling to
 * 16 kHz, the zero-phase 80 Hz high-pass in fixed blocks (equal to the whole-signal filter to rounding),
 * the 100 Hz intensity contour, and the high-passed signal stored as 16-bit blocks (signal-store.ts:
 * 60 minutes of stereo take 230 MB). Timeline peaks are kept per chunk at the input rate. At finish:
 * segmentation from the contours, activity and turns, then per-turn measures on slices of the stored
 * signals (engine.ts; each channel's part of it: call-side.ts, which split-finish.ts runs on two threads).
 * Nothing depends on where the chunks are cut: any chunking gives the same report.
 */
import { validateAudioInput, type AudioInput } from '../options.ts';
import { createCallSide } from './call-side.ts';
import { analyzeSides, type CallOptions } from './engine.ts';
import type { CallReport } from './report.ts';
import type { ScratchFile } from './signal-store.ts';

/** Waveform peaks per second kept for the call timeline. */
export const PEAKS_PER_SEC = 50;

/**
 * The call's first seconds kept as fed (input rate, every channel): the opening greeting is scored from
 * them with the take engine (greeting.ts), which reads raw audio as a take does. 60 s of 48 kHz stereo: 23 MB.
 */
export const OPENING_SEC = 60;

/** Input samples per channel handed to the front ends at a time (a larger push is split). */
const PIECE_SAMPLES = 1 << 16;

/** Min and max of each PEAKS_PER_SEC slot, per channel (the timeline's two lanes). */
export interface CallPeaks {
  peaksPerSec: number;
  /** One entry per input channel, in input order. */
  channels: { min: Float32Array; max: Float32Array }[];
}

/** What a finished call stream gives. */
export interface CallResult {
  report: CallReport;
  peaks: CallPeaks;
  /** Bytes the stored 16 kHz signals held (all channels). */
  storedBytes?: number;
  /**
   * The first OPENING_SEC of the call as fed (shorter calls: all of it), every channel; a channel the stream
   * was told not to keep (CallStreamOptions.openingChannels) is empty.
   */
  opening: AudioInput;
}

/** How a call stream is set up. */
export interface CallStreamOptions {
  /**
   * The channels whose opening is kept (default all): the greeting is scored on the agent's channel only, and
   * not at all without a greeting template; each channel kept is 10 MB of a 44.1 kHz call.
   */
  openingChannels?: readonly number[];
  /**
   * Per channel, a file its stored 16 kHz signal may be kept in instead of memory (signal-store.ts: 115 MB per
   * channel-hour in memory without one). The caller owns the files: it closes and deletes them after finish.
   */
  scratchFiles?: readonly (ScratchFile | undefined)[];
}

/** Options of finish: the call's options and an optional progress callback. */
export interface CallFinishOptions extends CallOptions {
  /** Called with 0–1 as the turns are measured (the part of the work left after the last chunk). */
  onProgress?(fraction: number): void;
}

/** A call being fed chunk by chunk. */
export interface CallStream {
  /** The next chunk: one array per channel, equal lengths, in the stream's rate. The arrays are not kept. */
  push(channels: readonly Float32Array[]): void;
  /** Seconds fed so far. */
  readonly fedSec: number;
  /** Analyse everything fed. The stream cannot be fed afterwards. */
  finish(options: CallFinishOptions): CallResult;
}

/** Start a call stream of `channelCount` channels at `sampleRateHz` (the analysis needs 2, or 1 for a mono call, at finish). */
export function createCallStream(sampleRateHz: number, channelCount: number, options: CallStreamOptions = {}): CallStream {
  const sides = Array.from({ length: channelCount }, (_, c) => createCallSide(sampleRateHz, options.scratchFiles?.[c]));
  const feed = createCallFeed(sampleRateHz, channelCount, options, (channels) => {
    const n = channels[0].length;
    for (let at = 0; at < n; at += PIECE_SAMPLES) {
      const to = Math.min(n, at + PIECE_SAMPLES);
      sides.forEach((side, c) => side.push(channels[c].subarray(at, to)));
    }
  });
  return {
    get fedSec() {
      return feed.fedSec;
    },
    push: feed.push,
    finish(options) {
      feed.end(options);
      const report = analyzeSides(sides, feed.fedSec, sampleRateHz, options, options.onProgress);
      const storedBytes = sides.reduce((s, side) => s + side.storedBytes, 0);
      return { report, peaks: feed.peaks(), storedBytes, opening: feed.opening() };
    },
  };
}

/** What every call stream keeps as it is fed: the count, the timeline peaks and the opening, all channels. */
export interface CallFeed {
  /** Checks the chunk, keeps its peaks and opening, then hands it to `sides`. */
  push(channels: readonly Float32Array[]): void;
  readonly fedSec: number;
  /** No more chunks; checks the channel count suits the call's options. */
  end(options: CallOptions): void;
  peaks(): CallPeaks;
  opening(): AudioInput;
}

/** The feeding shared by the call streams (stream.ts, split-finish.ts); `sides` gets each checked chunk last. */
export function createCallFeed(sampleRateHz: number, channelCount: number, options: CallStreamOptions, sides: (channels: readonly Float32Array[]) => void): CallFeed {
  validateAudioInput({ channels: Array.from({ length: channelCount }, () => new Float32Array(0)), sampleRateHz });
  const kept = options.openingChannels;
  if (kept?.some((c) => !(Number.isInteger(c) && c >= 0 && c < channelCount))) throw new RangeError(`opening channels ${kept.join(', ')} are not all among the ${channelCount}`);
  const peaks = createPeaks(sampleRateHz, channelCount);
  const openingSamples = Math.round(OPENING_SEC * sampleRateHz);
  const opening = createOpening(Array.from({ length: channelCount }, (_, c) => kept === undefined || kept.includes(c)), openingSamples);
  let fed = 0;
  let done = false;
  return {
    get fedSec() {
      return fed / sampleRateHz;
    },
    push(channels) {
      if (done) throw new Error('the call stream is finished');
      if (channels.length !== channelCount) throw new RangeError(`expected ${channelCount} channels, not ${channels.length}`);
      const n = channels[0].length;
      if (channels.some((c) => c.length !== n)) throw new RangeError('the channels differ in length');
      peaks.push(channels, fed);
      if (fed < openingSamples) opening.push(channels, openingSamples - fed);
      fed += n;
      sides(channels);
    },
    end(options) {
      if (done) throw new Error('the call stream is finished');
      done = true;
      const needed = options.agentChannel === 'mono' ? 1 : 2;
      if (channelCount !== needed) throw new RangeError(`a ${needed === 1 ? 'mono' : 'stereo'} call needs ${needed} channel${needed === 1 ? '' : 's'}, not ${channelCount}`);
    },
    peaks: () => peaks.finish(),
    opening: () => ({ channels: opening.channels(), sampleRateHz }),
  };
}

/**
 * The call's first samples of the channels `keep` says, in one array each that grows by doubling up to
 * `limit` samples: no list of pieces to join at the finish (joining doubled the opening's 21 MB, 60 s of
 * 44.1 kHz stereo, at the finish, where the tab's memory peaks); `channels()` gives views of what was kept,
 * an empty array for a channel not kept.
 */
function createOpening(keep: readonly boolean[], limit: number) {
  let arrays = keep.map(() => new Float32Array(0));
  let size = 0;
  let kept = 0;
  return {
    /** Keep up to `room` samples of this chunk (the chunk's channels are not kept). */
    push(channels: readonly Float32Array[], room: number): void {
      const n = Math.min(room, channels[0].length, limit - kept);
      if (n <= 0) return;
      if (kept + n > size) {
        size = Math.min(limit, Math.max(kept + n, 2 * size));
        arrays = arrays.map((a, c) => {
          if (!keep[c]) return a;
          const grown = new Float32Array(size);
          grown.set(a.subarray(0, kept));
          return grown;
        });
      }
      arrays.forEach((a, c) => {
        if (keep[c]) a.set(channels[c].subarray(0, n), kept);
      });
      kept += n;
    },
    channels: (): Float32Array[] => arrays.map((a, c) => (keep[c] ? a.subarray(0, kept) : a)),
  };
}

/** Min/max per slot of sampleRateHz / PEAKS_PER_SEC input samples, accumulated chunk by chunk. */
function createPeaks(sampleRateHz: number, channelCount: number) {
  const samplesPerPeak = sampleRateHz / PEAKS_PER_SEC;
  const out = Array.from({ length: channelCount }, () => ({ min: [] as number[], max: [] as number[] }));
  const min = new Float64Array(channelCount).fill(Infinity);
  const max = new Float64Array(channelCount).fill(-Infinity);
  let slotEnd = samplesPerPeak;
  const close = (): void => {
    for (let c = 0; c < channelCount; c++) {
      out[c].min.push(min[c]);
      out[c].max.push(max[c]);
    }
    min.fill(Infinity);
    max.fill(-Infinity);
  };
  return {
    /** A chunk whose first sample is sample `fed` of the call. */
    push(channels: readonly Float32Array[], fed: number): void {
      const n = channels[0].length;
      for (let start = 0; start < n; ) {
        // The slot closes after the first sample i with fed + i + 1 ≥ slotEnd.
        const last = Math.max(start, Math.ceil(slotEnd - fed - 1));
        const end = Math.min(n, last + 1);
        for (let c = 0; c < channelCount; c++) {
          const x = channels[c];
          let lo = min[c], hi = max[c];
          for (let i = start; i < end; i++) {
            const v = x[i];
            if (v < lo) lo = v;
            if (v > hi) hi = v;
          }
          min[c] = lo;
          max[c] = hi;
        }
        if (last < n) {
          close();
          slotEnd += samplesPerPeak;
        }
        start = end;
      }
    },
    finish(): CallPeaks {
      if (min[0] !== Infinity) close();
      return { peaksPerSec: PEAKS_PER_SEC, channels: out.map((p) => ({ min: Float32Array.from(p.min), max: Float32Array.from(p.max) })) };
    },
  };
}
