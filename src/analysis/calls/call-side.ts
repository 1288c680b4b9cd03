/**
 * One channel of a call as a unit of work that can run on a thread of its own: its front end (fed chunk by
 * chunk, channel-front.ts), then its share of the finish: segmentation, its activity with the other side's
 * bleed taken out, its hold sounds, and the measures of its turns. Only small results cross between the two
 * sides (a summary: contour and segmentation; speech intervals; turns), never the stored signal.
 *
 * The call stream (stream.ts) runs both sides in one thread (the CLI, analyzeCall); the browser's call
 * worker runs the second side in a worker of its own (split-finish.ts). Both call these same methods in
 * the same order on the same data, so both give the same report.
 */
import { channelActivity, segmentChannel, type BleedSource, type CallChannel } from './activity.ts';
import { createChannelFront } from './channel-front.ts';
import { splitSounds, type NonSpeechSound } from './non-speech.ts';
import { measureTurns } from './pace.ts';
import type { CallTurn } from './report.ts';
import type { ScratchFile } from './signal-store.ts';
import type { RawTurn } from './turns.ts';
import type { IntervalSec } from '../types.ts';

/** What the other side needs of this one for its bleed test: this channel's frame levels and segmentation. */
export type SideSummary = BleedSource;

/** A side's activity split into speech and hold sounds (hold music and tones count as silence of speech). */
export interface SideSpeech {
  speech: IntervalSec[];
  sounds: NonSpeechSound[];
}

/** One channel of a call: fed, then finished step by step (summary, speech, measure). */
export interface CallSide {
  /** The next chunk of this channel at the input rate (not kept). */
  push(samples: Float32Array): void;
  /** Ends the front end and segments the channel (once); no more samples after it. */
  summary(): SideSummary;
  /** The channel itself (after summary): its stored signal, contour and segmentation. */
  channel(): CallChannel;
  /** This side's speech and hold sounds, the frames that are `other`'s bleed taken out (after summary). */
  speech(other: SideSummary, durationSec: number): SideSpeech;
  /**
   * This side's turns measured on its channel; `speech` is this side's (from speech()). `last`: nothing reads
   * this side's signal afterwards, so its stored blocks are let go as the turns pass and all of them at the end
   * (the finish's memory peaks while both sides measure); the side cannot be measured again.
   */
  measure(turns: readonly RawTurn[], speech: readonly IntervalSec[], onTurn?: () => void, last?: boolean): CallTurn[];
  /** Bytes held by the stored 16 kHz signal (when sealed). */
  readonly storedBytes: number;
}

/** A call side fed at `sampleRateHz`; `scratch`: where its stored signal may be kept instead of memory (signal-store.ts). */
export function createCallSide(sampleRateHz: number, scratch?: ScratchFile): CallSide {
  const front = createChannelFront(sampleRateHz, scratch);
  let ch: CallChannel | null = null;
  let released = false;
  const ready = (): CallChannel => {
    if (ch === null) throw new Error('the call side is still being fed');
    return ch;
  };
  return {
    push(samples) {
      if (ch !== null) throw new Error('the call side is finished');
      front.push(samples);
    },
    summary() {
      if (ch === null) {
        const { contour, signal } = front.finish();
        ch = segmentChannel(signal, contour);
      }
      return { contour: { levelDbfs: ch.contour.levelDbfs }, seg: ch.seg };
    },
    channel: ready,
    speech(other, durationSec) {
      const own = ready();
      return splitSounds(channelActivity(own, other, durationSec), own.seg.thresholdDbfs, own.signal);
    },
    measure(turns, speech, onTurn, last = false) {
      if (released) throw new Error('the call side was measured for the last time');
      released = last;
      const measured = measureTurns(ready().signal, speech, turns, onTurn, last ? front.discardBefore : undefined);
      if (last) front.discardBefore(Infinity);
      return measured;
    },
    get storedBytes() {
      return front.storedBytes;
    },
  };
}
