/**
 * Diagonal-covariance Gaussian mixtures over MFCC frames: one per voice, trained by EM on that voice's
 * frames (the GMM speaker model of Reynolds & Rose 1995), so that a piece can be scored by how well each
 * voice's model explains its frames; and the call's background GMM with MAP adaptation of its means to
 * some frames (Reynolds, Quatieri & Dunn 2000), for the supervector starts and the telephone band's rank.
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

/** Each component's log(weight × density) of frame `offset`, written into `out`; returns the largest. */
function componentLogLiks(g: Gmm, x: ArrayLike<number>, offset: number, dims: number, out: Float64Array): number {
  let best = -Infinity;
  for (let m = 0; m < g.means.length; m++) {
    const mu = g.means[m];
    const v = g.variances[m];
    let s = 0;
    for (let j = 0; j < dims; j++) {
      const d = x[offset + j] - mu[j];
      s += (d * d) / v[j];
    }
    out[m] = g.logNorm[m] - 0.5 * s;
    if (out[m] > best) best = out[m];
  }
  return best;
}

// Per-component scores of frameLogLik, reused: it runs once per frame and model.
let scratch = new Float64Array(16);

/** Log-likelihood of one frame under the GMM (log-sum-exp over components). */
export function frameLogLik(g: Gmm, x: ArrayLike<number>, offset = 0, dims = g.means[0].length): number {
  if (scratch.length < g.means.length) scratch = new Float64Array(g.means.length);
  const best = componentLogLiks(g, x, offset, dims, scratch);
  let sum = 0;
  for (let m = 0; m < g.means.length; m++) sum += Math.exp(scratch[m] - best);
  return best + Math.log(sum);
}

/** Frame `offset`'s posterior over g's components (summing to 1), written into `post`. */
function posteriors(g: Gmm, data: Float32Array, offset: number, dims: number, post: Float64Array): void {
  const best = componentLogLiks(g, data, offset, dims, post);
  let z = 0;
  for (let m = 0; m < g.means.length; m++) z += (post[m] = Math.exp(post[m] - best));
  for (let m = 0; m < g.means.length; m++) post[m] /= z;
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
      posteriors(g, data, o, dims, post);
      for (let m = 0; m < k; m++) {
        const p = post[m];
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

/** The whole call's background model (a UBM): components, EM iterations, training frames at most; and the MAP relevance factor. */
const BACKGROUND_COMPONENTS = 16;
const BACKGROUND_ITERATIONS = 10;
const BACKGROUND_MAX_FRAMES = 12000;
const MAP_RELEVANCE = 16;

/** A GMM of the whole call (the background the voices are adapted from): every piece's frames, evenly thinned to BACKGROUND_MAX_FRAMES. */
export function backgroundGmm(pieceFrames: readonly Float32Array[], dims: number): Gmm {
  const total = pieceFrames.reduce((a, f) => a + f.length / dims, 0);
  const stride = Math.max(1, Math.ceil(total / BACKGROUND_MAX_FRAMES));
  const sample = new Float32Array(Math.ceil(total / stride) * dims);
  let k = 0;
  let at = 0;
  for (const frames of pieceFrames) {
    const n = frames.length / dims;
    for (let f = 0; f < n; f++, k++) {
      if (k % stride !== 0) continue;
      sample.set(frames.subarray(f * dims, f * dims + dims), at);
      at += dims;
    }
  }
  return trainGmm(sample.subarray(0, at), dims, BACKGROUND_COMPONENTS, BACKGROUND_ITERATIONS);
}

/** Frames' statistics under g's component posteriors: n[c] = Σ γ, f[c × dims + j] = Σ γ x_j. */
export interface ComponentStats {
  n: Float64Array;
  f: Float64Array;
}

/** The zeroth- and first-order statistics of frames (rows of `dims`) under g. */
export function componentStats(g: Gmm, data: Float32Array, dims: number): ComponentStats {
  const m = g.means.length;
  const n = new Float64Array(m);
  const f = new Float64Array(m * dims);
  const post = new Float64Array(m);
  const frames = data.length / dims;
  for (let i = 0; i < frames; i++) {
    const o = i * dims;
    posteriors(g, data, o, dims, post);
    for (let c = 0; c < m; c++) {
      const p = post[c];
      n[c] += p;
      for (let j = 0; j < dims; j++) f[c * dims + j] += p * data[o + j];
    }
  }
  return { n, f };
}

/** Component c's MAP-adapted mean, dimension j (Reynolds, Quatieri & Dunn 2000): the background's, moved toward the frames' mean by n / (n + relevance). */
export function adaptedMean(background: Gmm, stats: ComponentStats, c: number, j: number, dims: number): number {
  const nc = stats.n[c];
  if (nc <= 0) return background.means[c][j];
  const a = nc / (nc + MAP_RELEVANCE);
  return a * (stats.f[c * dims + j] / nc) + (1 - a) * background.means[c][j];
}

/**
 * A voice's model MAP-adapted from the background: only the means move (adaptedMean), weights and
 * variances stay the background's. Two voices' models then differ per kind of sound, not by which
 * sounds each happened to say in its training pieces.
 */
export function mapAdaptMeans(background: Gmm, data: Float32Array, dims: number): Gmm {
  const stats = componentStats(background, data, dims);
  const means = background.means.map((_, c) => Float64Array.from({ length: dims }, (_, j) => adaptedMean(background, stats, c, j, dims)));
  return { weights: background.weights, means, variances: background.variances, logNorm: background.logNorm };
}
