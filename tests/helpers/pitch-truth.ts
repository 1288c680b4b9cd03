/**
 * Pitch tracks scored frame by frame against the Keele laryngograph (../shared/fixtures/truth/keele):
 * the report's 10 ms track and Praat's adaptive two-pass track, put on the reference frames and scored
 * with the usual measures (GPE, fine pitch error, VDE, utterance statistics). Shared by
 * `npm run bench:truth pitch` and tests/analysis/pitch-truth.test.ts.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeToJson } from '../../src/analysis/index.ts';
import { decodeFixture } from './fixtures.ts';
import { readTruthCsv, TRUTH_DIR } from './truth.ts';

/** Reference frame step: frame i of a Keele f0 file is at i × 10 ms. */
export const REFERENCE_HOP_SEC = 0.01;
/** Gross error: |F0 error| above this fraction of the reference (the usual 20 %). */
export const GROSS_ERROR_FRACTION = 0.2;
/** A sampled F0 track: value k at startSec + k·hopSec, Hz or null when unvoiced (the report's TimeTrack). */
export interface F0Track {
  startSec: number;
  hopSec: number;
  values: readonly (number | null)[];
}

/** One Keele file: its audio path (under the truth folder) and its laryngograph F0 per reference frame. */
export interface KeeleFile {
  id: string;
  wavPath: string;
  /** Hz; 0 = unvoiced, −1 = uncertain (left out of every measure). */
  referenceHz: Float64Array;
}

/** The ten Keele files with their reference tracks. */
export function keeleFiles(): KeeleFile[] {
  return readTruthCsv('keele/keele.csv').map((row) => {
    const rows = readTruthCsv(row.f0_reference);
    const referenceHz = new Float64Array(rows.length);
    rows.forEach((r, i) => {
      if (Math.abs(Number(r.t_s) - i * REFERENCE_HOP_SEC) > 1e-6) throw new Error(`${row.f0_reference}: row ${i} is not at ${i * 10} ms`);
      referenceHz[i] = Number(r.f0_hz);
    });
    return { id: row.id, wavPath: row.file, referenceHz };
  });
}

/** The report's pitch track of a file analysed through the public entry, as the CLI does. */
export async function reportPitchTrack(file: KeeleFile): Promise<F0Track & { medianHz: number | null }> {
  const input = await decodeFixture(join('truth', file.wavPath));
  const report = analyzeToJson(input, {}, file.wavPath);
  const track = report.pitch.track;
  if (!track) throw new Error(`${file.id}: the report has no pitch track`);
  return { ...track, medianHz: report.pitch.medianHz };
}

/** True when `praat` runs. */
export const havePraat = spawnSync('praat', ['--version']).status === 0;

