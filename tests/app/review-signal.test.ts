import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeToJson, TRACK_HOP_SEC, type TimeTrack } from '../../src/analysis/index.ts';
import {
  contourAt, hasTracks, loudnessEnvelope, medianOf, pitchContour, reviewSignals, semitonesAbove, waveformPeaks,
} from '../../src/takes/review-signal.ts';
import { REPO_ROOT } from '../helpers/cli.ts';
import { speechLike } from '../helpers/synth.ts';
import { gridTrack, makeReport } from './report-fixture.ts';

// A track gliding 150 → 300 Hz (exactly 12 st, linear in semitones) from 0.5 s to 2.5 s, unvoiced elsewhere.
const glideHz = (t: number): number | null => (t >= 0.5 && t <= 2.5 ? 150 * 2 ** ((t - 0.5) / 2) : null);
const GLIDE: TimeTrack = gridTrack(3, glideHz);

describe('pitch contour from the report’s track', () => {
  it('is the track in semitones against the baseline, on the report’s 10 ms grid', () => {
    const contour = pitchContour(GLIDE, 150);
    expect(contour.reference).toBe('baseline');
    expect(contour.referenceHz).toBe(150);
    expect(contour.hopSec).toBe(TRACK_HOP_SEC);
    expect(contour.timesSec.length).toBe(300);
    expect(contour.timesSec[0]).toBeCloseTo(0.005, 12);
    expect(contour.timesSec[299]).toBeCloseTo(2.995, 12);
    contour.timesSec.forEach((t, i) => {
      const hz = glideHz(t);
      if (hz === null) expect(contour.semitones[i], `t=${t}`).toBeNull();
      else expect(contour.semitones[i]).toBeCloseTo(6 * (t - 0.5), 9);
    });
    expect(contourAt(contour, 1.505)).toBeCloseTo(6.03, 9);
    expect(contourAt(contour, 0.2)).toBeNull();
  });

  it('is relative to another baseline by exactly the baseline’s offset', () => {
    const a = pitchContour(GLIDE, 150);
    const b = pitchContour(GLIDE, 200);
    const offset = semitonesAbove(150, 200);
    a.semitones.forEach((st, i) => {
      if (st === null) expect(b.semitones[i]).toBeNull();
      else expect(b.semitones[i]).toBeCloseTo(st + offset, 9);
    });
  });

  it('falls back to the take’s median without a baseline (the report’s median when given)', () => {
    const own = pitchContour(GLIDE, null);
    expect(own.reference).toBe('take');
    // The median of a glide linear in semitones is its middle: 150·2^(6/12) ≈ 212 Hz.
    expect(own.referenceHz).toBeCloseTo(150 * 2 ** 0.5, 0);
    expect(pitchContour(GLIDE, null, 250).referenceHz).toBe(250);
    expect(pitchContour(GLIDE, 0).reference).toBe('take');
    const silent = pitchContour(gridTrack(1, () => null), null);
    expect(silent.referenceHz).toBeNull();
    expect(silent.semitones.every((s) => s === null)).toBe(true);
  });

  it('takes the median as the analysis does (Praat’s quantile)', () => {
    expect(medianOf([])).toBeNull();
    expect(medianOf([3])).toBe(3);
    expect(medianOf([4, 1, 3, 2])).toBe(2.5);
    expect(medianOf([5, 1, 3])).toBe(3);
  });
});

describe('review signals from a report', () => {
  it('draws the loudness envelope from the intensity track, leaving out cells without a value', () => {
    const track = gridTrack(1, (t) => (t < 0.1 ? null : t < 0.5 ? -20 : -60));
    const env = loudnessEnvelope(track);
    expect(env.timesSec.length).toBe(90);
    expect(env.timesSec[0]).toBeCloseTo(0.105, 12);
    expect(env.levelDbfs[0]).toBe(-20);
    expect(env.levelDbfs[89]).toBe(-60);
  });

  it('uses the report’s median and the baseline, and refuses a report without tracks with a sentence', () => {
    const report = makeReport({});
    const s = reviewSignals(report, 4.2, null);
    expect(s.contour.referenceHz).toBe(215.3);
    // makeReport's track is 215.3 Hz over the speech (0.5–3.9 s): 0 st against its own median.
    expect(contourAt(s.contour, 1.005)).toBeCloseTo(0, 12);
    expect(contourAt(s.contour, 0.105)).toBeNull();
    expect(Math.max(...s.envelope.levelDbfs)).toBe(-22.35);
    expect(reviewSignals(report, 4.2, 180).contour.reference).toBe('baseline');
    const old = { ...report, analysisVersion: '1.2.0', pitch: { ...report.pitch, track: null } };
    expect(hasTracks(old)).toBe(false);
    expect(hasTracks(report)).toBe(true);
    expect(() => reviewSignals(old, 4.2, null)).toThrow(/analysis 1\.2\.0.*analyse it again/);
  });

  it('follows a sung 150 → 300 Hz glide within 0.3 st when drawn from a real analysis’s report', () => {
    const RATE_HZ = 48000;
    const samples = speechLike({ sampleRateHz: RATE_HZ, durationSec: 3, noiseDbfs: null, seed: 1, phrases: [
      { startSec: 0.5, endSec: 2.5, f0StartHz: 150, f0EndHz: 300, levelDbfs: -20, syllablesPerSec: 4 },
    ] });
    const report = analyzeToJson({ channels: [samples], sampleRateHz: RATE_HZ }, { lang: 'en' }, 'glide');
    const { contour, envelope } = reviewSignals(report, 3, 150);
    const voiced = contour.semitones.map((st, i) => ({ t: contour.timesSec[i], st })).filter((f) => f.st !== null && f.t > 0.6 && f.t < 2.4);
    // 10 ms cells over 1.8 s; the syllable troughs (−20 dB) may go unvoiced, most cells must not.
    expect(voiced.length).toBeGreaterThan(0.7 * 180);
    for (const f of voiced) expect(Math.abs((f.st as number) - 6 * (f.t - 0.5)), `t=${f.t}`).toBeLessThan(0.3);
    // Nothing voiced in the digital silence around the phrase; the envelope is loud inside, far down outside.
    expect(contour.semitones.filter((st, i) => st !== null && (contour.timesSec[i] < 0.4 || contour.timesSec[i] > 2.6))).toEqual([]);
    const inside = [...envelope.levelDbfs].filter((_, i) => envelope.timesSec[i] > 0.7 && envelope.timesSec[i] < 2.3);
    const outside = [...envelope.levelDbfs].filter((_, i) => envelope.timesSec[i] < 0.35 || envelope.timesSec[i] > 2.7);
    expect(Math.max(...inside)).toBeGreaterThan(-22);
    expect(Math.max(...inside)).toBeLessThan(-10);
    expect(Math.max(...outside)).toBeLessThan(-80);
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

  it('runs no analysis code: the review path imports only the report’s types from src/analysis', () => {
    for (const file of ['src/takes/review-signal.ts', 'src/takes/load-review.ts']) {
      const source = readFileSync(join(REPO_ROOT, file), 'utf8');
      const fromAnalysis = [...source.matchAll(/^import (type )?[^;]*from '\.\.\/analysis\/[^']+';/gm)];
      for (const m of fromAnalysis) expect(m[1], `${file}: ${m[0]}`).toBe('type ');
    }
  });
});
