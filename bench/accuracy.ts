/**
 * bench:accuracy — every file in ../shared/fixtures through analyzeRecording, against Praat's
 * reference.csv: a per-file table, then a summary of each acceptance criterion of issue 2.
 */
import { analyzeRecording, type AnalysisReport } from '../src/analysis/index.ts';
import { decodeFixture, haveFixtures, isCleanSpeech, manifestItem, num, readReference, rowLang, type ReferenceRow } from '../tests/helpers/fixtures.ts';

if (!haveFixtures) {
  console.error('bench:accuracy: ../shared/fixtures/reference.csv not found; nothing to measure.');
  process.exit(1);
}

interface Result { row: ReferenceRow; report: AnalysisReport; ms: number }

const rows = readReference();
const results: Result[] = [];
for (const row of rows) {
  const input = await decodeFixture(row.file);
  const transcript = manifestItem(row.file)?.transcript ?? undefined;
  const t0 = performance.now();
  const report = analyzeRecording(input, { lang: rowLang(row), script: transcript ?? undefined });
  results.push({ row, report, ms: performance.now() - t0 });
}
const byId = new Map(results.map((r) => [r.row.id, r]));

const f = (x: number | null | undefined, d = 2): string => (x === null || x === undefined || !Number.isFinite(x) ? '–' : x.toFixed(d));
const relErr = (a: number | null, b: number | null): number | null => (a === null || b === null || b === 0 ? null : Math.abs(a - b) / b);
const absErr = (a: number | null, b: number | null): number | null => (a === null || b === null ? null : Math.abs(a - b));

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

interface Criterion { name: string; pass: number; total: number; need: number; detail: string }
const criteria: Criterion[] = [];
function criterion(name: string, need: number, items: Result[], test: (r: Result) => boolean | null, detail = ''): void {
  let pass = 0;
  let total = 0;
  const failed: string[] = [];
  for (const r of items) {
    const ok = test(r);
    if (ok === null) continue;
    total += 1;
    if (ok) pass += 1;
    else failed.push(r.row.id);
  }
  criteria.push({ name, pass, total, need, detail: detail + (failed.length ? ` failed: ${failed.join(', ')}` : '') });
}

const clean = results.filter((r) => isCleanSpeech(r.row));
const offset = (r: Result): number => num(r.row, 'time_offset_s') ?? 0;
void offset;
criterion('speech start & end within 0.10 s of Praat (clean speech)', 0.9, clean, (r) => {
  const s = absErr(r.report.speech.startSec, num(r.row, 'speech_start_s'));
  const e = absErr(r.report.speech.endSec, num(r.row, 'speech_end_s'));
  return s !== null && e !== null && s <= 0.1 && e <= 0.1;
});
criterion('median F0 within 5 % of f0a_med_hz (clean speech)', 0.9, clean, (r) => {
  const e = relErr(r.report.pitch.medianHz, num(r.row, 'f0a_med_hz'));
  return e === null ? false : e <= 0.05;
});
criterion('F0 SD within 1.0 st of f0a_sd_st (clean speech)', 0.8, clean, (r) => {
  const e = absErr(r.report.pitch.sdSt, num(r.row, 'f0a_sd_st'));
  return e === null ? false : e <= 1.0;
});
criterion('F0 range within 2.0 st of f0a_range_st (clean speech)', 0.8, clean, (r) => {
  const e = absErr(r.report.pitch.rangeSt, num(r.row, 'f0a_range_st'));
  return e === null ? false : e <= 2.0;
});
criterion('script-based rate within 10 % of Praat-span rate (files with a transcript)', 1.0,
  results.filter((r) => r.row.expect_speech === '1' && num(r.row, 'speaking_rate_sps') !== null && r.row.variant !== 'white_noise' && r.row.variant !== 'resample_8k'),
  (r) => { const e = relErr(r.report.rate.syllablesPerSec, num(r.row, 'speaking_rate_sps')); return e === null ? false : e <= 0.1; });
