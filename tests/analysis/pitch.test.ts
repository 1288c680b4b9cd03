import { describe, expect, it } from 'vitest';
import { nextPow2, powerSpectrum, realFft } from '../../src/analysis/dsp/fft.ts';
import { ADAPTED_CEILING_Q75_FACTOR, adaptivePitch, choosePitchPath, DEFAULT_PATH_COSTS, pitchStats, pitchTrack, YinEngine } from '../../src/analysis/pitch/index.ts';
import { quantileSorted } from '../../src/analysis/stats.ts';
import type { PitchTrack } from '../../src/analysis/types.ts';
import { seededRandom } from '../helpers/synth.ts';

const FS = 16000;

/** Deterministic uniform noise in [−1, 1). */
function rng(seed: number): () => number {
  const next = seededRandom(seed);
  return () => next() * 2 - 1;
}

/** Tone with instantaneous frequency f0(t); `harmonics` partials at 1/h amplitude, below Nyquist. */
function tone(f0: (tSec: number) => number, sec: number, harmonics = 1, amp = 0.5): Float32Array {
  const x = new Float32Array(Math.round(sec * FS));
  let phase = 0;
  for (let i = 0; i < x.length; i++) {
    const f = f0(i / FS);
    phase += (2 * Math.PI * f) / FS;
    let s = 0;
    for (let h = 1; h <= harmonics && h * f < FS / 2; h++) s += Math.sin(h * phase) / h;
    x[i] = amp * s;
  }
  return x;
}

const voiced = (t: PitchTrack): number[] => Array.from(t.f0Hz).filter((v) => v > 0);

describe('real FFT', () => {
  it('matches a direct DFT and inverts exactly', () => {
    const rand = rng(1);
    for (const n of [4, 8, 32, 128, 1024]) {
      const x = Float64Array.from({ length: n }, rand);
      const re = new Float64Array(n / 2 + 1);
      const im = new Float64Array(n / 2 + 1);
      realFft(n).forward(x, re, im);
      for (let k = 0; k <= n / 2; k++) {
        let sr = 0, si = 0;
        for (let t = 0; t < n; t++) {
          sr += x[t] * Math.cos((2 * Math.PI * k * t) / n);
          si -= x[t] * Math.sin((2 * Math.PI * k * t) / n);
        }
        expect(re[k]).toBeCloseTo(sr, 9);
        expect(im[k]).toBeCloseTo(si, 9);
      }
      const y = new Float64Array(n);
      realFft(n).inverse(re, im, y);
      for (let t = 0; t < n; t++) expect(y[t]).toBeCloseTo(x[t], 12);
    }
  });

  it('zero-pads short input and gives the power spectrum', () => {
    const fft = realFft(nextPow2(100));
    expect(fft.size).toBe(128);
    const x = Float32Array.from({ length: 100 }, (_, i) => Math.cos((2 * Math.PI * 16 * i) / 128));
    const p = new Float64Array(65);
    powerSpectrum(fft, x, p);
    expect(p.indexOf(Math.max(...p))).toBe(16);
  });
});

describe('YIN difference function (FFT form)', () => {
  it('equals the direct fixed-window d(τ) and its cumulative-mean normalisation', () => {
    const rand = rng(2);
    const w = 300, maxLag = 250;
    const x = Float32Array.from({ length: w + maxLag }, (_, i) => Math.sin(i * 0.07) + 0.3 * rand());
    const engine = new YinEngine(w, maxLag);
    const dn = engine.analyse(x, 0);
    let cum = 0;
    for (let tau = 1; tau <= maxLag; tau++) {
      let d = 0;
      for (let j = 0; j < w; j++) d += (x[j] - x[j + tau]) ** 2;
      cum += d;
      expect(engine.diff[tau]).toBeCloseTo(d, 6);
      expect(dn[tau]).toBeCloseTo((d * tau) / cum, 9);
    }
  });
});

