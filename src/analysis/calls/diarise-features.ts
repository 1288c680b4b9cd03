/**
 * The pieces of a mono call's speech that diarisation labels, and a voice description of each.
 *
 * Pieces: the speech intervals (already split at pauses ≥ 0.25 s) with long runs cut evenly into pieces
 * of at most MAX_PIECE_SEC, so a turn change without a pause costs at most one piece.
 * Voice of a piece: the mean and SD of cepstra c1..c12 (MFCCs up to 7.6 kHz in a wide-band call, else
 * linear-frequency cepstra up to 3.8 kHz) over its 10 ms frames (the vocal tract's spectral
 * envelope, the usual speaker feature; c0 is loudness and left out, so a louder side is not a cue) and
 * the median log2 F0 of its voiced frames from a wide pitch pass (50–700 Hz, the first pass of
 * adaptive.ts) over its stretch of speech — null when it has fewer than MIN_VOICED_FRAMES voiced frames.
 *
 * The signal is read by ranges (a stretch of speech, a piece) from its store: a long call is never held
 * whole as floats (a 60-minute call would take 230 MB), and the silences between stretches are skipped.
 */
import { powerSpectrum, realFft } from '../dsp/fft.ts';
import { createMfcc } from '../dsp/mfcc.ts';
import { analysePitchCandidates, choosePitchPath, DEFAULT_PATH_COSTS, FIRST_PASS_CEILING_HZ, FIRST_PASS_FLOOR_HZ, FIRST_PASS_HOP_SEC, preparePitchSignal } from '../pitch/index.ts';
import { quantile } from '../stats.ts';
import { ANALYSIS_RATE_HZ, type IntervalSec, type SampleReader } from '../types.ts';

/**
 * Longest piece labelled as one speaker, s: 3 s pieces averaged out what is said far better than 1.5 s
 * on same-gender Keele pairs, at the price of a coarser label where a turn changes without a pause.
 */
export const MAX_PIECE_SEC = 3;
/** MFCC frame and hop at 16 kHz: 25 ms every 10 ms (HTK's usual). */
const FRAME_SAMPLES = 400;
const HOP_SAMPLES = 160;
/** c1..c12 (c0 left out). */
export const MFCC_COUNT = 12;
/**
 * Telephone band: up to 3.8 kHz, all an 8 kHz call holds (and a wide-band call whose upper band is
 * empty, such as a telephone call saved at 16 kHz), as linear-frequency cepstra (24 filters equally
 * spaced in Hz, mfcc.ts): the mel scale gave 2–3.8 kHz (the third and fourth formants, more a speaker's than a sound's) 7 of its 24
 * filters, linear spacing 12. On the female Keele pairs reading the same passage at 8 kHz the true labels' separation went
 * from 1.6–5.5 to 2.0–8.3, the pairs told apart and ≥ 85 % right from 19/30 to 28/30, and one voice alone scored at most
 * 1.55 (was 2.28; bench/diarise.ts, 3 seeds). 20 or 32 filters, or starting at 200 or 300 Hz, did no better.
 */
const MFCC_NARROW = { sampleRateHz: ANALYSIS_RATE_HZ, frameSamples: FRAME_SAMPLES, bands: 24, coefficients: MFCC_COUNT + 1, lowHz: 100, highHz: 3800, scale: 'linear' as const };
/**
 * Wide band: MFCCs up to 7.6 kHz with 32 mel bands. Two voices of the same gender differ most above 4 kHz: on
 * the female Keele pairs at 16 kHz the true labels' separation went from 2.4–6.1 to 3.8–11 (bench/diarise.ts).
 */
