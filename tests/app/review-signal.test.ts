import { describe, expect, it } from 'vitest';
import {
  analysisSignal, contourAt, loudnessEnvelope, pitchContour, reviewSignals, semitonesAbove, speechIntervals, waveformPeaks,
} from '../../src/takes/review-signal.ts';
import { speechLike } from '../helpers/synth.ts';
import { makeReport } from './report-fixture.ts';

const RATE_HZ = 48000;
// One phrase gliding 150 → 300 Hz (exactly 12 st, linear in semitones) from 0.5 s to 2.5 s.
const GLIDE = { startSec: 0.5, endSec: 2.5, f0StartHz: 150, f0EndHz: 300, levelDbfs: -20, syllablesPerSec: 4 };
const samples = speechLike({ sampleRateHz: RATE_HZ, durationSec: 3, phrases: [GLIDE], noiseDbfs: null, seed: 1 });
const hp = analysisSignal(samples, RATE_HZ);
const truthSt = (t: number, baselineHz: number): number => 12 * ((t - GLIDE.startSec) / (GLIDE.endSec - GLIDE.startSec)) + semitonesAbove(150, baselineHz);

function voicedFrames(contour: ReturnType<typeof pitchContour>, fromSec: number, toSec: number): { t: number; st: number }[] {
  const out: { t: number; st: number }[] = [];
  contour.timesSec.forEach((t, i) => {
    const st = contour.semitones[i];
    if (t >= fromSec && t <= toSec && st !== null) out.push({ t, st });
  });
  return out;
}

describe('pitch contour in semitones', () => {
  it('follows a 150 → 300 Hz glide against the baseline within 0.3 st', () => {
    const contour = pitchContour(hp, [{ startSec: 0.5, endSec: 2.5 }], 150);
    expect(contour.reference).toBe('baseline');
    expect(contour.referenceHz).toBe(150);
    const frames = voicedFrames(contour, 0.6, 2.4);
    // 10 ms frames over 1.8 s; the syllable troughs (−20 dB) may go unvoiced, most frames must not.
    expect(frames.length).toBeGreaterThan(0.7 * 180);
    for (const f of frames) expect(Math.abs(f.st - truthSt(f.t, 150)), `t=${f.t}`).toBeLessThan(0.3);
    // Start near 0 st, end near +12 st.
    expect(contourAt(contour, frames[0].t)).toBeCloseTo(frames[0].st, 10);
    expect(frames[frames.length - 1].st).toBeGreaterThan(11);
  });

  it('is relative to another baseline by exactly the baseline’s offset', () => {
    const a = pitchContour(hp, [{ startSec: 0.5, endSec: 2.5 }], 150);
    const b = pitchContour(hp, [{ startSec: 0.5, endSec: 2.5 }], 200);
    const offset = semitonesAbove(150, 200);
    a.semitones.forEach((st, i) => {
      if (st === null) expect(b.semitones[i]).toBeNull();
      else expect(b.semitones[i]).toBeCloseTo(st + offset, 9);
    });
  });

  it('falls back to the take’s median without a baseline (the report’s median when given)', () => {
    const own = pitchContour(hp, [{ startSec: 0.5, endSec: 2.5 }], null);
    expect(own.reference).toBe('take');
    // The median of a glide linear in semitones is its middle: 150·2^(6/12) ≈ 212 Hz.
    expect(own.referenceHz).toBeGreaterThan(205);
    expect(own.referenceHz).toBeLessThan(220);
    const frames = voicedFrames(own, 0.6, 2.4);
    for (const f of frames) expect(Math.abs(f.st - truthSt(f.t, own.referenceHz as number))).toBeLessThan(0.3);
    const fromReport = pitchContour(hp, [{ startSec: 0.5, endSec: 2.5 }], null, 250);
    expect(fromReport.referenceHz).toBe(250);
    expect(pitchContour(hp, [{ startSec: 0.5, endSec: 2.5 }], 0).reference).toBe('take');
  });

  it('has no voiced frames in digital silence', () => {
    const contour = pitchContour(hp, [{ startSec: 0.5, endSec: 2.5 }], 150);
    expect(voicedFrames(contour, 0, 0.4)).toEqual([]);
    expect(voicedFrames(contour, 2.6, 3)).toEqual([]);
  });
});

describe('review signals', () => {
  it('uses the report’s phrases, else its speech span, else the whole take', () => {
    const report = makeReport({}, { phrases: [{ startSec: 0.5, endSec: 1.2, activeLevelDbfs: -20, medianHz: 150 }] });
    expect(speechIntervals(report, 3)).toEqual([{ startSec: 0.5, endSec: 1.2 }]);
    expect(speechIntervals(makeReport({}), 3)).toEqual([{ startSec: 0.5, endSec: 3.9 }]);
    expect(speechIntervals(null, 3)).toEqual([{ startSec: 0, endSec: 3 }]);
  });

  it('gives a loudness envelope at the phrase’s level and far below it in silence', () => {
    const env = loudnessEnvelope(hp);
    const inside = [...env.levelDbfs].filter((_, i) => env.timesSec[i] > 0.7 && env.timesSec[i] < 2.3);
    const outside = [...env.levelDbfs].filter((_, i) => env.timesSec[i] < 0.35 || env.timesSec[i] > 2.7);
    expect(Math.max(...inside)).toBeGreaterThan(-22);
    expect(Math.max(...inside)).toBeLessThan(-10);
    expect(Math.max(...outside)).toBeLessThan(-80);
    const all = reviewSignals(samples, RATE_HZ, null, 150);
    expect(all.durationSec).toBe(3);
    expect(all.contour.reference).toBe('baseline');
  });

  it('keeps each bucket’s maximum and minimum as peaks', () => {
    const x = new Float32Array(1000);
    x[10] = 0.5;
    x[20] = -0.25;
    x[700] = -1;
    const peaks = waveformPeaks(x, 1000, 10); // 100 samples per bucket
    expect(peaks.length).toBe(20);
    expect([peaks[0], peaks[1]]).toEqual([0.5, -0.25]);
    expect([peaks[14], peaks[15]]).toEqual([0, -1]);
    expect(waveformPeaks(new Float32Array(0), 1000).length).toBe(2);
  });
});
