/** Small numeric helpers shared by the analysis modules. */

/**
 * Quantile of already-sorted values, interpolated the way Praat's `Get quantile` does
 * (NUMquantile: place = p·n + 0.5, 1-based, linear between neighbours).
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  if (n === 1) return sorted[0];
  const place = p * n + 0.5;
  const left = Math.floor(place);
  if (left < 1) return sorted[0];
  if (left >= n) return sorted[n - 1];
  const frac = place - left;
  return sorted[left - 1] + frac * (sorted[left] - sorted[left - 1]);
}

/** Quantile of unsorted values (copies and sorts). */
export function quantile(values: ArrayLike<number>, p: number): number {
  return quantileSorted(Float64Array.from(values).sort(), p);
}

/** Arithmetic mean; NaN for an empty input. */
export function mean(values: ArrayLike<number>): number {
  if (values.length === 0) return NaN;
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i];
  return s / values.length;
}

/** Sample standard deviation (n − 1), as Praat's `Get standard deviation`; NaN for n < 2. */
export function standardDeviation(values: ArrayLike<number>): number {
  const n = values.length;
  if (n < 2) return NaN;
  const m = mean(values);
  let s = 0;
  for (let i = 0; i < n; i++) s += (values[i] - m) ** 2;
  return Math.sqrt(s / (n - 1));
}

/** Semitones of a frequency ratio. */
export function semitones(ratio: number): number {
  return 12 * Math.log2(ratio);
}

/** Power (mean square) to dB; −Infinity for zero. */
export function powerToDb(power: number): number {
  return 10 * Math.log10(power);
}

/** NaN/±Infinity become null, for JSON output. */
export function finiteOrNull(x: number | null | undefined): number | null {
  return x === null || x === undefined || !Number.isFinite(x) ? null : x;
}
