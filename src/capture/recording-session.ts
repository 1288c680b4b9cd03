/**
 * One take being recorded: owns the microphone stream and the Recorder (AudioContext + worklet), feeds
 * every block to the RecordingModel (count-in, auto-stop, limit), the live meters and the ChunkWriter
 * (audio saved while recording), and releases everything on finish() or dispose(). Each block's level
 * and F0 come from the capture worklet: no analysis code runs on the main thread.
 */
import type { DrillKind } from '../drills/types.ts';
import { Recorder, type CapturedBlock } from '../audio/recorder.ts';
import { releaseStream } from '../audio/microphone.ts';
import type { NewTake, TakeRecord, VoiceDrillStore } from '../storage/index.ts';
import { concatChunks } from '../storage/pcm.ts';
import { ChunkWriter } from './chunk-writer.ts';
import { SILENCE_DBFS, smoothLevelDbfs } from './level-meter-model.ts';
import type { PitchPoint } from './pitch-scale.ts';
import { MAX_TAKE_SEC, RecordingModel, type RecordingPhase, type StopReason } from './recording-model.ts';

/** Seconds of pitch trace kept for the display. */
const TRACE_SEC = 6;

/** What the screen shows while recording, after every block. */
export interface LiveSnapshot {
  phase: RecordingPhase;
  countInRemainingSec: number;
  elapsedSec: number;
  /** The level shown on the meter (fast attack, slow release), dBFS. */
  levelDbfs: number;
  /** The latest F0, or null. */
  pitchHz: number | null;
  /** Recent F0 points for the trace (times from the start of the recording proper). */
  trace: readonly PitchPoint[];
  /** No speech heard for a while since recording began: the microphone may be muted (RecordingModel.noSpeechWarning). */
  noSpeechWarning: boolean;
}

/** Where the take is saved, or null for an unsaved recording (calibration). */
export interface TakeSink {
  store: VoiceDrillStore;
  newTake: (sampleRateHz: number) => NewTake;
  /** Called once the take is created in storage (e.g. to start reading what it will be compared with). */
  onCreated?: (take: TakeRecord) => void;
}

/** Settings of a session. */
export interface SessionOptions {
  kind: DrillKind;
  countInSec: number;
  sink: TakeSink | null;
  onSnapshot: (snapshot: LiveSnapshot) => void;
  /** Called once when the model stops the take by itself (silence, limit) or a save fails. */
  onAutoStop: (reason: StopReason) => void;
  /** Called once when saving audio fails; recording stops there. */
  onStorageError: (error: unknown) => void;
}

/** A finished recording. */
export interface FinishedTake {
  reason: StopReason;
  sampleRateHz: number;
  /** The audio to analyse: what was saved (or, without a sink, everything recorded). */
  samples: Float32Array;
  /** Stored take (null without a sink or when it could not be created). */
  take: TakeRecord | null;
  /** Resolves when the take is marked recorded with its length (samples ÷ rate). */
  recorded: Promise<TakeRecord> | null;
  storageError: unknown;
}

/** A running recording session. */
export class RecordingSession {
  private readonly model: RecordingModel;
  private readonly writer: ChunkWriter | null;
  private readonly memory: Float32Array[] = [];
  private readonly trace: PitchPoint[] = [];
  private recorder: Recorder | null = null;
  private take: Promise<TakeRecord> | null = null;
  private shownDbfs = SILENCE_DBFS;
  private finishing: Promise<FinishedTake> | null = null;
  private autoStopped = false;

  private constructor(readonly sampleRateHz: number, private readonly options: SessionOptions) {
    this.model = new RecordingModel(sampleRateHz, { countInSec: options.countInSec, maxSec: MAX_TAKE_SEC[options.kind] });
    const sink = options.sink;
    this.writer = sink === null ? null : new ChunkWriter(sampleRateHz, async (seq, pcm) => {
      const take = await this.ensureTake(sink);
      await sink.store.appendAudioChunk(take.id, seq, pcm);
    }, (error) => {
      options.onStorageError(error);
      this.autoStop('storage');
    });
  }

