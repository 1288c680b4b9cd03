import { describe, expect, it } from 'vitest';
import { mapParts } from '../../src/analysis/parts.ts';
import { parseScript } from '../../src/analysis/script.ts';

const iv = (startSec: number, endSec: number) => ({ startSec, endSec });

describe('mapParts', () => {
  const script = parseScript('您好，星海客服，我是王芳，请问有什么可以帮您？'); // 2, 4, 4, 9 syllables

  it('puts boundaries at the gaps that match the syllable shares', () => {
    // 0.25 s per syllable; gaps of 0.4 s between parts, plus a short 0.12 s gap inside the last part.
    const sounding = [iv(0, 0.5), iv(0.9, 1.9), iv(2.3, 3.3), iv(3.7, 5.0), iv(5.12, 5.82)];
    const m = mapParts(script.parts, sounding, []);
    expect(m.parts.map((p) => p.startSec)).toEqual([0, 0.9, 2.3, 3.7]);
    expect(m.parts.map((p) => p.found)).toEqual([true, true, true, true]);
    expect(m.partGapsSec.map((g) => +g.toFixed(3))).toEqual([0.4, 0.4, 0.4]);
    expect(m.parts[0].pauseBeforeSec).toBeNull();
  });

  it('reports a zero pause where two parts ran together', () => {
    const sounding = [iv(0, 1.5), iv(1.9, 2.9), iv(3.3, 5.55)];
    const m = mapParts(script.parts, sounding, []);
    expect(m.partGapsSec[0]).toBe(0);
    expect(m.partGapsSec[1]).toBeCloseTo(0.4, 6);
    expect(m.partGapsSec[2]).toBeCloseTo(0.4, 6);
  });

  it('counts pauses inside a part', () => {
    const sounding = [iv(0, 0.5), iv(0.9, 1.9), iv(2.3, 3.3), iv(3.7, 4.5), iv(4.9, 5.8)];
    const m = mapParts(script.parts, sounding, [iv(4.5, 4.9)]);
    expect(m.pausesInsideParts).toEqual([0, 0, 0, 1]);
  });

  it('returns unfound parts when there is no speech', () => {
    const m = mapParts(script.parts, [], []);
    expect(m.parts.every((p) => !p.found && p.startSec === null)).toBe(true);
  });
});
