/**
 * Two-speaker diarisation of a mono call without any model: the speech is cut into pieces
 * (diarise-features.ts), each described by its MFCC statistics and median F0, and the pieces are
 * clustered into two voices.
 *
 * Steps: each feature standardised over the call's pieces (the F0 weighted by PITCH_WEIGHT: one number
 * against 24 MFCC statistics, and the strongest single cue between two voices); the starting split:
 * k-means with two clusters (KMEANS_STARTS deterministic starts, weighted by piece length, the lowest
 * scatter kept) on those rows in a telephone-band call, in a wide-band one on the pieces' GMM mean
 * supervectors (diarise-starts.ts: each piece's frames adapted to a model of the whole call, so each kind of sound is compared with itself and what is said moves a
 * piece less than in its plain MFCC means — k-means on those split the same-gender Keele readers by
 * text: female pairs at 16 kHz told apart 23/30 with it, 26/30 from the supervectors, telephone band);
 * a Viterbi pass over the pieces in time order (distance to each centroid of the piece features as
 * the cost, a switch cost higher inside a speech run than across a pause); then resegmentation: a GMM
 * per voice trained on its pieces' MFCC frames, pieces relabelled by their log-likelihood ratio
 * (Viterbi again), a few rounds. In a telephone-band call of at least MIN_SUPERVECTOR_PIECES pieces,
 * k-means on the supervectors is a second start, resegmented without the smoothing on piece features
 * (fromSupervectorStart). When the split is not told apart (in the telephone band: not ranked
 * from MIN_ALT_SEPARATION, Scored), the same from the other starts of
 * diarise-starts.ts (first principal axes of the piece features and of the supervectors, median F0,
 * spectral clustering of the supervectors; in the telephone band the supervector ones as the second start), the best kept from MIN_ALT_SEPARATION:
 * resegmentation keeps whatever split it is given, even a true one (bench/diarise.ts --oracle: started from the true labels it stays there on every Keele pair).
 *
 * A wide-band call (content above 4 kHz, diarise-features.ts isWideBand) has MFCCs up to 7.6 kHz and
 * its own threshold, MIN_SEPARATION_WIDE; a telephone-band one up to 3.8 kHz.
 *
 * separation (the confidence) is a cross-validated d′ of the final labels: the pieces split into two
 * folds (alternate pieces), each fold scored by the two voices' GMMs trained on the other fold only,
 * and the distance between the two labels' mean scores in units of their pooled SD. Scoring held-out
 * pieces matters: the clustering splits even one voice in two, and models of such a split explain
 * their own pieces better but not the other fold's (figures at MIN_SEPARATION and MIN_SEPARATION_WIDE).
 * Two voices are told apart (toldApart) when separation reaches the band's threshold and the minor
 * voice holds ≥ MIN_MINOR_SHARE of the speech and ≥ MIN_MINOR_SEC.
 *
 * Speaker 0 is the voice of the first piece of speech (a call opens with the agent's greeting: the
 * suggested agent; a stereo call's suggestion is likewise the side that speaks first, channel-suggestion.ts).
 * The rule before, the voice with most of the first 3 s of speech, took the customer for the agent
 * whenever the agent's first phrase was shorter than the customer's answer in that window: on the
 * bench:diarise pairs, seeds 1–9, 16 and 8 kHz, 122 of 1026 mixes under 85 % right (121 from seeds 7–9,
 * whose agent opens with one short phrase); the first piece's voice: 5, all among those 122.
 */
import type { IntervalSec, SampleReader } from '../types.ts';
import { isWideBand, MFCC_COUNT, voicePieces, type VoicePiece } from './diarise-features.ts';
import { backgroundGmm, frameLogLik, mapAdaptMeans, trainGmm, type Gmm } from './diarise-gmm.ts';
import { pitchSplit, principalSplits, spectralSplits, supervectorRows } from './diarise-starts.ts';

