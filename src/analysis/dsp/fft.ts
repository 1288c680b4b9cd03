/** Fast real FFT: radix-2 complex FFT of half size plus a split step; plans cached per size. */

/** A real FFT plan of one power-of-two size; buffers are reused, nothing is allocated per call. */
export interface RealFft {
  /** Transform size (power of two, ≥ 4). */
  readonly size: number;
  /** Spectrum of x[0..length) (zero-padded to size) into re/im, bins 0..size/2 (length ≥ size/2 + 1). */
  forward(x: ArrayLike<number>, re: Float64Array, im: Float64Array, length?: number): void;
  /** Inverse DFT (with its 1/size factor) of the Hermitian spectrum bins 0..size/2 into out (length ≥ size). */
  inverse(re: Float64Array, im: Float64Array, out: Float64Array): void;
}

const plans = new Map<number, RealFft>();

/** The cached real FFT plan for a power-of-two size ≥ 4. */
export function realFft(size: number): RealFft {
  let plan = plans.get(size);
  if (!plan) {
    plan = new RealFftPlan(size);
    plans.set(size, plan);
  }
  return plan;
}

/** Smallest power of two ≥ n (and ≥ 4). */
export function nextPow2(n: number): number {
  let p = 4;
  while (p < n) p *= 2;
  return p;
}

/** Power spectrum |X[k]|² of x zero-padded to fft.size, bins 0..size/2, into out (length ≥ size/2 + 1). */
export function powerSpectrum(fft: RealFft, x: ArrayLike<number>, out: Float64Array): void {
  const plan = fft as RealFftPlan;
  const re = plan.specRe;
  const im = plan.specIm;
  plan.forward(x, re, im);
  for (let k = 0; k <= plan.size >> 1; k++) out[k] = re[k] * re[k] + im[k] * im[k];
}

class RealFftPlan implements RealFft {
  readonly size: number;
  private readonly half: number;
  private readonly rev: Uint32Array;
  /** cos/sin of 2πk/half, k < half/2: complex FFT twiddles. */
  private readonly twCos: Float64Array;
  private readonly twSin: Float64Array;
  /** cos/sin of 2πk/size, k ≤ half/2: real split twiddles. */
  private readonly spCos: Float64Array;
  private readonly spSin: Float64Array;
  private readonly zr: Float64Array;
  private readonly zi: Float64Array;
  /** Scratch spectrum for helpers. */
  readonly specRe: Float64Array;
  readonly specIm: Float64Array;

  constructor(size: number) {
    if (size < 4 || (size & (size - 1)) !== 0) throw new Error(`FFT size ${size} is not a power of two ≥ 4`);
    this.size = size;
    const m = size >> 1;
    this.half = m;
    let bits = 0;
    while (1 << bits < m) bits++;
    this.rev = new Uint32Array(m);
    for (let i = 0; i < m; i++) {
      let r = 0;
      for (let b = 0; b < bits; b++) r |= ((i >> b) & 1) << (bits - 1 - b);
      this.rev[i] = r;
    }
    this.twCos = new Float64Array(Math.max(1, m >> 1));
    this.twSin = new Float64Array(Math.max(1, m >> 1));
    for (let k = 0; k < m >> 1; k++) {
      this.twCos[k] = Math.cos((2 * Math.PI * k) / m);
      this.twSin[k] = Math.sin((2 * Math.PI * k) / m);
    }
    this.spCos = new Float64Array((m >> 1) + 1);
    this.spSin = new Float64Array((m >> 1) + 1);
    for (let k = 0; k <= m >> 1; k++) {
      this.spCos[k] = Math.cos((2 * Math.PI * k) / size);
      this.spSin[k] = Math.sin((2 * Math.PI * k) / size);
    }
    this.zr = new Float64Array(m);
    this.zi = new Float64Array(m);
    this.specRe = new Float64Array(m + 1);
    this.specIm = new Float64Array(m + 1);
  }

  forward(x: ArrayLike<number>, re: Float64Array, im: Float64Array, length = x.length): void {
    const m = this.half;
    const zr = this.zr;
    const zi = this.zi;
    const rev = this.rev;
    const len = Math.min(length, x.length, this.size);
    const full = len >> 1;
    // Pack even/odd samples as one complex signal, bit-reversed on the way in.
    for (let n = 0; n < full; n++) {
      const j = rev[n];
      zr[j] = x[2 * n];
      zi[j] = x[2 * n + 1];
    }
    for (let n = full; n < m; n++) {
      const j = rev[n];
      const i0 = 2 * n;
      zr[j] = i0 < len ? x[i0] : 0;
      zi[j] = 0;
    }
    this.butterflies();
    // Split: X[k] = E[k] + e^{-2πik/N} O[k].
    re[0] = zr[0] + zi[0];
    im[0] = 0;
    re[m] = zr[0] - zi[0];
    im[m] = 0;
    const cs = this.spCos;
    const sn = this.spSin;
    for (let k = 1; k <= m >> 1; k++) {
      const k2 = m - k;
      const ar = zr[k];
      const ai = zi[k];
      const br = zr[k2];
      const bi = zi[k2];
      const er = 0.5 * (ar + br);
      const ei = 0.5 * (ai - bi);
      const or = 0.5 * (ai + bi);
      const oi = -0.5 * (ar - br);
      const c = cs[k];
      const s = sn[k];
      // W^k O with W^k = c − i s
      const wr = c * or + s * oi;
      const wi = c * oi - s * or;
      re[k] = er + wr;
      im[k] = ei + wi;
      // X[m−k] = conj(E[k]) − conj(W^k O[k]).
      re[k2] = er - wr;
      im[k2] = -(ei - wi);
    }
  }

