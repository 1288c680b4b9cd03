/**
 * Diagonal-covariance Gaussian mixtures over MFCC frames: one per voice, trained by EM on that voice's
 * frames (the GMM speaker model of Reynolds & Rose 1995, here without a background model), so that a
 * piece can be scored by how well each voice's model explains its frames.
 */

/** A trained diagonal GMM. */
export interface Gmm {
  weights: Float64Array;
  means: Float64Array[];
  variances: Float64Array[];
  /** log(weight) − ½ Σ log(2π var) per component. */
  logNorm: Float64Array;
}

/** Variance floor relative to the data's variance per dimension (keeps a component from collapsing). */
const VARIANCE_FLOOR = 0.01;

// Per-component scores of frameLogLik, reused: it runs once per frame and model.
let scratch = new Float64Array(16);

/** Log-likelihood of one frame under the GMM (log-sum-exp over components). */
export function frameLogLik(g: Gmm, x: ArrayLike<number>, offset = 0, dims = g.means[0].length): number {
  let best = -Infinity;
  if (scratch.length < g.means.length) scratch = new Float64Array(g.means.length);
  const ll = scratch;
  for (let m = 0; m < g.means.length; m++) {
    const mu = g.means[m];
    const v = g.variances[m];
    let s = 0;
    for (let j = 0; j < dims; j++) {
      const d = x[offset + j] - mu[j];
      s += (d * d) / v[j];
    }
    ll[m] = g.logNorm[m] - 0.5 * s;
    if (ll[m] > best) best = ll[m];
  }
  let sum = 0;
  for (let m = 0; m < g.means.length; m++) sum += Math.exp(ll[m] - best);
  return best + Math.log(sum);
}

function withNorm(weights: Float64Array, means: Float64Array[], variances: Float64Array[]): Gmm {
  const logNorm = Float64Array.from(means, (_, m) => Math.log(Math.max(weights[m], 1e-12)) - 0.5 * variances[m].reduce((a, v) => a + Math.log(2 * Math.PI * v), 0));
  return { weights, means, variances, logNorm };
}

/**
 * Train a GMM of `components` on frames (rows of `dims` in `data`, frame k at k × dims) by EM,
 * started from evenly spaced frames (deterministic).
 */
export function trainGmm(data: Float32Array, dims: number, components: number, iterations: number): Gmm {
  const n = data.length / dims;
  const k = Math.max(1, Math.min(components, Math.floor(n / (2 * dims))));
  const mean = new Float64Array(dims);
  const varAll = new Float64Array(dims);
  for (let i = 0; i < n; i++) for (let j = 0; j < dims; j++) mean[j] += data[i * dims + j] / n;
  for (let i = 0; i < n; i++) for (let j = 0; j < dims; j++) varAll[j] += (data[i * dims + j] - mean[j]) ** 2 / n;
  const floor = varAll.map((v) => Math.max(v * VARIANCE_FLOOR, 1e-6));
  let g = withNorm(
    new Float64Array(k).fill(1 / k),
    Array.from({ length: k }, (_, m) => Float64Array.from({ length: dims }, (_, j) => data[Math.floor(((m + 0.5) * n) / k) * dims + j])),
    Array.from({ length: k }, () => Float64Array.from(varAll, (v, j) => Math.max(v, floor[j]))),
  );
  const post = new Float64Array(k);
  for (let it = 0; it < iterations; it++) {
    const w = new Float64Array(k);
    const s1 = Array.from({ length: k }, () => new Float64Array(dims));
    const s2 = Array.from({ length: k }, () => new Float64Array(dims));
    for (let i = 0; i < n; i++) {
      const o = i * dims;
      let best = -Infinity;
      for (let m = 0; m < k; m++) {
        let s = 0;
        for (let j = 0; j < dims; j++) {
          const d = data[o + j] - g.means[m][j];
          s += (d * d) / g.variances[m][j];
        }
        post[m] = g.logNorm[m] - 0.5 * s;
        if (post[m] > best) best = post[m];
      }
      let z = 0;
      for (let m = 0; m < k; m++) z += (post[m] = Math.exp(post[m] - best));
      for (let m = 0; m < k; m++) {
        const p = post[m] / z;
        if (p < 1e-6) continue;
        w[m] += p;
        for (let j = 0; j < dims; j++) {
          const x = data[o + j];
          s1[m][j] += p * x;
          s2[m][j] += p * x * x;
        }
      }
    }
    const means = s1.map((s, m) => (w[m] > 0 ? s.map((v) => v / w[m]) : g.means[m]));
    const variances = s2.map((s, m) => (w[m] > 0 ? s.map((v, j) => Math.max(v / w[m] - means[m][j] ** 2, floor[j])) : g.variances[m]));
    g = withNorm(w.map((v) => Math.max(v, 1e-3) / n), means, variances);
  }
  return g;
}