/** Weight of the standardised F0 against each standardised MFCC statistic. */
export const PITCH_WEIGHT = 3;
/** Principal-axis splits of the piece features tried as starts besides k-means and the F0 split (diarise-starts.ts). */
const PRINCIPAL_STARTS = 6;
/** Principal-axis splits of the pieces' supervectors tried as starts. */
const SUPERVECTOR_AXES = 2;
/**
 * Spectral-clustering splits of the supervectors tried as starts (diarise-starts.ts), one per share of
 * nearest pieces each piece keeps in the affinity. They reached the true split of the one female Keele
 * pair at 16 kHz no other start reached (f2-f5 seed 1: 67 % → 98 %); in the telephone band, smoothed on
 * the piece features (fromStart), they told no more pairs apart; resegmented as they are
 * (fromSupervectorStart), they and the supervectors' principal axes reach f2-f5 seed 1 at 8 kHz (62 → 91 %, bench/diarise.ts).
 */
const SPECTRAL_NEIGHBOURS = [0.1, 0.2, 0.3, 1];
/**
 * A telephone-band call's supervector starts (fromSupervectorStart) are tried only from this many pieces
 * (about a minute of speech): the best of more starts runs higher on one voice's noise, and most on few
 * pieces (one Keele voice alone at 8 kHz, 12 pieces: 3.39; in the 130 single voices of 12–129 pieces, 10
 * seeds, no other over 2.22; the two-women mixes they mend have 25 and 34).
 */
export const MIN_SUPERVECTOR_PIECES = 20;
/** The other starts are compared on at most this many pieces (about 15 min of speech); the best then runs on all. */
const MAX_SEARCH_PIECES = 300;
/** Deterministic k-means starts. */
const KMEANS_STARTS = 8;
const KMEANS_ITERATIONS = 30;
/** Viterbi switch cost inside one speech run and across a pause, in units of the mean per-dimension squared distance. */
const SWITCH_IN_RUN = 1.5;
const SWITCH_AT_PAUSE = 0.2;
/** Resegmentation: rounds, components per voice, EM iterations, every 2nd frame for training. */
const GMM_ROUNDS = 4;
const GMM_COMPONENTS = 8;
const GMM_ITERATIONS = 8;
const GMM_TRAIN_STRIDE = 2;
/** At most this many frames train a voice's GMM (a minute of each voice; more would only slow long calls down). */
const MAX_TRAIN_FRAMES = 6000;
/** Pieces are scored on every frame (every 2nd made same-voice scores noisier on the Keele pairs). */
const LLR_FRAME_STRIDE = 1;
/** Frames are 10 ms apart but their scores are far from independent: a piece counts as this many independent frames per second. */
const LLR_FRAMES_PER_SEC = 10;
/** Resegmentation switch costs, in those frames' log-likelihood units. */
const GMM_SWITCH_IN_RUN = 6;
const GMM_SWITCH_AT_PAUSE = 1;
/** Folds of the cross-validated separation (alternate pieces: piece i in fold i mod CV_FOLDS). */
const CV_FOLDS = 2;
/**
 * Below this separation the two voices are not told apart confidently. Set on the tuned Keele voices
 * (tests/analysis/diarise.test.ts): each voice alone scored ≤ 1.9, and mixes of two of them between 2.2
 * and 2.4 were 82–86 % right, above 2.4 ≥ 94 %.
 */
export const MIN_SEPARATION = 2.5;
/**
 * The same for a wide-band call (MFCCs up to 7.6 kHz, diarise-features.ts): the wider band separates
 * two voices far better (female Keele pairs at 16 kHz: true labels 3.8–11) but one voice's halves a
 * little more too (up to 2.2 with at least MIN_MINOR_SEC each; bench/diarise.ts, 12 voices, 3 seeds).
 */
export const MIN_SEPARATION_WIDE = 3;
/**
 * A split from another start than k-means (diarise-starts.ts) is kept only from this rank (Scored): the
 * best of up to seven more noisy scores runs higher than one. On single voices the best other start reached
 * 3.06 (m2 at 8 kHz; bench/diarise.ts, seeds 1–3); on the same-gender Keele pairs it rescued, 3.45–5.8.
 * In the telephone band the other starts are tried whenever the first split ranks below it (the MAP
 * rank of the female Keele pairs' first splits that the other starts mended was 0.7–3.1).
 */
