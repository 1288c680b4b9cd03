/**
 * Segmentation, no-speech guard and syllable nuclei against Praat's reference.csv, per file, with
 * pass rates; then the speed of each stage on 10 min of audio.
 *   node --import tsx bench/segmentation-accuracy.ts
 */
import { highpass } from '../src/analysis/dsp/highpass.ts';
import { mixdown } from '../src/analysis/dsp/mixdown.ts';
import { resampleTo } from '../src/analysis/dsp/resample.ts';
import { intensityContour, NUCLEI_MIN_PITCH_HZ, SEGMENTATION_MIN_PITCH_HZ } from '../src/analysis/intensity.ts';
import { syllableNuclei } from '../src/analysis/nuclei.ts';
import { DEFAULT_PATH_COSTS, pitchTrack } from '../src/analysis/pitch/index.ts';
import { segmentSpeech } from '../src/analysis/segmentation.ts';
import { ANALYSIS_RATE_HZ, type MonoSignal, type PitchTrack, type Segmentation } from '../src/analysis/types.ts';
import { decodeFixture, fixtureSignal, haveFixtures, num, readReference, tile, type ReferenceRow as Row } from '../tests/helpers/fixtures.ts';

if (!haveFixtures) {
  console.error('segmentation-accuracy: ../shared/fixtures/reference.csv not found; nothing to measure.');
  process.exit(1);
}

const rows = readReference();
const byId = new Map(rows.map((r) => [r.id, r]));

/** The nuclei voicing of the Praat script: lenient 50–600 Hz track, voicing threshold 0.25. */
const nucleiPitch = (x: MonoSignal): PitchTrack =>
  pitchTrack(x.samples, x.sampleRateHz, { floorHz: 50, ceilingHz: 600, costs: { ...DEFAULT_PATH_COSTS, voicingThreshold: 0.25 } });

interface Result {
  row: Row;
  seg: Segmentation;
  parity: Segmentation;
  nuclei: number;
}

const results: Result[] = [];
for (const row of rows) {
  const x = await fixtureSignal(row.file);
  const seg = segmentSpeech(x);
  const parity = segmentSpeech(x, { refineEdges: false, praatGuardOnly: true });
  const span = seg.speechFound ? { startSec: seg.startSec!, endSec: seg.endSec! } : null;
  const nuclei = syllableNuclei(intensityContour(x.samples, x.sampleRateHz, NUCLEI_MIN_PITCH_HZ), nucleiPitch(x), span).count;
  results.push({ row, seg, parity, nuclei });
}

const f = (v: number | null | undefined, d = 3): string => (v === null || v === undefined || !Number.isFinite(v) ? '–' : v.toFixed(d));
/** Reference row of a file: its parent's for variants (README caveats), shifted by any padding. */
const reference = (r: Row): { row: Row; offsetSec: number } => ({ row: byId.get(r.parent) ?? r, offsetSec: Number(r.time_offset_s || 0) });

console.log(['id', 'speech ours/praat', 'reason', 'start ours/ref', 'end ours/ref', 'pauses ours/praat', 'nuclei ours/praat', 'syl'].join(' | '));
for (const { row, seg, nuclei } of results) {
  const { row: ref, offsetSec } = reference(row);
  const shift = (v: number | null): number | null => (v === null ? null : v + offsetSec);
  console.log([
    row.id,
    `${seg.speechFound ? 1 : 0}/${row.speech_found}`,
    seg.noSpeechReason ?? '',
    `${f(seg.startSec)}/${f(shift(num(ref, 'speech_start_s')))}`,
    `${f(seg.endSec)}/${f(shift(num(ref, 'speech_end_s')))}`,
    `${seg.pauses.length}/${row.n_pauses}`,
    `${nuclei}/${row.nuclei}`,
    row.syllables || '–',
  ].join(' | '));
}

function rate(label: string, set: Result[], pass: (r: Result) => boolean): void {
  const n = set.filter(pass).length;
  console.log(`${label}: ${n}/${set.length} = ${((100 * n) / Math.max(1, set.length)).toFixed(0)} %`);
}
const within = (a: number | null, b: number | null, tol: number): boolean => a !== null && b !== null && Math.abs(a - b) <= tol;
const edgesWithin = (seg: Segmentation, r: Row, tol: number): boolean => {
  const { row: ref, offsetSec } = reference(r);
  return within(seg.startSec, num(ref, 'speech_start_s')! + offsetSec, tol) && within(seg.endSec, num(ref, 'speech_end_s')! + offsetSec, tol);
};
const speech = results.filter((r) => r.row.expect_speech === '1');
const clean = speech.filter((r) => r.row.variant !== 'white_noise');
const noisy = speech.filter((r) => r.row.variant === 'white_noise');

