/**
 * A take compared with the drill's model take (src/takes/model-comparison.ts) on synthetic reports with known
 * truth: the same melody in another voice and at another speed is 0 st away; a flat reading against a model
 * stepping −3/0/+3 st is 3 st away; the mirrored melody is 6 st away; ratios are agent ÷ model.
 */
import { describe, expect, it } from 'vitest';
import { compareWithModel, speechSpanContour, MODEL_GRID_POINTS } from '../../src/takes/index.ts';
import type { AnalysisReport } from '../../src/takes/index.ts';
import { gridTrack, makeReport } from './report-fixture.ts';

/** A report whose speech spans startSec → endSec with F0 `hzAt(fraction of the span)`, unvoiced outside. */
function reading(startSec: number, endSec: number, hzAt: (fraction: number) => number | null, over: { syllablesPerSec?: number | null; sdSt?: number | null } = {}): AnalysisReport {
  const base = makeReport({});
  return makeReport({}, {
    durationSec: endSec + 0.5,
    speech: { ...base.speech, startSec, endSec, spanSec: endSec - startSec },
    rate: { ...base.rate, syllablesPerSec: over.syllablesPerSec === undefined ? 3 : over.syllablesPerSec },
    pitch: {
      ...base.pitch, sdSt: over.sdSt === undefined ? 2.8 : over.sdSt,
      track: gridTrack(endSec + 0.5, (t) => (t < startSec || t > endSec ? null : hzAt((t - startSec) / (endSec - startSec)))),
    },
  });
}

// −3 st, 0, +3 st about `hz` in thirds of the span (the middle third holds the median cell, so the median is `hz`).
const steps = (hz: number, sign = 1) => (f: number): number => hz * 2 ** ((sign * (f < 1 / 3 ? -3 : f < 2 / 3 ? 0 : 3)) / 12);

describe('compareWithModel', () => {
  const model = reading(1.0, 3.0, steps(200));

  it('finds no distance for the same melody an octave lower and half as fast again', () => {
    const take = reading(0.6, 3.6, steps(100), { syllablesPerSec: 2, sdSt: 2.8 });
    expect(compareWithModel(take, model)).toEqual({ rateRatio: 0.667, pitchVarietyRatio: 1, contourDistanceSt: 0 });
  });

  it('puts a flat reading 3 st from a model stepping −3, 0, +3 st, with the ratios agent ÷ model', () => {
    const take = reading(1.0, 3.0, () => 150, { syllablesPerSec: 3.3, sdSt: 2.1 });
    expect(compareWithModel(take, model)).toEqual({ rateRatio: 1.1, pitchVarietyRatio: 0.75, contourDistanceSt: 3 });
  });

  it('puts the mirrored melody 6 st away', () => {
    const take = reading(1.0, 3.0, steps(180, -1));
    expect(compareWithModel(take, model).contourDistanceSt).toBe(6);
  });

  it('measures each contour against its own median over the speech span', () => {
    const c = speechSpanContour(model);
    expect(c?.medianHz).toBe(200);
    expect(c?.semitones).toHaveLength(MODEL_GRID_POINTS);
    expect(c?.semitones[0]).toBeCloseTo(-3, 12);
    expect(c?.semitones[100]).toBe(0);
    expect(c?.semitones[199]).toBeCloseTo(3, 12);
  });

  it('gives null where a number cannot be known', () => {
    const silent = { ...reading(1.0, 3.0, () => 150), speechFound: false };
    expect(compareWithModel(silent, model).contourDistanceSt).toBeNull();
    // Voiced in fewer than 10 of the 201 fractions (the first 4 %): no distance.
    const brief = reading(1.0, 3.0, (f) => (f < 0.04 ? 150 : null));
    expect(compareWithModel(brief, model).contourDistanceSt).toBeNull();
    expect(compareWithModel(reading(1.0, 3.0, () => 150, { syllablesPerSec: null, sdSt: 2 }), reading(1, 3, steps(200), { sdSt: 0 })))
      .toEqual({ rateRatio: null, pitchVarietyRatio: null, contourDistanceSt: 3 });
  });
});