export const MIN_ALT_SEPARATION = 3.3;
/** A minor voice with less of the speech than this is not taken for a second speaker. */
export const MIN_MINOR_SHARE = 0.08;
/**
 * Nor one with less speech than this, s: its model is then trained on under 3 s per fold, and a
 * reader's livelier first sentence (Keele f4: 3 pieces, 4.9 s) scored 3.5–5.8 wide-band alone.
 */
export const MIN_MINOR_SEC = 6;

/** A stretch of speech and who says it. */
export interface SpeakerSegment extends IntervalSec {
  speaker: 0 | 1;
}

/** The diarisation of a mono call. */
export interface Diarisation {
  /** True when two voices are told apart (separation ≥ MIN_SEPARATION, each ≥ MIN_MINOR_SHARE of the speech). */
  confident: boolean;
  /** d′ of the two clusters (see the module comment); 0 without two clusters. */
  separation: number;
  /** Each piece of speech with its speaker; 0 speaks first. */
  segments: SpeakerSegment[];
}

/** Pieces as weighted feature rows, standardised; F0 missing → the call's mean (0). */
export function featureRows(pieces: readonly VoicePiece[], pitchWeight: number = PITCH_WEIGHT): Float64Array[] {
  const d = pieces[0].mfcc.length + 1;
  const rows = pieces.map((p) => {
    const r = new Float64Array(d);
    r.set(p.mfcc);
    r[d - 1] = p.log2F0 ?? NaN;
    return r;
  });
  for (let j = 0; j < d; j++) {
    const vals = rows.map((r) => r[j]).filter((v) => Number.isFinite(v));
    const m = vals.length ? vals.reduce((a, v) => a + v, 0) / vals.length : 0;
    const sd = vals.length > 1 ? Math.sqrt(vals.reduce((a, v) => a + (v - m) ** 2, 0) / (vals.length - 1)) : 0;
    const w = j === d - 1 ? pitchWeight : 1;
    for (const r of rows) r[j] = Number.isFinite(r[j]) && sd > 0 ? (w * (r[j] - m)) / sd : 0;
  }
  return rows;
}

function dist2(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let j = 0; j < a.length; j++) s += (a[j] - b[j]) ** 2;
  return s;
}

/** Length-weighted centroids of the two labels (null for an empty one). */
export function centroids(rows: readonly Float64Array[], w: readonly number[], labels: readonly number[]): (Float64Array | null)[] {
  return [0, 1].map((k) => {
    const c = new Float64Array(rows[0].length);
    let total = 0;
    rows.forEach((r, i) => {
      if (labels[i] !== k) return;
      total += w[i];
      for (let j = 0; j < c.length; j++) c[j] += w[i] * r[j];
    });
    if (total === 0) return null;
    for (let j = 0; j < c.length; j++) c[j] /= total;
    return c;
  });
}

// A small deterministic generator (LCG) for the k-means starts: the same call always gives the same labels.
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Weighted two-cluster k-means from KMEANS_STARTS starts; the labels of the lowest scatter. */
export function kmeans2(rows: readonly Float64Array[], w: readonly number[]): number[] {
  const rnd = lcg(12345);
  let best: number[] = rows.map(() => 0);
  let bestCost = Infinity;
  for (let s = 0; s < KMEANS_STARTS; s++) {
    // k-means++ style: a random first centre, the second drawn in proportion to the squared distance.
    const a = rows[Math.floor(rnd() * rows.length)];
    const d = rows.map((r) => dist2(r, a));
    const total = d.reduce((x, v) => x + v, 0);
    let pick = rnd() * total;
    let bi = d.findIndex((v) => (pick -= v) <= 0);
    if (bi < 0) bi = rows.length - 1;
    let c: (Float64Array | null)[] = [a, rows[bi]];
    let labels = rows.map(() => 0);
    for (let it = 0; it < KMEANS_ITERATIONS; it++) {
      const next = rows.map((r) => (c[1] && (!c[0] || dist2(r, c[1]) < dist2(r, c[0])) ? 1 : 0));
      const same = next.every((l, i) => l === labels[i]);
      labels = next;
      c = centroids(rows, w, labels);
      if (same && it > 0) break;
    }
    const cost = rows.reduce((x, r, i) => x + w[i] * (c[labels[i]] ? dist2(r, c[labels[i]] as Float64Array) : 0), 0);
    if (cost < bestCost) {
      bestCost = cost;
      best = labels;
    }
  }
  return best;
}

