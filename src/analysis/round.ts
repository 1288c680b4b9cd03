/**
 * Rounding of a report for display and export: the one place that decides how many decimals each
 * unit gets, so the app, the worker and the CLI (--json and table) show the same numbers.
 *
 * Rules (by unit, decimals after the point):
 *   seconds 3 (1 ms) · dB and dBFS 2 · Hz 1 · semitones 2 · syllables/s 2 · chars/min and wpm 1 ·
 *   ratios (emphasis durationRatio) 2 · pause counts (unit 'pauses') 0 ·
 *   fractions 0–1 (clippedFraction, voicedFraction): 3 significant digits, so that rare clipping
 *   (e.g. 2e-7) stays visible instead of rounding to 0 · counts and sampleRateHz unchanged.
 * Nuclei times (rate.nucleiSec) as seconds. Time tracks: hopSec and startSec as seconds, values by
 * the track's unit (pitch.track Hz 1, intensity.track dB 2); a report restored from before analysis
 * 1.3.0 keeps its null tracks.
 * Verdict values and bands use the rule of the verdict's `unit`; an unknown unit gets 2 decimals.
 * Non-finite numbers in nullable fields become null; −0 becomes 0.
 * roundReport also fixes the key order: the order of the fields in the object literals below
 * (the order of the AnalysisReport declaration), whatever order the analysis built them in.
 */
import type { AnalysisReport, BandSummary, EmphasisWordReport, PhraseReport, ScriptPartReport, TimeTrack, Verdict } from './report.ts';

/** Decimals per unit (see the module comment); the table printer uses the same numbers. */
export const DECIMALS = {
  sec: 3,
  db: 2,
  hz: 1,
  st: 2,
  perSec: 2,
  perMinute: 1,
  ratio: 2,
  /** Used for a verdict unit this table does not know. */
  other: 2,
} as const;

/** Significant digits of fractions (0–1). */
export const FRACTION_SIGNIFICANT_DIGITS = 3;

/** Decimals for a verdict or band value in the given unit string ('s', 'dB', 'dBFS', 'Hz', 'st', …). */
export function decimalsForUnit(unit: string): number {
  switch (unit.trim().toLowerCase()) {
    case 's':
    case 'sec':
      return DECIMALS.sec;
    case 'db':
    case 'dbfs':
      return DECIMALS.db;
    case 'hz':
      return DECIMALS.hz;
    case 'st':
      return DECIMALS.st;
    case 'syl/s':
      return DECIMALS.perSec;
    case 'chars/min':
    case 'wpm':
    case 'syl/min':
      return DECIMALS.perMinute;
    case 'pauses':
      return 0;
    default:
      return DECIMALS.other;
  }
}

/** A number rounded to `decimals` places (round half away from zero on the exact binary value); −0 → 0. */
export function roundTo(x: number, decimals: number): number {
  if (!Number.isFinite(x)) return x;
  // toFixed is exact on the binary value (Math.round(x·100)/100 is not), and is defined below 1e21.
  const r = Math.abs(x) < 1e21 ? Number(x.toFixed(decimals)) : x;
  return r === 0 ? 0 : r;
}

/** A nullable number rounded to `decimals` places; null, NaN and ±Infinity become null. */
export function roundOrNull(x: number | null, decimals: number): number | null {
  return x === null || !Number.isFinite(x) ? null : roundTo(x, decimals);
}

/** A fraction (0–1) rounded to FRACTION_SIGNIFICANT_DIGITS significant digits; −0 → 0. */
export function roundFraction(x: number): number {
  if (x === 0) return 0;
  return Number.isFinite(x) ? Number(x.toPrecision(FRACTION_SIGNIFICANT_DIGITS)) : x;
}

function fractionOrNull(x: number | null): number | null {
  return x === null || !Number.isFinite(x) ? null : roundFraction(x);
}

const sec = (x: number | null): number | null => roundOrNull(x, DECIMALS.sec);
const db = (x: number | null): number | null => roundOrNull(x, DECIMALS.db);
const hz = (x: number | null): number | null => roundOrNull(x, DECIMALS.hz);
const st = (x: number | null): number | null => roundOrNull(x, DECIMALS.st);

function roundBand(band: BandSummary | null, decimals: number): BandSummary | null {
  if (band === null) return null;
  return {
    goodMin: roundOrNull(band.goodMin, decimals),
    goodMax: roundOrNull(band.goodMax, decimals),
    lowBelow: roundOrNull(band.lowBelow, decimals),
    highAbove: roundOrNull(band.highAbove, decimals),
  };
}

function roundVerdict(v: Verdict): Verdict {
  const d = decimalsForUnit(v.unit);
  return {
    guideline: v.guideline,
    value: roundOrNull(v.value, d),
    unit: v.unit,
    measure: v.measure,
    status: v.status,
    // Reports made before analysis 1.4.0 carry no reason.
    reason: v.reason ?? null,
    band: roundBand(v.band, d),
    adviceKey: v.adviceKey,
  };
}

