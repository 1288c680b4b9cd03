/**
 * A model recording's audio as the pack carries it: 16 kHz mono 16-bit PCM WAV. An imported file is decoded by the
 * browser (decodeAudioData of an OfflineAudioContext at 16 kHz resamples it) and its channels averaged; a recording
 * made in the editor is resampled the same way. The analysis is given the samples the WAV holds (after 16-bit rounding).
 */
import { encodeWavMono16 } from '../../audio/wav.ts';
import { PACK_LIMITS } from '../../packs/types.ts';
import { floatToInt16, int16ToFloat } from '../../storage/index.ts';

/** Sample rate of model WAVs. */
export const MODEL_RATE_HZ = 16000;

/** Longest model recording the pack's limit allows, seconds. */
export const MODEL_MAX_SEC = Math.floor((PACK_LIMITS.modelWavBytes - 44) / 2 / MODEL_RATE_HZ);

/** Why audio could not become a model. */
export class ModelAudioError extends Error {
  constructor(readonly kind: 'decode' | 'tooLong' | 'empty') {
    super(kind);
    this.name = 'ModelAudioError';
  }
}

/** A model's WAV bytes and the samples it holds. */
export interface ModelAudio {
  wav: Uint8Array;
  samples: Float32Array;
}

function mono(buffer: AudioBuffer): Float32Array {
  const out = new Float32Array(buffer.length);
  for (let c = 0; c < buffer.numberOfChannels; c++) {
    const data = buffer.getChannelData(c);
    for (let i = 0; i < out.length; i++) out[i] += data[i] / buffer.numberOfChannels;
  }
  return out;
}

/** The WAV and samples of 16 kHz mono audio; refuses empty or too long audio. */
export function modelAudioOf(samples16k: Float32Array): ModelAudio {
  if (samples16k.length === 0) throw new ModelAudioError('empty');
  if (samples16k.length > MODEL_MAX_SEC * MODEL_RATE_HZ) throw new ModelAudioError('tooLong');
  return { wav: encodeWavMono16(samples16k, MODEL_RATE_HZ), samples: int16ToFloat(floatToInt16(samples16k)) };
}

/** Decode an audio file (WAV at least: whatever the browser decodes) to a model. */
export async function modelFromFile(bytes: ArrayBuffer): Promise<ModelAudio> {
  let decoded: AudioBuffer;
  try {
    decoded = await new OfflineAudioContext(1, 1, MODEL_RATE_HZ).decodeAudioData(bytes);
  } catch {
    throw new ModelAudioError('decode');
  }
  return modelAudioOf(mono(decoded));
}

/** Resample a recording (mono, any rate) to a model. */
export async function modelFromRecording(samples: Float32Array, sampleRateHz: number): Promise<ModelAudio> {
  if (samples.length === 0) throw new ModelAudioError('empty');
  if (samples.length / sampleRateHz > MODEL_MAX_SEC) throw new ModelAudioError('tooLong');
  if (sampleRateHz === MODEL_RATE_HZ) return modelAudioOf(samples);
  const frames = Math.max(1, Math.round((samples.length * MODEL_RATE_HZ) / sampleRateHz));
  const ctx = new OfflineAudioContext(1, frames, MODEL_RATE_HZ);
  const buffer = ctx.createBuffer(1, samples.length, sampleRateHz);
  buffer.copyToChannel(Float32Array.from(samples), 0);
  const source = ctx.createBufferSource();
  source.buffer = buffer;
  source.connect(ctx.destination);
  source.start();
  return modelAudioOf((await ctx.startRendering()).getChannelData(0).slice());
}
