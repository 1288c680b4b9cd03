/**
 * Pitch accuracy against the Praat reference (shared/fixtures/reference.csv, adaptive f0a_* columns).
 * Run: node --import tsx bench/pitch-accuracy.ts [fixturesDir] [--verbose] [--sounding]
 */
import { mixdown } from '../src/analysis/dsp/mixdown.ts';
import { adaptivePitch, pitchStats } from '../src/analysis/pitch/index.ts';
import { ANALYSIS_RATE_HZ } from '../src/analysis/types.ts';
import { decodeFixture, FIXTURES_DIR, hasFixture, readReference } from '../tests/helpers/fixtures.ts';

const args = process.argv.slice(2);
const dir = args.find((a) => !a.startsWith('--')) ?? FIXTURES_DIR;
const verbose = args.includes('--verbose');
// --sounding: estimated sounding intervals instead of the single reference speech span (closer to Praat's statistics).
const useSounding = args.includes('--sounding');

/** Windowed-sinc resampler (Hann, 16 zero crossings), cutoff at 0.95 of the lower Nyquist. */
function resample(x: Float32Array, fromHz: number, toHz: number): Float32Array {
  if (fromHz === toHz) return x;
  const n = Math.floor((x.length * toHz) / fromHz);
  const out = new Float32Array(n);
  const cutoff = (0.95 * Math.min(fromHz, toHz)) / 2 / fromHz; // cycles per input sample
  const half = Math.ceil(16 / (2 * cutoff));
  for (let i = 0; i < n; i++) {
    const t = (i * fromHz) / toHz;
    const c = Math.floor(t);
    let s = 0;
    for (let j = c - half + 1; j <= c + half; j++) {
      if (j < 0 || j >= x.length) continue;
      const u = t - j;
      const arg = 2 * cutoff * u;
      const sinc = arg === 0 ? 1 : Math.sin(Math.PI * arg) / (Math.PI * arg);
      const win = 0.5 + 0.5 * Math.cos((Math.PI * u) / half);
      s += x[j] * 2 * cutoff * sinc * win;
    }
    out[i] = s;
  }
  return out;
}

/** 2nd-order Butterworth high-pass run forward and backward (zero phase). */
function highPass(x: Float32Array, fs: number, cutHz: number): Float32Array {
  const k = Math.tan((Math.PI * cutHz) / fs);
  const q = Math.SQRT1_2;
  const norm = 1 / (1 + k / q + k * k);
  const b0 = norm;
  const b1 = -2 * norm;
  const b2 = norm;
  const a1 = 2 * (k * k - 1) * norm;
  const a2 = (1 - k / q + k * k) * norm;
  const y = Float64Array.from(x);
  const pass = (v: Float64Array, rev: boolean): void => {
    let x1 = 0, x2 = 0, y1 = 0, y2 = 0;
    for (let m = 0; m < v.length; m++) {
      const i = rev ? v.length - 1 - m : m;
      const xi = v[i];
      const yi = b0 * xi + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2;
      x2 = x1;
      x1 = xi;
      y2 = y1;
      y1 = yi;
      v[i] = yi;
    }
  };
  pass(y, false);
  pass(y, true);
  return Float32Array.from(y);
}

/** Decodes a fixture to 16 kHz mono (channel average), high-passed at 80 Hz, with this bench's own filters. */
async function load(file: string): Promise<Float32Array> {
  const { channels, sampleRateHz } = await decodeFixture(file, dir);
  return highPass(resample(mixdown(channels, 'mix'), sampleRateHz, ANALYSIS_RATE_HZ), ANALYSIS_RATE_HZ, 80);
}

/**
 * Sounding intervals roughly as the reference script's "To TextGrid (silences)": intensity (32 ms Hann,
 * 10 ms step) above q99 − 25 dB, silences ≥ 0.25 s, sounding ≥ 0.1 s, clipped to [startSec, endSec].
 */
function soundingIntervals(x: Float32Array, fs: number, startSec: number, endSec: number): { startSec: number; endSec: number }[] {
  const win = Math.round(0.032 * fs);
  const hop = Math.round(0.01 * fs);
  const db: number[] = [];
  for (let s = 0; s + win <= x.length; s += hop) {
    let e = 0, wsum = 0;
    for (let j = 0; j < win; j++) {
      const w = 0.5 - 0.5 * Math.cos((2 * Math.PI * (j + 0.5)) / win);
      e += w * x[s + j] * x[s + j];
      wsum += w;
    }
    db.push(10 * Math.log10(e / wsum + 1e-20));
  }
  const sorted = [...db].sort((a, b) => a - b);
  const thr = sorted[Math.floor(0.99 * (sorted.length - 1))] - 25;
  const t = (i: number): number => (i * hop + win / 2) / fs;
  // Runs of frames above the threshold; short silences are bridged, short sounds dropped.
  let runs: [number, number][] = [];
  for (let i = 0; i < db.length; i++) {
    if (db[i] <= thr) continue;
    const a = i;
    while (i + 1 < db.length && db[i + 1] > thr) i++;
    runs.push([t(a) - hop / fs / 2, t(i) + hop / fs / 2]);
  }
  const merged: [number, number][] = [];
  for (const r of runs) {
    const last = merged[merged.length - 1];
    if (last && r[0] - last[1] < 0.25) last[1] = r[1];
    else merged.push([r[0], r[1]]);
  }
  runs = merged.filter((r) => r[1] - r[0] >= 0.1);
  return runs
    .map(([a, b]) => ({ startSec: Math.max(a, startSec), endSec: Math.min(b, endSec) }))
    .filter((r) => r.endSec > r.startSec);
}