describe('pitch track on known-truth signals', () => {
  for (const hz of [80, 120, 220, 400]) {
    for (const harmonics of [1, 20]) {
      it(`${harmonics === 1 ? 'pure' : 'harmonic-rich'} ${hz} Hz tone within 1 %`, () => {
        const track = pitchTrack(tone(() => hz, 1, harmonics), FS, { floorHz: 50, ceilingHz: 700 });
        const v = voiced(track);
        expect(v.length).toBeGreaterThanOrEqual(0.9 * track.f0Hz.length);
        for (const f of v) expect(Math.abs(f / hz - 1)).toBeLessThan(0.01);
      });
    }
  }

  it('follows a 100 → 300 Hz glide within 2 %', () => {
    const f0 = (t: number): number => 100 * 3 ** (t / 2);
    const track = pitchTrack(tone(f0, 2, 15), FS, { floorHz: 50, ceilingHz: 700 });
    expect(voiced(track).length).toBeGreaterThanOrEqual(0.9 * track.f0Hz.length);
    track.f0Hz.forEach((f, i) => {
      if (f > 0) expect(Math.abs(f / f0(track.timesSec[i]) - 1)).toBeLessThan(0.02);
    });
  });

  it('measures vibrato depth: SD of the semitone contour = depth/√2 within 0.2 st', () => {
    const depthSt = 2;
    const f0 = (t: number): number => 150 * 2 ** ((depthSt / 12) * Math.sin(2 * Math.PI * 5 * t));
    const speech = [{ startSec: 0, endSec: 3 }];
    const res = adaptivePitch(tone(f0, 3, 15), FS, speech);
    const stats = pitchStats(res.track!, speech);
    expect(stats.sdSt!).toBeGreaterThan(depthSt / Math.SQRT2 - 0.2);
    expect(stats.sdSt!).toBeLessThan(depthSt / Math.SQRT2 + 0.2);
    expect(Math.abs(stats.medianHz! / 150 - 1)).toBeLessThan(0.01);
  });

  it('gives no voiced frames for silence and (nearly) none for white noise', () => {
    expect(voiced(pitchTrack(new Float32Array(FS * 2), FS, { floorHz: 50, ceilingHz: 700 }))).toHaveLength(0);
    const rand = rng(3);
    const noise = Float32Array.from({ length: FS * 3 }, () => 0.3 * rand());
    const track = pitchTrack(noise, FS, { floorHz: 50, ceilingHz: 700 });
    expect(voiced(track).length).toBeLessThanOrEqual(0.02 * track.f0Hz.length);
    const res = adaptivePitch(noise, FS, [{ startSec: 0, endSec: 3 }]);
    expect(res.track === null || voiced(res.track).length <= 0.02 * res.track.f0Hz.length).toBe(true);
  });

  it('is amplitude invariant (−20 dB gives the same track)', () => {
    const rand = rng(4);
    const x = tone((t) => 110 + 60 * Math.sin(2 * Math.PI * 0.7 * t), 2, 12);
    for (let i = 0; i < x.length; i++) x[i] = (i % FS < 0.8 * FS ? x[i] : 0) + 0.01 * rand();
    const quiet = x.map((v) => v * 0.1);
    const a = adaptivePitch(x, FS, [{ startSec: 0, endSec: 2 }]);
    const b = adaptivePitch(quiet, FS, [{ startSec: 0, endSec: 2 }]);
    expect(b.floorHz).toBeCloseTo(a.floorHz!, 6);
    a.track!.f0Hz.forEach((f, i) => {
      const g = b.track!.f0Hz[i];
      expect(g > 0).toBe(f > 0);
      if (f > 0) expect(Math.abs(g / f - 1)).toBeLessThan(1e-4);
    });
  });
});

