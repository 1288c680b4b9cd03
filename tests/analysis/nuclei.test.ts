import { describe, expect, it } from 'vitest';
import { highpass } from '../../src/analysis/dsp/highpass.ts';
import { intensityContour, NUCLEI_MIN_PITCH_HZ } from '../../src/analysis/intensity.ts';
import { isVoicedAt, syllableNuclei, type SyllableNuclei, type VoicingTrack } from '../../src/analysis/nuclei.ts';
import { subbandNuclei, type SubbandNuclei } from '../../src/analysis/nuclei-subband.ts';
import { segmentSpeech } from '../../src/analysis/segmentation.ts';
import { ANALYSIS_RATE_HZ, type IntensityContour } from '../../src/analysis/types.ts';
import { fixtureSignal, haveFixtures, readReference } from '../helpers/fixtures.ts';

const FS = ANALYSIS_RATE_HZ;

/**
 * Test stand-in for the pitch tracker: lenient autocorrelation voicing, 50–600 Hz, 10 ms hop.
 * A frame is voiced when its normalised cross-correlation peaks ≥ 0.45 at 8 kHz and its peak
 * amplitude is ≥ 3 % of the file's (Praat's silence threshold 0.03).
 */
function voicingTrack(x: Float32Array, rateHz: number): VoicingTrack {
  const d = new Float32Array(x.length >> 1);
  for (let i = 0; i < d.length; i++) d[i] = (x[2 * i] + x[2 * i + 1]) / 2;
  const rate = rateHz / 2;
  const w = Math.round(0.04 * rate);
  const lagMin = Math.floor(rate / 600);
  const lagMax = Math.ceil(rate / 50);
  const hop = Math.round(0.01 * rate);
  const peakAll = d.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  const times: number[] = [];
  const f0: number[] = [];
  for (let s = 0; s + w + lagMax < d.length; s += hop) {
    times.push((s + w / 2) / rate);
    let e0 = 0, peak = 0;
    for (let i = s; i < s + w; i++) {
      e0 += d[i] * d[i];
      peak = Math.max(peak, Math.abs(d[i]));
    }
    let best = 0, bestLag = 0;
    if (peak >= 0.03 * peakAll && e0 > 0) {
      for (let lag = lagMin; lag <= lagMax; lag++) {
        let sxy = 0, eLag = 0;
        for (let i = s; i < s + w; i++) {
          sxy += d[i] * d[i + lag];
          eLag += d[i + lag] * d[i + lag];
        }
        const r = sxy / Math.sqrt(e0 * eLag || 1);
        if (r > best) [best, bestLag] = [r, lag];
      }
    }
    f0.push(best >= 0.45 ? rate / bestLag : 0);
  }
  return { timesSec: Float64Array.from(times), f0Hz: Float64Array.from(f0) };
}

/** Nuclei of a preprocessed 16 kHz signal, with the test voicing and the full segmentation. */
function nucleiOf(x: Float32Array): SyllableNuclei {
  const seg = segmentSpeech({ samples: x, sampleRateHz: FS });
  const span = seg.speechFound ? { startSec: seg.startSec!, endSec: seg.endSec! } : null;
  return syllableNuclei(intensityContour(x, FS, NUCLEI_MIN_PITCH_HZ), voicingTrack(x, FS), span);
}

/** Sub-band nuclei (the estimate analyzeRecording reports) of a preprocessed 16 kHz signal. */
function subbandOf(x: Float32Array): SubbandNuclei {
  const seg = segmentSpeech({ samples: x, sampleRateHz: FS });
  const span = seg.speechFound ? { startSec: seg.startSec!, endSec: seg.endSec! } : null;
  return subbandNuclei(x, FS, voicingTrack(x, FS), span);
}

