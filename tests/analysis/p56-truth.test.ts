import { describe, expect, it } from 'vitest';
import { analyzeRecording } from '../../src/analysis/index.ts';
import { p56ActiveLevel } from '../../src/analysis/p56.ts';
import { decodeFixture } from '../helpers/fixtures.ts';
import { speechLike, type PhraseSpec } from '../helpers/synth.ts';
import { haveTruth, readTruthCsv, TRUTH_DIR } from '../helpers/truth.ts';

/**
 * sv56's speech_voltmeter + bin_interp written out plainly (G.191 STL sv-p56.c): 15 threshold counters
 * updated per sample. The reference p56.ts's fast sliding-maximum version must reproduce.
 */
function sv56Plain(x: Float32Array, rateHz: number): { levelDbfs: number | null; activity: number } {
  const M = 15.9;
  const hangover = Math.floor(0.2 * rateHz + 0.5);
  const g = Math.exp(-1 / (rateHz * 0.03));
  const c = Array.from({ length: 15 }, (_, j) => 2 ** (j - 15));
  const a = new Array<number>(15).fill(0);
  const hang = new Array<number>(15).fill(hangover);
  let p = 0, q = 0, sq = 0;
  for (let k = 0; k < x.length; k++) {
    sq += x[k] * x[k];
    p = g * p + (1 - g) * Math.abs(x[k]);
    q = g * q + (1 - g) * p;
    for (let j = 0; j < 15; j++) {
      if (q >= c[j]) { a[j]++; hang[j] = 0; } else if (hang[j] < hangover) { a[j]++; hang[j]++; }
    }
  }
  const dB = (j: number): number => 10 * Math.log10(sq / a[j]);
  const cdB = (j: number): number => 20 * Math.log10(c[j]);
  const none = { levelDbfs: null, activity: 0 };
  if (a[0] === 0 || dB(0) - cdB(0) < M) return none;
  for (let j = 1; j < 15 && a[j] > 0; j++) {
    if (dB(j) - cdB(j) > M) continue;
    let [up, lw, upT, lwT, tol] = [dB(j), dB(j - 1), cdB(j), cdB(j - 1), 0.5];
    let level: number;
    if (Math.abs(up - upT - M) < tol) level = up;
    else if (Math.abs(lw - lwT - M) < tol) level = lw;
    else {
      let mid = (up + lw) / 2, midT = (upT + lwT) / 2;
      for (let it = 2; Math.abs(mid - midT - M) > tol; it++) {
        const diff = mid - midT - M;
        if (it > 20) tol *= 1.1;
        if (diff > tol) { mid = (up + mid) / 2; midT = (upT + midT) / 2; lw = mid; lwT = midT; } else if (diff < -tol) { mid = (mid + lw) / 2; midT = (midT + lwT) / 2; up = mid; upT = midT; }
      }
      level = mid;
    }
    return { levelDbfs: level, activity: sq / x.length / 10 ** (level / 10) };
  }
  return none;
}

const phrase = (startSec: number, endSec: number, levelDbfs: number, f0Hz: number): PhraseSpec =>
  ({ startSec, endSec, f0StartHz: f0Hz, f0EndHz: f0Hz * 0.8, levelDbfs, syllablesPerSec: 4.5 });

/** Three phrases of uneven level over a noise floor, speech running into the last sample. */
function utterance(rateHz: number, seed: number): Float32Array {
  return speechLike({
    sampleRateHz: rateHz, durationSec: 6, noiseDbfs: -62, seed,
    phrases: [phrase(0.4, 1.9, -24, 210), phrase(2.3, 3.4, -30, 180), phrase(3.9, 6, -21, 230)],
  });
}

const scaled = (x: Float32Array, gainDb: number): Float32Array => x.map((v) => v * 10 ** (gainDb / 20));

function padded(x: Float32Array, beforeSec: number, afterSec: number, rateHz: number): Float32Array {
  const y = new Float32Array(x.length + Math.round((beforeSec + afterSec) * rateHz));
  y.set(x, Math.round(beforeSec * rateHz));
  return y;
}

