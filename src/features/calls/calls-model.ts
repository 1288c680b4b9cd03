/** The Calls screen's texts: progress with time left, a call's talk share, a failed import as one sentence. Pure. */
import { formatClock, t, type MessageKey, type UiLang } from '../../i18n/index.ts';
import { CallAnalysisError, type CallFileErrorKind, type CallProgress, type CallReport } from '../../calls/index.ts';
import { isStorageError } from '../../storage/index.ts';

/** Fraction read before a time-left estimate is shown (earlier ones jump about). */
const MIN_FRACTION_FOR_ESTIMATE = 0.05;

/** 0…1 of the file fed to the engine, or null when its length is unknown. */
export function progressFraction(p: CallProgress): number | null {
  if (p.phase === 'analysing') return 1;
  if (p.durationSec === null || p.durationSec <= 0) return null;
  return Math.min(1, Math.max(0, p.fedSec / p.durationSec));
}

/** Seconds left at the pace so far, or null when too early (or unknown). */
export function timeLeftSec(p: CallProgress, elapsedMs: number): number | null {
  const f = progressFraction(p);
  if (f === null || f < MIN_FRACTION_FOR_ESTIMATE || f >= 1) return null;
  return (elapsedMs / 1000) * (1 - f) / f;
}

/** "Analysing call.wav: 42 % · about 0:12 left". */
export function progressText(lang: UiLang, file: string, p: CallProgress | null, elapsedMs: number): string {
  if (p === null) return t(lang, 'calls.progress.starting', { file });
  if (p.phase === 'analysing') return t(lang, 'calls.progress.finishing', { file });
  const f = progressFraction(p);
  if (f === null) return t(lang, 'calls.progress.starting', { file });
  const text = t(lang, 'calls.progress.reading', { file, percent: Math.floor(f * 100) });
  const left = timeLeftSec(p, elapsedMs);
  return left === null ? text : `${text} · ${t(lang, 'calls.progress.timeLeft', { time: formatClock(Math.ceil(left)) })}`;
}

const ERROR_KEYS: Record<CallFileErrorKind, MessageKey> = {
  empty: 'calls.error.empty',
  truncated: 'calls.error.truncated',
  corrupt: 'calls.error.corrupt',
  notAudio: 'calls.error.notAudio',
  channels: 'calls.error.channels',
  codec: 'calls.error.codec',
  unknown: 'calls.error.unknown',
};

/** The kind of a failed import, for the page's data attribute and tests. */
export function failureKind(error: unknown): string {
  if (error instanceof CallAnalysisError) return error.kind;
  if (isStorageError(error)) return `storage-${error.kind}`;
  return 'unknown';
}

/** A failed import as one sentence naming the file and why. */
export function failureText(lang: UiLang, file: string, error: unknown): string {
  if (error instanceof CallAnalysisError) return t(lang, ERROR_KEYS[error.kind], { file, channels: error.channelCount ?? '' });
  if (isStorageError(error)) return t(lang, error.kind === 'quota' ? 'calls.error.saveQuota' : 'calls.error.save', { file });
  return t(lang, 'calls.error.unknown', { file });
}

/** Whole percent of a fraction. */
const percent = (x: number): number => Math.round(x * 100);

/** "You 48 % · customer 40 % · silence 12 %". */
export function talkShareText(lang: UiLang, report: Pick<CallReport, 'talkShare'>): string {
  const s = report.talkShare;
  return t(lang, 'calls.list.talkShare', { agent: percent(s.agentFraction), customer: percent(s.customerFraction), silence: percent(s.silenceFraction) });
}

/** True when a drag carries files (not text or a link from the page). */
export function dragHasFiles(types: readonly string[] | null | undefined): boolean {
  return (types ?? []).includes('Files');
}
