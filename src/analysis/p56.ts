/**
 * The recording's active speech level: ITU-T P.56 method B as the ITU-T reference program sv56 computes it
 * (G.191 STL, openitu/STL `src/sv56/sv-p56.c`, `speech_voltmeter` + `bin_interp`), on the raw samples.
 *
 * dBFS = the STL's dBov: 10·log10(mean square) with samples in [−1, 1] (16-bit PCM / 32768), so a
 * full-scale sine is −3.01 dBFS. See docs/adr/0006-active-level.md for what the level covers and why the
 * reported number averages 64 threshold ladders instead of using sv56's single one.
 */

/** P.56 method B constants, as in sv-p56.c: envelope time constant T, hangover H, margin M. */
const P56_TIME_CONSTANT_SEC = 0.03;
const P56_HANGOVER_SEC = 0.2;
const P56_MARGIN_DB = 15.9;
/** sv-p56.c `bin_interp` tolerance (dB) as `speech_voltmeter` calls it. */
const BIN_INTERP_TOLERANCE_DB = 0.5;
/** sv56's thresholds: 2^-15 … 2^-1 of full scale (one 16-bit LSB up to half scale), a factor 2 apart. */
const SV56_LOWEST_EXPONENT = -15;
const SV56_RUNGS = 15;
/**
 * Ours: every ladder reaches 9 octaves further down (2^-24, −144 dBFS) because float input can be quieter
 * than one 16-bit LSB. sv56's answer is unchanged for any signal whose long-term level is above −74 dBFS:
 * only there can a rung below 2^-15 already be within the margin of its active level.
 */
const LOWEST_EXPONENT = -24;
const RUNGS = SV56_RUNGS + SV56_LOWEST_EXPONENT - LOWEST_EXPONENT;
/** Ladders per octave: sv56's ladder scaled by 2^(r/64), r = 0 … 63; their mean is the reported level. */
const LADDERS = 64;
const THRESHOLDS = RUNGS * LADDERS;

/** Result of the speech voltmeter on one signal. */
export interface P56Level {
  /** Active speech level in dBFS (mean of the 64 ladders); null when nothing is active (silence). */
  activeLevelDbfs: number | null;
  /** Long-term power / active power for that level, as sv56 reports its activity (0 when null). */
  activityFactor: number;
  /** sv56's own number: its single ladder 2^-15 … 2^-1 (depends on where full scale lies; not reported). */
  sv56LevelDbfs: number | null;
  /** sv56's activity factor for `sv56LevelDbfs`. */
  sv56ActivityFactor: number;
}

/**
 * Histogram of the hangover-window maximum of a bin sequence given as runs: sample t counts in bin
 * max(bin of the runs that touch t − I … t). Runs in the deque have strictly decreasing bins and
 * increasing ends (a later run with a bin at least as high hides the earlier one): O(1) amortised per run.
 */
class WindowMaxHistogram {
  /** hist[b + 1]: samples whose window maximum is bin b (b = −1: below every threshold). */
  readonly hist: Float64Array;
  private readonly dqBin: Int32Array;
  private readonly dqEnd: Float64Array;
  private readonly mask: number;
  private head = 0;
  private tail = 0;
  /** Samples [0, done) are counted. */
  private done = 0;

  constructor(bins: number, private readonly hangSamples: number) {
    this.hist = new Float64Array(bins + 1);
    let cap = 1;
    while (cap < bins + 2) cap <<= 1;
    this.mask = cap - 1;
    this.dqBin = new Int32Array(cap);
    this.dqEnd = new Float64Array(cap);
  }

  /** The run of samples ending at `end` (inclusive), all in `bin`, following the previous run. */
  addRun(bin: number, end: number): void {
    const { dqBin, mask } = this;
    while (this.tail !== this.head && dqBin[(this.tail - 1) & mask] <= bin) this.tail--;
    dqBin[this.tail & mask] = bin;
    this.dqEnd[this.tail & mask] = end;
    this.tail++;
    this.countUpTo(end + 1);
  }

  /** Count samples [done, to): each gets the oldest run still within its window, dropping expired ones. */
  countUpTo(to: number): void {
    const { hist, dqBin, dqEnd, mask } = this;
    while (this.done < to) {
      if (this.head === this.tail) { hist[0] += to - this.done; this.done = to; return; }
      const until = dqEnd[this.head & mask] + this.hangSamples + 1; // first sample past its hangover
      const bin = dqBin[this.head & mask];
      if (until >= to) { hist[bin + 1] += to - this.done; this.done = to; return; }
      hist[bin + 1] += until - this.done;
      this.done = until;
      this.head++;
    }
  }
}

/**
 * Activity counts of sv56's per-sample counters on a grid of THRESHOLDS thresholds 2^(LOWEST + i/64).
 * sv56 counts sample t as active at threshold c iff the envelope q reached c within the last I samples
 * (q[m] ≥ c for some m in t−I … t): a sliding maximum, taken here over runs of samples whose q stays in
 * one grid bin (a few compares per sample) instead of sv56's 15 counters per sample.
 */
