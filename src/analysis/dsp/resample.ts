/** Band-limited sample-rate conversion: polyphase Kaiser-windowed sinc for rational ratios. */

/** Stopband attenuation of the prototype filter, dB; Kaiser β from Kaiser's formula 0.1102·(A − 8.7). */
const STOPBAND_DB = 60;
const KAISER_BETA = 0.1102 * (STOPBAND_DB - 8.7);
/** Cutoff as a fraction of the lower Nyquist rate (−6 dB point of the windowed sinc). */
const CUTOFF_FRACTION = 0.95;
/**
 * Sinc zero crossings on each side. Kaiser's estimate: transition ≈ (A − 8)/(14.36·Z)·fc = 0.6·fc for Z = 6.
 * Downsampling to 16 kHz then passes 0–5.3 kHz flat and stops from 9.9 kHz: only the unused top band
 * receives folded energy, at 40 taps (20 products, folded) per output for 48 kHz input. Upsampling is
 * cheap per output, so it keeps a sharper filter for the narrow band of 8 kHz phone audio
 * (flat to 3.4 kHz, images stopped from 4.2 kHz).
 */
const ZERO_CROSSINGS_DOWN = 6;
const ZERO_CROSSINGS_UP = 16;
/** Above this many phases (odd rates such as 44 101 Hz) the phase is quantised to the nearest of this many. */
const MAX_PHASES = 4096;

interface PolyphaseTable {
  /** Reduced ratio: output/input = up/down. */
  up: number;
  down: number;
  phases: number;
  taps: number;
  /** Tap k of phase p at coeffs[p·taps + k], applied to input sample i0 − taps/2 + 1 + k. */
  coeffs: Float32Array;
}

const tables = new Map<string, PolyphaseTable>();

/** Resample a mono signal from fromHz to toHz (band-limited; rates rounded to whole Hz; a copy when equal). */
export function resampleTo(samples: Float32Array, fromHz: number, toHz: number): Float32Array {
  const [inHz, outHz] = checkedRates(fromHz, toHz);
  if (inHz === outHz) return samples.slice();
  const table = polyphaseTable(inHz, outHz);
  const out = new Float32Array(outputLength(samples.length, table));
  render(table, { samples, offset: 0, total: samples.length }, 0, out.length, out);
  return out;
}

/** A resampler fed piecewise: the concatenated output is exactly resampleTo of the concatenated input. */
export interface StreamResampler {
  /** The next input; returns the outputs it completes (a view, valid until the next call). */
  push(samples: Float32Array): Float32Array;
  /** The end of the input: returns the remaining outputs. */
  finish(): Float32Array;
}

/**
 * Streaming form of resampleTo. Each output is computed by the same code on the same input samples as
 * the whole-signal call, once every input it reads has arrived; the few outputs near the end (whose
 * kernel reaches past it) wait for finish, which knows the length. Keeps only the kernel's reach of input.
 */
export function createResampler(fromHz: number, toHz: number): StreamResampler {
  const [inHz, outHz] = checkedRates(fromHz, toHz);
  const table = inHz === outHz ? null : polyphaseTable(inHz, outHz);
  let buf = new Float32Array(1 << 12);
  const window: InputWindow = { samples: buf, offset: 0, total: Infinity };
  let held = 0; // samples in buf
  let received = 0;
  let nextOut = 0;
  let out = new Float32Array(0);
  const emit = (count: number): Float32Array => {
    if (out.length < count) out = new Float32Array(Math.max(count, 2 * out.length));
    const view = out.subarray(0, count);
    render(table as PolyphaseTable, window, nextOut, nextOut + count, view);
    nextOut += count;
    // Drop the input no later output reads.
    const keepFrom = Math.min(received, firstInput(table as PolyphaseTable, nextOut));
    const drop = keepFrom - window.offset;
    if (drop > 0) {
      buf.copyWithin(0, drop, held);
      held -= drop;
      window.offset = keepFrom;
    }
    return view;
  };
  return {
    push(samples) {
      if (!table) {
        received += samples.length;
        return samples;
      }
      if (held + samples.length > buf.length) {
        const bigger = new Float32Array(Math.max(held + samples.length, 2 * buf.length));
        bigger.set(buf.subarray(0, held));
        buf = bigger;
        window.samples = buf;
      }
      buf.set(samples, held);
      held += samples.length;
      received += samples.length;
      return emit(Math.max(0, readyOutputs(table, received) - nextOut));
    },
    finish() {
      if (!table) return new Float32Array(0);
      window.total = received;
      return emit(Math.max(0, outputLength(received, table) - nextOut));
    },
  };
}