const MFCC_WIDE = { ...MFCC_NARROW, bands: 32, highHz: 7600, scale: 'mel' as const };
/** A call is wide-band when its speech holds this much energy in WIDE_TEST_HZ against the telephone band, dB. */
const WIDE_MIN_DB = -45;
const WIDE_TEST_HZ = [4400, 7200] as const;
const NARROW_TEST_HZ = [300, 3400] as const;
/** Frames looked at for that test: one every this many hops of speech. */
const WIDE_TEST_STRIDE = 10;
const MIN_VOICED_FRAMES = 3;
/** Signal read on each side of a stretch of speech for its pitch pass (a few periods of the lowest F0), s. */
const PITCH_MARGIN_SEC = 0.1;

/** One piece of speech and its voice description. */
export interface VoicePiece extends IntervalSec {
  /** Mean of c1..c12, then their SD. */
  mfcc: Float64Array;
  /** Its frames' c1..c12, MFCC_COUNT per frame. */
  frames: Float32Array;
  /** Median log2 F0 of its voiced frames, or null. */
  log2F0: number | null;
  /** True when the next piece follows without a pause (cut from the same speech run). */
  joinsNext: boolean;
}

/** Speech intervals cut into pieces of at most maxSec (equal lengths per run). */
export function cutPieces(speech: readonly IntervalSec[], maxSec: number = MAX_PIECE_SEC): (IntervalSec & { joinsNext: boolean })[] {
  const out: (IntervalSec & { joinsNext: boolean })[] = [];
  for (const x of speech) {
    const n = Math.max(1, Math.ceil((x.endSec - x.startSec) / maxSec - 1e-9));
    const step = (x.endSec - x.startSec) / n;
    for (let k = 0; k < n; k++) out.push({ startSec: x.startSec + k * step, endSec: k === n - 1 ? x.endSec : x.startSec + (k + 1) * step, joinsNext: k < n - 1 });
  }
  return out;
}

/** The wide pitch track's times and F0 (0 = unvoiced) of 16 kHz high-passed samples. */
function widePitch(hp16k: Float32Array): { timesSec: Float64Array; f0Hz: Float64Array } {
  const sig = preparePitchSignal(hp16k, ANALYSIS_RATE_HZ);
  const cands = analysePitchCandidates(sig, FIRST_PASS_FLOOR_HZ, FIRST_PASS_CEILING_HZ, DEFAULT_PATH_COSTS, FIRST_PASS_HOP_SEC);
  return choosePitchPath(cands, FIRST_PASS_FLOOR_HZ, FIRST_PASS_CEILING_HZ, DEFAULT_PATH_COSTS, false);
}

/** Log2 F0 of the voiced frames of the wide pitch pass over each stretch of speech (with PITCH_MARGIN_SEC each side), in time order with their times. */
function speechPitch(signal: SampleReader, speech: readonly IntervalSec[]): { timesSec: number[]; log2F0: number[] } {
  const timesSec: number[] = [];
  const log2F0: number[] = [];
  for (const x of speech) {
    const from = Math.max(0, Math.round((x.startSec - PITCH_MARGIN_SEC) * ANALYSIS_RATE_HZ));
    const to = Math.min(signal.length, Math.round((x.endSec + PITCH_MARGIN_SEC) * ANALYSIS_RATE_HZ));
    if (to - from < FRAME_SAMPLES) continue;
    const track = widePitch(signal.read(from, to));
    const offsetSec = from / ANALYSIS_RATE_HZ;
    for (let i = 0; i < track.timesSec.length; i++) {
      const t = track.timesSec[i] + offsetSec;
      if (track.f0Hz[i] > 0 && t >= x.startSec && t <= x.endSec) {
        timesSec.push(t);
        log2F0.push(Math.log2(track.f0Hz[i]));
      }
    }
  }
  return { timesSec, log2F0 };
}

/**
 * True when the speech of the 16 kHz high-passed call `signal` has content above 4 kHz (a call recorded
 * at 16 kHz or more, not a telephone call): the energy of 4.4–7.2 kHz against 0.3–3.4 kHz, summed
 * over every WIDE_TEST_STRIDE-th frame of speech, at least WIDE_MIN_DB.
 */
