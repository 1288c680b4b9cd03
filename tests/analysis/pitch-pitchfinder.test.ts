import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import decode from 'audio-decode';
import { YIN } from 'pitchfinder';
import { describe, expect, it } from 'vitest';
import { yinFrameHz } from '../../src/analysis/pitch/index.ts';
import { seededRandom } from '../helpers/synth.ts';

/**
 * Our FFT-form YIN against pitchfinder's direct YIN (node_modules/pitchfinder, GPL-3.0) frame by frame.
 * Workarounds for pitchfinder's quirks:
 * - it uses W = (largest power of two < frame length)/2 and lags τ < W, so it gets 2W + 1 samples
 *   (a frame of exactly 2W would give W/2), and we analyse the first 2W − 1 with window W, τ ≤ W − 1;
 * - it sets d'(1) = 1 before normalising (our d'(1) uses d(1)); frames are normalised to peak 1 so
 *   that d(τ) ≫ 1 and the changed running sum is negligible.
 */
const FS = 16000;
const W = 512;
const THRESHOLD = 0.15;
const REAL = fileURLToPath(new URL('../../../shared/fixtures/real', import.meta.url));
const pitchfinder = YIN({ sampleRate: FS, threshold: THRESHOLD });

/** Fraction of frames (both voiced, pitchfinder plausible) where the two agree within 1 %. */
function agreement(frames: Float32Array[]): { compared: number; agreeFraction: number } {
  let compared = 0;
  let agree = 0;
  for (const raw of frames) {
    let peak = 0;
    for (const v of raw) peak = Math.max(peak, Math.abs(v));
    if (peak === 0) continue;
    const frame = raw.map((v) => v / peak);
    const theirs = pitchfinder(frame);
    const ours = yinFrameHz(frame.subarray(0, 2 * W - 1), { sampleRateHz: FS, windowSamples: W, threshold: THRESHOLD });
    if (theirs === null || ours === null || !(theirs >= 40 && theirs <= 1000)) continue;
    compared++;
    if (Math.abs(ours / theirs - 1) <= 0.01) agree++;
  }
  return { compared, agreeFraction: agree / Math.max(1, compared) };
}

/** Deterministic uniform noise in [−1, 1). */
function rng(seed: number): () => number {
  const next = seededRandom(seed);
  return () => next() * 2 - 1;
}

describe('FFT-form YIN against pitchfinder YIN', () => {
  it('agrees within 1 % on ≥ 95 % of synthetic voiced frames', () => {
    const rand = rng(7);
    const frames: Float32Array[] = [];
    for (let k = 0; k < 150; k++) {
      const f0 = 70 * 2 ** (2.5 * (rand() * 0.5 + 0.5)); // 70–400 Hz
      const amps = Array.from({ length: 12 }, () => Math.max(0, rand()) / 2 + 0.05);
      const phases = amps.map(() => Math.PI * rand());
      const jitter = 1 + 0.005 * rand();
      frames.push(
        Float32Array.from({ length: 2 * W + 1 }, (_, i) => {
          let s = 0;
          amps.forEach((a, h) => {
            if ((h + 1) * f0 < FS / 2) s += a * Math.sin((2 * Math.PI * (h + 1) * f0 * jitter * i) / FS + phases[h]);
          });
          return s + 0.05 * rand();
        }),
      );
    }
    const { compared, agreeFraction } = agreement(frames);
    expect(compared).toBeGreaterThan(100);
    expect(agreeFraction).toBeGreaterThanOrEqual(0.95);
  });

  it.skipIf(!existsSync(REAL))('agrees within 1 % on ≥ 95 % of real speech frames', async () => {
    const frames: Float32Array[] = [];
    for (const name of readdirSync(REAL).filter((n) => n.endsWith('.wav')).sort()) {
      const audio = await decode(readFileSync(join(REAL, name)));
      if (audio.sampleRate !== FS) continue;
      const x = audio.channelData[0];
      let peak = 0;
      for (const v of x) peak = Math.max(peak, Math.abs(v));
      // Every 50 ms, frames whose RMS is within 30 dB of the file peak; at most 150 per file.
      let taken = 0;
      for (let s = 0; s + 2 * W + 1 <= x.length && taken < 150; s += FS / 20) {
        const frame = x.subarray(s, s + 2 * W + 1);
        let e = 0;
        for (const v of frame) e += v * v;
        if (Math.sqrt(e / frame.length) < 0.03 * peak) continue;
        frames.push(frame);
        taken++;
      }
    }
    const { compared, agreeFraction } = agreement(frames);
    expect(compared).toBeGreaterThan(200);
    expect(agreeFraction).toBeGreaterThanOrEqual(0.95);
  });
});
