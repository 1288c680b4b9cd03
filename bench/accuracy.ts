/**
 * bench:accuracy — every file in ../shared/fixtures through analyzeRecording, against Praat's
 * reference.csv: a per-file table, then a summary of each acceptance criterion of issue 2.
 */
import { analyseFixtures, criterionMet, evaluateAccuracy } from '../tests/helpers/accuracy.ts';
import { haveFixtures, isCleanSpeech, num } from '../tests/helpers/fixtures.ts';

if (!haveFixtures) {
  console.error('bench:accuracy: ../shared/fixtures/reference.csv not found; nothing to measure.');
  process.exit(1);
}

const results = await analyseFixtures();
const f = (x: number | null | undefined, d = 2): string => (x === null || x === undefined || !Number.isFinite(x) ? '–' : x.toFixed(d));

console.log(['id', 'speech', 'start ours/praat', 'end ours/praat', 'F0 med ours/praat', 'sd st', 'range st', 'rate sps', 'nuclei/syl', 'level dBFS (praat rms)', 'ms'].join(' | '));
for (const { row, report, ms } of results) {
  const p = report.pitch;
  console.log([
    row.id,
    `${report.speechFound ? 1 : 0}/${row.speech_found}`,
    `${f(report.speech.startSec)}/${f(num(row, 'speech_start_s'))}`,
    `${f(report.speech.endSec)}/${f(num(row, 'speech_end_s'))}`,
    `${f(p.medianHz, 1)}/${f(num(row, 'f0a_med_hz'), 1)}`,
    `${f(p.sdSt)}/${f(num(row, 'f0a_sd_st'))}`,
    `${f(p.rangeSt)}/${f(num(row, 'f0a_range_st'))}`,
    `${f(report.rate.syllablesPerSec)}/${f(num(row, 'speaking_rate_sps'))}`,
    `${report.rate.nuclei ?? '–'}/${row.syllables || '–'}`,
    `${f(report.loudness.activeLevelDbfs)} (${f(num(row, 'speech_rms_dbfs'))})`,
    ms.toFixed(0),
  ].join(' | '));
}

console.log('\nSummary');
const criteria = evaluateAccuracy(results);
for (const c of criteria) {
  const share = c.total ? c.pass / c.total : 0;
  const extra = [c.detail, c.failed.length ? `failed: ${c.failed.join(', ')}` : ''].filter(Boolean).join('; ');
  console.log(`${criterionMet(c) ? 'PASS' : 'FAIL'}  ${c.name}: ${c.pass}/${c.total} (${(100 * share).toFixed(0)} %, need ≥ ${(100 * c.need).toFixed(0)} %)${extra ? ` — ${extra}` : ''}`);
}
const clean = results.filter((r) => isCleanSpeech(r.row));
const offsets = clean.map((r) => (r.report.loudness.activeLevelDbfs ?? NaN) - (num(r.row, 'speech_rms_dbfs') ?? NaN)).filter(Number.isFinite).sort((a, b) => a - b);
const pct = (xs: number[], share: number): number => xs[Math.min(xs.length - 1, Math.floor(share * xs.length))];
const f0Errors = clean.map((r) => 100 * ((r.report.pitch.medianHz ?? NaN) / (num(r.row, 'f0a_med_hz') ?? NaN) - 1)).filter(Number.isFinite).map(Math.abs).sort((a, b) => a - b);
console.log(`info  |median F0 error| on clean speech: median ${f(pct(f0Errors, 0.5))} %, 90th percentile ${f(pct(f0Errors, 0.9))} %, max ${f(f0Errors[f0Errors.length - 1])} %`);
console.log(`info  P.56 active level − Praat speech_rms_dbfs on clean speech: median ${f(pct(offsets, 0.5))} dB, range ${f(offsets[0])} … ${f(offsets[offsets.length - 1])} dB`);
console.log(`info  analysis time: ${results.reduce((s, r) => s + r.ms, 0).toFixed(0)} ms for ${results.length} files`);
process.exitCode = criteria.every(criterionMet) ? 0 : 1;