/** Viterbi labels over the pieces in time order from per-piece costs of each label and switch costs. */
export function viterbi2(emit: readonly (readonly number[])[], pieces: readonly VoicePiece[], switchInRun: number, switchAtPause: number): number[] {
  const n = emit.length;
  const cost = [emit[0][0], emit[0][1]];
  const from: number[][] = [[0, 1]];
  for (let i = 1; i < n; i++) {
    const sw = pieces[i - 1].joinsNext ? switchInRun : switchAtPause;
    const back = [0, 1].map((k) => (cost[k] <= cost[1 - k] + sw ? k : 1 - k));
    const next = [0, 1].map((k) => (back[k] === k ? cost[k] : cost[1 - k] + sw) + emit[i][k]);
    cost[0] = next[0];
    cost[1] = next[1];
    from.push(back);
  }
  const labels = new Array<number>(n);
  labels[n - 1] = cost[0] <= cost[1] ? 0 : 1;
  for (let i = n - 1; i > 0; i--) labels[i - 1] = from[i][labels[i]];
  return labels;
}

/** Viterbi over the pieces with the squared distance to each centroid as the cost. */
export function smoothLabels(rows: readonly Float64Array[], pieces: readonly VoicePiece[], c: readonly Float64Array[]): number[] {
  const scale = rows[0].length;
  return viterbi2(rows.map((r) => [dist2(r, c[0]) / scale, dist2(r, c[1]) / scale]), pieces, SWITCH_IN_RUN, SWITCH_AT_PAUSE);
}

/** Frames of the pieces with a label, every `stride`-th (wider when they exceed MAX_TRAIN_FRAMES), as one array. */
function framesOf(pieces: readonly VoicePiece[], labels: readonly number[], k: number, minStride: number): Float32Array {
  const d = MFCC_COUNT;
  const available = pieces.reduce((a, p, i) => a + (labels[i] === k ? p.frames.length / d : 0), 0);
  const stride = Math.max(minStride, Math.ceil(available / MAX_TRAIN_FRAMES));
  const parts: Float32Array[] = [];
  let total = 0;
  pieces.forEach((p, i) => {
    if (labels[i] !== k) return;
    const n = p.frames.length / d;
    const take = new Float32Array(Math.ceil(n / stride) * d);
    for (let f = 0, o = 0; f < n; f += stride, o += d) take.set(p.frames.subarray(f * d, f * d + d), o);
    parts.push(take);
    total += take.length;
  });
  const out = new Float32Array(total);
  let at = 0;
  for (const x of parts) {
    out.set(x, at);
    at += x.length;
  }
  return out;
}

/** Mean log-likelihood ratio (voice 0 − voice 1) per frame of each piece under the two voices' GMMs. */
export function pieceLlr(pieces: readonly VoicePiece[], g: readonly Gmm[]): number[] {
  const d = MFCC_COUNT;
  return pieces.map((p) => {
    const n = p.frames.length / d;
    let s = 0;
    let count = 0;
    for (let f = 0; f < n; f += LLR_FRAME_STRIDE, count++) s += frameLogLik(g[0], p.frames, f * d, d) - frameLogLik(g[1], p.frames, f * d, d);
    return count > 0 ? s / count : 0;
  });
}

/** Rounds of: a GMM per voice trained on its pieces' frames, pieces relabelled by their LLR (Viterbi). */
export function resegment(pieces: readonly VoicePiece[], start: readonly number[], rounds: number = GMM_ROUNDS): { labels: number[]; llr: number[] } {
  let labels = [...start];
  let llr: number[] = pieces.map(() => 0);
  for (let r = 0; r < rounds; r++) {
    const data = [0, 1].map((k) => framesOf(pieces, labels, k, GMM_TRAIN_STRIDE));
    if (data.some((x) => x.length < GMM_COMPONENTS * MFCC_COUNT * 4)) break;
    const g = data.map((x) => trainGmm(x, MFCC_COUNT, GMM_COMPONENTS, GMM_ITERATIONS));
    llr = pieceLlr(pieces, g);
    const emit = llr.map((v, i) => {
      const weight = (pieces[i].endSec - pieces[i].startSec) * LLR_FRAMES_PER_SEC;
      return [-weight * v / 2, weight * v / 2];
    });
    const next = viterbi2(emit, pieces, GMM_SWITCH_IN_RUN, GMM_SWITCH_AT_PAUSE);
    const same = next.every((l, i) => l === labels[i]);
    labels = next;
    if (same) break;
  }
  return { labels, llr };
}

