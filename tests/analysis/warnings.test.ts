// Report warnings: a script that covers only part of the speech, a right channel the file does not have.
import { describe, expect, it } from 'vitest';
import { analyzeRecording } from '../../src/analysis/index.ts';
import { analysisWarnings, type WarningInput } from '../../src/analysis/warnings.ts';
import { partsAt, speechLike } from '../helpers/synth.ts';

const FS = 16000;
// Three phrases of 6, 8 and 10 syllables: about 24 nuclei heard.
const x = speechLike({
  sampleRateHz: FS, durationSec: 8.5, noiseDbfs: -75, seed: 7,
  phrases: partsAt(0.5, [6, 8, 10], 0.5, { f0StartHz: 150, f0EndHz: 210, levelDbfs: -22, syllablesPerSec: 4 }),
});
const words = (n: number) => Array.from({ length: n }, () => 'ba').join(' ');

describe('analysisWarnings', () => {
  const none: WarningInput = { channels: 1, channel: 'mix', scriptSyllables: null, nuclei: 300, perMinute: 150, perMinuteUnit: 'wpm' };
  it('warns about a script with half the syllables heard or fewer, but not about estimate noise', () => {
    expect(analysisWarnings(none)).toEqual([]);
    expect(analysisWarnings({ ...none, scriptSyllables: 150 }).map((w) => w.code)).toEqual(['scriptCoversPart']);
    expect(analysisWarnings({ ...none, scriptSyllables: 151 })).toEqual([]);
    // 4 syllables against 10 nuclei: a factor of 2.5 but only 6 syllables apart is warned; 5 apart is not.
    expect(analysisWarnings({ ...none, scriptSyllables: 4, nuclei: 10 })).toHaveLength(1);
    expect(analysisWarnings({ ...none, scriptSyllables: 4, nuclei: 9 })).toEqual([]);
    expect(analysisWarnings({ ...none, scriptSyllables: 5, nuclei: null })).toEqual([]);
  });

  it('warns about the right channel of a one-channel recording only', () => {
    expect(analysisWarnings({ ...none, channel: 'right' }).map((w) => w.code)).toEqual(['channelMissing']);
    expect(analysisWarnings({ ...none, channel: 'left' })).toEqual([]);
    expect(analysisWarnings({ ...none, channels: 2, channel: 'right' })).toEqual([]);
  });
});

describe('report warnings', () => {
  it('a 2-syllable script on 24 syllables of speech is flagged, with the rate it gives', () => {
    const r = analyzeRecording({ channels: [x], sampleRateHz: FS }, { lang: 'en', script: words(2) });
    expect(r.rate.nuclei).toBeGreaterThanOrEqual(20);
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0].code).toBe('scriptCoversPart');
    expect(r.warnings[0].message).toContain(`the script has 2 syllables but about ${r.rate.nuclei} were heard`);
    expect(r.warnings[0].message).toContain(`(${(r.rate.perMinute ?? 0).toFixed(1)} wpm)`);
  });

  it('a script that matches the speech, or no script, gives no warning', () => {
    expect(analyzeRecording({ channels: [x], sampleRateHz: FS }, { lang: 'en', script: words(24) }).warnings).toEqual([]);
    expect(analyzeRecording({ channels: [x], sampleRateHz: FS }, { lang: 'en' }).warnings).toEqual([]);
  });

  it('the right channel of a mono recording: its only channel, analysed, with a warning', () => {
    const right = analyzeRecording({ channels: [x], sampleRateHz: FS }, { channel: 'right' });
    const mix = analyzeRecording({ channels: [x], sampleRateHz: FS });
    expect(right.warnings.map((w) => w.code)).toEqual(['channelMissing']);
    expect({ ...right, warnings: [] }).toEqual(mix);
  });
});
