// The report's time tracks against known truth: F0 of synthetic glides, the level of a sine, the grid.
import { describe, expect, it } from 'vitest';
import { analyzeRecording, TRACK_HOP_SEC, type AnalysisReport, type TimeTrack } from '../../src/analysis/index.ts';
import { quantile } from '../../src/analysis/stats.ts';
import { intensityOnGrid, pitchOnGrid, trackLength } from '../../src/analysis/tracks.ts';
import type { IntensityContour, PitchTrack } from '../../src/analysis/types.ts';
import { partsAt, speechLike, type PhraseSpec } from '../helpers/synth.ts';

const timeOf = (track: TimeTrack, i: number): number => track.startSec + i * track.hopSec;

// Two glides: up 150 → 210 Hz and down 240 → 180 Hz, 0.6 s apart, in a −75 dBFS noise floor.
const GLIDES: PhraseSpec[] = [
  ...partsAt(0.4, [8], 0, { f0StartHz: 150, f0EndHz: 210, levelDbfs: -22, syllablesPerSec: 4 }),
  ...partsAt(3.0, [8], 0, { f0StartHz: 240, f0EndHz: 180, levelDbfs: -22, syllablesPerSec: 4 }),
];
const GLIDE_SEC = 5.3;
const glides = analyzeRecording({ channels: [speechLike({ sampleRateHz: 16000, durationSec: GLIDE_SEC, phrases: GLIDES, noiseDbfs: -75, seed: 21 })], sampleRateHz: 16000 }, { lang: 'en' });

// F0 the synthesiser put at time t (glide linear in semitones over the phrase), or null outside the phrases.
function trueF0Hz(t: number): number | null {
  const p = GLIDES.find((q) => t >= q.startSec && t < q.endSec);
  if (!p) return null;
  return p.f0StartHz * (p.f0EndHz / p.f0StartHz) ** ((t - p.startSec) / (p.endSec - p.startSec));
}

// Whole 10 ms cells at least `marginSec` inside a phrase, and at least `marginSec` away from every phrase.
function cells(track: TimeTrack, marginSec: number): { inside: number[]; outside: number[] } {
  const inside: number[] = [];
  const outside: number[] = [];
  track.values.forEach((_, i) => {
    const t = timeOf(track, i);
    if (GLIDES.some((p) => t >= p.startSec + marginSec && t <= p.endSec - marginSec)) inside.push(i);
    else if (GLIDES.every((p) => t <= p.startSec - marginSec || t >= p.endSec + marginSec)) outside.push(i);
  });
  return { inside, outside };
}

function track(report: AnalysisReport, which: 'pitch' | 'intensity'): TimeTrack {
  const t = which === 'pitch' ? report.pitch.track : report.intensity.track;
  if (t === null) throw new Error(`no ${which} track`);
  return t;
}

describe('the grid', () => {
  it('covers the file in whole 10 ms cells, exactly at multiples of 10 ms', () => {
    expect(trackLength(16000 * 8, 16000)).toBe(800);
    expect(trackLength(16001, 16000)).toBe(101);
    expect(trackLength(12789, 44100)).toBe(29); // exactly 0.29 s: 12789 / 44100 · 100 is 28.999… in floats
    expect(trackLength(12790, 44100)).toBe(30);
    expect(trackLength(0, 48000)).toBe(0);
  });

  it('is the same for both tracks of a report: start 5 ms, hop 10 ms, ⌈duration / 10 ms⌉ cells', () => {
    for (const [rateHz, samples] of [[16000, 16000 * 2.345], [22050, 22050 * 1.5 + 7], [48000, 48000]] as const) {
      const x = Float32Array.from({ length: Math.round(samples) }, (_, i) => 0.1 * Math.sin((2 * Math.PI * 300 * i) / rateHz));
      const r = analyzeRecording({ channels: [x], sampleRateHz: rateHz });
      const cellsCount = Math.ceil((x.length * 100) / rateHz);
      for (const which of ['pitch', 'intensity'] as const) {
        const t = track(r, which);
        expect(t.hopSec).toBe(0.01);
        expect(t.startSec).toBe(0.005);
        expect(t.values).toHaveLength(cellsCount);
      }
      // The last cell holds the file's end, the one before it does not reach it.
      expect(cellsCount * TRACK_HOP_SEC).toBeGreaterThanOrEqual(r.durationSec - 1e-12);
      expect((cellsCount - 1) * TRACK_HOP_SEC).toBeLessThan(r.durationSec);
    }
  });
});