/**
 * Cross-validated GMM separation: the pieces split in two folds (alternate pieces); each fold's pieces
 * scored (mean frame LLR) by the two voices' GMMs trained on the other fold; d′ of those scores between
 * the labels (length-weighted pooled SD). 0 when a fold lacks frames of a voice. With a `background`,
 * the voices' models are its MAP adaptations to their frames (mapAdaptMeans) instead of GMMs of their own.
 */
export function crossValidatedLlr(pieces: readonly VoicePiece[], labels: readonly number[], folds: number = CV_FOLDS, background: Gmm | null = null): number[] | null {
  const llr = new Array<number>(pieces.length).fill(0);
  const foldOf = (i: number): number => i % folds;
  for (let fold = 0; fold < folds; fold++) {
    const trainLabels = labels.map((l, i) => (foldOf(i) === fold ? -1 : l));
    const data = [0, 1].map((k) => framesOf(pieces, trainLabels, k, GMM_TRAIN_STRIDE));
    if (data.some((x) => x.length < GMM_COMPONENTS * MFCC_COUNT * 4)) return null;
    const g = data.map((x) => (background ? mapAdaptMeans(background, x, MFCC_COUNT) : trainGmm(x, MFCC_COUNT, GMM_COMPONENTS, GMM_ITERATIONS)));
    const test = pieces.map((_, i) => i).filter((i) => foldOf(i) === fold);
    const scores = pieceLlr(test.map((i) => pieces[i]), g);
    test.forEach((i, j) => (llr[i] = scores[j]));
  }
  return llr;
}

/** d′ of per-piece scores between the labels (length-weighted pooled SD). */
export function labelDPrime(pieces: readonly VoicePiece[], labels: readonly number[], llr: readonly number[]): number {
  const w = pieces.map((p) => p.endSec - p.startSec);
  const tot = [0, 1].map((k) => labels.reduce((a, l, i) => a + (l === k ? w[i] : 0), 0));
  if (tot[0] === 0 || tot[1] === 0) return 0;
  const m = [0, 1].map((k) => llr.reduce((a, v, i) => a + (labels[i] === k ? w[i] * v : 0), 0) / tot[k]);
  const v = llr.reduce((a, x, i) => a + w[i] * (x - m[labels[i]]) ** 2, 0) / (tot[0] + tot[1]);
  return v > 0 ? (m[0] - m[1]) / Math.sqrt(v) : 0;
}

export function crossValidatedLlrSeparation(pieces: readonly VoicePiece[], labels: readonly number[], folds: number = CV_FOLDS, background: Gmm | null = null): number {
  const llr = crossValidatedLlr(pieces, labels, folds, background);
  return llr ? labelDPrime(pieces, labels, llr) : 0;
}

/** The label of the first piece of speech (pieces in time order): the voice that opens the call. */
export function openingVoice(labels: readonly number[]): number {
  return labels.length > 0 ? labels[0] : 0;
}

/** Diarise a mono call: its 16 kHz high-passed signal (read by ranges) and its speech intervals. */
export function diarise(signal: SampleReader, speech: readonly IntervalSec[]): Diarisation {
  const wide = isWideBand(signal, speech);
  return diarisePieces(voicePieces(signal, speech, wide), PITCH_WEIGHT, wide);
}

/**
 * Whether two-way labels tell two voices apart: separation ≥ MIN_SEPARATION (MIN_SEPARATION_WIDE for
 * wide-band features), the minor voice ≥ MIN_MINOR_SHARE of the speech and ≥ MIN_MINOR_SEC.
 */
