/** Channel selection: the average of all channels (Praat's "Convert to mono"), or one side. */
import type { ChannelMode } from '../options.ts';

/**
 * Mono signal of the chosen channel(s): 'mix' averages every channel, 'left' takes channel 0,
 * 'right' channel 1 (channel 0 for mono input). May return an input channel itself: do not mutate it.
 */
export function mixdown(channels: readonly Float32Array[], mode: ChannelMode = 'mix'): Float32Array {
  if (channels.length === 0) throw new RangeError('no audio channels');
  if (mode === 'left' || channels.length === 1) return channels[0];
  if (mode === 'right') return channels[1];
  const n = channels[0].length;
  if (channels.some((ch) => ch.length !== n)) throw new RangeError('channels differ in length');
  const out = new Float32Array(n);
  if (channels.length === 2) {
    const [a, b] = channels;
    for (let i = 0; i < n; i++) out[i] = 0.5 * (a[i] + b[i]);
    return out;
  }
  const sum = new Float64Array(n);
  for (const ch of channels) for (let i = 0; i < n; i++) sum[i] += ch[i];
  for (let i = 0; i < n; i++) out[i] = sum[i] / channels.length;
  return out;
}
