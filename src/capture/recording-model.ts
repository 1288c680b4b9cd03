/**
 * The recording controller's logic, driven by the captured blocks themselves (not by timers), so it is
 * exact and testable: the count-in, when recording starts, the auto-stop after SILENCE_STOP_SEC of
 * silence following speech, and the maximum length. Pure: no DOM, no audio API.
 *
 * Speech, live: a block is "voiced" when its level is VOICE_ABOVE_FLOOR_DB above the quietest block
 * heard so far (the room's floor) and above VOICE_MIN_DBFS. Speech has begun after
 * SPEECH_START_SEC of voiced blocks, so a click or a cough alone never arms the auto-stop.
 *
 * A silent microphone (muted, wrong input): with no speech at all since recording began, the model
 * raises a warning after NO_SPEECH_WARN_SEC and stops after NO_SPEECH_STOP_SEC (reason 'noSpeech'),
 * instead of running to the length limit.
 */
import type { DrillKind } from '../drills/types.ts';
import { blockLevelDbfs, SILENCE_DBFS } from './level-meter-model.ts';

/** Silence after speech that stops the recording, seconds (the brief: 2 s). */
export const SILENCE_STOP_SEC = 2;
/** With no speech since recording began, warn ("we can't hear you") after this many seconds. */
export const NO_SPEECH_WARN_SEC = 5;
/**
 * …and stop after this many seconds. Long enough for the agent to see the warning and check the mute
 * switch (5 s more), short enough that a muted microphone does not cost a minute per attempt.
 */
export const NO_SPEECH_STOP_SEC = 10;
/** Voiced audio needed before speech counts as begun, seconds. */
export const SPEECH_START_SEC = 0.3;
/** A voiced block is at least this far above the floor, dB. */
export const VOICE_ABOVE_FLOOR_DB = 15;
/** …and at least this loud, dBFS (digital silence or a very quiet room would otherwise set a floor of −120). */
export const VOICE_MIN_DBFS = -55;
/** Default count-in, seconds. */
export const DEFAULT_COUNT_IN_SEC = 3;
/** Longest take per drill kind, seconds: a greeting takes seconds, a passage up to a minute or so. */
export const MAX_TAKE_SEC: Readonly<Record<DrillKind, number>> = { greeting3: 60, greeting4: 60, passage: 120 };

/** Why a recording stopped: the agent, silence after speech, no speech at all, the length limit, or a failed save. */
export type StopReason = 'user' | 'silence' | 'noSpeech' | 'limit' | 'storage';

/** Phase of the recording. */
export type RecordingPhase = 'countIn' | 'recording' | 'stopped';

/** Settings of one recording. */
export interface RecordingLimits {
  countInSec: number;
  maxSec: number;
  silenceStopSec?: number;
  /** Default NO_SPEECH_WARN_SEC / NO_SPEECH_STOP_SEC. */
  noSpeechWarnSec?: number;
  noSpeechStopSec?: number;
}

/** What one block did. */
export interface BlockOutcome {
  /** Samples of this block to keep (after the count-in), or null. */
  keep: Float32Array | null;
  levelDbfs: number;
  /** Set on the block that stopped the recording. */
  stop: StopReason | null;
}

/** Counts samples through the count-in and the recording and decides when to stop. */
export class RecordingModel {
  private countInLeft: number;
  private recordedSamples = 0;
  private voicedSamples = 0;
  private silentSamples = 0;
  private floorDbfs = Number.POSITIVE_INFINITY;
  private state: RecordingPhase;
  private reason: StopReason | null = null;
  private readonly maxSamples: number;
  private readonly silenceStopSamples: number;
  private readonly noSpeechWarnSamples: number;
  private readonly noSpeechStopSamples: number;

