import { describe, expect, it } from 'vitest';
import { resampleTo } from '../../src/analysis/dsp/resample.ts';
import { highpass } from '../../src/analysis/dsp/highpass.ts';
import { mixdown } from '../../src/analysis/dsp/mixdown.ts';
import { createMfcc } from '../../src/analysis/dsp/mfcc.ts';
import {
  dbfsToPraatDb,
  intensityContour,
  SILENT_FRAME_DBFS,
} from '../../src/analysis/intensity.ts';

const sine = (hz: number, rateHz: number, sec: number, amp = 0.5): Float32Array =>
  Float32Array.from({ length: Math.round(sec * rateHz) }, (_, i) => amp * Math.sin((2 * Math.PI * hz * i) / rateHz));

/** RMS of the middle of x, away from the edge transients. */
function midRms(x: Float32Array, trim = 0.2): number {
  const a = Math.floor(x.length * trim);
  const b = Math.ceil(x.length * (1 - trim));
  let s = 0;
  for (let i = a; i < b; i++) s += x[i] * x[i];
  return Math.sqrt(s / (b - a));
}

/** Amplitude of the hz component of the middle of x (single-bin DFT over a whole number of cycles). */
function amplitudeAt(x: Float32Array, hz: number, rateHz: number): number {
  const a = Math.floor(x.length * 0.2);
  const cycles = Math.floor(((x.length * 0.6) / rateHz) * hz);
  const n = Math.round((cycles * rateHz) / hz);
  let re = 0, im = 0;
  for (let i = 0; i < n; i++) {
    const w = (2 * Math.PI * hz * i) / rateHz;
    re += x[a + i] * Math.cos(w);
    im += x[a + i] * Math.sin(w);
  }
  return (2 * Math.hypot(re, im)) / n;
}

/** Frequency from interpolated upward zero crossings of the middle of x. */
function zeroCrossingHz(x: Float32Array, rateHz: number): number {
  const times: number[] = [];
  for (let i = Math.floor(x.length * 0.2); i < x.length * 0.8; i++) {
    if (x[i - 1] < 0 && x[i] >= 0) times.push(i - 1 + x[i - 1] / (x[i - 1] - x[i]));
  }
  return ((times.length - 1) * rateHz) / (times[times.length - 1] - times[0]);
}

const db = (ratio: number): number => 20 * Math.log10(ratio);

describe('resampleTo', () => {
  for (const fromHz of [8000, 11025, 22050, 24000, 32000, 44100, 48000]) {
    for (const hz of [440, 1000, 3000]) {
      it(`keeps a ${hz} Hz sine from ${fromHz} Hz within 0.1 dB and 0.1 Hz`, () => {
        const y = resampleTo(sine(hz, fromHz, 1), fromHz, 16000);
        expect(y.length).toBe(16000);
        expect(Math.abs(db(midRms(y) / (0.5 / Math.SQRT2)))).toBeLessThan(0.1);
        expect(Math.abs(zeroCrossingHz(y, 16000) - hz)).toBeLessThan(0.1);
      });
    }
  }

  for (const fromHz of [22050, 32000, 44100, 48000]) {
    it(`does not alias a 10 kHz tone at ${fromHz} Hz (< −55 dB)`, () => {
      const y = resampleTo(sine(10000, fromHz, 1), fromHz, 16000);
      expect(db(midRms(y) / (0.5 / Math.SQRT2))).toBeLessThan(-55);
    });
  }

  it('leaves no image of a 1 kHz tone upsampled from 8 kHz (7 kHz < −55 dB)', () => {
    const y = resampleTo(sine(1000, 8000, 1), 8000, 16000);
    expect(db(amplitudeAt(y, 7000, 16000) / 0.5)).toBeLessThan(-55);
  });

  it('keeps time alignment: a click stays at the same time', () => {
    const x = new Float32Array(44100);
    x[22050] = 1;
    const y = resampleTo(x, 44100, 16000);
    let iMax = 0;
    for (let i = 0; i < y.length; i++) if (Math.abs(y[i]) > Math.abs(y[iMax])) iMax = i;
    expect(Math.abs(iMax / 16000 - 0.5)).toBeLessThanOrEqual(1 / 16000);
  });

  it('returns an equal copy when the rates match', () => {
    const x = sine(440, 16000, 0.1);
    const y = resampleTo(x, 16000, 16000);
    expect(y).not.toBe(x);
    expect(y).toEqual(x);
  });

  it('rejects nonsense rates', () => {
    expect(() => resampleTo(new Float32Array(10), 0, 16000)).toThrow(RangeError);
  });
});

