/** Recorder: microphone → AudioWorklet → blocks of PCM with level and live F0; owns and releases its context and stream. */
import captureProcessorUrl from './worklets/capture-processor.ts?worker&url';
import type { CaptureControl, CaptureMessage, CapturedBlock } from './capture-protocol.ts';
import { releaseStream } from './microphone.ts';

export type { CapturedBlock } from './capture-protocol.ts';

// Longest wait for the worklet's last block (a context that no longer runs never answers).
const FLUSH_TIMEOUT_MS = 200;

/** Receives each captured block (mono, at the context's sample rate), its level and live F0. */
export type BlockListener = (block: CapturedBlock) => void;

/** Where the worklet's "last block posted" answer goes. */
interface FlushSignal {
  onStopped: (() => void) | null;
}

/** A running capture; stop() releases the microphone, the worklet and the AudioContext. */
export class Recorder {
  private stopping = false;

  private constructor(
    private readonly stream: MediaStream,
    private readonly context: AudioContext,
    private readonly node: AudioWorkletNode,
    private readonly source: MediaStreamAudioSourceNode,
    private readonly flush: FlushSignal,
    readonly sampleRateHz: number,
  ) {}

  /** Start capturing from an open stream; the recorder takes ownership of it. */
  static async start(stream: MediaStream, onBlock: BlockListener): Promise<Recorder> {
    const context = new AudioContext({ latencyHint: 'interactive' });
    try {
      await context.audioWorklet.addModule(captureProcessorUrl);
      const source = context.createMediaStreamSource(stream);
      const node = new AudioWorkletNode(context, 'voicedrill-capture', { numberOfInputs: 1, numberOfOutputs: 0, channelCount: 1, channelCountMode: 'explicit' });
      const flush: FlushSignal = { onStopped: null };
      node.port.onmessage = (event: MessageEvent<CaptureMessage>) => {
        if (event.data.type === 'block') onBlock(event.data);
        else flush.onStopped?.();
      };
      source.connect(node);
      if (context.state === 'suspended') await context.resume();
      return new Recorder(stream, context, node, source, flush, context.sampleRate);
    } catch (error) {
      releaseStream(stream);
      await context.close().catch(() => undefined);
      throw error;
    }
  }

  /** Flush the last block (the worklet says when it is posted), then release everything. Safe to call twice. */
  async stop(): Promise<void> {
    if (this.context.state === 'closed' || this.stopping) return;
    this.stopping = true;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, FLUSH_TIMEOUT_MS);
      this.flush.onStopped = () => {
        clearTimeout(timer);
        resolve();
      };
      const stop: CaptureControl = { type: 'stop' };
      this.node.port.postMessage(stop);
    });
    this.source.disconnect();
    this.node.port.onmessage = null;
    releaseStream(this.stream);
    await this.context.close().catch(() => undefined);
  }
}
