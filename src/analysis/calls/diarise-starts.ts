/**
 * Starting splits for the two-voice resegmentation (diarise.ts) besides k-means: the sign of the
 * pieces' projection on each of the first principal axes of their standardised features, and the
 * median-F0 split.
 *
 * Why several: the GMM resegmentation keeps a split of two different voices once it has one (started
 * from the true labels it stays there on every Keele pair), but k-means on piece means can as well
 * land on a split by what is said (the Keele voices all read the same text), which resegmentation
 * then keeps too. When the k-means split is not told apart, each of these starts is resegmented and the
 * one whose voices are told apart best on held-out pieces is kept (from MIN_ALT_SEPARATION).
 */
import type { VoicePiece } from './diarise-features.ts';

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
