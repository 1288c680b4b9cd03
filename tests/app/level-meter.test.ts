import { describe, expect, it } from 'vitest';
import {
  blockLevelDbfs, DEFAULT_METER_BAND, levelZone, meterBandOf, meterFraction, RELEASE_DB_PER_SEC, SILENCE_DBFS, smoothLevelDbfs,
} from '../../src/capture/level-meter-model.ts';
import { DEFAULT_BANDS } from '../../src/guidelines/bands.ts';

describe('live level meter', () => {
  it('measures a block as RMS dBFS (a full-scale sine is −3.01 dBFS)', () => {
    const sine = Float32Array.from({ length: 4800 }, (_, i) => Math.sin((2 * Math.PI * 100 * i) / 48000));
    expect(blockLevelDbfs(sine)).toBeCloseTo(-3.01, 2);
    expect(blockLevelDbfs(sine.map((x) => x * 0.1))).toBeCloseTo(-23.01, 2);
    expect(blockLevelDbfs(new Float32Array(100))).toBe(SILENCE_DBFS);
    expect(blockLevelDbfs(new Float32Array(0))).toBe(SILENCE_DBFS);
  });

  it('has the zones of the recording-level band (good −28 … −16 dBFS)', () => {
    expect([DEFAULT_METER_BAND.goodMinDbfs, DEFAULT_METER_BAND.goodMaxDbfs]).toEqual([DEFAULT_BANDS.zh.volume.goodMin, DEFAULT_BANDS.zh.volume.goodMax]);
    expect(levelZone(-40)).toBe('soft');
    expect(levelZone(-28.01)).toBe('soft');
    expect(levelZone(-28)).toBe('good');
    expect(levelZone(-16)).toBe('good');
    expect(levelZone(-15.99)).toBe('loud');
  });

  it('follows a drill\'s own volume band', () => {
    const band = meterBandOf({ ...DEFAULT_BANDS.en.volume, goodMin: -40, goodMax: -30 });
    expect(band).toEqual({ goodMinDbfs: -40, goodMaxDbfs: -30 });
    expect(levelZone(-35, band)).toBe('good');
    expect(levelZone(-22, band)).toBe('loud');
    expect(levelZone(-22)).toBe('good');
    expect(levelZone(-41, band)).toBe('soft');
    // An open edge falls back to the default band's.
    expect(meterBandOf({ ...DEFAULT_BANDS.en.volume, goodMin: null, goodMax: -20 })).toEqual({ goodMinDbfs: -28, goodMaxDbfs: -20 });
  });

  it('places levels on a −60 … 0 dBFS scale', () => {
    expect(meterFraction(-80)).toBe(0);
    expect(meterFraction(-30)).toBeCloseTo(0.5, 9);
    expect(meterFraction(3)).toBe(1);
  });

  it('rises at once and falls back slowly', () => {
    expect(smoothLevelDbfs(-50, -20, 0.05)).toBe(-20);
    expect(smoothLevelDbfs(-20, -60, 0.05)).toBeCloseTo(-20 - RELEASE_DB_PER_SEC * 0.05, 9);
    expect(smoothLevelDbfs(-20, -20.5, 0.05)).toBe(-20.5);
  });
});