describe('pitch.track', () => {
  const pitch = track(glides, 'pitch');

  it('follows the glides within 1 % where voiced, and is voiced across them', () => {
    const { inside } = cells(pitch, 0.05);
    const voiced = inside.filter((i) => pitch.values[i] !== null);
    expect(voiced.length).toBeGreaterThan(0.95 * inside.length);
    const errors = voiced.map((i) => Math.abs((pitch.values[i] as number) / (trueF0Hz(timeOf(pitch, i)) as number) - 1));
    expect(Math.max(...errors)).toBeLessThan(0.01);
  });

  it('is null in the silences', () => {
    const { outside } = cells(pitch, 0.05);
    expect(outside.length).toBeGreaterThan(100); // 0–0.35, 2.45–2.95 and 5.05–5.3 s
    expect(outside.filter((i) => pitch.values[i] !== null)).toEqual([]);
  });

  it('is the track the statistics come from: its median over the phrases is the report median', () => {
    const voiced = pitch.values.filter((v, i): v is number => v !== null
      && glides.phrases.some((p) => timeOf(pitch, i) >= p.startSec && timeOf(pitch, i) <= p.endSec));
    expect(quantile(voiced, 0.5)).toBeCloseTo(glides.pitch.medianHz ?? 0, 6);
  });

  it('is all null, over the whole grid, when there is no speech', () => {
    const tone = Float32Array.from({ length: 32000 }, (_, i) => 0.3 * Math.sin((2 * Math.PI * 200 * i) / 16000));
    const r = analyzeRecording({ channels: [tone], sampleRateHz: 16000 });
    expect(r.speechFound).toBe(false);
    expect(track(r, 'pitch').values).toEqual(new Array(200).fill(null));
    expect(r.pitch.floorHz).toBeNull();
  });
});

describe('intensity.track', () => {
  it('is the level of a steady sine: 20·log10(amplitude) − 3.01 dB within 0.5 dB, over the whole file', () => {
    for (const amplitude of [0.5, 0.05]) {
      const x = Float32Array.from({ length: 16000 * 2 }, (_, i) => amplitude * Math.sin((2 * Math.PI * 440 * i) / 16000));
      const t = track(analyzeRecording({ channels: [x], sampleRateHz: 16000 }), 'intensity');
      expect(t.values).toHaveLength(200);
      const expected = 20 * Math.log10(amplitude) - 3.01;
      // Steady part: away from the 80 Hz high-pass's start-up transient (its first ~50 ms).
      const steady = t.values.filter((_, i) => timeOf(t, i) > 0.1);
      for (const v of steady) expect(Math.abs((v as number) - expected)).toBeLessThan(0.5);
      expect(t.values.every((v) => v !== null && Number.isFinite(v))).toBe(true);
    }
  });

  it('rises by the step of a signal that gets 20 dB louder', () => {
    const x = Float32Array.from({ length: 16000 * 2 }, (_, i) => (i < 16000 ? 0.02 : 0.2) * Math.sin((2 * Math.PI * 440 * i) / 16000));
    const t = track(analyzeRecording({ channels: [x], sampleRateHz: 16000 }), 'intensity');
    const at = (sec: number): number => t.values[Math.round((sec - t.startSec) / t.hopSec)] as number;
    expect(at(1.8) - at(0.6)).toBeCloseTo(20, 0);
    expect(at(0.995)).toBeGreaterThan(at(0.6));
    expect(at(0.995)).toBeLessThan(at(1.8));
  });
});

describe('putting tracks on the grid', () => {
  const pitchTrack = (hopSec: number, f0Hz: number[]): PitchTrack => ({
    timesSec: Float64Array.from(f0Hz, (_, f) => (f + 0.5) * hopSec), f0Hz: Float64Array.from(f0Hz), hopSec, floorHz: 75, ceilingHz: 600,
  });

  it('copies a 10 ms pitch track frame for cell, unvoiced as null, and pads to the grid', () => {
    expect(pitchOnGrid(pitchTrack(0.01, [0, 120, 130.5, 0]), 5).values).toEqual([null, 120, 130.5, null, null]);
    expect(pitchOnGrid(null, 3)).toEqual({ hopSec: 0.01, startSec: 0.005, values: [null, null, null] });
  });

  it('resamples a track of another hop to the nearest frame', () => {
    // 20 ms frames centred at 10, 30, 50 ms; cells centred at 5, 15, …, 65 ms.
    expect(pitchOnGrid(pitchTrack(0.02, [100, 200, 300]), 7).values).toEqual([100, 100, 200, 200, 300, 300, null]);
  });

  it('interpolates the intensity contour linearly and holds its edge frames', () => {
    // Frames at 32, 40, 48 ms (8 ms hop), levels −40, −32, −36 dB; cells at 5 … 65 ms.
    const contour: IntensityContour = { timesSec: Float64Array.of(0.032, 0.04, 0.048), levelDbfs: Float64Array.of(-40, -32, -36), hopSec: 0.008 };
    const values = intensityOnGrid(contour, 7).values as number[];
    expect(values.slice(0, 3)).toEqual([-40, -40, -40]);
    expect(values[3]).toBeCloseTo(-40 + (8 * 3) / 8, 9); // 35 ms
    expect(values[4]).toBeCloseTo(-32 - (4 * 5) / 8, 9); // 45 ms
    expect(values.slice(5)).toEqual([-36, -36]);
    expect(intensityOnGrid({ timesSec: new Float64Array(0), levelDbfs: new Float64Array(0), hopSec: 0.008 }, 2).values).toEqual([null, null]);
  });
});
