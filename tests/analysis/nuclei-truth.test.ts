// The no-script syllable estimate (report.rate.nuclei) against true counts: fast Mandarin (MagicData,
// 4–7 syllables/s) and the clean read speech of the fixtures, the targets of issue 10 item 3.
import { describe, expect, it } from 'vitest';
import { haveFixtures } from '../helpers/fixtures.ts';
import { magicdataCases, readSpeechCases, summarise, SYLLABLE_TARGETS } from '../helpers/syllable-truth.ts';
import { haveTruth } from '../helpers/truth.ts';

describe.runIf(haveTruth && haveFixtures)('syllable nuclei against true syllable counts', () => {
  it('holds on fast Mandarin: within 20 % on ≥ 80 % of the MagicData utterances, median signed error within ±8 %', async () => {
    const s = summarise(await magicdataCases());
    expect(s.n).toBe(60);
    expect(s.share).toBeGreaterThanOrEqual(SYLLABLE_TARGETS.fastMinShare);
    expect(Math.abs(s.medianSignedError)).toBeLessThanOrEqual(SYLLABLE_TARGETS.fastMaxMedianAbs);
  }, 60_000);

  it('still counts clean read speech: within 20 % of the transcript syllables on ≥ 90 % of the files', async () => {
    const s = summarise(await readSpeechCases());
    expect(s.n).toBeGreaterThanOrEqual(30);
    expect(s.share).toBeGreaterThanOrEqual(SYLLABLE_TARGETS.readMinShare);
  }, 60_000);
});