function activityCounts(samples: Float32Array, n: number, sampleRateHz: number): { counts: Float64Array; sumSq: number } {
  const thr = new Float64Array(THRESHOLDS + 1);
  // 2 ** integer is exact, so sv56's own thresholds (every 64th) are exactly its powers of two.
  for (let i = 0; i < THRESHOLDS; i++) thr[i] = 2 ** (LOWEST_EXPONENT + i / LADDERS);
  thr[THRESHOLDS] = Infinity;
  const g = Math.exp(-1 / (sampleRateHz * P56_TIME_CONSTANT_SEC));
  const h = 1 - g; // the same double sv56 computes in each step
  // sv56: I = floor(H·f + 0.5)
  const window = new WindowMaxHistogram(THRESHOLDS, Math.floor(P56_HANGOVER_SEC * sampleRateHz + 0.5));
  let p = 0;
  let q = 0;
  let sumSq = 0;
  let bin = -1;
  let lo = -Infinity; // thr[bin] (none below bin 0)
  let hi = thr[0]; // thr[bin + 1]
  let runStart = 0;
  for (let k = 0; k < n; k++) {
    const x = samples[k];
    sumSq += x * x;
    // Process 2 of P.56, in sv56's order of operations: two-stage exponential smoothing of |x|.
    p = g * p + h * Math.abs(x);
    q = g * q + h * p;
    if (q >= hi || q < lo) {
      if (k > runStart) window.addRun(bin, k - 1);
      while (q >= thr[bin + 1]) bin++;
      while (bin >= 0 && q < thr[bin]) bin--;
      lo = bin >= 0 ? thr[bin] : -Infinity;
      hi = thr[bin + 1];
      runStart = k;
    }
  }
  if (n > runStart) window.addRun(bin, n - 1);
  window.countUpTo(n);
  const counts = new Float64Array(THRESHOLDS);
  let acc = 0;
  for (let i = THRESHOLDS - 1; i >= 0; i--) {
    acc += window.hist[i + 1];
    counts[i] = acc;
  }
  return { counts, sumSq };
}

/**
 * sv-p56.c `bin_interp`: bisect between (level, threshold) at the two rungs that bracket the margin until
 * level − threshold is within `tol` dB of it (tolerance relaxed 10 % per step after 20 steps).
 */
function binInterp(upLevel: number, lowLevel: number, upThr: number, lowThr: number, tolDb: number): number {
  let tol = tolDb;
  if (Math.abs(upLevel - upThr - P56_MARGIN_DB) < tol) return upLevel;
  if (Math.abs(lowLevel - lowThr - P56_MARGIN_DB) < tol) return lowLevel;
  let up = upLevel;
  let upT = upThr;
  let low = lowLevel;
  let lowT = lowThr;
  let mid = (up + low) / 2;
  let midT = (upT + lowT) / 2;
  for (let step = 2; ; step++) {
    const diff = mid - midT - P56_MARGIN_DB;
    if (Math.abs(diff) <= tol) return mid;
    if (step > 20) tol *= 1.1;
    if (diff > tol) {
      mid = (up + mid) / 2;
      midT = (upT + midT) / 2;
      low = mid;
      lowT = midT;
    } else if (diff < -tol) {
      mid = (mid + low) / 2;
      midT = (midT + lowT) / 2;
      up = mid;
      upT = midT;
    }
  }
}

/** sv56's final step on one ladder (grid indices first, first + 64, …): null is its "silence". */
function ladderLevel(counts: Float64Array, sumSq: number, first: number, rungs: number): number | null {
  const levelDb = (i: number): number => 10 * Math.log10(sumSq / counts[i]);
  const thrDb = (i: number): number => 20 * (LOWEST_EXPONENT + i / LADDERS) * Math.log10(2);
  if (counts[first] === 0 || sumSq === 0) return null;
  if (levelDb(first) - thrDb(first) < P56_MARGIN_DB) return null;
  for (let j = 1; j < rungs; j++) {
    const i = first + j * LADDERS;
    if (counts[i] === 0) return null; // counts only fall with the threshold: no rung above brackets M
    if (levelDb(i) - thrDb(i) <= P56_MARGIN_DB) {
      const below = i - LADDERS;
      return binInterp(levelDb(i), levelDb(below), thrDb(i), thrDb(below), BIN_INTERP_TOLERANCE_DB);
    }
  }
  return null;
}

/**
 * ITU-T P.56 method B active speech level of a whole signal (the raw recording or its analysed channel, at
 * its own rate). Trailing digital silence (exact zeros) is left out of the activity count so that padding
 * changes nothing; sv56 would count its hangover into it. Linear time.
 */
export function p56ActiveLevel(samples: Float32Array, sampleRateHz: number): P56Level {
  let n = samples.length;
  while (n > 0 && samples[n - 1] === 0) n--;
  const silent: P56Level = { activeLevelDbfs: null, activityFactor: 0, sv56LevelDbfs: null, sv56ActivityFactor: 0 };
  if (n === 0) return silent;
  const { counts, sumSq } = activityCounts(samples, n, sampleRateHz);
  const meanSquare = sumSq / samples.length;
  const activity = (levelDbfs: number | null): number => (levelDbfs === null ? 0 : meanSquare / 10 ** (levelDbfs / 10));
  // A ladder offset by a fraction of an octave sees the signal as if its gain were changed by that
  // fraction: the mean over a whole octave of offsets does not depend on the gain (sv56's own ladder
  // moves by up to ±0.07 dB when the gain does).
  let sum = 0;
  let found = 0;
  for (let r = 0; r < LADDERS; r++) {
    const level = ladderLevel(counts, sumSq, r, RUNGS);
    if (level !== null) { sum += level; found++; }
  }
  const level = found > 0 ? sum / found : null;
  const sv56 = ladderLevel(counts, sumSq, (SV56_LOWEST_EXPONENT - LOWEST_EXPONENT) * LADDERS, SV56_RUNGS);
  return { activeLevelDbfs: level, activityFactor: activity(level), sv56LevelDbfs: sv56, sv56ActivityFactor: activity(sv56) };
}
