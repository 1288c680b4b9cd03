/**
 * The chunked entry of the call engine: a long call is fed in pieces (as a decoder or a WAV reader
 * delivers them), so no caller needs the whole decoded file at once. Both the CLI and the browser's
 * call worker use it; analyzeCall is the same engine fed in one piece.
 *
 * First version: keeps the fed chunks and runs analyzeCall on finish. The streaming front end
 * (resample + filter + contours per chunk, compact storage) replaces the inside, not this interface.
 */
import { validateAudioInput } from '../options.ts';
import { analyzeCall, type CallOptions } from './analyze-call.ts';
import type { CallReport } from './report.ts';

/** Waveform peaks per second kept for the call timeline. */
export const PEAKS_PER_SEC = 50;

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
}

/** A call being fed chunk by chunk. */
export interface CallStream {
  /** The next chunk: one array per channel, equal lengths, in the stream's rate. */
  push(channels: readonly Float32Array[]): void;
  /** Seconds fed so far. */
  readonly fedSec: number;
  /** Analyse everything fed. The stream cannot be fed afterwards. */
  finish(options: CallOptions): CallResult;
}

/** Start a call stream of `channelCount` channels at `sampleRateHz`. */
export function createCallStream(sampleRateHz: number, channelCount: number): CallStream {
  validateAudioInput({ channels: Array.from({ length: channelCount }, () => new Float32Array(0)), sampleRateHz });
  const chunks: Float32Array[][] = Array.from({ length: channelCount }, () => []);
  const peaks = Array.from({ length: channelCount }, () => ({ min: [] as number[], max: [] as number[] }));
  const samplesPerPeak = sampleRateHz / PEAKS_PER_SEC;
  let fed = 0;
  let done = false;
  let slot = { min: new Float64Array(channelCount).fill(Infinity), max: new Float64Array(channelCount).fill(-Infinity) };
  let slotEnd = samplesPerPeak;
  return {
    get fedSec() {
      return fed / sampleRateHz;
    },
    push(channels) {
      if (done) throw new Error('the call stream is finished');
      if (channels.length !== channelCount) throw new RangeError(`expected ${channelCount} channels, not ${channels.length}`);
      const n = channels[0].length;
      if (channels.some((c) => c.length !== n)) throw new RangeError('the channels differ in length');
      for (let i = 0; i < n; i++) {
        for (let c = 0; c < channelCount; c++) {
          const x = channels[c][i];
          if (x < slot.min[c]) slot.min[c] = x;
          if (x > slot.max[c]) slot.max[c] = x;
        }
        if (fed + i + 1 >= slotEnd) {
          for (let c = 0; c < channelCount; c++) {
            peaks[c].min.push(slot.min[c]);
            peaks[c].max.push(slot.max[c]);
          }
          slot = { min: new Float64Array(channelCount).fill(Infinity), max: new Float64Array(channelCount).fill(-Infinity) };
          slotEnd += samplesPerPeak;
        }
      }
      channels.forEach((c, k) => chunks[k].push(c.slice()));
      fed += n;
    },
    finish(options) {
      if (done) throw new Error('the call stream is finished');
      done = true;
      const whole = chunks.map((list) => {
        const out = new Float32Array(fed);
        let at = 0;
        for (const c of list) {
          out.set(c, at);
          at += c.length;
        }
        return out;
      });
      chunks.length = 0;
      const report = analyzeCall({ channels: whole, sampleRateHz }, options);
      if (slot.min[0] !== Infinity) {
        for (let c = 0; c < channelCount; c++) {
          peaks[c].min.push(slot.min[c]);
          peaks[c].max.push(slot.max[c]);
        }
      }
      return {
        report,
        peaks: { peaksPerSec: PEAKS_PER_SEC, channels: peaks.map((p) => ({ min: Float32Array.from(p.min), max: Float32Array.from(p.max) })) },
      };
    },
  };
}
