/** Recording-quality warnings of a take: no speech, too short, clipping, very low level, noisy. Pure. */
import type { AnalysisReport } from '../../takes/index.ts';
import { formatNumber, t, type MessageKey, type UiLang } from '../../i18n/index.ts';

/** Less sounding speech than this (seconds) is "too short". */
export const TOO_SHORT_SPEECH_SEC = 1;
/** An active speech level below this (dBFS) is "very low": 10 dB under the volume band's "too quiet" (−30). */
export const VERY_LOW_LEVEL_DBFS = -40;
/** A signal-to-noise ratio below this (dB) is "noisy" (the volume band wants ≥ 25 dB; below 15 the measures suffer). */
export const NOISY_SNR_DB = 15;

/** Which warning. */
export type WarningKind = 'noSpeech' | 'tooShort' | 'clipping' | 'lowLevel' | 'noisy';

/** One warning as shown: a title for no speech, a sentence, and the possible reasons as a list. */
export interface ScorecardWarning {
  kind: WarningKind;
  /** 'error': the take cannot be scored; 'warning': the scores may be off. */
  severity: 'error' | 'warning';
  title: string | null;
  text: string;
  reasons: string[];
}

const REASON_KEYS: Record<string, MessageKey> = {
  silent: 'warning.noSpeech.silent',
  steady: 'warning.noSpeech.steady',
  tonal: 'warning.noSpeech.tonal',
  unvoiced: 'warning.noSpeech.unvoiced',
  'too-short': 'warning.noSpeech.tooShortReason',
};

function noSpeechWarning(report: AnalysisReport, lang: UiLang): ScorecardWarning {
  const specific = report.noSpeechReason === null ? undefined : REASON_KEYS[report.noSpeechReason];
  const keys: MessageKey[] = [
    ...(specific ? [specific] : []),
    'warning.noSpeech.muted', 'warning.noSpeech.wrongInput', 'warning.noSpeech.tooFar',
  ];
  return {
    kind: 'noSpeech',
    severity: 'error',
    title: t(lang, 'warning.noSpeech.title'),
    text: t(lang, 'warning.noSpeech.body'),
    reasons: keys.map((k) => t(lang, k)),
  };
}

function warning(kind: WarningKind, text: string): ScorecardWarning {
  return { kind, severity: 'warning', title: null, text, reasons: [] };
}

/** The warnings of a report, most serious first. */
export function buildWarnings(report: AnalysisReport, lang: UiLang): ScorecardWarning[] {
  const out: ScorecardWarning[] = [];
  const { loudness, speech } = report;
  if (!report.speechFound) out.push(noSpeechWarning(report, lang));
  else if ((speech.soundingSec ?? speech.spanSec ?? 0) < TOO_SHORT_SPEECH_SEC) out.push(warning('tooShort', t(lang, 'warning.tooShort')));
  if (loudness.clippedFraction > 0) out.push(warning('clipping', t(lang, 'warning.clipping')));
  if (report.speechFound && loudness.activeLevelDbfs !== null && loudness.activeLevelDbfs < VERY_LOW_LEVEL_DBFS) {
    out.push(warning('lowLevel', t(lang, 'warning.lowLevel', { level: formatNumber(loudness.activeLevelDbfs) })));
  }
  if (report.speechFound && loudness.snrDb !== null && loudness.snrDb < NOISY_SNR_DB) {
    out.push(warning('noisy', t(lang, 'warning.noisy', { snr: formatNumber(loudness.snrDb) })));
  }
  return out;
}
