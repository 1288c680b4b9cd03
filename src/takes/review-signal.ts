/**
 * The signals a take review draws, read from the stored report's time tracks (analysis ≥ 1.3.0,
 * docs/adr/0001-analysis-core.md): the pitch contour in semitones against a reference, the loudness
 * envelope, and waveform peaks of the stored audio. No analysis code runs here (the main thread
 * stays free of it; tests/app/bundle-walls.test.ts checks the build): a report without tracks is
 * re-analysed in the worker first (load-review.ts).
 */
import type { AnalysisReport, TimeTrack } from '../analysis/report.ts';

/** What the semitone scale of a contour is measured against. */
export type ContourReference = 'baseline' | 'take';

/** Pitch contour of a take: one value per 10 ms cell of the report's grid, null where unvoiced. */
export interface PitchContour {
  timesSec: Float64Array;
  /** 12·log2(f0 / referenceHz); null for unvoiced cells. */
  semitones: (number | null)[];
  /** The 0 st line, Hz; null when nothing was voiced and there is no baseline. */
  referenceHz: number | null;
  reference: ContourReference;
  hopSec: number;
}

/** Loudness envelope: the report's intensity track (dBFS, the segmentation's 64 ms window) on the 10 ms grid. */
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

/** A report whose tracks the review can draw. */
export type ReportWithTracks = AnalysisReport & { pitch: { track: TimeTrack }; intensity: { track: TimeTrack } };

/** True when the report carries both time tracks (analysis ≥ 1.3.0; restore.ts nulls them otherwise). */
export function hasTracks(report: AnalysisReport | null): report is ReportWithTracks {
  return report !== null && report.pitch.track !== null && report.intensity.track !== null;
}

/** Semitones of `hz` above `referenceHz`. */
export function semitonesAbove(hz: number, referenceHz: number): number {
  return 12 * Math.log2(hz / referenceHz);
}

/** Median as the analysis takes it (Praat's quantile: linear between order statistics at p·n + 0.5). */
export function medianOf(values: readonly number[]): number | null {
  const n = values.length;
  if (n === 0) return null;
  const sorted = Float64Array.from(values).sort();
  if (n === 1) return sorted[0];
  const place = 0.5 * n + 0.5;
  const left = Math.floor(place);
  if (left >= n) return sorted[n - 1];
  return sorted[left - 1] + (place - left) * (sorted[left] - sorted[left - 1]);
}

function cellTimes(track: TimeTrack): Float64Array {
  return Float64Array.from(track.values, (_, i) => track.startSec + i * track.hopSec);
}

/**
 * Pitch contour of an F0 track (Hz, null unvoiced) in semitones against `baselineHz` (the agent's own
 * calibration) or, without one, against the take's median F0 (the report's, else the track's).
 */
export function pitchContour(track: TimeTrack, baselineHz: number | null, takeMedianHz: number | null = null): PitchContour {
  const voiced: number[] = [];
  for (const hz of track.values) if (hz !== null && hz > 0) voiced.push(hz);
  const medianHz = takeMedianHz ?? medianOf(voiced);
  const useBaseline = baselineHz !== null && baselineHz > 0;
  const referenceHz = useBaseline ? baselineHz : medianHz;
  const semitones = track.values.map((hz) => (hz !== null && hz > 0 && referenceHz !== null ? semitonesAbove(hz, referenceHz) : null));
  return { timesSec: cellTimes(track), semitones, referenceHz, reference: useBaseline ? 'baseline' : 'take', hopSec: track.hopSec };
}

/** Loudness envelope of an intensity track (dBFS); cells without a value are left out. */
export function loudnessEnvelope(track: TimeTrack): LoudnessEnvelope {
  const times: number[] = [];
  const levels: number[] = [];
  track.values.forEach((db, i) => {
    if (db === null) return;
    times.push(track.startSec + i * track.hopSec);
    levels.push(db);
  });
  return { timesSec: Float64Array.from(times), levelDbfs: Float64Array.from(levels) };
}

/**
 * Contour and envelope of a take from its report's tracks, against the baseline when there is one.
 * Throws for a report without tracks: it must be re-analysed first (never drawn from a guess).
 */
export function reviewSignals(report: AnalysisReport, durationSec: number, baselineHz: number | null): ReviewSignals {
  if (!hasTracks(report)) {
    throw new Error(`This take was analysed by VoiceDrill analysis ${report.analysisVersion}, which stored no pitch contour; analyse it again to draw it.`);
  }
  return {
    durationSec,
    contour: pitchContour(report.pitch.track, baselineHz, report.pitch.medianHz),
    envelope: loudnessEnvelope(report.intensity.track),
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
