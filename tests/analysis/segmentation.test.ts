import { describe, expect, it } from 'vitest';
import { highpass } from '../../src/analysis/dsp/highpass.ts';
import { segmentSpeech, type SegmentationOptions } from '../../src/analysis/segmentation.ts';
import { ANALYSIS_RATE_HZ, type NoSpeechReason, type Segmentation } from '../../src/analysis/types.ts';
import { fixtureSignal, haveFixtures, readReference } from '../helpers/fixtures.ts';
import { seededRandom } from '../helpers/synth.ts';

const FS = ANALYSIS_RATE_HZ;

/** Deterministic uniform noise in [−0.5, 0.5). */
function rng(seed: number): () => number {
  const next = seededRandom(seed);
  return () => next() - 0.5;
}

const signal = (sec: number, fn: (tSec: number) => number): Float32Array =>
  Float32Array.from({ length: Math.round(sec * FS) }, (_, i) => fn(i / FS));

/** A voiced, vowel-like burst: harmonics 1/k below 4 kHz, F0 gliding f0a→f0b, 4 Hz syllable AM, 10 ms ramps. */
function voicedBurst(sec: number, f0a: number, f0b: number, amp: number, amDepth = 0.4): Float32Array {
  let phase = 0;
  return signal(sec, (t) => {
    const f0 = f0a + ((f0b - f0a) * t) / sec;
    phase += (2 * Math.PI * f0) / FS;
    let s = 0;
    for (let k = 1; k * f0 < 4000; k++) s += Math.sin(k * phase) / k;
    const ramp = Math.min(1, t / 0.01, (sec - t) / 0.01);
    return 0.5 * amp * ramp * (1 - amDepth + amDepth * Math.sin(2 * Math.PI * 4 * t)) * s;
  });
}

const toneBurst = (sec: number, hz: number, amp: number): Float32Array =>
  signal(sec, (t) => amp * Math.sin(2 * Math.PI * hz * t));

type Part = [startSec: number, endSec: number, amp?: number];

/** Place bursts at the given times in a silent buffer. */
function place(totalSec: number, parts: Part[], burst: (sec: number, i: number, amp: number) => Float32Array): Float32Array {
  const y = new Float32Array(Math.round(totalSec * FS));
  parts.forEach(([a, b, amp = 1], i) => y.set(burst(b - a, i, amp), Math.round(a * FS)));
  return y;
}

const speechLike = (totalSec: number, parts: Part[], amDepth?: number): Float32Array =>
  place(totalSec, parts, (sec, i, amp) => voicedBurst(sec, 110 + 15 * i, 150 + 10 * i, amp, amDepth));

const segment = (x: Float32Array, options?: SegmentationOptions): Segmentation =>
  segmentSpeech({ samples: highpass(x, FS), sampleRateHz: FS }, options);

const TOL_SEC = 0.02;
// Bursts with gaps of 0.4 s, 0.6 s (pauses) and 0.2 s (too short to be a pause).
const PARTS: Part[] = [[0.5, 1.5], [1.9, 2.7], [3.3, 4.0], [4.2, 5.0]];
const PAUSES = [[1.5, 1.9], [2.7, 3.3]];

function expectTruth(s: Segmentation): void {
  expect(s.speechFound).toBe(true);
  expect(Math.abs(s.startSec! - 0.5)).toBeLessThanOrEqual(TOL_SEC);
  expect(Math.abs(s.endSec! - 5.0)).toBeLessThanOrEqual(TOL_SEC);
  expect(s.pauses).toHaveLength(PAUSES.length);
  s.pauses.forEach((p, i) => {
    expect(Math.abs(p.startSec - PAUSES[i][0])).toBeLessThanOrEqual(TOL_SEC);
    expect(Math.abs(p.endSec - PAUSES[i][1])).toBeLessThanOrEqual(TOL_SEC);
    expect(Math.abs(p.endSec - p.startSec - (PAUSES[i][1] - PAUSES[i][0]))).toBeLessThanOrEqual(TOL_SEC);
  });
  expect(s.sounding).toHaveLength(3); // the 0.2 s gap stays inside the last phrase
}

