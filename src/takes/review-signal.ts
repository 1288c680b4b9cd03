/**
 * The signals a take review draws, computed on demand from the stored audio with the analysis core's
 * own functions (resample → 80 Hz high-pass → adaptive pitch; Praat-style intensity): the pitch
 * contour in semitones against a reference, the loudness envelope, and waveform peaks.
 * Pure and DOM-free, so the same code can run in a worker or in Node tests.
 */
import { highpass } from '../analysis/dsp/highpass.ts';
import { resampleTo } from '../analysis/dsp/resample.ts';
import type { AnalysisReport } from './index.ts';
import { intensityContour, SEGMENTATION_MIN_PITCH_HZ } from '../analysis/intensity.ts';
import { adaptivePitch } from '../analysis/pitch/index.ts';
import { quantile } from '../analysis/stats.ts';
import { ANALYSIS_RATE_HZ, type IntervalSec } from '../analysis/types.ts';

/** What the semitone scale of a contour is measured against. */
export type ContourReference = 'baseline' | 'take';

/** Pitch contour of a take: one value per 10 ms frame, null where unvoiced. */
export interface PitchContour {
  timesSec: Float64Array;
  /** 12·log2(f0 / referenceHz); null for unvoiced frames. */
  semitones: (number | null)[];
  /** The 0 st line, Hz; null when nothing was voiced and there is no baseline. */
  referenceHz: number | null;
  reference: ContourReference;
  hopSec: number;
}

/** Loudness envelope: Praat-style intensity in dBFS (64 ms window, 8 ms hop, as the segmentation). */
export interface LoudnessEnvelope {
  timesSec: Float64Array;
  levelDbfs: Float64Array;
}

/** Everything the review draws over the waveform. */
export interface ReviewSignals {
  durationSec: number;
  contour: PitchContour;
  envelope: LoudnessEnvelope;
}

/** The 16 kHz, 80 Hz high-passed signal every analysis measure is taken on (ADR 0001 pipeline). */
export function analysisSignal(samples: Float32Array, sampleRateHz: number): Float32Array {
  return highpass(resampleTo(samples, sampleRateHz, ANALYSIS_RATE_HZ), ANALYSIS_RATE_HZ);
}

/** Speech intervals to track pitch in: the report's phrases, else its speech span, else the whole take. */
export function speechIntervals(report: AnalysisReport | null, durationSec: number): IntervalSec[] {
  if (report && report.phrases.length > 0) return report.phrases.map((p) => ({ startSec: p.startSec, endSec: p.endSec }));
  if (report?.speech.startSec != null && report.speech.endSec != null) {
    return [{ startSec: report.speech.startSec, endSec: report.speech.endSec }];
  }
  return [{ startSec: 0, endSec: durationSec }];
}

/** Semitones of `hz` above `referenceHz`. */
export function semitonesAbove(hz: number, referenceHz: number): number {
  return 12 * Math.log2(hz / referenceHz);
}

/**
 * Pitch contour of a 16 kHz high-passed signal in semitones against `baselineHz` (the agent's own
 * calibration) or, without one, against the take's median F0 (the report's, else the track's).
 */
export function pitchContour(
  hp16k: Float32Array,
  intervals: readonly IntervalSec[],
  baselineHz: number | null,
  takeMedianHz: number | null = null,
): PitchContour {
  const adaptive = adaptivePitch(hp16k, ANALYSIS_RATE_HZ, intervals);
  // No adapted pass (fewer than 3 voiced frames): the wide first pass is all there is to draw.
  const track = adaptive.track ?? adaptive.firstPass;
  const voiced: number[] = [];
  for (const hz of track.f0Hz) if (hz > 0) voiced.push(hz);
  const medianHz = takeMedianHz ?? (voiced.length > 0 ? quantile(voiced, 0.5) : null);
  const useBaseline = baselineHz !== null && baselineHz > 0;
  const referenceHz = useBaseline ? baselineHz : medianHz;
  const semitones = Array.from(track.f0Hz, (hz) => (hz > 0 && referenceHz !== null ? semitonesAbove(hz, referenceHz) : null));
  return { timesSec: track.timesSec, semitones, referenceHz, reference: useBaseline ? 'baseline' : 'take', hopSec: track.hopSec };
}

/** Loudness envelope of a 16 kHz high-passed signal (the segmentation's intensity settings). */
export function loudnessEnvelope(hp16k: Float32Array): LoudnessEnvelope {
  const c = intensityContour(hp16k, ANALYSIS_RATE_HZ, SEGMENTATION_MIN_PITCH_HZ);
  return { timesSec: c.timesSec, levelDbfs: c.levelDbfs };
}

/** Contour and envelope of a take's audio (mono, native rate), against the baseline when there is one. */
export function reviewSignals(
  samples: Float32Array,
  sampleRateHz: number,
  report: AnalysisReport | null,
  baselineHz: number | null,
): ReviewSignals {
  const durationSec = samples.length / sampleRateHz;
  const hp = analysisSignal(samples, sampleRateHz);
  return {
    durationSec,
    contour: pitchContour(hp, speechIntervals(report, durationSec), baselineHz, report?.pitch.medianHz ?? null),
    envelope: loudnessEnvelope(hp),
  };
}

/**
 * Waveform peaks for wavesurfer: per bucket the maximum then the minimum sample, so the drawn shape
 * keeps both excursions at `bucketsPerSec` resolution (a 10-minute take stays a few hundred kB).
 */
export function waveformPeaks(samples: Float32Array, sampleRateHz: number, bucketsPerSec = 200): Float32Array {
  const size = Math.max(1, Math.round(sampleRateHz / bucketsPerSec));
  const buckets = Math.ceil(samples.length / size);
  const out = new Float32Array(Math.max(2, buckets * 2));
  for (let b = 0; b < buckets; b++) {
    let max = 0;
    let min = 0;
    const end = Math.min(samples.length, (b + 1) * size);
    for (let i = b * size; i < end; i++) {
      const x = samples[i];
      if (x > max) max = x;
      else if (x < min) min = x;
    }
    out[2 * b] = max;
    out[2 * b + 1] = min;
  }
  return out;
}

/** The value of a contour at a time (nearest frame within half a hop), or null. */
export function contourAt(contour: PitchContour, timeSec: number): number | null {
  const n = contour.timesSec.length;
  if (n === 0) return null;
  const t0 = contour.timesSec[0];
  const i = Math.round((timeSec - t0) / contour.hopSec);
  if (i < 0 || i >= n || Math.abs(contour.timesSec[i] - timeSec) > contour.hopSec / 2 + 1e-9) return null;
  return contour.semitones[i];
}