/** N syllable-like voiced bursts (F0 gliding 120→180 Hz overall), each with a raised-cosine envelope. */
function syllableTrain(n: number, syllableSec = 0.22, gapSec = 0.06, floor = 0.05): Float32Array {
  const lead = 0.3;
  const total = lead * 2 + n * syllableSec + (n - 1) * gapSec;
  const x = new Float32Array(Math.round(total * FS));
  let phase = 0;
  for (let i = 0; i < x.length; i++) {
    const t = i / FS;
    const f0 = 120 + (60 * t) / total;
    phase += (2 * Math.PI * f0) / FS;
    const u = t - lead;
    const k = Math.floor(u / (syllableSec + gapSec));
    const v = u - k * (syllableSec + gapSec);
    let env = 0;
    if (u >= 0 && k < n) env = v < syllableSec ? floor + (1 - floor) * Math.sin((Math.PI * v) / syllableSec) ** 2 : floor;
    let s = 0;
    for (let h = 1; h * f0 < 4000; h++) s += Math.sin(h * phase) / h;
    x[i] = 0.4 * env * s;
  }
  return highpass(x, FS);
}

describe('syllableNuclei on synthetic syllable trains', () => {
  for (const n of [2, 4, 7, 12]) {
    it(`counts ${n} amplitude-modulated voiced bursts as ${n} nuclei`, () => {
      expect(nucleiOf(syllableTrain(n)).count).toBe(n);
    });
  }

  it('counts one long syllable as one nucleus (a single short one is below the 0.3 s speech minimum)', () => {
    expect(nucleiOf(syllableTrain(1, 0.45)).count).toBe(1);
    expect(nucleiOf(syllableTrain(1)).count).toBe(0);
  });

  it('counts bursts joined without a gap, as long as the dip is ≥ 2 dB', () => {
    expect(nucleiOf(syllableTrain(6, 0.2, 0, 0.3)).count).toBe(6);
  });

  it('gives no nuclei without speech', () => {
    const n = nucleiOf(new Float32Array(2 * FS));
    expect(n.count).toBe(0);
    expect(n.thresholdDbfs).toBeNull();
  });
});

describe('subbandNuclei on synthetic syllable trains', () => {
  for (const n of [2, 4, 7, 12]) {
    it(`counts ${n} voiced bursts at 3.6 syllables/s as ${n} nuclei`, () => {
      expect(subbandOf(syllableTrain(n)).count).toBe(n);
    });
  }

  it('counts fast trains burst by burst: 6.7 syllables/s, and 8 syllables/s joined at half amplitude', () => {
    expect(subbandOf(syllableTrain(20, 0.12, 0.03, 0.2)).count).toBe(20);
    expect(subbandOf(syllableTrain(20, 0.125, 0, 0.5)).count).toBe(20);
  });

  it('puts one nucleus inside each burst', () => {
    const n = 7;
    const { timesSec } = subbandOf(syllableTrain(n));
    expect(timesSec).toHaveLength(n);
    // burst k spans 0.3 + k·0.28 … + 0.22 s
    timesSec.forEach((t, k) => {
      expect(t).toBeGreaterThan(0.3 + k * 0.28);
      expect(t).toBeLessThan(0.3 + k * 0.28 + 0.22);
    });
  });

  it('does not depend on the gain', () => {
    const x = syllableTrain(9, 0.15, 0.03, 0.3);
    expect(subbandOf(x.map((v) => v * 0.05)).count).toBe(subbandOf(x).count);
  });

  it('gives no nuclei without speech or without voicing', () => {
    expect(subbandOf(new Float32Array(2 * FS)).count).toBe(0);
    const x = syllableTrain(4);
    const unvoiced = { timesSec: Float64Array.from({ length: 200 }, (_, i) => i * 0.01), f0Hz: new Float64Array(200) };
    expect(subbandNuclei(x, FS, unvoiced, { startSec: 0, endSec: x.length / FS }).count).toBe(0);
  });
});