export function toldApart(pieces: readonly VoicePiece[], labels: readonly number[], separation: number, wide: boolean): boolean {
  const w = pieces.map((p) => p.endSec - p.startSec);
  const speech = w.reduce((a, v) => a + v, 0);
  const sec1 = labels.reduce((a, l, i) => a + (l === 1 ? w[i] : 0), 0);
  const minor = Math.min(sec1, speech - sec1);
  return separation >= (wide ? MIN_SEPARATION_WIDE : MIN_SEPARATION) && minor >= MIN_MINOR_SHARE * speech && minor >= MIN_MINOR_SEC;
}

/**
 * Labels and how well they tell two voices apart: `separation` (crossValidatedLlrSeparation, the
 * confidence toldApart judges) and `rank`, by which the starts are compared: in the telephone band the
 * larger of separation and the same d′ with the voices' models MAP-adapted from the call's background
 * (the adapted models differ per kind of sound, so two voices reading the same text are scored on how
 * they say each sound; split by text, each half's models move on different components, and their
 * held-out scores separate less); in the wide band separation itself.
 */
interface Scored {
  labels: number[];
  separation: number;
  rank: number;
}

function scored(pieces: readonly VoicePiece[], labels: number[], background: Gmm | null): Scored {
  const separation = crossValidatedLlrSeparation(pieces, labels);
  const rank = background ? Math.max(separation, crossValidatedLlrSeparation(pieces, labels, CV_FOLDS, background)) : separation;
  return { labels, separation, rank };
}

/** A start's Viterbi smoothing on the piece features, then its resegmentation, scored. */
function fromStart(pieces: readonly VoicePiece[], rows: readonly Float64Array[], w: readonly number[], start: readonly number[], background: Gmm | null): Scored {
  let labels = [...start];
  for (let pass = 0; pass < 2; pass++) {
    const c = centroids(rows, w, labels);
    if (!c[0] || !c[1]) break;
    labels = smoothLabels(rows, pieces, c as Float64Array[]);
  }
  return scored(pieces, resegment(pieces, labels).labels, background);
}

/**
 * A supervector start of a telephone-band call resegmented as it is (fromStart's smoothing on the piece
 * features would move it: two women with the same F0 are not apart in the piece means, and the smoothing
 * took the true split of f1-f3 seed 3 at 8 kHz from 100 % to 65 % of its pieces right), and ranked by the
 * smaller of its two d′ (Scored): told apart by the voices' own models and by the background's adaptations.
 */
function fromSupervectorStart(pieces: readonly VoicePiece[], start: readonly number[], background: Gmm): Scored {
  const labels = resegment(pieces, start).labels;
  const separation = crossValidatedLlrSeparation(pieces, labels);
  return { labels, separation, rank: Math.min(separation, crossValidatedLlrSeparation(pieces, labels, CV_FOLDS, background)) };
}

/** A start to try when the first split is not told apart, and how its labels are reached. */
interface Candidate {
  kind: 'smoothed' | 'supervector';
  start: number[];
  run: (pieces: readonly VoicePiece[], kept: (_: unknown, i: number) => boolean) => Scored;
}

/**
 * The two-way labels of the pieces (0/1, whatever their confidence) and their separation: from the
 * k-means start (on the supervectors in a wide-band call); in a telephone-band call of at least
 * MIN_SUPERVECTOR_PIECES pieces, also from k-means on the supervectors (fromSupervectorStart), kept when its
 * rank reaches MIN_ALT_SEPARATION and beats the first; when the rank (Scored) is below MIN_SEPARATION (wide
 * band) or MIN_ALT_SEPARATION (telephone band), from the other starts too (diarise-starts.ts), the best by
 * rank kept when it reaches MIN_ALT_SEPARATION and beats the first.
 */
