/**
 * AudioWorklet capture: copies the first input channel into ~50 ms blocks and posts each to the page
 * (transferring the buffer) with its RMS level and the live F0 (LivePitch), so the page runs no pitch
 * code. On 'stop' it posts the partial last block, then {type: 'stopped'}.
 * Replaces the deprecated ScriptProcessorNode.
 */
import { blockLevelDbfs } from '../block-level.ts';
import type { CaptureControl, CaptureMessage } from '../capture-protocol.ts';
import { LivePitch } from './live-pitch.ts';

// The AudioWorklet global scope is not in TypeScript's libs; declare the little we use.
declare abstract class AudioWorkletProcessor {
  readonly port: MessagePort;
  abstract process(inputs: Float32Array[][], outputs: Float32Array[][], parameters: Record<string, Float32Array>): boolean;
}
declare function registerProcessor(name: string, ctor: new () => AudioWorkletProcessor): void;
declare const sampleRate: number;

class CaptureProcessor extends AudioWorkletProcessor {
  private block = new Float32Array(Math.round(sampleRate * 0.05));
  private filled = 0;
  private running = true;
  private readonly pitch = new LivePitch(sampleRate);

  constructor() {
    super();
    this.port.onmessage = (event: MessageEvent<CaptureControl>) => {
      if (event.data.type === 'stop') {
        this.flush();
        this.running = false;
        // Tells the page that the last block has been posted, so it need not wait blindly.
        this.post({ type: 'stopped' });
      }
    };
  }

  private post(message: CaptureMessage, transfer: Transferable[] = []): void {
    this.port.postMessage(message, transfer);
  }

  private flush(): void {
    if (this.filled === 0) return;
    const samples = this.block.slice(0, this.filled);
    this.filled = 0;
    const levelDbfs = blockLevelDbfs(samples);
    const pitchHz = this.pitch.push(samples, levelDbfs);
    this.post({ type: 'block', samples, levelDbfs, pitchHz }, [samples.buffer]);
  }

  process(inputs: Float32Array[][]): boolean {
    const channel = inputs[0]?.[0];
    if (channel && this.running) {
      let offset = 0;
      while (offset < channel.length) {
        const n = Math.min(channel.length - offset, this.block.length - this.filled);
        this.block.set(channel.subarray(offset, offset + n), this.filled);
        this.filled += n;
        offset += n;
        if (this.filled === this.block.length) this.flush();
      }
    }
    return this.running;
  }
}

registerProcessor('voicedrill-capture', CaptureProcessor);
