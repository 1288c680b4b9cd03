/** Crafted analysis reports for the app tests: every guideline, statuses and values chosen by the test. */
import { ANALYSIS_VERSION, TRACK_HOP_SEC, type AnalysisReport, type GuidelineId, type TimeTrack, type Verdict, type VerdictMeasure, type VerdictReason, type VerdictStatus } from '../../src/analysis/index.ts';
import type { ScriptPartReport } from '../../src/analysis/index.ts';

const UNITS: Record<GuidelineId, string> = {
  rate: 'chars/min', volume: 'dBFS', effort: 'dB', steadiness: 'dB', pitchLevel: 'st',
  pitchVariety: 'st', pauses: 's', emphasis: 'st', warmth: 'st',
};
const MEASURES: Record<GuidelineId, VerdictMeasure> = {
  rate: 'perMinute', volume: 'activeLevelDbfs', effort: 'effortDb', steadiness: 'phraseLevelSdDb', pitchLevel: 'pitchLevelSt',
  pitchVariety: 'sdSt', pauses: 'longestPartGapSec', emphasis: 'medianPitchGainSt', warmth: 'warmthSt',
};
const ORDER: GuidelineId[] = ['rate', 'volume', 'effort', 'steadiness', 'pitchLevel', 'pitchVariety', 'pauses', 'emphasis', 'warmth'];

/** A track on the report's 10 ms grid over `durationSec`, each value `valueAt(cell centre time)`. */
export function gridTrack(durationSec: number, valueAt: (timeSec: number) => number | null): TimeTrack {
  const values = Array.from({ length: Math.ceil(Math.round(durationSec * 1000) / 10) }, (_, i) => valueAt((i + 0.5) * TRACK_HOP_SEC));
  return { hopSec: TRACK_HOP_SEC, startSec: TRACK_HOP_SEC / 2, values };
}

/** A verdict spec: status and value, optionally the advice key and the reason. */
export type VerdictSpec = [VerdictStatus, number | null, string?, VerdictReason?];

/** A report with the given verdicts (others unmeasured) and optional overrides of any field. */
export function makeReport(
  verdicts: Partial<Record<GuidelineId, VerdictSpec>>,
  overrides: Partial<AnalysisReport> = {},
): AnalysisReport {
  const lang = overrides.lang ?? 'zh';
  const durationSec = overrides.durationSec ?? 4.2;
  const inSpeech = (t: number): boolean => t >= 0.5 && t < 3.9;
  const list: Verdict[] = ORDER.map((g) => {
    const [status, value, key, reason] = verdicts[g] ?? ['unmeasured', null];
    const unit = g === 'rate' && lang === 'en' ? 'wpm' : UNITS[g];
    const band = g === 'rate'
      ? (lang === 'zh' ? { goodMin: 180, goodMax: 240, lowBelow: 160, highAbove: 270 } : { goodMin: 120, goodMax: 160, lowBelow: 110, highAbove: 175 })
      : g === 'pauses' ? { goodMin: 0.15, goodMax: 0.8, lowBelow: null, highAbove: 1.2 }
        : g === 'volume' ? { goodMin: -28, goodMax: -16, lowBelow: -30, highAbove: null }
          : null;
    return { guideline: g, value, unit, measure: MEASURES[g], status, reason: reason ?? null, band, adviceKey: key ?? `${g}.${status}` };
  });
  return {
    analysisVersion: ANALYSIS_VERSION,
    durationSec,
    sampleRateHz: 48000,
    channels: 1,
    lang,
    speechFound: true,
    noSpeechReason: null,
    speech: { startSec: 0.5, endSec: 3.9, spanSec: 3.4, soundingSec: 2.8, pauseCount: 2, longestPauseSec: 0.4, pauses: [] },
    rate: { syllables: 19, syllablesSource: 'script', syllablesMethod: 'script:syllable@5+readings', nuclei: 18, nucleiSec: [], words: 19, syllablesPerSec: 5.59, articulationSyllablesPerSec: 6.79, perMinute: 335.3, perMinuteUnit: lang === 'zh' ? 'chars/min' : 'wpm' },
    loudness: { activeLevelDbfs: -22.35, peakDbfs: -6.1, clippedFraction: 0, noiseFloorDbfs: -70.2, snrDb: 47.85, phraseLevelSdDb: 1.2, finalDropDb: 0.5 },
    pitch: {
      medianHz: 215.3, p5Hz: 170.1, p95Hz: 290.4, rangeSt: 9.25, sdSt: 2.1, voicedFraction: 0.612, floorHz: 120, ceilingHz: 450,
      track: gridTrack(durationSec, (t) => (inSpeech(t) ? 215.3 : null)),
    },
    intensity: { track: gridTrack(durationSec, (t) => (inSpeech(t) ? -22.35 : -70.2)) },
    timbre: { brightnessHz: 1250.4 },
    phrases: [],
    parts: [],
    emphasis: [],
    verdicts: list,
    warnings: [],
    ...overrides,
  };
}

/** Script parts as the analysis reports them. */
export function parts(specs: [string, boolean, number | null][]): ScriptPartReport[] {
  return specs.map(([text, found, pauseBeforeSec], index) => ({
    index, text, syllables: text.length, startSec: found ? index : null, endSec: found ? index + 0.8 : null, found, pauseBeforeSec,
  }));
}