export function twoVoiceLabels(pieces: readonly VoicePiece[], pitchWeight: number = PITCH_WEIGHT, wide = false): { labels: number[]; separation: number } {
  if (pieces.length < 2) return { labels: pieces.map(() => 0), separation: 0 };
  const rows = featureRows(pieces, pitchWeight);
  const w = pieces.map((p) => p.endSec - p.startSec);
  const background = backgroundGmm(pieces.map((p) => p.frames), MFCC_COUNT);
  // Supervector starts: in a wide-band call through fromStart; in the telephone band resegmented as they
  // are, and only in a call long enough that the best of more starts is not one voice's noise.
  const narrowSupervectors = !wide && pieces.length >= MIN_SUPERVECTOR_PIECES;
  const sv = wide || narrowSupervectors ? supervectorRows(pieces, background, MFCC_COUNT) : null;
  const narrowBackground = wide ? null : background;
  const first = kmeans2(wide && sv ? sv : rows, w);
  let chosen = fromStart(pieces, rows, w, first, narrowBackground);
  const svFirst = narrowSupervectors && sv ? kmeans2(sv, w) : null;
  if (svFirst) {
    const direct = fromSupervectorStart(pieces, svFirst, background);
    if (direct.rank >= MIN_ALT_SEPARATION && direct.rank > chosen.rank) chosen = direct;
  }
  if (chosen.rank < (wide ? MIN_SEPARATION : MIN_ALT_SEPARATION)) {
    // A long call compares the starts on evenly spread pieces (no longer joined to their neighbours), then runs the best on all.
    const stride = Math.ceil(pieces.length / MAX_SEARCH_PIECES);
    const kept = (_: unknown, i: number): boolean => i % stride === 0;
    const sub = stride === 1 ? pieces : pieces.filter(kept).map((p) => ({ ...p, joinsNext: false }));
    const smoothed = (start: number[]): Candidate => ({ kind: 'smoothed', start, run: (p, keep) => fromStart(p, rows.filter(keep), w.filter(keep), start.filter(keep), narrowBackground) });
    const direct = (start: number[]): Candidate => ({ kind: 'supervector', start, run: (p, keep) => fromSupervectorStart(p, start.filter(keep), background) });
    // The other starts are made only here: most calls are told apart from the first.
    const svStarts = sv ? [...principalSplits(sv, SUPERVECTOR_AXES), ...spectralSplits(sv, SPECTRAL_NEIGHBOURS)] : [];
    const candidates = [
      ...(wide ? svStarts.slice(0, SUPERVECTOR_AXES).map(smoothed) : []),
      ...[...principalSplits(rows, PRINCIPAL_STARTS), pitchSplit(pieces)].map(smoothed),
      ...(wide ? svStarts.slice(SUPERVECTOR_AXES).map(smoothed) : svStarts.map(direct)),
    ];
    // A split the same as one already tried the same way (or its mirror) would end the same.
    const keyOf = (c: Candidate): string => `${c.kind}:${c.start.map((x) => (x === c.start[0] ? 0 : 1)).join('')}`;
    const seen = new Set([keyOf(smoothed(first)), ...(svFirst ? [keyOf(direct(svFirst))] : [])]);
    let best: (Scored & { candidate: Candidate }) | null = null;
    for (const candidate of candidates) {
      if (seen.has(keyOf(candidate))) continue;
      seen.add(keyOf(candidate));
      const r = candidate.run(sub, kept);
      if (!best || r.rank > best.rank) best = { candidate, ...r };
    }
    const alt = best && stride > 1 ? best.candidate.run(pieces, () => true) : best;
    if (alt && alt.rank >= MIN_ALT_SEPARATION && alt.rank > chosen.rank) return { labels: alt.labels, separation: Math.max(0, alt.separation) };
  }
  return { labels: chosen.labels, separation: Math.max(0, chosen.separation) };
}

/** Diarise pieces already described (diarise-features.ts). */
export function diarisePieces(pieces: readonly VoicePiece[], pitchWeight: number = PITCH_WEIGHT, wide = false): Diarisation {
  const single = (): Diarisation => ({ confident: false, separation: 0, segments: pieces.map((p) => ({ startSec: p.startSec, endSec: p.endSec, speaker: 0 })) });
  if (pieces.length < 2) return single();
  const { labels, separation } = twoVoiceLabels(pieces, pitchWeight, wide);
  const confident = toldApart(pieces, labels, separation, wide);
  if (!confident) return { ...single(), separation };
  const first = openingVoice(labels);
  return {
    confident,
    separation,
    segments: pieces.map((p, i) => ({ startSec: p.startSec, endSec: p.endSec, speaker: labels[i] === first ? 0 : 1 })),
  };
}