  inverse(re: Float64Array, im: Float64Array, out: Float64Array): void {
    const m = this.half;
    const zr = this.zr;
    const zi = this.zi;
    const rev = this.rev;
    const cs = this.spCos;
    const sn = this.spSin;
    // Z[k] = E[k] + i·O[k], E = (X[k] + conj X[m−k])/2, O = (X[k] − conj X[m−k])/2 · e^{+2πik/N}.
    for (let k = 0; k <= m >> 1; k++) {
      const k2 = m - k;
      const ar = re[k];
      const ai = im[k];
      const br = re[k2];
      const bi = im[k2];
      const er = 0.5 * (ar + br);
      const ei = 0.5 * (ai - bi);
      const dr = 0.5 * (ar - br);
      const di = 0.5 * (ai + bi);
      const c = cs[k];
      const s = sn[k];
      const or = dr * c - di * s;
      const oi = dr * s + di * c;
      // Z[k] = E + iO, stored conjugated: the forward butterflies then compute the inverse.
      const z1r = er - oi;
      const z1i = ei + or;
      if (k2 !== k && k2 < m) {
        // Z[m−k] = conj(E[k]) + i·conj(O[k]).
        const z2r = er + oi;
        const z2i = -ei + or;
        const j2 = rev[k2];
        zr[j2] = z2r;
        zi[j2] = -z2i;
      }
      const j = rev[k];
      zr[j] = z1r;
      zi[j] = -z1i;
    }
    this.butterflies();
    const scale = 1 / m;
    for (let n = 0; n < m; n++) {
      out[2 * n] = zr[n] * scale;
      out[2 * n + 1] = -zi[n] * scale;
    }
  }

  /** In-place iterative radix-2 DIT on bit-reversed zr/zi (forward sign), two stages fused per pass. */
  private butterflies(): void {
    const m = this.half;
    const zr = this.zr;
    const zi = this.zi;
    // Stages of size 2 and 4 together: twiddles are 1 and −i only.
    if (m >= 4) {
      for (let i = 0; i < m; i += 4) {
        const a0r = zr[i] + zr[i + 1];
        const a0i = zi[i] + zi[i + 1];
        const a1r = zr[i] - zr[i + 1];
        const a1i = zi[i] - zi[i + 1];
        const a2r = zr[i + 2] + zr[i + 3];
        const a2i = zi[i + 2] + zi[i + 3];
        const a3r = zr[i + 2] - zr[i + 3];
        const a3i = zi[i + 2] - zi[i + 3];
        zr[i] = a0r + a2r;
        zi[i] = a0i + a2i;
        zr[i + 2] = a0r - a2r;
        zi[i + 2] = a0i - a2i;
        // a3·(−i) = a3i − i·a3r
        zr[i + 1] = a1r + a3i;
        zi[i + 1] = a1i - a3r;
        zr[i + 3] = a1r - a3i;
        zi[i + 3] = a1i + a3r;
      }
    } else {
      const tr = zr[1];
      const ti = zi[1];
      zr[1] = zr[0] - tr;
      zi[1] = zi[0] - ti;
      zr[0] += tr;
      zi[0] += ti;
      return;
    }
    const twc = this.twCos;
    const tws = this.twSin;
    let h = 4;
    // Two radix-2 stages (block sizes 2h and 4h) per pass over the data.
    for (; 4 * h <= m; h *= 4) {
      const step1 = m / (2 * h);
      const step2 = m / (4 * h);
      const span = 4 * h;
      for (let k = 0; k < h; k++) {
        const c1 = twc[k * step1];
        const s1 = tws[k * step1];
        const c2 = twc[k * step2];
        const s2 = tws[k * step2];
        for (let a = k; a < m; a += span) {
          const i1 = a + h;
          const i2 = i1 + h;
          const i3 = i2 + h;
          // stage 1: pairs (a, a+h) and (a+2h, a+3h) with w1 = c1 − i s1
          let tr = zr[i1] * c1 + zi[i1] * s1;
          let ti = zi[i1] * c1 - zr[i1] * s1;
          const y0r = zr[a] + tr;
          const y0i = zi[a] + ti;
          const y1r = zr[a] - tr;
          const y1i = zi[a] - ti;
          tr = zr[i3] * c1 + zi[i3] * s1;
          ti = zi[i3] * c1 - zr[i3] * s1;
          const y2r = zr[i2] + tr;
          const y2i = zi[i2] + ti;
          const y3r = zr[i2] - tr;
          const y3i = zi[i2] - ti;
          // stage 2: (a, a+2h) with w2, (a+h, a+3h) with −i·w2
          tr = y2r * c2 + y2i * s2;
          ti = y2i * c2 - y2r * s2;
          zr[a] = y0r + tr;
          zi[a] = y0i + ti;
          zr[i2] = y0r - tr;
          zi[i2] = y0i - ti;
          const qr = y3r * c2 + y3i * s2;
          const qi = y3i * c2 - y3r * s2;
          // (qr + i qi)·(−i) = qi − i qr
          zr[i1] = y1r + qi;
          zi[i1] = y1i - qr;
          zr[i3] = y1r - qi;
          zi[i3] = y1i + qr;
        }
      }
    }
    // A last single radix-2 stage when the stage count is odd.
    if (2 * h === m) {
      for (let k = 0; k < h; k++) {
        const c = twc[k];
        const s = tws[k];
        const b = k + h;
        const tr = zr[b] * c + zi[b] * s;
        const ti = zi[b] * c - zr[b] * s;
        const ar = zr[k];
        const ai = zi[k];
        zr[b] = ar - tr;
        zi[b] = ai - ti;
        zr[k] = ar + tr;
        zi[k] = ai + ti;
      }
    }
  }
}