/** Praat's adaptive two-pass track (praat-adaptive-pitch.praat) of a file, with its adapted range. */
export function praatPitchTrack(file: KeeleFile): F0Track & { floorHz: number; ceilingHz: number } {
  const script = join(import.meta.dirname, 'praat-adaptive-pitch.praat');
  const dir = mkdtempSync(join(tmpdir(), 'praat-pitch-'));
  try {
    const listing = join(dir, 'pitch.txt');
    const out = execFileSync('praat', ['--run', script, join(TRUTH_DIR, file.wavPath), listing], { encoding: 'utf8' });
    const [floorHz, ceilingHz, startSec, hopSec, frames] = out.trim().split(/\s+/).map(Number);
    const values = new Array<number | null>(frames).fill(null);
    for (const line of readFileSync(listing, 'utf8').trim().split('\n')) {
      const [t, hz] = line.split('\t').map(Number);
      const k = Math.round((t - startSec) / hopSec);
      if (k >= 0 && k < frames && hz > 0) values[k] = hz;
    }
    return { startSec, hopSec, values, floorHz, ceilingHz };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Frame counts of one comparison (fractional, see frameCounts); add them up to pool several files. */
export interface FrameCounts {
  /** Frames scored (reference not −1). */
  frames: number;
  /** Frames whose voicing differs. */
  voicingErrors: number;
  bothVoiced: number;
  grossErrors: number;
  /** Sum of |error| in cents over the both-voiced frames without a gross error. */
  fineCentsSum: number;
}

/** Utterance statistics of a track's voiced frames. */
export interface F0Summary {
  medianHz: number;
  p5Hz: number;
  p95Hz: number;
  sdSt: number;
}

/** The measures of one file (or of pooled counts). */
export interface PitchScore {
  /** % of both-voiced frames with |error| > 20 %. */
  gpePct: number;
  /** Mean |error| in cents of the other both-voiced frames. */
  finePitchErrorCents: number;
  /** % of scored frames whose voicing differs. */
  vdePct: number;
}

/** Errors of a track's utterance statistics against the reference's. */
export interface SummaryErrors {
  medianPct: number;
  p5Pct: number;
  p95Pct: number;
  /** SD of the semitone values: ours − reference, st. */
  sdSt: number;
}

/**
 * Counts of a track against the reference. The track's frames need not fall on the reference frames
 * (ours are centred at (k + ½)·10 ms, Praat's at ≈ (k + 1.5)·10 ms + 25 µs, both midway between two
 * reference frames), so each reference frame i is compared with the two track frames around i × 10 ms,
 * weighted by nearness (1 − w and w, w the fractional position of i × 10 ms between them): a voicing
 * error of either counts by its weight, so at a tie half a frame each way and neither an over- nor an
 * under-voicing track gains from the half-frame offset. Where both are voiced their F0 is interpolated
 * linearly in log frequency and scored as one frame; where one is, it is scored with its weight. Counts
 * are therefore fractional. Times outside the track are unvoiced.
 */
export function frameCounts(referenceHz: Float64Array, track: F0Track): FrameCounts {
  const c: FrameCounts = { frames: 0, voicingErrors: 0, bothVoiced: 0, grossErrors: 0, fineCentsSum: 0 };
  const { values, startSec, hopSec } = track;
  for (let i = 0; i < referenceHz.length; i++) {
    const ref = referenceHz[i];
    if (ref < 0) continue;
    const x = (i * REFERENCE_HOP_SEC - startSec) / hopSec;
    const a = Math.floor(x);
    const w = x - a;
    const at = (k: number): number => (k >= 0 && k < values.length ? values[k] ?? 0 : 0);
    const fa = at(a);
    const fb = at(a + 1);
    c.frames++;
    if (ref > 0 !== fa > 0) c.voicingErrors += 1 - w;
    if (ref > 0 !== fb > 0) c.voicingErrors += w;
    if (!(ref > 0) || !(fa > 0 || fb > 0)) continue;
    // Both voiced: F0 interpolated linearly in log frequency, one frame; else the voiced one, its weight.
    const weight = fa > 0 && fb > 0 ? 1 : fa > 0 ? 1 - w : w;
    const est = fa > 0 && fb > 0 ? Math.exp((1 - w) * Math.log(fa) + w * Math.log(fb)) : Math.max(fa, fb);
    if (weight === 0) continue;
    c.bothVoiced += weight;
    if (Math.abs(est / ref - 1) > GROSS_ERROR_FRACTION) c.grossErrors += weight;
    else c.fineCentsSum += weight * Math.abs(1200 * Math.log2(est / ref));
  }
  return c;
}

/** Sum of counts (pooled frames of several files). */
export function addCounts(a: FrameCounts, b: FrameCounts): FrameCounts {
  return {
    frames: a.frames + b.frames,
    voicingErrors: a.voicingErrors + b.voicingErrors,
    bothVoiced: a.bothVoiced + b.bothVoiced,
    grossErrors: a.grossErrors + b.grossErrors,
    fineCentsSum: a.fineCentsSum + b.fineCentsSum,
  };
}

/** GPE, fine pitch error and VDE of counts. */
export function scoreCounts(c: FrameCounts): PitchScore {
  return {
    gpePct: (100 * c.grossErrors) / c.bothVoiced,
    finePitchErrorCents: c.fineCentsSum / (c.bothVoiced - c.grossErrors),
    vdePct: (100 * c.voicingErrors) / c.frames,
  };
}

// Quantile as Praat's `Get quantile` (place p·n + 0.5, 1-based, linear between neighbours).
function quantileSorted(sorted: Float64Array, p: number): number {
  const n = sorted.length;
  const place = p * n + 0.5;
  const left = Math.floor(place);
  if (left < 1) return sorted[0];
  if (left >= n) return sorted[n - 1];
  return sorted[left - 1] + (place - left) * (sorted[left] - sorted[left - 1]);
}

/** Median, 5th/95th percentile and SD in semitones of voiced values. */
export function summarise(voicedHz: readonly number[]): F0Summary {
  const voiced = Float64Array.from(voicedHz).sort();
  const st = Array.from(voiced, (v) => 12 * Math.log2(v / 100));
  const meanSt = st.reduce((s, v) => s + v, 0) / st.length;
  const sdSt = Math.sqrt(st.reduce((s, v) => s + (v - meanSt) ** 2, 0) / (st.length - 1));
  return { medianHz: quantileSorted(voiced, 0.5), p5Hz: quantileSorted(voiced, 0.05), p95Hz: quantileSorted(voiced, 0.95), sdSt };
}

/** Voiced values of the reference, without its uncertain (−1) frames. */
export function referenceVoicedHz(referenceHz: Float64Array): number[] {
  return Array.from(referenceHz).filter((v) => v > 0);
}

/** Voiced values of a track, without frames next to an uncertain (−1) reference frame. */
export function trackVoicedHz(track: F0Track, referenceHz: Float64Array): number[] {
  const out: number[] = [];
  track.values.forEach((v, k) => {
    if (v === null || !(v > 0)) return;
    const i = (track.startSec + k * track.hopSec) / REFERENCE_HOP_SEC;
    if (referenceHz[Math.floor(i)] === -1 || referenceHz[Math.ceil(i)] === -1) return;
    out.push(v);
  });
  return out;
}

/** Errors of an estimate's statistics against the reference's. */
export function summaryErrors(est: F0Summary, ref: F0Summary): SummaryErrors {
  const pct = (e: number, r: number): number => 100 * (e / r - 1);
  return { medianPct: pct(est.medianHz, ref.medianHz), p5Pct: pct(est.p5Hz, ref.p5Hz), p95Pct: pct(est.p95Hz, ref.p95Hz), sdSt: est.sdSt - ref.sdSt };
}

/** Everything measured for one track of one file. */
export interface TrackResult {
  counts: FrameCounts;
  score: PitchScore;
  errors: SummaryErrors;
}

/** Scores a track of a file against its reference. */
export function scoreTrack(file: KeeleFile, track: F0Track): TrackResult {
  const counts = frameCounts(file.referenceHz, track);
  const ref = summarise(referenceVoicedHz(file.referenceHz));
  return { counts, score: scoreCounts(counts), errors: summaryErrors(summarise(trackVoicedHz(track, file.referenceHz)), ref) };
}
