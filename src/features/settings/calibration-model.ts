/**
 * Calibration: the agent reads one neutral sentence, and its analysis becomes the baseline that pitch
 * level, effort and warmth are measured against (GUIDELINES.md: compare the agent with themself). Pure.
 */
import type { AnalysisReport, Lang } from '../../takes/index.ts';
import { CATALOGUES, type MessageKey } from '../../i18n/index.ts';
import type { StoredBaseline } from '../../storage/index.ts';
import { TOO_SHORT_SPEECH_SEC } from '../practice/index.ts';

/** Why a calibration reading cannot be used. */
export type CalibrationProblem = 'noSpeech' | 'tooShort' | 'noPitch';

/** The baseline of a reading, or why there is none. */
export type CalibrationResult = { ok: true; baseline: StoredBaseline } | { ok: false; problem: CalibrationProblem };

/** The sentence to read, in the script language (the catalogue of that language). */
export function calibrationSentence(scriptLang: Lang): string {
  return CATALOGUES[scriptLang === 'zh' ? 'zh-CN' : 'en']['calibrate.sentence'];
}

/** The baseline measured by a calibration reading's report. */
export function baselineFromReport(report: AnalysisReport, recordedAt: Date): CalibrationResult {
  if (!report.speechFound || report.loudness.activeLevelDbfs === null) return { ok: false, problem: 'noSpeech' };
  if ((report.speech.soundingSec ?? 0) < TOO_SHORT_SPEECH_SEC) return { ok: false, problem: 'tooShort' };
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