describe('highpass', () => {
  const gainDb = (hz: number): number => {
    const x = sine(hz, 16000, 2);
    return db(amplitudeAt(highpass(x, 16000), hz, 16000) / amplitudeAt(x, hz, 16000));
  };
  it('attenuates 30 Hz by more than 12 dB', () => expect(gainDb(30)).toBeLessThan(-12));
  it('is about −6 dB at 80 Hz, like Praat’s Hann band', () => expect(Math.abs(gainDb(80) + 6)).toBeLessThan(0.5));
  it('passes 300 Hz within 0.2 dB and 1 kHz within 0.05 dB', () => {
    expect(Math.abs(gainDb(300))).toBeLessThan(0.2);
    expect(Math.abs(gainDb(1000))).toBeLessThan(0.05);
  });
  it('is zero-phase: a 150 Hz sine is not delayed', () => {
    const x = sine(150, 16000, 1);
    const y = highpass(x, 16000);
    let best = 0, bestLag = 0;
    for (let lag = -20; lag <= 20; lag++) {
      let s = 0;
      for (let i = 4000; i < 12000; i++) s += x[i] * y[i + lag];
      if (s > best) [best, bestLag] = [s, lag];
    }
    expect(bestLag).toBe(0);
  });
  it('removes a DC offset', () => {
    const y = highpass(new Float32Array(16000).fill(0.3), 16000);
    expect(Math.abs(y[8000])).toBeLessThan(1e-4);
  });
});

describe('mixdown', () => {
  const l = Float32Array.from([1, 2, 3]);
  const r = Float32Array.from([3, 2, 1]);
  it('averages the channels for mix', () => expect(Array.from(mixdown([l, r], 'mix'))).toEqual([2, 2, 2]));
  it('selects left or right', () => {
    expect(mixdown([l, r], 'left')).toBe(l);
    expect(mixdown([l, r], 'right')).toBe(r);
  });
  it('falls back to the only channel of mono input', () => {
    expect(mixdown([l], 'right')).toBe(l);
    expect(mixdown([l], 'mix')).toBe(l);
  });
  it('rejects no channels', () => expect(() => mixdown([], 'mix')).toThrow());
});

describe('intensityContour', () => {
  it('gives −3.01 dBFS (≈ 90.97 Praat dB) for a full-scale sine', () => {
    const c = intensityContour(sine(1000, 16000, 1, 1), 16000, 100);
    const mid = c.levelDbfs[c.levelDbfs.length >> 1];
    expect(mid).toBeCloseTo(-3.0103, 2);
    expect(dbfsToPraatDb(mid)).toBeCloseTo(90.97, 1);
  });
  it('uses Praat’s frame grid: window 6.4/minPitch, step 0.8/minPitch, centred frames', () => {
    const c = intensityContour(new Float32Array(16000), 16000, 100);
    expect(c.hopSec).toBeCloseTo(0.008, 12);
    expect(c.timesSec.length).toBe(Math.floor((1 - 0.064) / 0.008) + 1);
    expect(c.timesSec[0] + c.timesSec[c.timesSec.length - 1]).toBeCloseTo(1, 9);
    expect(intensityContour(new Float32Array(16000), 16000, 50).hopSec).toBeCloseTo(0.016, 12);
  });
  it('subtracts the mean pressure and marks digital silence', () => {
    const x = sine(500, 16000, 1, 0.1).map((v) => v + 0.2);
    const c = intensityContour(x, 16000, 100);
    expect(c.levelDbfs[50]).toBeCloseTo(db(0.1 / Math.SQRT2), 2);
    expect(intensityContour(new Float32Array(16000), 16000, 100).levelDbfs[10]).toBe(SILENT_FRAME_DBFS);
  });
  it('is empty for a signal shorter than one window', () => {
    expect(intensityContour(new Float32Array(500), 16000, 100).timesSec.length).toBe(0);
  });
});

describe('createMfcc', () => {
  // With as many coefficients as bands the DCT-II inverts: the log energy of each band, to find the band a tone excites.
  function loudestBand(scale: 'mel' | 'linear', hz: number): number {
    const bands = 24;
    const mfcc = createMfcc({ sampleRateHz: 16000, frameSamples: 400, bands, coefficients: bands, lowHz: 100, highHz: 3800, scale });
    const out = new Float64Array(bands);
    mfcc.frame(sine(hz, 16000, 0.05), 0, out);
    const logBand = Array.from({ length: bands }, (_, b) => out.reduce((s, c, k) => s + (k === 0 ? 1 : 2) * c * Math.cos((Math.PI * k * (b + 0.5)) / bands), 0) / bands);
    return logBand.indexOf(Math.max(...logBand));
  }

  it('places its filters on the mel scale by default, equally in Hz with scale linear (LFCC)', () => {
    // Linear: centres 100 + 148·(b + 1) Hz, so 2912 Hz is band 18's centre; mel: band 21's centre is 2958 Hz.
    expect(loudestBand('linear', 2912)).toBe(18);
    expect(loudestBand('mel', 2912)).toBe(21);
    // Low down the mel filters are the narrower: 400 Hz is band 4 (centre 430 Hz) on mel, band 1 (396 Hz) linear.
    expect(loudestBand('mel', 400)).toBe(4);
    expect(loudestBand('linear', 400)).toBe(1);
  });
});