/** Input samples [offset, offset + samples.length) of a signal of `total` samples (Infinity while unknown). */
interface InputWindow {
  samples: Float32Array;
  offset: number;
  total: number;
}

function checkedRates(fromHz: number, toHz: number): [number, number] {
  if (!(fromHz > 0 && toHz > 0 && Number.isFinite(fromHz) && Number.isFinite(toHz))) {
    throw new RangeError(`cannot resample from ${fromHz} Hz to ${toHz} Hz`);
  }
  return [Math.round(fromHz), Math.round(toHz)];
}

function outputLength(inputLength: number, table: PolyphaseTable): number {
  return Math.ceil((inputLength * table.up) / table.down);
}

/** First input sample output o reads (its kernel's first tap; may be negative). */
function firstInput(table: PolyphaseTable, o: number): number {
  const { up, down, taps } = table;
  if (up === 1) return o * down - (taps / 2 - 1);
  return Math.floor((o * down) / up) - (taps / 2 - 1);
}

/** How many outputs read only inputs before `received` (the count of a prefix: readiness is monotone). */
function readyOutputs(table: PolyphaseTable, received: number): number {
  const { up, down, taps } = table;
  if (up === 1) {
    // Output o reads up to o·down + taps/2 (dot's last tap).
    const last = received - 1 - taps / 2;
    return last < 0 ? 0 : Math.floor(last / down) + 1;
  }
  // Output o reads up to floor(o·down/up) − (taps/2 − 1) + taps (the phase may round up to the next sample).
  const last = received - 1 + (taps / 2 - 1) - taps;
  return last < 0 ? 0 : Math.ceil(((last + 1) * up) / down);
}

/** Outputs [from, to) into out[0 .. to − from) from the input window. */
function render(table: PolyphaseTable, input: InputWindow, from: number, to: number, out: Float32Array): void {
  if (table.up === 1) decimate(input, table, from, to, out);
  else interpolate(input, table, from, to, out);
}

/** Rational ratio up/down: one table row per output phase. */
function interpolate(input: InputWindow, table: PolyphaseTable, from: number, to: number, out: Float32Array): void {
  const { up, down, phases, taps, coeffs } = table;
  const { samples, offset, total: n } = input;
  const left = taps / 2 - 1; // taps before the centre sample i0
  // Output position = i0 + acc/up input samples (exact integer arithmetic below 2^53).
  let i0 = Math.floor((from * down) / up);
  let acc = from * down - i0 * up;
  for (let o = from; o < to; o++) {
    let p = phases === up ? acc : Math.round((acc * phases) / up);
    let base = i0 - left;
    if (p === phases) {
      p = 0;
      base++;
    }
    const c = p * taps;
    if (base >= 0 && base + taps <= n) {
      const b = base - offset;
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
      for (let k = 0; k < taps; k += 4) {
        s0 += coeffs[c + k] * samples[b + k];
        s1 += coeffs[c + k + 1] * samples[b + k + 1];
        s2 += coeffs[c + k + 2] * samples[b + k + 2];
        s3 += coeffs[c + k + 3] * samples[b + k + 3];
      }
      out[o - from] = s0 + s1 + s2 + s3;
    } else {
      out[o - from] = dot(input, base, coeffs, c, taps);
    }
    acc += down;
    if (acc >= up) {
      const q = Math.floor(acc / up);
      acc -= q * up;
      i0 += q;
    }
  }
}

