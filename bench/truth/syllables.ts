/**
 * bench:truth section “syllables”: the no-script syllable estimate (report.rate.nuclei, sub-band nuclei)
 * against true counts — per MagicData fast Mandarin utterance, then the summary of both corpora against
 * the targets of issue 10 item 3. The de Jong & Wempe counter (the estimate before, nuclei.ts) is shown
 * beside it on the same stages.
 */
import { highpass } from '../../src/analysis/dsp/highpass.ts';
import { mixdown } from '../../src/analysis/dsp/mixdown.ts';
import { resampleTo } from '../../src/analysis/dsp/resample.ts';
import { intensityContour, NUCLEI_MIN_PITCH_HZ } from '../../src/analysis/intensity.ts';
import { syllableNuclei } from '../../src/analysis/nuclei.ts';
import { analysePitch } from '../../src/analysis/pitch-pass.ts';
import { segmentSpeech } from '../../src/analysis/segmentation.ts';
import { ANALYSIS_RATE_HZ } from '../../src/analysis/types.ts';
import { decodeFixture, FIXTURES_DIR, readReference } from '../../tests/helpers/fixtures.ts';
import { magicdataCases, readSpeechCases, signedError, summarise, SYLLABLE_TARGETS, type SyllableCase } from '../../tests/helpers/syllable-truth.ts';
import { readTruthCsv, TRUTH_DIR } from '../../tests/helpers/truth.ts';

/** The previous estimate: de Jong & Wempe on the same preprocessing, speech span and lenient voicing. */
async function deJongCount(path: string, dir: string): Promise<number | null> {
  const { channels, sampleRateHz } = await decodeFixture(path, dir);
  const hp = highpass(resampleTo(mixdown(channels, 'mix'), sampleRateHz, ANALYSIS_RATE_HZ), ANALYSIS_RATE_HZ);
  const seg = segmentSpeech({ samples: hp, sampleRateHz: ANALYSIS_RATE_HZ });
  if (!seg.speechFound || seg.startSec === null || seg.endSec === null) return null;
  const pitch = analysePitch(hp, seg.sounding);
  return syllableNuclei(intensityContour(hp, ANALYSIS_RATE_HZ, NUCLEI_MIN_PITCH_HZ), pitch.lenientVoicing, { startSec: seg.startSec, endSec: seg.endSec }).count;
}

const pct = (x: number | null): string => (x === null || !Number.isFinite(x) ? '–' : `${x >= 0 ? '+' : ''}${(100 * x).toFixed(1)} %`);

function summaryLine(label: string, cases: SyllableCase[], needShare: number, maxMedianAbs: number | null, note = ''): boolean {
  const s = summarise(cases);
  const ok = s.share >= needShare - 1e-9 && (maxMedianAbs === null || Math.abs(s.medianSignedError) <= maxMedianAbs + 1e-9);
  const medianNeed = maxMedianAbs === null ? '' : `, need within ±${(100 * maxMedianAbs).toFixed(0)} %`;
  console.log(`${ok ? 'PASS' : 'FAIL'}  ${label}: within 20 % on ${s.within}/${s.n} (${(100 * s.share).toFixed(0)} %, need ≥ ${(100 * needShare).toFixed(0)} %); `
    + `median signed error ${pct(s.medianSignedError)}${medianNeed}${note}`);
  return ok;
}

function baselineLine(label: string, cases: SyllableCase[]): void {
  const s = summarise(cases);
  console.log(`info  ${label}: within 20 % on ${s.within}/${s.n} (${(100 * s.share).toFixed(0)} %); median signed error ${pct(s.medianSignedError)}`);
}

/** Print the per-utterance table and both corpora's summaries. */
export async function run(): Promise<void> {
  const md = await magicdataCases();
  const files = new Map(readTruthCsv('magicdata/magicdata.csv').map((r) => [r.id, r.file]));
  const mdOld: SyllableCase[] = [];
  console.log(['id', 'kind', 'true', 'estimate', 'error', 'rate syll/s', 'de Jong & Wempe', 'error'].join(' | '));
  for (const c of md) {
    const old = { ...c, estimate: await deJongCount(files.get(c.id) as string, TRUTH_DIR) };
    mdOld.push(old);
    const rate = c.spanSec ? (c.trueSyllables / c.spanSec).toFixed(1) : '–';
    console.log([c.id, c.kind, c.trueSyllables, c.estimate ?? '–', pct(signedError(c)), rate, old.estimate ?? '–', pct(signedError(old))].join(' | '));
  }
  const read = await readSpeechCases();
  const readFiles = new Map(readReference().map((r) => [r.id, r.file]));
  const readOld: SyllableCase[] = [];
  for (const c of read) readOld.push({ ...c, estimate: await deJongCount(readFiles.get(c.id) as string, FIXTURES_DIR) });
  const misses = read.filter((c) => Math.abs(signedError(c) ?? -1) > SYLLABLE_TARGETS.withinShare);

  console.log('\nSummary (true rate = true syllables / speech span)');
  const ok = [
    summaryLine('MagicData fast Mandarin, 60 utterances', md, SYLLABLE_TARGETS.fastMinShare, SYLLABLE_TARGETS.fastMaxMedianAbs),
    summaryLine('  of which pure Mandarin', md.filter((c) => c.kind === 'pure'), SYLLABLE_TARGETS.fastMinShare, null),
    summaryLine('  of which with Latin letters or digits', md.filter((c) => c.kind !== 'pure'), SYLLABLE_TARGETS.fastMinShare, null),
    summaryLine('clean read speech of ../shared/fixtures (transcript syllables)', read, SYLLABLE_TARGETS.readMinShare, null,
      misses.length ? ` — outside: ${misses.map((c) => `${c.id} ${c.estimate ?? '–'}/${c.trueSyllables}`).join(', ')}` : ''),
  ].every(Boolean);
  baselineLine('before (de Jong & Wempe 2009), MagicData', mdOld);
  baselineLine('before (de Jong & Wempe 2009), clean read speech', readOld);
  if (!ok) process.exitCode = 1;
}