describe('adaptive two-pass range', () => {
  it('sets floor = max(40, 0.75·q25) and ceiling = min(1000, 1.6·q75) from the first pass', () => {
    const speech = [{ startSec: 0, endSec: 2 }];
    const res = adaptivePitch(tone((t) => (t < 1 ? 150 : 250), 2, 10), FS, speech);
    const f0 = Float64Array.from(voiced(res.firstPass)).sort();
    expect(res.floorHz).toBeCloseTo(Math.max(40, 0.75 * quantileSorted(f0, 0.25)), 6);
    expect(ADAPTED_CEILING_Q75_FACTOR).toBe(1.6);
    expect(res.ceilingHz).toBeCloseTo(Math.min(1000, 1.6 * quantileSorted(f0, 0.75)), 6);
    expect(res.floorHz!).toBeGreaterThan(100);
    expect(res.ceilingHz!).toBeGreaterThan(350);
  });

  it('clamps the floor at 40 Hz for a very deep voice', () => {
    const res = adaptivePitch(tone(() => 52, 1.5, 25), FS, [{ startSec: 0, endSec: 1.5 }]);
    expect(res.floorHz).toBe(40);
    const stats = pitchStats(res.track!, [{ startSec: 0, endSec: 1.5 }]);
    expect(Math.abs(stats.medianHz! / 52 - 1)).toBeLessThan(0.01);
  });

  it('reuses the first-pass candidates for another track inside 50–700 Hz', () => {
    const res = adaptivePitch(tone(() => 180, 1, 10), FS, [{ startSec: 0, endSec: 1 }]);
    const lenient = choosePitchPath(res.firstPassCandidates, 50, 600, { ...DEFAULT_PATH_COSTS, voicingThreshold: 0.25 }, false);
    expect(lenient.hopSec).toBe(res.firstPass.hopSec);
    const v = voiced(lenient);
    expect(v.length).toBeGreaterThanOrEqual(0.9 * lenient.f0Hz.length);
    for (const f of v) expect(Math.abs(f / 180 - 1)).toBeLessThan(0.01);
  });

  it('has no second pass without voiced speech', () => {
    const res = adaptivePitch(new Float32Array(FS), FS, [{ startSec: 0, endSec: 1 }]);
    expect(res.track).toBeNull();
    expect(res.floorHz).toBeNull();
  });
});

describe('pitchStats', () => {
  const track = (f0: number[]): PitchTrack => ({
    timesSec: Float64Array.from(f0, (_, i) => (i + 0.5) * 0.01),
    f0Hz: Float64Array.from(f0),
    hopSec: 0.01,
    floorHz: 50,
    ceilingHz: 700,
  });

  it('uses voiced frames whose centre lies inside a sounding interval', () => {
    const f0 = [300, 100, 0, 200, 400, 0, 300];
    const s = pitchStats(track(f0), [{ startSec: 0.01, endSec: 0.05 }, { startSec: 0.06, endSec: 0.07 }]);
    // Frames at 0.015 … 0.045 and 0.065: 100, 0, 200, 400, 300.
    const sorted = Float64Array.from([100, 200, 300, 400]);
    expect(s.medianHz).toBeCloseTo(quantileSorted(sorted, 0.5), 9);
    expect(s.p5Hz).toBeCloseTo(quantileSorted(sorted, 0.05), 9);
    expect(s.p95Hz).toBeCloseTo(quantileSorted(sorted, 0.95), 9);
    expect(s.rangeSt).toBeCloseTo(12 * Math.log2(s.p95Hz! / s.p5Hz!), 9);
    const st = [100, 200, 400, 300].map((v) => 12 * Math.log2(v / 100));
    const m = st.reduce((a, b) => a + b) / 4;
    expect(s.sdSt).toBeCloseTo(Math.sqrt(st.reduce((a, b) => a + (b - m) ** 2, 0) / 3), 9);
    expect(s.voicedFraction).toBeCloseTo(4 / 5, 9);
  });

  it('returns nulls under 3 voiced frames and no fraction without speech frames', () => {
    const s = pitchStats(track([0, 120, 130, 0]), [{ startSec: 0, endSec: 1 }]);
    expect(s.medianHz).toBeNull();
    expect(s.sdSt).toBeNull();
    expect(s.voicedFraction).toBeCloseTo(0.5, 9);
    expect(pitchStats(track([120, 130, 140]), []).voicedFraction).toBeNull();
  });
});