/** Integer decimation (up = 1): one symmetric kernel, folded to halve the multiplications. */
function decimate(input: InputWindow, table: PolyphaseTable, from: number, to: number, out: Float32Array): void {
  const { down, taps, coeffs } = table;
  const { samples, offset, total: n } = input;
  const half = taps / 2 - 1; // coeffs[half] is the centre tap; coeffs[half ± j] are equal
  for (let o = from; o < to; o++) {
    const g = o * down;
    if (g - half < 0 || g + half >= n) {
      out[o - from] = dot(input, g - half, coeffs, 0, taps);
      continue;
    }
    const i0 = g - offset;
    let s0 = coeffs[half] * samples[i0];
    let s1 = 0;
    let j = 1;
    for (; j + 1 <= half; j += 2) {
      s0 += coeffs[half + j] * (samples[i0 - j] + samples[i0 + j]);
      s1 += coeffs[half + j + 1] * (samples[i0 - j - 1] + samples[i0 + j + 1]);
    }
    if (j <= half) s0 += coeffs[half + j] * (samples[i0 - j] + samples[i0 + j]);
    out[o - from] = s0 + s1;
  }
}

/** Σ coeffs[c + k]·x[base + k] for k < taps, near the edges: samples outside the signal are zero. */
function dot(input: InputWindow, base: number, coeffs: Float32Array, c: number, taps: number): number {
  const { samples, offset, total } = input;
  let s = 0;
  for (let k = 0; k < taps; k++) {
    const i = base + k;
    if (i >= 0 && i < total) s += coeffs[c + k] * samples[i - offset];
  }
  return s;
}
/** The cached polyphase table for a pair of integer rates. */
function polyphaseTable(inHz: number, outHz: number): PolyphaseTable {
  const key = `${inHz}>${outHz}`;
  const cached = tables.get(key);
  if (cached) return cached;
  const g = gcd(inHz, outHz);
  const up = outHz / g;
  const down = inHz / g;
  const phases = Math.min(up, MAX_PHASES);
  const cutoffHz = CUTOFF_FRACTION * 0.5 * Math.min(inHz, outHz);
  const zeroCrossings = outHz < inHz ? ZERO_CROSSINGS_DOWN : ZERO_CROSSINGS_UP;
  // Kernel in units of input samples: h(t) = (2fc/fin)·sinc(2fc·t/fin)·kaiser(t/halfWidth).
  const fc = cutoffHz / inHz; // cycles per input sample
  const halfWidth = zeroCrossings / (2 * fc);
  const taps = 4 * Math.ceil(halfWidth / 2); // a multiple of 4 for the unrolled dot product
  const coeffs = new Float32Array(phases * taps);
  const i0Beta = besselI0(KAISER_BETA);
  for (let p = 0; p < phases; p++) {
    const frac = p / phases; // output lies frac input samples after the centre sample
    let sum = 0;
    const row = new Float64Array(taps);
    for (let k = 0; k < taps; k++) {
      const t = k - (taps / 2 - 1) - frac; // time of tap relative to the output instant
      const x = t / halfWidth;
      if (Math.abs(x) >= 1) continue;
      const arg = 2 * fc * t;
      const sinc = arg === 0 ? 1 : Math.sin(Math.PI * arg) / (Math.PI * arg);
      row[k] = 2 * fc * sinc * (besselI0(KAISER_BETA * Math.sqrt(1 - x * x)) / i0Beta);
      sum += row[k];
    }
    // Unit DC gain in every phase, so a constant stays constant (no phase-dependent ripple).
    for (let k = 0; k < taps; k++) coeffs[p * taps + k] = row[k] / sum;
  }
  const table = { up, down, phases, taps, coeffs };
  tables.set(key, table);
  return table;
}

/** Modified Bessel function of the first kind, order 0 (power series). */
function besselI0(x: number): number {
  let sum = 1;
  let term = 1;
  const q = (x * x) / 4;
  for (let k = 1; k < 50; k++) {
    term *= q / (k * k);
    sum += term;
    if (term < sum * 1e-12) break;
  }
  return sum;
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}
