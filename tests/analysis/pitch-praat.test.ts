import { describe, expect, it } from 'vitest';
import { adaptivePitch, pitchStats } from '../../src/analysis/pitch/index.ts';
import { ANALYSIS_RATE_HZ, type PitchStats } from '../../src/analysis/types.ts';
import { fixtureSignal, haveFixtures, readReference, type ReferenceRow } from '../helpers/fixtures.ts';

// Praat references (../shared/fixtures relative to the repo root): adaptive f0a_* columns, with the
// reference speech span as the single speech interval (bench/pitch-accuracy.ts prints the full table).

async function measure(row: ReferenceRow): Promise<PitchStats> {
  // The first channel only ('left'); every file selected below is mono.
  const x = (await fixtureSignal(row.file, 'left')).samples;
  const speech = [{ startSec: Number(row.speech_start_s), endSec: Number(row.speech_end_s) }];
  const res = adaptivePitch(x, ANALYSIS_RATE_HZ, speech);
  return pitchStats(res.track!, speech);
}

describe.skipIf(!haveFixtures)('adaptive pitch against Praat (fixtures)', () => {
  const rows = haveFixtures ? readReference() : [];
  // Clean 16 kHz mono speech: the real recordings and the espeak renders.
  const clean = rows.filter((r) => r.speech_found === '1' && !r.parent && r.sample_rate === '16000' && r.channels === '1');

  it('matches the median within 5 %, SD within 1 st and range within 2 st', async () => {
    expect(clean.length).toBeGreaterThan(20);
    for (const row of clean) {
      const s = await measure(row);
      expect(Math.abs(s.medianHz! / Number(row.f0a_med_hz) - 1), row.id).toBeLessThan(0.05);
      expect(Math.abs(s.sdSt! - Number(row.f0a_sd_st)), row.id).toBeLessThan(1);
      expect(Math.abs(s.rangeSt! - Number(row.f0a_range_st)), row.id).toBeLessThan(2);
    }
  });

  it('keeps noisy (15 dB SNR) and 8 kHz variants within 5 % of their parent median', async () => {
    const variants = rows.filter((r) => /_(whitenoise_snr15|8k)$/.test(r.id) && r.parent);
    expect(variants.length).toBeGreaterThan(5);
    for (const row of variants) {
      const parent = rows.find((r) => r.id === row.parent)!;
      const [v, p] = [await measure(row), await measure(parent)];
      expect(Math.abs(v.medianHz! / p.medianHz! - 1), row.id).toBeLessThan(0.05);
    }
  });
});