export function isWideBand(signal: SampleReader, speech: readonly IntervalSec[]): boolean {
  const size = 512;
  const fft = realFft(size);
  const buf = new Float64Array(size);
  const power = new Float64Array(size / 2 + 1);
  const bin = (hz: number): number => Math.round((hz * size) / ANALYSIS_RATE_HZ);
  let high = 0;
  let low = 0;
  for (const x of speech) {
    const first = Math.round(x.startSec * ANALYSIS_RATE_HZ);
    const last = Math.min(Math.round(x.endSec * ANALYSIS_RATE_HZ), signal.length) - FRAME_SAMPLES;
    if (last < first) continue;
    const run = signal.read(first, last + FRAME_SAMPLES);
    for (let s = 0; s <= last - first; s += HOP_SAMPLES * WIDE_TEST_STRIDE) {
      buf.fill(0);
      for (let i = 0; i < FRAME_SAMPLES; i++) buf[i] = run[s + i] * (0.54 - 0.46 * Math.cos((2 * Math.PI * i) / (FRAME_SAMPLES - 1)));
      powerSpectrum(fft, buf, power);
      for (let k = bin(WIDE_TEST_HZ[0]); k <= bin(WIDE_TEST_HZ[1]); k++) high += power[k];
      for (let k = bin(NARROW_TEST_HZ[0]); k <= bin(NARROW_TEST_HZ[1]); k++) low += power[k];
    }
  }
  return low > 0 && 10 * Math.log10(high / low) >= WIDE_MIN_DB;
}

/**
 * The pieces of `speech` in the 16 kHz high-passed mono call `signal`, each with its voice description;
 * the MFCCs up to 7.6 kHz when `wide`, else the telephone band.
 */
export function voicePieces(signal: SampleReader, speech: readonly IntervalSec[], wide = false): VoicePiece[] {
  const pieces = cutPieces(speech);
  if (pieces.length === 0) return [];
  const mfcc = createMfcc(wide ? MFCC_WIDE : MFCC_NARROW);
  const coef = new Float64Array(MFCC_COUNT + 1);
  const pitch = speechPitch(signal, speech);
  let p = 0;
  return pieces.map((piece) => {
    const first = Math.round(piece.startSec * ANALYSIS_RATE_HZ);
    const last = Math.max(first, Math.round(piece.endSec * ANALYSIS_RATE_HZ) - FRAME_SAMPLES);
    // The piece's samples (a frame reaching past the signal's end reads zeros there).
    const x = signal.read(Math.min(first, signal.length), Math.min(last + FRAME_SAMPLES, signal.length));
    const sum = new Float64Array(MFCC_COUNT);
    const sum2 = new Float64Array(MFCC_COUNT);
    const frames = new Float32Array((Math.floor((last - first) / HOP_SAMPLES) + 1) * MFCC_COUNT);
    let n = 0;
    for (let s = 0; s <= last - first; s += HOP_SAMPLES, n++) {
      mfcc.frame(x, s, coef);
      for (let c = 0; c < MFCC_COUNT; c++) {
        frames[n * MFCC_COUNT + c] = coef[c + 1];
        sum[c] += coef[c + 1];
        sum2[c] += coef[c + 1] * coef[c + 1];
      }
    }
    const v = new Float64Array(2 * MFCC_COUNT);
    for (let c = 0; c < MFCC_COUNT; c++) {
      v[c] = sum[c] / n;
      v[MFCC_COUNT + c] = Math.sqrt(Math.max(0, sum2[c] / n - v[c] * v[c]));
    }
    const f0: number[] = [];
    while (p < pitch.timesSec.length && pitch.timesSec[p] < piece.startSec) p++;
    for (let i = p; i < pitch.timesSec.length && pitch.timesSec[i] <= piece.endSec; i++) f0.push(pitch.log2F0[i]);
    return { ...piece, mfcc: v, frames, log2F0: f0.length >= MIN_VOICED_FRAMES ? quantile(f0, 0.5) : null };
  });
}