  constructor(readonly sampleRateHz: number, limits: RecordingLimits) {
    this.countInLeft = Math.max(0, Math.round(limits.countInSec * sampleRateHz));
    this.maxSamples = Math.round(limits.maxSec * sampleRateHz);
    this.silenceStopSamples = Math.round((limits.silenceStopSec ?? SILENCE_STOP_SEC) * sampleRateHz);
    this.noSpeechWarnSamples = Math.round((limits.noSpeechWarnSec ?? NO_SPEECH_WARN_SEC) * sampleRateHz);
    this.noSpeechStopSamples = Math.round((limits.noSpeechStopSec ?? NO_SPEECH_STOP_SEC) * sampleRateHz);
    this.state = this.countInLeft > 0 ? 'countIn' : 'recording';
  }

  /** Current phase. */
  get phase(): RecordingPhase {
    return this.state;
  }

  /** Why the recording stopped (null while running). */
  get stopReason(): StopReason | null {
    return this.reason;
  }

  /** Seconds of count-in left (0 once recording). */
  get countInRemainingSec(): number {
    return this.countInLeft / this.sampleRateHz;
  }

  /** Seconds recorded since the count-in ended. */
  get elapsedSec(): number {
    return this.recordedSamples / this.sampleRateHz;
  }

  /** True once SPEECH_START_SEC of voice has been heard. */
  get speechHeard(): boolean {
    return this.voicedSamples >= SPEECH_START_SEC * this.sampleRateHz;
  }

  /** True while recording has gone NO_SPEECH_WARN_SEC or more without any speech (the microphone may be muted). */
  get noSpeechWarning(): boolean {
    return this.state !== 'countIn' && !this.speechHeard && this.recordedSamples >= this.noSpeechWarnSamples;
  }

  /** The quietest block level heard so far, dBFS (SILENCE_DBFS before any block). */
  get floorLevelDbfs(): number {
    return Number.isFinite(this.floorDbfs) ? this.floorDbfs : SILENCE_DBFS;
  }

  /** End the count-in now (the agent is ready). */
  skipCountIn(): void {
    if (this.state !== 'countIn') return;
    this.countInLeft = 0;
    this.state = 'recording';
  }

  /** Stop on request (button, Space, leaving the screen). */
  stop(reason: StopReason = 'user'): void {
    if (this.state === 'stopped') return;
    this.state = 'stopped';
    this.reason = reason;
  }

  /** Feed one captured block, with its level when the worklet has measured it already. */
  push(block: Float32Array, levelDbfs = blockLevelDbfs(block)): BlockOutcome {
    if (this.state === 'stopped') return { keep: null, levelDbfs, stop: null };
    this.floorDbfs = Math.min(this.floorDbfs, levelDbfs);
    let samples = block;
    if (this.state === 'countIn') {
      if (block.length <= this.countInLeft) {
        this.countInLeft -= block.length;
        if (this.countInLeft === 0) this.state = 'recording';
        return { keep: null, levelDbfs, stop: null };
      }
      samples = block.subarray(this.countInLeft);
      this.countInLeft = 0;
      this.state = 'recording';
    }
    const room = this.maxSamples - this.recordedSamples;
    const keep = samples.length > room ? samples.subarray(0, room) : samples;
    this.recordedSamples += keep.length;
    this.track(keep.length, levelDbfs);
    let stop: StopReason | null = null;
    if (this.recordedSamples >= this.maxSamples) stop = 'limit';
    else if (this.speechHeard && this.silentSamples >= this.silenceStopSamples) stop = 'silence';
    else if (!this.speechHeard && this.recordedSamples >= this.noSpeechStopSamples) stop = 'noSpeech';
    if (stop !== null) this.stop(stop);
    return { keep: keep.length > 0 ? keep : null, levelDbfs, stop };
  }

  private track(samples: number, levelDbfs: number): void {
    const voiced = levelDbfs >= VOICE_MIN_DBFS && levelDbfs >= this.floorDbfs + VOICE_ABOVE_FLOOR_DB;
    if (voiced) {
      this.voicedSamples += samples;
      this.silentSamples = 0;
    } else {
      this.silentSamples += samples;
    }
  }
}
