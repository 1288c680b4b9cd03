// The report's 10 ms pitch track against the Keele laryngograph, frame by frame (issue 10, item 2):
// the targets on the ten files, and no worse than Praat's adaptive two-pass when Praat is installed.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  addCounts, havePraat, keeleFiles, praatPitchTrack, reportPitchTrack, scoreCounts, scoreTrack,
  type FrameCounts, type KeeleFile, type PitchScore, type TrackResult,
} from '../helpers/pitch-truth.ts';
import { haveTruth } from '../helpers/truth.ts';

const ZERO: FrameCounts = { frames: 0, voicingErrors: 0, bothVoiced: 0, grossErrors: 0, fineCentsSum: 0 };

function pooled(results: TrackResult[]): PitchScore {
  return scoreCounts(results.reduce((sum, r) => addCounts(sum, r.counts), ZERO));
}

describe.runIf(haveTruth)('pitch track against the Keele laryngograph', () => {
  let files: KeeleFile[] = [];
  const ours: TrackResult[] = [];

  beforeAll(async () => {
    files = keeleFiles();
    for (const file of files) ours.push(scoreTrack(file, await reportPitchTrack(file)));
  }, 120_000);

  it('scores all ten files', () => {
    expect(ours).toHaveLength(10);
  });

  it('has an overall gross pitch error ≤ 1.0 % and a voicing decision error ≤ 6 %', () => {
    const s = pooled(ours);
    expect(s.gpePct).toBeLessThanOrEqual(1.0);
    expect(s.vdePct).toBeLessThanOrEqual(6.0);
    // Fine error of the both-voiced frames without a gross error: a sanity bound, not a target.
    expect(s.finePitchErrorCents).toBeLessThan(40);
  });

  it('has the median F0 within 5 % of the laryngograph on every file', () => {
    ours.forEach((r, i) => expect(Math.abs(r.errors.medianPct), files[i].id).toBeLessThanOrEqual(5));
  });

  it.runIf(havePraat)('is no worse than Praat’s adaptive two-pass on GPE and VDE', () => {
    const praat = pooled(files.map((file) => scoreTrack(file, praatPitchTrack(file))));
    const s = pooled(ours);
    expect(s.gpePct).toBeLessThanOrEqual(praat.gpePct);
    expect(s.vdePct).toBeLessThanOrEqual(praat.vdePct);
  }, 120_000);
});
