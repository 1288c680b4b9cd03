/**
 * The no-script syllable estimate (report.rate.nuclei) against true counts: the MagicData fast Mandarin
 * utterances of ../shared/fixtures/truth and the clean read speech of ../shared/fixtures (transcript
 * syllables). Used by bench:truth syllables and tests/analysis/nuclei-truth.test.ts.
 */
import { analyzeRecording, type Lang } from '../../src/analysis/index.ts';
import { decodeFixture, isCleanSpeech, manifestItem, num, readReference, rowLang } from './fixtures.ts';
import { readTruthCsv, TRUTH_DIR } from './truth.ts';

/** Targets of issue 10 item 3. */
export const SYLLABLE_TARGETS = { withinShare: 0.2, fastMinShare: 0.8, fastMaxMedianAbs: 0.08, readMinShare: 0.9 } as const;

/** One utterance: its true syllables and the estimate. */
export interface SyllableCase {
  id: string;
  /** Corpus detail: MagicData text kind (pure / mixed), or the fixture's group and variant. */
  kind: string;
  trueSyllables: number;
  estimate: number | null;
  spanSec: number | null;
}

/** Signed relative error of a case (estimate / truth − 1), null without an estimate. */
export function signedError(c: SyllableCase): number | null {
  return c.estimate === null ? null : c.estimate / c.trueSyllables - 1;
}

/** Share within ±20 % and the median signed error of a set of cases. */
export interface SyllableSummary { n: number; within: number; share: number; medianSignedError: number }

/** Summarise cases: a missing estimate counts as outside (and as −100 %). */
export function summarise(cases: readonly SyllableCase[]): SyllableSummary {
  const errors = cases.map((c) => signedError(c) ?? -1).sort((a, b) => a - b);
  const within = errors.filter((e) => Math.abs(e) <= SYLLABLE_TARGETS.withinShare + 1e-9).length;
  const mid = errors.length >> 1;
  const median = errors.length === 0 ? NaN : errors.length % 2 ? errors[mid] : (errors[mid - 1] + errors[mid]) / 2;
  return { n: cases.length, within, share: cases.length ? within / cases.length : 0, medianSignedError: median };
}

async function estimate(path: string, dir: string | undefined, lang: Lang, script?: string): Promise<{ estimate: number | null; spanSec: number | null }> {
  const report = analyzeRecording(await decodeFixture(path, dir), { lang, script });
  return { estimate: report.rate.nuclei, spanSec: report.speech.spanSec };
}

/** The 60 MagicData utterances, analysed without a script. */
export async function magicdataCases(): Promise<SyllableCase[]> {
  const cases: SyllableCase[] = [];
  for (const r of readTruthCsv('magicdata/magicdata.csv')) {
    cases.push({ id: r.id, kind: r.text_kind, trueSyllables: Number(r.syllables), ...(await estimate(r.file, TRUTH_DIR, 'zh')) });
  }
  return cases;
}

/** The clean read speech of the fixtures with a transcript syllable count (bench:accuracy's nuclei rows). */
export async function readSpeechCases(): Promise<SyllableCase[]> {
  const cases: SyllableCase[] = [];
  for (const row of readReference()) {
    const syllables = num(row, 'syllables');
    if (!isCleanSpeech(row) || syllables === null) continue;
    const script = manifestItem(row.file)?.transcript ?? undefined;
    cases.push({ id: row.id, kind: [row.group, row.variant].filter(Boolean).join('/'), trueSyllables: syllables, ...(await estimate(row.file, undefined, rowLang(row), script)) });
  }
  return cases;
}