interface Row {
  id: string;
  parent: string;
  ok: boolean;
  medHz: number | null;
  refMed: number;
}

const rows = readReference(dir);
const fmt = (v: number | null | undefined, d = 1): string => (v === null || v === undefined || !Number.isFinite(v) ? '–' : v.toFixed(d));
const results: Row[] = [];
let nMed = 0, nSd = 0, nRange = 0, nJudged = 0;
let totalMs = 0;
console.log('id'.padEnd(46), 'floor/ceil ours (ref)'.padEnd(28), 'med ours/ref', ' sd ours/ref', ' rng ours/ref', ' vf ours/ref');
for (const r of rows) {
  if (r.speech_found !== '1' || !hasFixture(r.file, dir)) continue;
  const x = await load(r.file);
  const span = { startSec: Number(r.speech_start_s), endSec: Number(r.speech_end_s) };
  const speech = useSounding ? soundingIntervals(x, ANALYSIS_RATE_HZ, span.startSec, span.endSec) : [span];
  const t0 = performance.now();
  const res = adaptivePitch(x, ANALYSIS_RATE_HZ, speech);
  totalMs += performance.now() - t0;
  const st = res.track ? pitchStats(res.track, speech) : null;
  const refMed = Number(r.f0a_med_hz);
  const medOk = st?.medianHz != null && Math.abs(st.medianHz / refMed - 1) <= 0.05;
  const sdOk = st?.sdSt != null && Math.abs(st.sdSt - Number(r.f0a_sd_st)) <= 1.0;
  const rangeOk = st?.rangeSt != null && Math.abs(st.rangeSt - Number(r.f0a_range_st)) <= 2.0;
  if (!r.parent) {
    nJudged++;
    nMed += medOk ? 1 : 0;
    nSd += sdOk ? 1 : 0;
    nRange += rangeOk ? 1 : 0;
  }
  results.push({ id: r.id, parent: r.parent, ok: medOk, medHz: st?.medianHz ?? null, refMed });
  const flag = (ok: boolean): string => (ok ? ' ' : '*');
  console.log(
    r.id.slice(0, 46).padEnd(46),
    `${fmt(res.floorHz)}-${fmt(res.ceilingHz)} (${r.f0a_floor_hz}-${r.f0a_ceiling_hz})`.padEnd(28),
    `${fmt(st?.medianHz)}/${r.f0a_med_hz}${flag(medOk)}`.padEnd(13),
    `${fmt(st?.sdSt, 2)}/${r.f0a_sd_st}${flag(sdOk)}`.padEnd(13),
    `${fmt(st?.rangeSt, 2)}/${r.f0a_range_st}${flag(rangeOk)}`.padEnd(14),
    `${fmt(st?.voicedFraction, 2)}/${r.f0a_voiced_frac_speech}`,
    verbose ? ` p5 ${fmt(st?.p5Hz)}/${r.f0a_p05_hz} p95 ${fmt(st?.p95Hz)}/${r.f0a_p95_hz}` : '',
  );
}
// Variants (noise, 8 kHz, gain, pad, codecs) are judged against their clean parent's median.
let nVar = 0, nVarOk = 0;
for (const v of results.filter((x) => x.parent)) {
  const p = results.find((x) => x.id === v.parent);
  if (!p?.medHz || v.medHz === null) continue;
  nVar++;
  const ok = Math.abs(v.medHz / p.medHz - 1) <= 0.05;
  nVarOk += ok ? 1 : 0;
  if (!ok) console.log(`variant off parent: ${v.id} ${fmt(v.medHz)} vs ${fmt(p.medHz)}`);
}
const pct = (a: number, b: number): string => `${a}/${b} (${((100 * a) / Math.max(1, b)).toFixed(0)} %)`;
console.log(`\nclean files: median ±5 % ${pct(nMed, nJudged)} [≥ 90 %], sd ±1 st ${pct(nSd, nJudged)} [≥ 80 %], range ±2 st ${pct(nRange, nJudged)} [≥ 80 %]`);
console.log(`variants within 5 % of parent median: ${pct(nVarOk, nVar)}; pitch time ${totalMs.toFixed(0)} ms`);
