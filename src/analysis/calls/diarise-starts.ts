/**
 * Starting splits for the two-voice resegmentation (diarise.ts): k-means (there) and the first
 * principal axes of the pieces' GMM supervectors (supervectorRows: per kind of sound, so less moved
 * by what is said); then the sign of the pieces' projection on each of the first principal axes of
 * their standardised features, the median-F0 split, and spectral-clustering splits of the supervectors
 * (the sign of the affinity graph's Fiedler vector: it follows chains of similar pieces, where the
 * principal axes and k-means cut across a long spread of what is said).
 *
 * Why several: the GMM resegmentation keeps a split of two different voices once it has one (started
 * from the true labels it stays there on every Keele pair), but k-means on piece means can as well
 * land on a split by what is said (the Keele voices all read the same text), which resegmentation
 * then keeps too. When the k-means split is not told apart, each of these starts is resegmented and the
 * one ranked best on held-out pieces is kept (from MIN_ALT_SEPARATION; diarise.ts Scored). In the telephone
 * band the supervector starts skip the smoothing on piece features (diarise.ts fromSupervectorStart).
 */
import type { VoicePiece } from './diarise-features.ts';
import { adaptedMean, componentStats, type Gmm } from './diarise-gmm.ts';

/** Power-iteration steps per principal axis. */
const POWER_ITERATIONS = 60;

/** Labels from the sign of each piece's projection on the first `axes` principal axes of `rows` (already centred). */
export function principalSplits(rows: readonly Float64Array[], axes: number): number[][] {
  const d = rows[0].length;
  const cov = Array.from({ length: d }, () => new Float64Array(d));
  for (const r of rows) for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) cov[a][b] += (r[a] * r[b]) / rows.length;
  const found: Float64Array[] = [];
  const out: number[][] = [];
  for (let c = 0; c < Math.min(axes, d); c++) {
    // A fixed uneven start vector (deterministic), deflated against the axes already found.
    let v = Float64Array.from({ length: d }, (_, j) => 1 + ((j * 7 + c * 3) % 5));
    for (let it = 0; it < POWER_ITERATIONS; it++) {
      const next = new Float64Array(d);
      for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) next[a] += cov[a][b] * v[b];
      for (const u of found) {
        const dot = next.reduce((s, x, j) => s + x * u[j], 0);
        for (let j = 0; j < d; j++) next[j] -= dot * u[j];
      }
      const norm = Math.sqrt(next.reduce((s, x) => s + x * x, 0));
      if (norm === 0) break;
      v = next.map((x) => x / norm);
    }
    found.push(v);
    out.push(rows.map((r) => (r.reduce((s, x, j) => s + x * v[j], 0) > 0 ? 1 : 0)));
  }
  return out;
}

/** Pieces above the median F0 of the pieces with one → 1, the others (no F0 included) → 0. */
export function pitchSplit(pieces: readonly VoicePiece[]): number[] {
  const f0 = pieces.map((p) => p.log2F0).filter((x): x is number => x !== null).sort((a, b) => a - b);
  if (f0.length === 0) return pieces.map(() => 0);
  const median = f0[Math.floor(f0.length / 2)];
  return pieces.map((p) => (p.log2F0 !== null && p.log2F0 > median ? 1 : 0));
}

/**
 * Rows of GMM mean supervectors, centred over the call (Campbell et al. 2006): each piece's MAP-adapted
 * component means (diarise-gmm.ts adaptedMean) from the call's background GMM, as offsets from the
 * background's, scaled by √weight / SD (their KL divergence bound). Each component compares the pieces
 * on the same kind of sound, so what is said moves the rows less than the piece means and SDs.
 */
export function supervectorRows(pieces: readonly VoicePiece[], background: Gmm, dims: number): Float64Array[] {
  const m = background.means.length;
  const rows = pieces.map((p) => {
    const stats = componentStats(background, p.frames, dims);
    const row = new Float64Array(m * dims);
    for (let c = 0; c < m; c++) {
      const sw = Math.sqrt(background.weights[c]);
      for (let j = 0; j < dims; j++) {
        row[c * dims + j] = (sw * (adaptedMean(background, stats, c, j, dims) - background.means[c][j])) / Math.sqrt(background.variances[c][j]);
      }
    }
    return row;
  });
  // Centred over the call (principalSplits expects it).
  const mean = new Float64Array(m * dims);
  for (const r of rows) for (let j = 0; j < r.length; j++) mean[j] += r[j] / rows.length;
  for (const r of rows) for (let j = 0; j < r.length; j++) r[j] -= mean[j];
  return rows;
}

/** Power-iteration steps for the spectral split's second eigenvector. */
const SPECTRAL_ITERATIONS = 200;

/**
 * Spectral-clustering starts (Ng, Jordan & Weiss 2001; the pruned affinity of Park et al. 2019): the
 * cosine affinity of the rows, each row keeping only its `fraction` × n nearest (symmetrised), and the
 * sign of the second eigenvector of D^-½ A D^-½ (the normalised Laplacian's Fiedler vector) as the
 * split; one split per fraction.
 */
export function spectralSplits(rows: readonly Float64Array[], fractions: readonly number[]): number[][] {
  const n = rows.length;
  const norms = rows.map((r) => Math.sqrt(r.reduce((s, x) => s + x * x, 0)) || 1);
  const cos = Array.from({ length: n }, () => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      let s = 0;
      for (let k = 0; k < rows[i].length; k++) s += rows[i][k] * rows[j][k];
      cos[i][j] = cos[j][i] = s / (norms[i] * norms[j]);
    }
  }
  // Each row's other pieces, nearest first (one sort serves every fraction).
  const nearest = cos.map((row, i) => Array.from({ length: n }, (_, j) => j).filter((j) => j !== i).sort((x, y) => row[y] - row[x]));
  return fractions.map((fraction) => {
    const keep = Math.max(2, Math.min(n - 1, Math.round(fraction * n)));
    const a = Array.from({ length: n }, () => new Float64Array(n));
    for (let i = 0; i < n; i++) for (let k = 0; k < keep; k++) a[i][nearest[i][k]] = Math.max(0, cos[i][nearest[i][k]]);
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) a[i][j] = a[j][i] = (a[i][j] + a[j][i]) / 2;
    const deg = a.map((r) => r.reduce((s, x) => s + x, 0));
    const inv = deg.map((d) => (d > 0 ? 1 / Math.sqrt(d) : 0));
    const first = Float64Array.from(deg, (d) => Math.sqrt(d));
    const firstNorm = Math.sqrt(first.reduce((s, x) => s + x * x, 0)) || 1;
    for (let i = 0; i < n; i++) first[i] /= firstNorm;
    let v = Float64Array.from({ length: n }, (_, i) => ((i * 7919) % 13) - 6);
    for (let it = 0; it < SPECTRAL_ITERATIONS; it++) {
      const dot = v.reduce((s, x, i) => s + x * first[i], 0);
      for (let i = 0; i < n; i++) v[i] -= dot * first[i];
      // (M + I) v, M = D^-½ A D^-½: eigenvalues of M lie in [−1, 1], so M + I keeps their order and is ≥ 0.
      const next = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        let s = 0;
        for (let j = 0; j < n; j++) s += a[i][j] * inv[j] * v[j];
        next[i] = inv[i] * s + v[i];
      }
      const norm = Math.sqrt(next.reduce((s, x) => s + x * x, 0));
      if (norm === 0) break;
      v = next.map((x) => x / norm);
    }
    return Array.from(v, (x, i) => (x * inv[i] > 0 ? 1 : 0));
  });
}
