/** The accuracy criteria of issue 2, evaluated on reports of the shared fixtures; used by bench:accuracy and a test. */
import { analyzeRecording, type AnalysisReport } from '../../src/analysis/index.ts';
import { decodeFixture, isCleanSpeech, manifestItem, num, readReference, rowLang, type ReferenceRow } from './fixtures.ts';

/** One analysed fixture. */
export interface FixtureResult { row: ReferenceRow; report: AnalysisReport; ms: number }

/** One acceptance criterion and how the fixtures fared. */
export interface Criterion { name: string; pass: number; total: number; need: number; failed: string[]; detail: string }

/** Analyse every fixture of reference.csv (with its transcript as the script, when known). */
export async function analyseFixtures(): Promise<FixtureResult[]> {
  const results: FixtureResult[] = [];
  for (const row of readReference()) {
    const input = await decodeFixture(row.file);
    const transcript = manifestItem(row.file)?.transcript ?? undefined;
    const t0 = performance.now();
    const report = analyzeRecording(input, { lang: rowLang(row), script: transcript });
    results.push({ row, report, ms: performance.now() - t0 });
  }
  return results;
}

const relErr = (a: number | null, b: number | null): number | null => (a === null || b === null || b === 0 ? null : Math.abs(a - b) / b);
const absErr = (a: number | null, b: number | null): number | null => (a === null || b === null ? null : Math.abs(a - b));
const within = (e: number | null, tol: number): boolean => e !== null && e <= tol;

/** Evaluate every criterion of the acceptance list. */
export function evaluateAccuracy(results: FixtureResult[]): Criterion[] {
  const byId = new Map(results.map((r) => [r.row.id, r]));
  const parentOf = (r: FixtureResult): AnalysisReport | null => byId.get(r.row.parent)?.report ?? null;
  const criteria: Criterion[] = [];
  const add = (name: string, need: number, items: FixtureResult[], test: (r: FixtureResult) => boolean, detail = ''): void => {
    const failed = items.filter((r) => !test(r)).map((r) => r.row.id);
    criteria.push({ name, pass: items.length - failed.length, total: items.length, need, failed, detail });
  };
  const clean = results.filter((r) => isCleanSpeech(r.row));
  add('speech start & end within 0.10 s of Praat (clean speech)', 0.9, clean, (r) =>
    within(absErr(r.report.speech.startSec, num(r.row, 'speech_start_s')), 0.1) && within(absErr(r.report.speech.endSec, num(r.row, 'speech_end_s')), 0.1));
  add('median F0 within 5 % of f0a_med_hz (clean speech)', 0.9, clean, (r) => within(relErr(r.report.pitch.medianHz, num(r.row, 'f0a_med_hz')), 0.05));
  add('F0 SD within 1.0 st of f0a_sd_st (clean speech)', 0.8, clean, (r) => within(absErr(r.report.pitch.sdSt, num(r.row, 'f0a_sd_st')), 1.0));
  add('F0 range within 2.0 st of f0a_range_st (clean speech)', 0.8, clean, (r) => within(absErr(r.report.pitch.rangeSt, num(r.row, 'f0a_range_st')), 2.0));
  // Noisy and 8 kHz variants are judged against their parent (fixtures README), so they are left out here.
  add('script-based rate within 10 % of Praat (files with a transcript)', 1.0,
    results.filter((r) => r.row.expect_speech === '1' && num(r.row, 'speaking_rate_sps') !== null && !['white_noise', 'resample_8k'].includes(r.row.variant) && !r.row.id.endsWith('_8k')),
    (r) => within(relErr(r.report.rate.syllablesPerSec, num(r.row, 'speaking_rate_sps')), 0.1));
  add('nuclei estimate within 20 % of transcript syllables (clean read files)', 0.8, clean.filter((r) => num(r.row, 'syllables') !== null),
    (r) => within(relErr(r.report.rate.nuclei, num(r.row, 'syllables')), 0.2));
  add('no-speech controls give speechFound false', 1.0, results.filter((r) => r.row.expect_speech === '0'), (r) => !r.report.speechFound);
  add('noisy (15 dB SNR) and 8 kHz variants: median F0 within 5 % of the clean parent', 1.0,
    results.filter((r) => r.row.variant === 'white_noise' || r.row.variant === 'resample_8k' || r.row.id.endsWith('_8k')),
    (r) => within(relErr(r.report.pitch.medianHz, parentOf(r)?.pitch.medianHz ?? null), 0.05));
  add('codec/container variants: median F0 within 5 % and edges within 0.10 s of the parent', 1.0,
    results.filter((r) => r.row.group === 'formats' && r.row.parent !== '' && !r.row.id.endsWith('_8k')),
    (r) => {
      const p = parentOf(r);
      return p !== null && within(relErr(r.report.pitch.medianHz, p.pitch.medianHz), 0.05)
        && within(absErr(r.report.speech.startSec, p.speech.startSec), 0.1) && within(absErr(r.report.speech.endSec, p.speech.endSec), 0.1);
    });
  const gainRows = results.filter((r) => r.row.variant === 'gain');
  const gainDelta = (r: FixtureResult): number | null => {
    const a = r.report.loudness.activeLevelDbfs;
    const b = parentOf(r)?.loudness.activeLevelDbfs ?? null;
    return a === null || b === null ? null : a - b;
  };
  add('−15 dB gain: active level moves −15 ± 0.5 dB and nothing else', 1.0, gainRows, (r) => {
    const p = parentOf(r);
    const d = gainDelta(r);
    if (!p || d === null) return false;
    return Math.abs(d + 15) <= 0.5 && within(absErr(r.report.speech.startSec, p.speech.startSec), 0.011)
      && within(absErr(r.report.speech.endSec, p.speech.endSec), 0.011) && within(relErr(r.report.pitch.medianHz, p.pitch.medianHz), 0.005)
      && r.report.speech.pauseCount === p.speech.pauseCount && r.report.rate.nuclei === p.rate.nuclei;
  }, `deltas: ${gainRows.map((r) => gainDelta(r)?.toFixed(2) ?? '–').join(', ')} dB`);
  return criteria;
}

/** True when a criterion meets its required share. */
export function criterionMet(c: Criterion): boolean {
  return c.total > 0 && c.pass / c.total >= c.need - 1e-9;
}