/** A hand-made contour on a 10 ms grid. */
const contour = (levelsDbfs: number[]): IntensityContour => ({
  timesSec: Float64Array.from(levelsDbfs, (_, i) => 0.1 + 0.01 * i),
  levelDbfs: Float64Array.from(levelsDbfs),
  hopSec: 0.01,
});
const allVoiced = (c: IntensityContour): VoicingTrack => ({ timesSec: c.timesSec, f0Hz: c.timesSec.map(() => 150) });
const wholeSpan = { startSec: 0, endSec: 10 };

describe('syllableNuclei dip test and voicing (hand-made contours)', () => {
  it('keeps two peaks separated by a ≥ 2 dB dip', () => {
    const c = contour([-60, -20, -10, -13, -10.5, -20, -60]);
    expect(syllableNuclei(c, allVoiced(c), wholeSpan).count).toBe(2);
  });

  it('merges peaks with a dip < 2 dB and keeps the louder one', () => {
    const c = contour([-60, -20, -11, -12, -10, -20, -60]);
    const n = syllableNuclei(c, allVoiced(c), wholeSpan);
    expect(n.count).toBe(1);
    expect(n.candidateCount).toBe(2);
    expect(n.timesSec[0]).toBeCloseTo(c.timesSec[4], 9);
  });

  it('measures the dip against the previously kept peak, not the previous candidate', () => {
    // −10 kept; −11.5 merged (dip 1.5); −10.5 after a 2.5 dB dip from −10 is kept.
    const c = contour([-60, -10, -11.8, -11.5, -12.5, -10.5, -60]);
    expect(syllableNuclei(c, allVoiced(c), wholeSpan).count).toBe(2);
  });

  it('drops unvoiced peaks, peaks below q99 − 25 dB and peaks outside the speech span', () => {
    const c = contour([-80, -10, -80, -40, -80, -12, -80, -11, -80]);
    const voicing = { timesSec: c.timesSec, f0Hz: c.timesSec.map((t, i) => (i === 5 ? 0 : 150)) };
    const span = { startSec: 0, endSec: c.timesSec[6] };
    const n = syllableNuclei(c, voicing, span);
    expect(n.timesSec).toEqual([c.timesSec[1]]); // −40 too quiet, −12 unvoiced, −11 after the span
  });

  it('reads voicing from the nearest frame, undefined beyond half a step', () => {
    const track = { timesSec: Float64Array.from([0.1, 0.11, 0.12]), f0Hz: Float64Array.from([0, 120, 0]) };
    expect(isVoicedAt(track, 0.104)).toBe(false);
    expect(isVoicedAt(track, 0.106)).toBe(true);
    expect(isVoicedAt(track, 0.114)).toBe(true);
    expect(isVoicedAt(track, 0.2)).toBe(false);
    expect(isVoicedAt({ timesSec: [], f0Hz: [] }, 0.1)).toBe(false);
  });
});

describe.skipIf(!haveFixtures)('syllableNuclei against transcripts and Praat', () => {
  const rows = haveFixtures ? readReference() : [];
  const counts = new Map<string, number>();
  const count = async (file: string): Promise<number> => {
    if (!counts.has(file)) counts.set(file, nucleiOf((await fixtureSignal(file)).samples).count);
    return counts.get(file)!;
  };

  it('is within 20 % of the transcript syllables on ≥ 80 % of clean files with a transcript', async () => {
    const clean = rows.filter((r) => r.expect_speech === '1' && r.syllables && r.variant !== 'white_noise');
    let ok = 0;
    for (const r of clean) if (Math.abs((await count(r.file)) / Number(r.syllables) - 1) <= 0.2) ok++;
    expect(ok / clean.length).toBeGreaterThanOrEqual(0.8);
  });

  it('is within 15 % (or ±2) of Praat’s nuclei on ≥ 80 % of speech files', async () => {
    const speech = rows.filter((r) => r.expect_speech === '1');
    let ok = 0;
    for (const r of speech) {
      const praat = Number(r.nuclei);
      if (Math.abs((await count(r.file)) - praat) <= Math.max(2, 0.15 * praat)) ok++;
    }
    expect(ok / speech.length).toBeGreaterThanOrEqual(0.8);
  });
});