function roundPhrase(p: PhraseReport): PhraseReport {
  return {
    startSec: roundTo(p.startSec, DECIMALS.sec),
    endSec: roundTo(p.endSec, DECIMALS.sec),
    activeLevelDbfs: db(p.activeLevelDbfs),
    medianHz: hz(p.medianHz),
  };
}

function roundPart(p: ScriptPartReport): ScriptPartReport {
  return {
    index: p.index,
    text: p.text,
    syllables: p.syllables,
    startSec: sec(p.startSec),
    endSec: sec(p.endSec),
    found: p.found,
    pauseBeforeSec: sec(p.pauseBeforeSec),
  };
}

function roundEmphasis(e: EmphasisWordReport): EmphasisWordReport {
  return {
    word: e.word,
    partIndex: e.partIndex,
    startSec: sec(e.startSec),
    endSec: sec(e.endSec),
    located: e.located,
    pitchGainSt: st(e.pitchGainSt),
    levelGainDb: db(e.levelGainDb),
    durationRatio: roundOrNull(e.durationRatio, DECIMALS.ratio),
    status: e.status,
  };
}

// A track with hop and start as seconds and each value to `decimals`; null stays null (older reports).
function roundTrack(track: TimeTrack | null | undefined, decimals: number): TimeTrack | null {
  if (track === null || track === undefined) return null;
  return {
    hopSec: roundTo(track.hopSec, DECIMALS.sec),
    startSec: roundTo(track.startSec, DECIMALS.sec),
    values: track.values.map((v) => roundOrNull(v, decimals)),
  };
}

/** The report with every number rounded by the rules above and its keys in the canonical order. Pure. */
export function roundReport(report: AnalysisReport): AnalysisReport {
  const { speech, rate, loudness, pitch } = report;
  return {
    analysisVersion: report.analysisVersion,
    durationSec: roundTo(report.durationSec, DECIMALS.sec),
    sampleRateHz: report.sampleRateHz,
    channels: report.channels,
    lang: report.lang,
    speechFound: report.speechFound,
    noSpeechReason: report.noSpeechReason,
    speech: {
      startSec: sec(speech.startSec),
      endSec: sec(speech.endSec),
      spanSec: sec(speech.spanSec),
      soundingSec: sec(speech.soundingSec),
      pauseCount: speech.pauseCount,
      longestPauseSec: sec(speech.longestPauseSec),
      pauses: speech.pauses.map((p) => ({
        startSec: roundTo(p.startSec, DECIMALS.sec),
        endSec: roundTo(p.endSec, DECIMALS.sec),
      })),
    },
    rate: {
      syllables: rate.syllables,
      syllablesSource: rate.syllablesSource,
      // A report restored from an analysis that did not name the method has none.
      syllablesMethod: rate.syllablesMethod ?? null,
      nuclei: rate.nuclei,
      // Reports of analysis 1.4.0 and older have no nuclei times.
      nucleiSec: (rate.nucleiSec ?? []).map((t) => roundTo(t, DECIMALS.sec)),
      words: rate.words,
      syllablesPerSec: roundOrNull(rate.syllablesPerSec, DECIMALS.perSec),
      articulationSyllablesPerSec: roundOrNull(rate.articulationSyllablesPerSec, DECIMALS.perSec),
      perMinute: roundOrNull(rate.perMinute, DECIMALS.perMinute),
      perMinuteUnit: rate.perMinuteUnit,
    },
    loudness: {
      activeLevelDbfs: db(loudness.activeLevelDbfs),
      peakDbfs: db(loudness.peakDbfs),
      clippedFraction: roundFraction(loudness.clippedFraction),
      noiseFloorDbfs: db(loudness.noiseFloorDbfs),
      snrDb: db(loudness.snrDb),
      phraseLevelSdDb: db(loudness.phraseLevelSdDb),
      finalDropDb: db(loudness.finalDropDb),
    },
    pitch: {
      medianHz: hz(pitch.medianHz),
      p5Hz: hz(pitch.p5Hz),
      p95Hz: hz(pitch.p95Hz),
      rangeSt: st(pitch.rangeSt),
      sdSt: st(pitch.sdSt),
      voicedFraction: fractionOrNull(pitch.voicedFraction),
      floorHz: hz(pitch.floorHz),
      ceilingHz: hz(pitch.ceilingHz),
      track: roundTrack(pitch.track, DECIMALS.hz),
    },
    // Reports made before analysis 1.3.0 have no tracks (and no intensity section).
    intensity: { track: roundTrack(report.intensity?.track, DECIMALS.db) },
    timbre: { brightnessHz: hz(report.timbre.brightnessHz) },
    phrases: report.phrases.map(roundPhrase),
    parts: report.parts.map(roundPart),
    // Reports made before analysis 1.1.0 have no emphasis list.
    emphasis: (report.emphasis ?? []).map(roundEmphasis),
    verdicts: report.verdicts.map(roundVerdict),
    // Reports made before warnings existed have none.
    warnings: (report.warnings ?? []).map((w) => ({ code: w.code, message: w.message })),
  };
}
