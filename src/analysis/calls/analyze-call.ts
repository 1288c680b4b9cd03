/** analyzeCall: the recorded-call engine for a stereo call (agent and customer on separate channels) or a mono call (diarised, mono.ts). */
import { validateAudioInput, type AudioInput } from '../options.ts';
import type { CallOptions } from './engine.ts';
import type { CallReport } from './report.ts';
import { createCallStream } from './stream.ts';

export type { CallOptions } from './engine.ts';

/** Samples per channel fed to the stream at a time: bounds the working memory whatever the input length. */
const FEED_SAMPLES = 1 << 16;

/** Analyse a stereo or mono call held whole: the call stream fed in chunks (one path). Pure: same input, same (rounded) report. */
export function analyzeCall(input: AudioInput, options: CallOptions): CallReport {
  const needed = options.agentChannel === 'mono' ? 1 : 2;
  if (input.channels.length !== needed) throw new RangeError(`a ${needed === 1 ? 'mono' : 'stereo'} call needs ${needed} channel${needed === 1 ? '' : 's'}, not ${input.channels.length}`);
  validateAudioInput(input);
  const stream = createCallStream(input.sampleRateHz, needed);
  const n = input.channels[0].length;
  for (let at = 0; at < n; at += FEED_SAMPLES) stream.push(input.channels.map((c) => c.subarray(at, Math.min(n, at + FEED_SAMPLES))));
  return stream.finish(options).report;
}