describe('segmentSpeech on signals with known truth', () => {
  it('finds the pauses of tone bursts (Praat guard only): count, edges and durations within 20 ms', () => {
    expectTruth(segment(place(5.5, PARTS, (sec) => toneBurst(sec, 440, 0.5)), { praatGuardOnly: true }));
  });

  it('finds the same truth in voiced, speech-like bursts with the full guard', () => {
    expectTruth(segment(speechLike(5.5, PARTS)));
  });

  it('does not count a 0.2 s gap as a pause', () => {
    const s = segment(speechLike(3, [[0.5, 1.4], [1.6, 2.5]]));
    expect(s.pauses).toHaveLength(0);
    expect(s.sounding).toHaveLength(1);
  });

  // Level tests use a shallow AM, so each burst has one level.
  it('keeps level steps of −12 and −20 dB as speech but not a burst 35 dB down', () => {
    const s = segment(speechLike(6, [[0.5, 1.5, 1], [2.0, 3.0, 0.25], [3.5, 4.5, 0.1], [5.0, 5.8, 0.0178]], 0.1));
    expect(s.pauses).toHaveLength(2);
    expect(Math.abs(s.endSec! - 4.5)).toBeLessThanOrEqual(TOL_SEC);
  });

  it('does not split a continuous sound at a 15 dB level step', () => {
    const x = speechLike(3, [[0.5, 1.5, 1], [1.5, 2.5, 0.18]], 0.1);
    const s = segment(x);
    expect(s.pauses).toHaveLength(0);
    expect(Math.abs(s.endSec! - 2.5)).toBeLessThanOrEqual(TOL_SEC);
  });

  it('gives the same segmentation at −20 dB gain', () => {
    const x = speechLike(5.5, PARTS);
    const a = segment(x);
    const b = segment(x.map((v) => v * 0.1));
    expect(b.startSec!).toBeCloseTo(a.startSec!, 4);
    expect(b.endSec!).toBeCloseTo(a.endSec!, 4);
    expect(b.pauses.length).toBe(a.pauses.length);
    b.pauses.forEach((p, i) => expect(p.startSec).toBeCloseTo(a.pauses[i].startSec, 4));
    expect(b.thresholdDbfs!).toBeCloseTo(a.thresholdDbfs! - 20, 3);
  });

  it('shifts everything by the padding', () => {
    const a = segment(speechLike(5.5, PARTS));
    const padded = new Float32Array(7.5 * FS);
    padded.set(speechLike(5.5, PARTS), FS);
    const b = segment(padded);
    expect(b.startSec! - a.startSec!).toBeCloseTo(1, 2);
    expect(b.endSec! - a.endSec!).toBeCloseTo(1, 2);
  });
});