describe('P.56 active level of the recording (synthetic signals)', () => {
  it.each([[8000, 1], [16000, 2], [44100, 3]])('at %i Hz sv56\'s own ladder equals its per-sample counters exactly', (rateHz, seed) => {
    const x = utterance(rateHz, seed);
    const plain = sv56Plain(x, rateHz);
    const ours = p56ActiveLevel(x, rateHz);
    expect(ours.sv56LevelDbfs).not.toBeNull();
    expect(Math.abs(ours.sv56LevelDbfs! - plain.levelDbfs!)).toBeLessThan(1e-9);
    expect(Math.abs(ours.sv56ActivityFactor - plain.activity)).toBeLessThan(1e-9);
    // The reported level (mean over 64 ladders) stays close to sv56's single ladder.
    expect(Math.abs(ours.activeLevelDbfs! - plain.levelDbfs!)).toBeLessThan(0.1);
  });

  it.each([[16000, 4], [48000, 5]])('at %i Hz a gain moves the level by exactly the gain (±0.01 dB)', (rateHz, seed) => {
    const x = utterance(rateHz, seed);
    const ref = p56ActiveLevel(x, rateHz).activeLevelDbfs!;
    for (const gainDb of [-15, -7.3, -0.5, 6]) {
      const moved = p56ActiveLevel(scaled(x, gainDb), rateHz).activeLevelDbfs!;
      expect(Math.abs(moved - ref - gainDb), `${gainDb} dB`).toBeLessThan(0.01);
    }
  });

  it('1.5 s of digital silence before, after or both changes nothing', () => {
    const rateHz = 16000;
    const x = utterance(rateHz, 6);
    const ref = p56ActiveLevel(x, rateHz);
    for (const [before, after] of [[1.5, 0], [0, 1.5], [1.5, 1.5]]) {
      const y = p56ActiveLevel(padded(x, before, after, rateHz), rateHz);
      expect(Math.abs(y.activeLevelDbfs! - ref.activeLevelDbfs!), `${before}+${after} s`).toBeLessThan(1e-9);
      // The activity is a share of the whole, padding included.
      expect(y.activityFactor).toBeCloseTo(ref.activityFactor * x.length / (x.length + (before + after) * rateHz), 9);
    }
  });

  it('is null for digital silence and an empty signal', () => {
    expect(p56ActiveLevel(new Float32Array(16000), 16000)).toEqual({ activeLevelDbfs: null, activityFactor: 0, sv56LevelDbfs: null, sv56ActivityFactor: 0 });
    expect(p56ActiveLevel(new Float32Array(0), 16000).activeLevelDbfs).toBeNull();
  });

  it('the report measures the analysed channel of the raw recording, whole, at its own rate', () => {
    const rateHz = 44100;
    const left = utterance(rateHz, 7);
    const right = scaled(utterance(rateHz, 8), -12);
    const report = analyzeRecording({ channels: [left, right], sampleRateHz: rateHz }, { lang: 'en', channel: 'right' });
    expect(report.speechFound).toBe(true);
    expect(report.loudness.activeLevelDbfs).toBe(p56ActiveLevel(right, rateHz).activeLevelDbfs);
  });
});

describe.runIf(haveTruth)('P.56 active level against the ITU-T reference program sv56', () => {
  const p56 = haveTruth ? readTruthCsv('p56/p56.csv') : [];
  const keele = haveTruth ? readTruthCsv('keele/keele.csv') : [];
  const files = [
    ...p56.map((r) => ({ file: `p56/${r.file}`, levelDbov: Number(r.sv56_active_dbov), activityPct: Number(r.sv56_activity_pct) })),
    ...keele.map((r) => ({ file: r.file, levelDbov: Number(r.sv56_active_dbov), activityPct: Number(r.sv56_activity_pct) })),
  ];

  it('covers the STL test signal and the ten Keele files', () => {
    expect(files).toHaveLength(11);
  });

  it.each(files.map((f) => [f.file, f] as const))('%s: within 0.1 dB of sv56', async (_name, f) => {
    const { channels, sampleRateHz } = await decodeFixture(f.file, TRUTH_DIR);
    const r = p56ActiveLevel(channels[0], sampleRateHz);
    expect(Math.abs(r.activeLevelDbfs! - f.levelDbov)).toBeLessThanOrEqual(0.1);
    // 0.1 dB of level is 2.3 % of activity (relative).
    expect(Math.abs(100 * r.activityFactor - f.activityPct)).toBeLessThan(2.5);
    // sv56's own ladder reproduces the program (the STL file's 38 trailing zeros are left out: 0.003 dB).
    expect(Math.abs(r.sv56LevelDbfs! - f.levelDbov)).toBeLessThan(0.005);
    expect(Math.abs(100 * r.sv56ActivityFactor - f.activityPct)).toBeLessThan(0.1);
  });

  it('the report of the STL test signal carries that level', async () => {
    const input = await decodeFixture('p56/stl_voice_8k.wav', TRUTH_DIR);
    const report = analyzeRecording(input, { lang: 'en' });
    expect(Math.abs(report.loudness.activeLevelDbfs! - Number(p56[0].sv56_active_dbov))).toBeLessThanOrEqual(0.1);
  });
});
