/**
 * Mel-frequency cepstral coefficients of short frames (for telling two voices apart), or with
 * `scale: 'linear'` linear-frequency cepstral coefficients (LFCC: the same filters equally spaced in Hz).
 *
 * The classic recipe (Davis & Mermelstein 1980; HTK book §5.4): Hamming window, power spectrum,
 * triangular filters equally spaced on the mel scale (mel = 2595·log10(1 + f/700)), log of each band's
 * energy, DCT-II. Linear spacing gives the upper half of a telephone band (2–3.8 kHz, the third and
 * fourth formants, which differ most between two voices of one gender) as many filters as the lower half. Meyda has an MFCC extractor too, but it reads its global bufferSize/sampleRate and
 * runs its own FFT per call; this one reuses the project's FFT plan and a precomputed filterbank.
 */
import { powerSpectrum, realFft } from './fft.ts';

/** Settings of an MFCC analysis. */
export interface MfccOptions {
  sampleRateHz: number;
  /** Frame length, samples (zero-padded to the next power of two). */
  frameSamples: number;
  /** Number of mel bands. */
  bands: number;
  /** Coefficients kept, c0 included. */
  coefficients: number;
  /** Lowest and highest filter edge, Hz. */
  lowHz: number;
  highHz: number;
  /** Filters equally spaced on the mel scale (default) or in Hz. */
  scale?: 'mel' | 'linear';
}

/** A reusable MFCC analyser: one frame in, coefficients out. */
export interface Mfcc {
  readonly options: MfccOptions;
  /** MFCCs of the frame starting at `start` in `x` (out of range samples are zeros) into `out`. */
  frame(x: Float32Array, start: number, out: Float64Array): void;
}

const melOf = (hz: number): number => 2595 * Math.log10(1 + hz / 700);
const hzOf = (mel: number): number => 700 * (10 ** (mel / 2595) - 1);

/** An MFCC analyser for the given settings. */
export function createMfcc(options: MfccOptions): Mfcc {
  const { sampleRateHz, frameSamples, bands, coefficients, lowHz, highHz } = options;
  const size = Math.max(4, 2 ** Math.ceil(Math.log2(frameSamples)));
  const fft = realFft(size);
  const bins = size / 2 + 1;
  const window = Float64Array.from({ length: frameSamples }, (_, i) => 0.54 - 0.46 * Math.cos((2 * Math.PI * i) / (frameSamples - 1)));
  // Triangular filters on the mel scale (or in Hz), as (first bin, weights) per band.
  const [toScale, fromScale] = options.scale === 'linear' ? [(hz: number) => hz, (x: number) => x] : [melOf, hzOf];
  const edgesHz = Array.from({ length: bands + 2 }, (_, k) => fromScale(toScale(lowHz) + ((toScale(highHz) - toScale(lowHz)) * k) / (bands + 1)));
  const filters = Array.from({ length: bands }, (_, b) => {
    const [lo, mid, hi] = [edgesHz[b], edgesHz[b + 1], edgesHz[b + 2]];
    const first = Math.max(0, Math.ceil((lo * size) / sampleRateHz));
    const last = Math.min(bins - 1, Math.floor((hi * size) / sampleRateHz));
    const weights = new Float64Array(Math.max(0, last - first + 1));
    for (let k = first; k <= last; k++) {
      const f = (k * sampleRateHz) / size;
      weights[k - first] = f <= mid ? (f - lo) / (mid - lo) : (hi - f) / (hi - mid);
    }
    return { first, weights };
  });
  const dct = Array.from({ length: coefficients }, (_, c) => Float64Array.from({ length: bands }, (_, b) => Math.cos((Math.PI * c * (b + 0.5)) / bands)));
  const buf = new Float64Array(size);
  const power = new Float64Array(bins);
  const logMel = new Float64Array(bands);
  return {
    options,
    frame(x, start, out) {
      for (let i = 0; i < frameSamples; i++) {
        const j = start + i;
        buf[i] = j >= 0 && j < x.length ? x[j] * window[i] : 0;
      }
      powerSpectrum(fft, buf, power);
      for (let b = 0; b < bands; b++) {
        const { first, weights } = filters[b];
        let e = 0;
        for (let k = 0; k < weights.length; k++) e += weights[k] * power[first + k];
        // A floor far below any speech keeps log(0) out of digital silence.
        logMel[b] = Math.log(e + 1e-10);
      }
      for (let c = 0; c < coefficients; c++) {
        let s = 0;
        for (let b = 0; b < bands; b++) s += dct[c][b] * logMel[b];
        out[c] = s;
      }
    },
  };
}