describe('no-speech guard', () => {
  const r = rng(7);
  let brown = 0;
  const cases: [string, Float32Array, NoSpeechReason[]][] = [
    ['digital silence', new Float32Array(3 * FS), ['silent']],
    ['near silence (−90 dBFS noise)', signal(3, () => 3e-5 * r()), ['silent']],
    ['a pure tone', toneBurst(3, 200, 0.5), ['steady', 'tonal']],
    ['a tone with gaps', place(4, [[0.2, 0.9], [1.3, 2.0], [2.4, 3.1]], (sec) => toneBurst(sec, 1000, 0.3)), ['tonal']],
    ['a linear sweep 100 Hz–8 kHz', signal(3, (t) => 0.5 * Math.sin(2 * Math.PI * (100 * t + (7900 / 6) * t * t))), ['steady', 'tonal']],
    ['a swept tone with 4 Hz tremolo', signal(3, (t) => 0.5 * (0.55 + 0.45 * Math.sin(8 * Math.PI * t)) * Math.sin(2 * Math.PI * (200 * t + 300 * t * t))), ['tonal']],
    ['white noise', signal(3, () => 0.3 * r()), ['steady', 'unvoiced']],
    ['brown noise', signal(3, () => (brown = 0.998 * brown + 0.02 * r())), ['steady', 'unvoiced']],
    ['brown noise with 3 Hz swells', signal(3, (t) => (brown = 0.998 * brown + 0.02 * r()) * (0.5 + 0.5 * Math.sin(6 * Math.PI * t))), ['unvoiced']],
    ['white-noise bursts', signal(3, (t) => (t % 0.7 < 0.4 ? 0.3 * r() : 0)), ['unvoiced']],
    ['a 0.2 s blip', signal(3, (t) => (t > 1 && t < 1.2 ? 0.5 * Math.sin(2 * Math.PI * 800 * t) : 0)), ['too-short']],
    ['a 0.25 s noise blip', signal(3, (t) => (t > 1 && t < 1.25 ? 0.3 * r() : 0)), ['too-short']],
    ['a 50 ms click', signal(3, (t) => (t > 1 && t < 1.05 ? 0.5 * r() : 0)), ['too-short']],
    ['a gated 150 Hz buzz', signal(3, (t) => (t % 0.8 < 0.5 ? 0.3 * Math.sign(Math.sin(300 * Math.PI * t)) : 0)), ['tonal']],
    ['a shorter-than-one-window file', new Float32Array(500), ['too-short']],
  ];
  for (const [name, x, reasons] of cases) {
    it(`rejects ${name}`, () => {
      const s = segment(x);
      expect(s.speechFound).toBe(false);
      expect(reasons).toContain(s.noSpeechReason);
      expect(s.startSec).toBeNull();
      expect(s.endSec).toBeNull();
      expect(s.pauses).toEqual([]);
    });
  }

  it('accepts speech-like bursts of 0.4 s', () => {
    expect(segment(speechLike(2, [[0.8, 1.2]])).speechFound).toBe(true);
  });
});

// ---------------------------------------------------------------- real fixtures (Praat reference)

async function segmentFile(file: string, options?: SegmentationOptions): Promise<Segmentation> {
  return segmentSpeech(await fixtureSignal(file), options);
}

describe.skipIf(!haveFixtures)('segmentSpeech against the Praat reference fixtures', () => {
  const rows = haveFixtures ? readReference() : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const results = new Map<string, Segmentation>();
  const segmented = async (): Promise<Map<string, Segmentation>> => {
    if (results.size === 0) for (const r of rows) results.set(r.id, await segmentFile(r.file));
    return results;
  };

  it('finds speech in every speech file and none in the controls', async () => {
    const res = await segmented();
    for (const r of rows) expect([r.id, res.get(r.id)!.speechFound]).toEqual([r.id, r.expect_speech === '1']);
  });

  it('puts speech start/end within 0.10 s of Praat on ≥ 90 % of clean speech files', async () => {
    const res = await segmented();
    // Variants are judged against their parent (README caveats); 15 dB-noise variants are not clean.
    const clean = rows.filter((r) => r.expect_speech === '1' && r.variant !== 'white_noise');
    const ok = clean.filter((r) => {
      const ref = byId.get(r.parent) ?? r;
      const offsetSec = Number(r.time_offset_s || 0);
      const s = res.get(r.id)!;
      return (
        s.speechFound &&
        Math.abs(s.startSec! - (Number(ref.speech_start_s) + offsetSec)) <= 0.1 &&
        Math.abs(s.endSec! - (Number(ref.speech_end_s) + offsetSec)) <= 0.1
      );
    });
    expect(ok.length / clean.length).toBeGreaterThanOrEqual(0.9);
  });

  it('matches Praat frame for frame with refinement off: edges within 0.01 s, same pause counts', async () => {
    const speech = rows.filter((r) => r.expect_speech === '1');
    let same = 0;
    for (const r of speech) {
      const s = await segmentFile(r.file, { refineEdges: false, praatGuardOnly: true });
      const edgesOk =
        Math.abs(s.startSec! - Number(r.speech_start_s)) <= 0.01 && Math.abs(s.endSec! - Number(r.speech_end_s)) <= 0.01;
      if (edgesOk && s.pauses.length === Number(r.n_pauses)) same++;
    }
    expect(same / speech.length).toBeGreaterThanOrEqual(0.95);
  });
});
