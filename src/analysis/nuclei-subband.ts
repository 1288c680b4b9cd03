/**
 * Syllable nuclei without a script, by temporal and selected sub-band correlation (TCSSBC): Wang &
 * Narayanan, "Robust speech rate estimation for spontaneous speech", IEEE TASLP 15(8):2190–2201, 2007
 * (after their ICASSP 2005 paper; the estimator Dekens et al., Interspeech 2007, found best across
 * languages and rates). It holds on fast speech where de Jong & Wempe (2009, nuclei.ts) merges
 * syllables: their 50 Hz intensity window is 128 ms long, a whole syllable at 6–7 syllables/s.
 *
 * 1. Sub-band energies every 10 ms (W&N's frame rate) from a 32 ms Hann window (512 samples at
 *    16 kHz: ≥ 2 periods of a 62.5 Hz voice, so energy does not follow the glottal pulses; 15–20 ms
 *    made pitch-period ripple into peaks on low synthetic voices). Bands: Zwicker's critical bands
 *    (Bark edges) from 300 Hz to 4 kHz. W&N's filterbank starts at about 240 Hz too: below, a band
 *    holds one harmonic or none, and a moving F0 (Mandarin tones, intonation) in and out of it makes
 *    energy peaks that are not syllables. 4 kHz is what 8 kHz (telephone) audio carries.
 * 2. Selected sub-bands: the M = 12 bands with the most energy over the speech span (W&N: 12).
 * 3. Temporal correlation per band: y = √(mean over the pairs j < k of w_j·e(t+j) · w_k·e(t+k)),
 *    K = 11 frames centred on t, Gaussian weights σ = 1.2 frames (W&N's K; σ from the open
 *    implementation juliajuros/speech_rate). Pair products keep sustained (vowel) energy and
 *    suppress one-frame bursts; the Gaussian weights are the temporal smoothing — W&N's further
 *    Gaussian smoothing of the envelope merged fast syllables here, so it is left out.
 * 4. Sub-band correlation: z = mean over band pairs i < j of y_i·y_j (W&N). z is a product of two
 *    energies, so the envelope is read as 5·log10 z: dB of an energy, the scale of intensity.
 * 5. Peaks: local maxima of the envelope in the speech span, above its 99th percentile − 25 dB (de
 *    Jong & Wempe's floor), voiced (pitch validation as W&N: the lenient voicing track at the peak
 *    or one 20 ms voicing frame either side), kept when the envelope between a peak and the last
 *    kept one falls ≥ 1.5 dB below both (z halves: a half-value valley), else the higher one stays
 *    (de Jong & Wempe's merge rule, their 2 dB on intensity).
 * Measured (npm run bench:truth syllables): fast Mandarin (MagicData, 4–7 syll/s) and the read
 * fixtures both hold for a dip of 1–2 dB and windows of 30–32 ms; 1.5 dB is the half-value point.
 */
import { realFft } from './dsp/fft.ts';
import { isVoicedAt, keepPeaksApartByDips, type VoicingTrack } from './nuclei.ts';
import { quantile } from './stats.ts';
import type { IntervalSec } from './types.ts';

/** Zwicker's critical-band (Bark) edges from 300 Hz, the last band cut at 4 kHz. */
export const SUBBAND_EDGES_HZ: readonly number[] = [300, 400, 510, 630, 770, 920, 1080, 1270, 1480, 1720, 2000, 2320, 2700, 3150, 3700, 4000];

/** Constants of the method (the defaults above; options exist for tests and the benchmark). */
export interface SubbandNucleiOptions {
  /** Frame step, s. */
  hopSec?: number;
  /** Hann window, s. */
  windowSec?: number;
  bandEdgesHz?: readonly number[];
  /** Bands kept for the correlation (the most energetic). */
  selectedBands?: number;
  /** Temporal correlation window, frames (odd). */
  temporalFrames?: number;
  /** Gaussian weights of the temporal correlation, frames. */
  temporalSigmaFrames?: number;
  /** Dip between two kept peaks, seen from both, dB (energy scale). */
  minDipDb?: number;
  /** Peaks must exceed q99 of the envelope minus this, dB. */
  belowQ99Db?: number;
  /** A peak is voiced when the voicing track is voiced at it or this far either side, s. */
  voicingReachSec?: number;
}

const DEFAULTS: Required<SubbandNucleiOptions> = {
  hopSec: 0.01,
  windowSec: 0.032,
  bandEdgesHz: SUBBAND_EDGES_HZ,
  selectedBands: 12,
  temporalFrames: 11,
  temporalSigmaFrames: 1.2,
  minDipDb: 1.5,
  belowQ99Db: 25,
  voicingReachSec: 0.02,
};

/** Syllable nuclei found by the sub-band method. */
export interface SubbandNuclei {
  count: number;
  /** Time of each kept peak. */
  timesSec: number[];
  /** Voiced peaks above the floor, before the dip test. */
  candidateCount: number;
}

/** The TCSSBC envelope over a span (plus a margin for the temporal window): frame times and 5·log10 z. */
export interface SyllableEnvelope {
  timesSec: Float64Array;
  levelDb: Float64Array;
}

