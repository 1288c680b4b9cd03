/**
 * The report's raw figures as CSV columns: the header's message key (the unit is in the header) and
 * how to read the value from a report. Values are written as stored (the report's precision). Pure.
 */
import type { AnalysisReport } from '../analysis/index.ts';
import type { MessageKey } from '../i18n/index.ts';

/** One raw-figure column. */
export interface CsvFigure {
  key: MessageKey;
  read: (report: AnalysisReport) => number | null;
}

/** The raw-figure columns, in order. */
export const CSV_FIGURES: readonly CsvFigure[] = [
  { key: 'csv.fig.analysedSec', read: (r) => r.durationSec },
  { key: 'csv.fig.sampleRateHz', read: (r) => r.sampleRateHz },
  { key: 'csv.fig.speechStartSec', read: (r) => r.speech.startSec },
  { key: 'csv.fig.speechEndSec', read: (r) => r.speech.endSec },
  { key: 'csv.fig.spanSec', read: (r) => r.speech.spanSec },
  { key: 'csv.fig.soundingSec', read: (r) => r.speech.soundingSec },
  { key: 'csv.fig.pauseCount', read: (r) => r.speech.pauseCount },
  { key: 'csv.fig.longestPauseSec', read: (r) => r.speech.longestPauseSec },
  { key: 'csv.fig.syllables', read: (r) => r.rate.syllables },
  { key: 'csv.fig.syllablesPerSec', read: (r) => r.rate.syllablesPerSec },
  { key: 'csv.fig.articulationPerSec', read: (r) => r.rate.articulationSyllablesPerSec },
  { key: 'csv.fig.charsPerMin', read: (r) => (r.rate.perMinuteUnit === 'chars/min' ? r.rate.perMinute : null) },
  { key: 'csv.fig.wordsPerMin', read: (r) => (r.rate.perMinuteUnit === 'wpm' ? r.rate.perMinute : null) },
  { key: 'csv.fig.activeLevelDbfs', read: (r) => r.loudness.activeLevelDbfs },
  { key: 'csv.fig.peakDbfs', read: (r) => r.loudness.peakDbfs },
  { key: 'csv.fig.clippedFraction', read: (r) => r.loudness.clippedFraction },
  { key: 'csv.fig.noiseFloorDbfs', read: (r) => r.loudness.noiseFloorDbfs },
  { key: 'csv.fig.snrDb', read: (r) => r.loudness.snrDb },
  { key: 'csv.fig.phraseLevelSdDb', read: (r) => r.loudness.phraseLevelSdDb },
  { key: 'csv.fig.finalDropDb', read: (r) => r.loudness.finalDropDb },
  { key: 'csv.fig.medianF0Hz', read: (r) => r.pitch.medianHz },
  { key: 'csv.fig.p5F0Hz', read: (r) => r.pitch.p5Hz },
  { key: 'csv.fig.p95F0Hz', read: (r) => r.pitch.p95Hz },
  { key: 'csv.fig.rangeSt', read: (r) => r.pitch.rangeSt },
  { key: 'csv.fig.sdSt', read: (r) => r.pitch.sdSt },
  { key: 'csv.fig.voicedFraction', read: (r) => r.pitch.voicedFraction },
  { key: 'csv.fig.brightnessHz', read: (r) => r.timbre?.brightnessHz ?? null },
];
