/** Zero-phase 80 Hz high-pass, standing in for Praat's "Filter (pass Hann band): 80, 0, 20". */

/** Cut-off of the speech high-pass, Hz (fixtures/README: HIGHPASS=80). */
export const HIGHPASS_HZ = 80;

/**
 * Q of the two sections of a 4th-order Butterworth: 1/(2·cos(π/8)) and 1/(2·cos(3π/8)).
 * Run forward and backward the magnitude is 1/(1 + (fc/f)^8): −6 dB at fc like Praat's Hann band
 * (gain 0.5 at 80 Hz), −2.9 dB at 90 Hz (Praat −1.4), −0.7 dB at 100 Hz (Praat 0), −34 dB at 50 Hz.
 * A 2nd-order pair would leave −1.5 dB at 100 Hz and only −8.6 dB at 70 Hz (Praat −16.7).
 */
const BUTTERWORTH4_Q = [0.5411961, 1.3065630];

/** Zero-phase high-pass (4th-order Butterworth run forward and backward); returns a new array. */
export function highpass(samples: Float32Array, sampleRateHz: number, cutoffHz: number = HIGHPASS_HZ): Float32Array {
  const y = samples.slice(); // filter state is float64; float32 storage between the two passes is ample
  const [a, b] = highpassSections(cutoffHz, sampleRateHz);
  cascade(y, a, b, 0, y.length, 1, newCascadeState());
  cascade(y, a, b, y.length - 1, -1, -1, newCascadeState());
  return y;
}

/** Normalised biquad coefficients b0 b1 b2 a1 a2. */
export type Biquad = [number, number, number, number, number];

/** The two sections of the 4th-order Butterworth high-pass. */
export function highpassSections(cutoffHz: number, sampleRateHz: number): [Biquad, Biquad] {
  const [a, b] = BUTTERWORTH4_Q.map((q) => highpassBiquad(cutoffHz, q, sampleRateHz));
  return [a, b];
}

/** Delay line of the two-section cascade: x1 x2 u1 u2 v1 v2 (carried across calls by a streaming caller). */
export type CascadeState = Float64Array;

export function newCascadeState(): CascadeState {
  return new Float64Array(6);
}

/** RBJ Audio-EQ-Cookbook high-pass (bilinear transform with pre-warping). */
function highpassBiquad(cutoffHz: number, q: number, sampleRateHz: number): Biquad {
  const w0 = (2 * Math.PI * cutoffHz) / sampleRateHz;
  const alpha = Math.sin(w0) / (2 * q);
  const cosw = Math.cos(w0);
  const a0 = 1 + alpha;
  const b0 = (1 + cosw) / 2 / a0;
  return [b0, -2 * b0, b0, (-2 * cosw) / a0, (1 - alpha) / a0];
}

/** Two biquads in series (direct form I), in place, from index `from` to `to` (exclusive) in steps of `step`. */
export function cascade(y: Float32Array, a: Biquad, b: Biquad, from: number, to: number, step: number, state: CascadeState): void {
  const ab0 = a[0], ab1 = a[1], ab2 = a[2], aa1 = a[3], aa2 = a[4];
  const bb0 = b[0], bb1 = b[1], bb2 = b[2], ba1 = b[3], ba2 = b[4];
  let x1 = state[0], x2 = state[1], u1 = state[2], u2 = state[3], v1 = state[4], v2 = state[5];
  for (let i = from; i !== to; i += step) {
    const x0 = y[i];
    const u0 = ab0 * x0 + ab1 * x1 + ab2 * x2 - aa1 * u1 - aa2 * u2;
    const v0 = bb0 * u0 + bb1 * u1 + bb2 * u2 - ba1 * v1 - ba2 * v2;
    x2 = x1; x1 = x0; u2 = u1; u1 = u0; v2 = v1; v1 = v0;
    y[i] = v0;
  }
  state[0] = x1; state[1] = x2; state[2] = u1; state[3] = u2; state[4] = v1; state[5] = v2;
}