/** Sub-band energies of frames first … first + n − 1 (frame f centred at f·hop). */
function bandEnergies(samples: Float32Array, sampleRateHz: number, o: Required<SubbandNucleiOptions>, first: number, n: number): Float64Array[] {
  const win = Math.max(4, Math.round(o.windowSec * sampleRateHz));
  let size = 4;
  while (size < win) size *= 2;
  const fft = realFft(size);
  const window = Float64Array.from({ length: win }, (_, i) => 0.5 - 0.5 * Math.cos((2 * Math.PI * (i + 0.5)) / win));
  const nb = o.bandEdgesHz.length - 1;
  const bin = (hz: number): number => Math.min(size / 2 + 1, Math.round((hz * size) / sampleRateHz));
  const lo = Array.from({ length: nb }, (_, b) => bin(o.bandEdgesHz[b]));
  const hi = Array.from({ length: nb }, (_, b) => bin(o.bandEdgesHz[b + 1]));
  const energy = Array.from({ length: nb }, () => new Float64Array(n));
  const frame = new Float64Array(win);
  const re = new Float64Array(size / 2 + 1);
  const im = new Float64Array(size / 2 + 1);
  const hop = o.hopSec * sampleRateHz;
  for (let f = 0; f < n; f++) {
    const start = Math.round((first + f) * hop) - (win >> 1);
    for (let i = 0; i < win; i++) {
      const j = start + i;
      frame[i] = j >= 0 && j < samples.length ? samples[j] * window[i] : 0;
    }
    fft.forward(frame, re, im);
    for (let b = 0; b < nb; b++) {
      let s = 0;
      for (let k = lo[b]; k < hi[b]; k++) s += re[k] * re[k] + im[k] * im[k];
      energy[b][f] = s;
    }
  }
  return energy;
}

/** The TCSSBC syllable envelope of a span of a 16 kHz (or any rate ≥ 8 kHz) signal. */
export function syllableEnvelope(samples: Float32Array, sampleRateHz: number, span: IntervalSec, options: SubbandNucleiOptions = {}): SyllableEnvelope {
  const o = { ...DEFAULTS, ...options };
  const half = (o.temporalFrames - 1) >> 1;
  const first = Math.round(span.startSec / o.hopSec) - half;
  const n = Math.max(0, Math.round(span.endSec / o.hopSec) + half - first + 1);
  const all = bandEnergies(samples, sampleRateHz, o, first, n);
  const total = (e: Float64Array): number => e.reduce((s, v) => s + v, 0);
  const bands = all.map((e) => ({ e, sum: total(e) })).sort((a, b) => b.sum - a.sum).slice(0, o.selectedBands).map((x) => x.e);
  const m = bands.length;
  const w = Float64Array.from({ length: 2 * half + 1 }, (_, j) => Math.exp(-((j - half) ** 2) / (2 * o.temporalSigmaFrames ** 2)));
  const framePairs = ((2 * half + 1) * 2 * half) / 2;
  const bandPairs = (m * (m - 1)) / 2;
  const y = new Float64Array(m);
  const timesSec = new Float64Array(n);
  const levelDb = new Float64Array(n);
  for (let f = 0; f < n; f++) {
    for (let b = 0; b < m; b++) {
      // Σ_{j<k} a_j·a_k = ((Σa)² − Σa²) / 2: the pairs in O(K).
      let s = 0, s2 = 0;
      for (let j = -half; j <= half; j++) {
        const g = f + j;
        const a = g >= 0 && g < n ? w[j + half] * bands[b][g] : 0;
        s += a;
        s2 += a * a;
      }
      y[b] = framePairs > 0 ? Math.sqrt(Math.max(0, (s * s - s2) / 2 / framePairs)) : s;
    }
    let s = 0, s2 = 0;
    for (let b = 0; b < m; b++) {
      s += y[b];
      s2 += y[b] * y[b];
    }
    const z = bandPairs > 0 ? Math.max(0, (s * s - s2) / 2 / bandPairs) : s * s;
    timesSec[f] = (first + f) * o.hopSec;
    levelDb[f] = z > 0 ? 5 * Math.log10(z) : -Infinity;
  }
  return { timesSec, levelDb };
}

/** Count syllable nuclei in the speech span: voiced TCSSBC envelope peaks separated by a ≥ 1.5 dB dip. */
export function subbandNuclei(
  samples: Float32Array,
  sampleRateHz: number,
  voicing: VoicingTrack,
  span: IntervalSec | null,
  options: SubbandNucleiOptions = {},
): SubbandNuclei {
  const o = { ...DEFAULTS, ...options };
  const none: SubbandNuclei = { count: 0, timesSec: [], candidateCount: 0 };
  if (!span || !(span.endSec > span.startSec)) return none;
  const { timesSec: t, levelDb: v } = syllableEnvelope(samples, sampleRateHz, span, o);
  const finite = Array.from(v).filter(Number.isFinite);
  if (finite.length < 3) return none;
  const floorDb = quantile(finite, 0.99) - o.belowQ99Db;
  const voiced = (sec: number): boolean =>
    isVoicedAt(voicing, sec) || (o.voicingReachSec > 0 && (isVoicedAt(voicing, sec - o.voicingReachSec) || isVoicedAt(voicing, sec + o.voicingReachSec)));
  const candidates: number[] = [];
  for (let f = 1; f < v.length - 1; f++) {
    if (t[f] < span.startSec || t[f] > span.endSec) continue;
    if (v[f] > floorDb && v[f] > v[f - 1] && v[f] >= v[f + 1] && voiced(t[f])) candidates.push(f);
  }
  const kept = keepPeaksApartByDips(v, candidates, o.minDipDb);
  return { count: kept.length, timesSec: kept.map((f) => t[f]), candidateCount: candidates.length };
}
