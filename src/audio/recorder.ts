/** Recorder: microphone → AudioWorklet → blocks of PCM; owns and releases its context and stream. */
import captureProcessorUrl from './worklets/capture-processor.ts?worker&url';
import { releaseStream } from './microphone.ts';

/** Receives each captured block (mono, at the context's sample rate). */
export type BlockListener = (block: Float32Array) => void;

/** A running capture; stop() releases the microphone, the worklet and the AudioContext. */
export class Recorder {
  private constructor(
    private readonly stream: MediaStream,
    private readonly context: AudioContext,
    private readonly node: AudioWorkletNode,
    private readonly source: MediaStreamAudioSourceNode,
    readonly sampleRateHz: number,
  ) {}

  /** Start capturing from an open stream; the recorder takes ownership of it. */
  static async start(stream: MediaStream, onBlock: BlockListener): Promise<Recorder> {
    const context = new AudioContext({ latencyHint: 'interactive' });
    try {
      await context.audioWorklet.addModule(captureProcessorUrl);
      const source = context.createMediaStreamSource(stream);
      const node = new AudioWorkletNode(context, 'voicedrill-capture', { numberOfInputs: 1, numberOfOutputs: 0, channelCount: 1, channelCountMode: 'explicit' });
      node.port.onmessage = (event: MessageEvent<Float32Array>) => onBlock(event.data);
      source.connect(node);
      if (context.state === 'suspended') await context.resume();
      return new Recorder(stream, context, node, source, context.sampleRate);
    } catch (error) {
      releaseStream(stream);
      await context.close().catch(() => undefined);
      throw error;
    }
  }

  /** Flush the last block, then release everything. Safe to call twice. */
  async stop(): Promise<void> {
    if (this.context.state === 'closed') return;
    const flushed = new Promise<void>((resolve) => setTimeout(resolve, 60));
    this.node.port.postMessage({ type: 'stop' });
    await flushed;
    this.source.disconnect();
    this.node.port.onmessage = null;
    releaseStream(this.stream);
    await this.context.close().catch(() => undefined);
  }
}