criterion('nuclei estimate within 20 % of transcript syllables (clean read files)', 0.8,
  clean.filter((r) => num(r.row, 'syllables') !== null),
  (r) => { const e = relErr(r.report.rate.nuclei, num(r.row, 'syllables')); return e === null ? false : e <= 0.2; });
criterion('no-speech controls give speechFound false', 1.0, results.filter((r) => r.row.expect_speech === '0'), (r) => !r.report.speechFound);
criterion('noisy (15 dB SNR) and 8 kHz variants: median F0 within 5 % of the clean parent', 1.0,
  results.filter((r) => r.row.variant === 'white_noise' || r.row.variant === 'resample_8k' || r.row.id.endsWith('_8k')),
  (r) => { const parent = byId.get(r.row.parent); const e = relErr(r.report.pitch.medianHz, parent?.report.pitch.medianHz ?? null); return e === null ? false : e <= 0.05; });
criterion('codec/container variants: median F0 within 5 % and edges within 0.10 s of the parent', 1.0,
  results.filter((r) => r.row.group === 'formats' && r.row.parent !== '' && !r.row.id.endsWith('_8k')),
  (r) => {
    const p = byId.get(r.row.parent)?.report;
    if (!p) return null;
    const e = relErr(r.report.pitch.medianHz, p.pitch.medianHz);
    const s = absErr(r.report.speech.startSec, p.speech.startSec);
    const en = absErr(r.report.speech.endSec, p.speech.endSec);
    return e !== null && s !== null && en !== null && e <= 0.05 && s <= 0.1 && en <= 0.1;
  });
const gainRows = results.filter((r) => r.row.variant === 'gain');
criterion('−15 dB gain: active level moves −15 ± 0.5 dB and nothing else', 1.0, gainRows, (r) => {
  const p = byId.get(r.row.parent)?.report;
  if (!p || r.report.loudness.activeLevelDbfs === null || p.loudness.activeLevelDbfs === null) return false;
  const delta = r.report.loudness.activeLevelDbfs - p.loudness.activeLevelDbfs;
  const same = (a: number | null, b: number | null, tol: number) => a === b || (a !== null && b !== null && Math.abs(a - b) <= tol);
  return Math.abs(delta + 15) <= 0.5 && same(r.report.speech.startSec, p.speech.startSec, 0.011) && same(r.report.speech.endSec, p.speech.endSec, 0.011)
    && same(r.report.pitch.medianHz, p.pitch.medianHz, 0.5) && r.report.speech.pauseCount === p.speech.pauseCount && r.report.rate.nuclei === p.rate.nuclei;
}, `deltas: ${gainRows.map((r) => f((r.report.loudness.activeLevelDbfs ?? NaN) - (byId.get(r.row.parent)?.report.loudness.activeLevelDbfs ?? NaN))).join(', ')} dB`);

const levelOffsets = clean.map((r) => (r.report.loudness.activeLevelDbfs ?? NaN) - (num(r.row, 'speech_rms_dbfs') ?? NaN)).filter(Number.isFinite).sort((a, b) => a - b);
console.log('\nSummary');
let allPass = true;
for (const c of criteria) {
  const share = c.total ? c.pass / c.total : 0;
  const ok = share >= c.need - 1e-9;
  allPass &&= ok;
  console.log(`${ok ? 'PASS' : 'FAIL'}  ${c.name}: ${c.pass}/${c.total} (${(100 * share).toFixed(0)} %, need ≥ ${(100 * c.need).toFixed(0)} %)${c.detail ? ` — ${c.detail}` : ''}`);
}
console.log(`info  P.56 active level − Praat speech_rms_dbfs on clean speech: median ${f(levelOffsets[Math.floor(levelOffsets.length / 2)])} dB, range ${f(levelOffsets[0])} … ${f(levelOffsets[levelOffsets.length - 1])} dB`);
console.log(`info  analysis time: ${results.reduce((s, r) => s + r.ms, 0).toFixed(0)} ms for ${results.length} files`);
process.exitCode = allPass ? 0 : 1;
