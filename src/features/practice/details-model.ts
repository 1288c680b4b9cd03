/**
 * The scorecard's measurement details: the report's own numbers (as the CLI prints them), labelled,
 * each with the report field it comes from (`data-field`), for agents and trainers who want the figures. Pure.
 */
import type { AnalysisReport } from '../../takes/index.ts';
import { formatNumber, t, unitLabel, type UiLang } from '../../i18n/index.ts';

/** One measurement line. */
export interface DetailLine {
  /** The report field, e.g. 'pitch.medianHz'. */
  field: string;
  label: string;
  /** The raw number for `data-value` ('' when null or not a single number). */
  value: string;
  text: string;
}

function num(lang: UiLang, value: number | null, unit: string): string {
  return value === null ? t(lang, 'details.none') : `${formatNumber(value)} ${unitLabel(lang, unit)}`;
}

/** The measurement lines of a report. */
export function detailLines(report: AnalysisReport, lang: UiLang): DetailLine[] {
  const { speech, rate, loudness, pitch } = report;
  const raw = (x: number | null): string => (x === null ? '' : formatNumber(x));
  const line = (field: string, labelKey: Parameters<typeof t>[1], value: number | null, text: string): DetailLine =>
    ({ field, label: t(lang, labelKey), value: raw(value), text });
  const span = speech.startSec === null || speech.endSec === null
    ? t(lang, 'details.none')
    : t(lang, 'details.speechSpanValue', { start: formatNumber(speech.startSec), end: formatNumber(speech.endSec), sounding: formatNumber(speech.soundingSec ?? 0) });
  const range = pitch.p5Hz === null || pitch.p95Hz === null
    ? t(lang, 'details.none')
    : `${formatNumber(pitch.p5Hz)}–${formatNumber(pitch.p95Hz)} Hz (${num(lang, pitch.rangeSt, 'st')})`;
  return [
    line('speech.spanSec', 'details.speechSpan', speech.spanSec, span),
    line('rate.syllables', 'details.syllables', rate.syllables,
      rate.syllables === null ? t(lang, 'details.none') : t(lang, 'details.syllablesValue', { count: rate.syllables, source: t(lang, `details.source.${rate.syllablesSource}`) })),
    line('rate.syllablesPerSec', 'details.rate', rate.syllablesPerSec, num(lang, rate.syllablesPerSec, 'syl/s')),
    line('rate.articulationSyllablesPerSec', 'details.articulation', rate.articulationSyllablesPerSec, num(lang, rate.articulationSyllablesPerSec, 'syl/s')),
    line('loudness.activeLevelDbfs', 'details.activeLevel', loudness.activeLevelDbfs, num(lang, loudness.activeLevelDbfs, 'dBFS')),
    line('loudness.peakDbfs', 'details.peak', loudness.peakDbfs, num(lang, loudness.peakDbfs, 'dBFS')),
    line('loudness.noiseFloorDbfs', 'details.noiseFloor', loudness.noiseFloorDbfs, num(lang, loudness.noiseFloorDbfs, 'dBFS')),
    line('loudness.snrDb', 'details.snr', loudness.snrDb, num(lang, loudness.snrDb, 'dB')),
    line('pitch.medianHz', 'details.medianPitch', pitch.medianHz, num(lang, pitch.medianHz, 'Hz')),
    line('pitch.rangeSt', 'details.pitchRange', pitch.rangeSt, range),
    line('pitch.sdSt', 'details.pitchSd', pitch.sdSt, num(lang, pitch.sdSt, 'st')),
    line('pitch.voicedFraction', 'details.voiced', pitch.voicedFraction,
      pitch.voicedFraction === null ? t(lang, 'details.none') : `${formatNumber(Math.round(pitch.voicedFraction * 1000) / 10)} %`),
  ];
}
