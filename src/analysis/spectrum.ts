/**
 * Spectral brightness of voiced speech: the median spectral centroid in Hz, for the experimental
 * warmth guideline (smiled speech raises F0 and formants). The centroid is meyda's extractor fed
 * with our own amplitude spectrum: meyda's own FFT and global bufferSize are avoided, and its
 * centroid is in bins, so it is converted to Hz here.
 */
import spectralCentroid from 'meyda/dist/esm/extractors/spectralCentroid.js';
import { realFft } from './dsp/fft.ts';
import { quantile } from './stats.ts';
import type { IntervalSec, PitchTrack } from './types.ts';

// 32 ms frames at 16 kHz: long enough to resolve harmonics of low voices, short enough for syllables.
const FRAME_SAMPLES = 512;
// Every 3rd voiced frame (30 ms apart) is plenty for a median and keeps 10 minutes under 100 ms.
const FRAME_STRIDE = 3;

/** Median spectral centroid (Hz) of voiced frames inside speech, or null with fewer than 3 frames. */
export function brightnessHz(hp16k: Float32Array, sampleRateHz: number, track: PitchTrack, sounding: readonly IntervalSec[]): number | null {
  const fft = realFft(FRAME_SAMPLES);
  const window = Float64Array.from({ length: FRAME_SAMPLES }, (_, i) => 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / (FRAME_SAMPLES - 1)));
  const frame = new Float64Array(FRAME_SAMPLES);
  const re = new Float64Array(FRAME_SAMPLES / 2 + 1);
  const im = new Float64Array(FRAME_SAMPLES / 2 + 1);
  const amplitude = new Float32Array(FRAME_SAMPLES / 2);
  const centroidsHz: number[] = [];
  let seg = 0;
  let voicedSeen = 0;
  for (let f = 0; f < track.timesSec.length; f++) {
    const t = track.timesSec[f];
    while (seg < sounding.length && t > sounding[seg].endSec) seg++;
    if (seg >= sounding.length) break;
    if (t < sounding[seg].startSec || track.f0Hz[f] <= 0) continue;
    if (voicedSeen++ % FRAME_STRIDE !== 0) continue;
    const start = Math.round(t * sampleRateHz) - FRAME_SAMPLES / 2;
    if (start < 0 || start + FRAME_SAMPLES > hp16k.length) continue;
    for (let i = 0; i < FRAME_SAMPLES; i++) frame[i] = hp16k[start + i] * window[i];
    fft.forward(frame, re, im);
    for (let k = 0; k < amplitude.length; k++) amplitude[k] = Math.hypot(re[k], im[k]);
    const bin = spectralCentroid({ ampSpectrum: amplitude });
    if (Number.isFinite(bin)) centroidsHz.push((bin * sampleRateHz) / FRAME_SAMPLES);
  }
  return centroidsHz.length >= 3 ? quantile(centroidsHz, 0.5) : null;
}