console.log('\n# pass rates');
rate('speechFound as expected (all files)', results, (r) => r.seg.speechFound === (r.row.expect_speech === '1'));
rate('no-speech controls rejected', results.filter((r) => r.row.expect_speech === '0'), (r) => !r.seg.speechFound);
rate('start/end within 0.10 s of Praat (clean speech; variants vs parent, padding offset) [target ≥ 90 %]', clean, (r) => edgesWithin(r.seg, r.row, 0.1));
rate('start/end within 0.03 s of Praat (same set)', clean, (r) => edgesWithin(r.seg, r.row, 0.03));
rate('pause count equal to Praat (own row, all speech)', speech, (r) => r.seg.pauses.length === Number(r.row.n_pauses));
rate('15 dB-noise variants: start/end within 0.10 s of own Praat row', noisy, (r) => within(r.seg.startSec, num(r.row, 'speech_start_s'), 0.1) && within(r.seg.endSec, num(r.row, 'speech_end_s'), 0.1));
rate('15 dB-noise variants: start/end within 0.10 s of the clean parent (Praat itself fails this)', noisy, (r) => edgesWithin(r.seg, r.row, 0.1));
rate('Praat-parity mode (refineEdges off): edges within 0.01 s and same pauses as own row', speech, (r) =>
  within(r.parity.startSec, num(r.row, 'speech_start_s'), 0.01) && within(r.parity.endSec, num(r.row, 'speech_end_s'), 0.01) && r.parity.pauses.length === Number(r.row.n_pauses));
const withSyllables = clean.filter((r) => r.row.syllables);
rate('nuclei within 20 % of transcript syllables (clean files with a transcript) [target ≥ 80 %]', withSyllables, (r) => Math.abs(r.nuclei / Number(r.row.syllables) - 1) <= 0.2);
rate('Praat nuclei within 20 % of transcript syllables (same set, for comparison)', withSyllables, (r) => Math.abs(Number(r.row.nuclei) / Number(r.row.syllables) - 1) <= 0.2);
rate('nuclei within ±15 % (or ±2) of Praat (all speech)', speech, (r) => Math.abs(r.nuclei - Number(r.row.nuclei)) <= Math.max(2, 0.15 * Number(r.row.nuclei)));

// ---------------------------------------------------------------- speed, 10 min of audio
function time<T>(label: string, fn: () => T): T {
  fn(); // warm-up on the same input
  const t0 = performance.now();
  const out = fn();
  console.log(`${label.padEnd(52)} ${(performance.now() - t0).toFixed(0).padStart(6)} ms`);
  return out;
}
const TEN_MIN_SEC = 600;
console.log('\n# speed, 10 min of audio (warm, one run)');
/** The first channel of a fixture, tiled to 10 minutes at `rateHz`. */
const firstChannel10 = async (file: string, rateHz: number): Promise<Float32Array> =>
  tile([(await decodeFixture(file)).channels[0]], rateHz, TEN_MIN_SEC);
const stereo = await decodeFixture('formats/en_ljspeech_LJ001-0004_44k1_stereo_24bit.wav');
const stereo10 = stereo.channels.map((c) => tile([c], 44100, TEN_MIN_SEC));
const mono44 = time('mixdown, stereo 44.1 kHz', () => mixdown(stereo10, 'mix'));
const mono48 = await firstChannel10('formats/en_ljspeech_LJ001-0004_opus.webm', 48000);
time('resample 48 kHz → 16 kHz', () => resampleTo(mono48, 48000, ANALYSIS_RATE_HZ));
time('resample 44.1 kHz → 16 kHz', () => resampleTo(mono44, 44100, ANALYSIS_RATE_HZ));
const mono22 = await firstChannel10('formats/en_ljspeech_LJ001-0004.flac', 22050);
time('resample 22.05 kHz → 16 kHz', () => resampleTo(mono22, 22050, ANALYSIS_RATE_HZ));
const mono8 = await firstChannel10('formats/en_ljspeech_LJ001-0004_8k.wav', 8000);
time('resample 8 kHz → 16 kHz', () => resampleTo(mono8, 8000, ANALYSIS_RATE_HZ));
const speech10 = await firstChannel10('real/en_longread_wendy.wav', ANALYSIS_RATE_HZ);
const hp = time('high-pass 80 Hz (16 kHz)', () => highpass(speech10, ANALYSIS_RATE_HZ));
const signal10 = { samples: hp, sampleRateHz: ANALYSIS_RATE_HZ };
time('intensity, min pitch 100 Hz', () => intensityContour(hp, ANALYSIS_RATE_HZ, SEGMENTATION_MIN_PITCH_HZ));
const int50 = time('intensity, min pitch 50 Hz', () => intensityContour(hp, ANALYSIS_RATE_HZ, NUCLEI_MIN_PITCH_HZ));
const seg10 = time('segmentSpeech (intensity + silences + edges + guard)', () => segmentSpeech(signal10));
const pitch10 = nucleiPitch(signal10);
const span10 = { startSec: seg10.startSec!, endSec: seg10.endSec! };
time('syllableNuclei (given contour and pitch track)', () => syllableNuclei(int50, pitch10, span10));
