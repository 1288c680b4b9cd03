/**
 * Calibration: the agent reads one neutral sentence, and its analysis becomes the baseline that pitch
 * level, effort and warmth are measured against (GUIDELINES.md: compare the agent with themself). Pure.
 */
import type { AnalysisReport, Lang } from '../../takes/index.ts';
import { CATALOGUES, type MessageKey } from '../../i18n/index.ts';
import type { StoredBaseline } from '../../storage/index.ts';
import { TOO_SHORT_SPEECH_SEC } from '../practice/index.ts';

/** Why a calibration reading cannot be used. */
export type CalibrationProblem = 'noSpeech' | 'tooShort' | 'incomplete' | 'noPitch';

/**
 * A reading covers the sentence when its syllable nuclei are at least this share of the sentence's
 * syllables. The sub-band nuclei estimate (analysis 1.5.0) counts whole read sentences within 20 % on 34 of the
 * 35 read fixtures (median error 0 %), so a whole reading clears 0.6 with room to spare; a reading that lost
 * 2 s of a 4 s sentence to the count-in keeps about half.
 */
export const MIN_NUCLEI_SHARE = 0.6;
/**
 * …and when its speech spans at least the sentence's syllables at this rate: faster than 7 syllables/s
 * is not a whole reading (normal reading is 4–5.5 syllables/s: 3–4 s for the sentence).
 */
export const MAX_READING_SYLLABLES_PER_SEC = 7;

/** True when the reading covers the calibration sentence (the report was analysed with it as the script). */
export function coversSentence(report: AnalysisReport): boolean {
  const { rate, speech } = report;
  if (rate.syllablesSource !== 'script' || rate.syllables === null || rate.syllables <= 0) return true;
  const nucleiOk = rate.nuclei === null || rate.nuclei >= MIN_NUCLEI_SHARE * rate.syllables;
  const spanOk = (speech.spanSec ?? 0) >= rate.syllables / MAX_READING_SYLLABLES_PER_SEC;
  return nucleiOk && spanOk;
}

/** The baseline of a reading, or why there is none. */
export type CalibrationResult = { ok: true; baseline: StoredBaseline } | { ok: false; problem: CalibrationProblem };

/** The sentence to read, in the script language (the catalogue of that language). */
export function calibrationSentence(scriptLang: Lang): string {
  return CATALOGUES[scriptLang === 'zh' ? 'zh-CN' : 'en']['calibrate.sentence'];
}

/** The baseline measured by a calibration reading's report (analysed with the sentence as its script). */
export function baselineFromReport(report: AnalysisReport, recordedAt: Date): CalibrationResult {
  if (!report.speechFound || report.loudness.activeLevelDbfs === null) return { ok: false, problem: 'noSpeech' };
  if ((report.speech.soundingSec ?? 0) < TOO_SHORT_SPEECH_SEC) return { ok: false, problem: 'tooShort' };
  if (!coversSentence(report)) return { ok: false, problem: 'incomplete' };
  if (report.pitch.medianHz === null) return { ok: false, problem: 'noPitch' };
  const brightnessHz = report.timbre?.brightnessHz ?? null;
  return {
    ok: true,
    baseline: {
      medianHz: report.pitch.medianHz,
      activeLevelDbfs: report.loudness.activeLevelDbfs,
      ...(brightnessHz !== null ? { brightnessHz } : {}),
      recordedAt: recordedAt.toISOString(),
      analysisVersion: report.analysisVersion,
    },
  };
}

/** The message explaining a calibration problem. */
export function calibrationProblemMessage(problem: CalibrationProblem): MessageKey {
  return `calibrate.problem.${problem}`;
}
