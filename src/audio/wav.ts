/** 16-bit PCM WAV encoding of a mono take, for listening back (and the same bytes an export would give). Pure. */
import { floatToInt16 } from '../storage/pcm.ts';

/** A mono 16-bit PCM WAV file of the samples (Float32 in [−1, 1], converted as storage does). */
export function encodeWavMono16(samples: Float32Array, sampleRateHz: number): Uint8Array {
  const pcm = floatToInt16(samples);
  const dataBytes = pcm.length * 2;
  const out = new Uint8Array(44 + dataBytes);
  const view = new DataView(out.buffer);
  const ascii = (offset: number, text: string): void => {
    for (let i = 0; i < text.length; i++) out[offset + i] = text.charCodeAt(i);
  };
  ascii(0, 'RIFF');
  view.setUint32(4, 36 + dataBytes, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, Math.round(sampleRateHz), true);
  view.setUint32(28, Math.round(sampleRateHz) * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  ascii(36, 'data');
  view.setUint32(40, dataBytes, true);
  for (let i = 0; i < pcm.length; i++) view.setInt16(44 + 2 * i, pcm[i], true);
  return out;
}