  /** Start recording from an open stream (the session owns it from here and releases it). */
  static async start(stream: MediaStream, options: SessionOptions): Promise<RecordingSession> {
    let session: RecordingSession | null = null;
    const recorder = await Recorder.start(stream, (block) => session?.onBlock(block));
    session = new RecordingSession(recorder.sampleRateHz, options);
    session.recorder = recorder;
    return session;
  }

  /** Current phase of the model. */
  get phase(): RecordingPhase {
    return this.model.phase;
  }

  /** End the count-in now. */
  skipCountIn(): void {
    this.model.skipCountIn();
  }

  /** Stop capturing, release the microphone and the AudioContext, save the rest; safe to call twice. */
  finish(reason: StopReason = 'user'): Promise<FinishedTake> {
    this.model.stop(reason);
    this.finishing ??= this.doFinish();
    return this.finishing;
  }

  /** Release everything (leaving the screen): like finish(), without waiting for the result. */
  dispose(): void {
    void this.finish('user').catch(() => undefined);
  }

  private ensureTake(sink: TakeSink): Promise<TakeRecord> {
    if (this.take === null) {
      this.take = sink.store.createTake(sink.newTake(this.sampleRateHz));
      if (sink.onCreated) this.take.then(sink.onCreated, () => undefined);
    }
    return this.take;
  }

  private autoStop(reason: StopReason): void {
    if (this.autoStopped) return;
    this.autoStopped = true;
    this.model.stop(reason);
    this.options.onAutoStop(reason);
  }

  /** One block from the worklet, with its level and live F0 (computed on the audio thread). */
  private onBlock({ samples: block, levelDbfs, pitchHz: hz }: CapturedBlock): void {
    if (this.model.phase === 'stopped') return;
    const outcome = this.model.push(block, levelDbfs);
    const blockSec = block.length / this.sampleRateHz;
    this.shownDbfs = smoothLevelDbfs(this.shownDbfs, outcome.levelDbfs, blockSec);
    if (outcome.keep) {
      if (this.writer) this.writer.push(outcome.keep);
      else this.memory.push(outcome.keep.slice());
      this.trace.push({ timeSec: this.model.elapsedSec, hz });
      while (this.trace.length > 0 && this.trace[0].timeSec < this.model.elapsedSec - TRACE_SEC) this.trace.shift();
    }
    this.options.onSnapshot({
      phase: this.model.phase,
      countInRemainingSec: this.model.countInRemainingSec,
      elapsedSec: this.model.elapsedSec,
      levelDbfs: this.shownDbfs,
      pitchHz: hz,
      trace: this.trace.slice(),
      noSpeechWarning: this.model.noSpeechWarning,
    });
    if (outcome.stop) this.autoStop(outcome.stop);
  }

  private async doFinish(): Promise<FinishedTake> {
    await this.recorder?.stop();
    this.recorder = null;
    const reason = this.model.stopReason ?? 'user';
    if (this.writer === null) {
      return { reason, sampleRateHz: this.sampleRateHz, samples: concatChunks(this.memory), take: null, recorded: null, storageError: null };
    }
    await this.writer.flush();
    const sink = this.options.sink as TakeSink;
    let take: TakeRecord | null = null;
    let storageError: unknown = this.writer.failure;
    try {
      take = this.take === null ? null : await this.take;
    } catch (e) {
      storageError ??= e;
    }
    const recorded = take === null ? null : sink.store.finishTake(take.id, this.writer.savedSec);
    recorded?.catch(() => undefined);
    return {
      reason, sampleRateHz: this.sampleRateHz, samples: concatChunks(this.writer.savedChunks), take, recorded,
      storageError,
    };
  }
}

/** Release a stream that no session took over (e.g. the screen closed while the permission prompt was open). */
export function releaseUnused(stream: MediaStream): void {
  releaseStream(stream);
}
