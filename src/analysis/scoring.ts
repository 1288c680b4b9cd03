/** Scoring: measured values → one verdict per guideline, against the bands of src/guidelines. */
import type { Band, GuidelineBands } from '../guidelines/bands.ts';
import type { Baseline } from './options.ts';
import type { BandSummary, EmphasisWordReport, Verdict, VerdictMeasure, VerdictReason } from './report.ts';
import { decimalsForUnit, roundTo } from './round.ts';
import type { GuidelineId, VerdictStatus } from './types.ts';
import { quantile, semitones, standardDeviation } from './stats.ts';

/** What scoring needs from the analysis. */
export interface ScoringInput {
  speechFound: boolean;
  perMinute: number | null;
  activeLevelDbfs: number | null;
  peakDbfs: number | null;
  clippedFraction: number;
  snrDb: number | null;
  baseline: Baseline | null;
  /** SD of the per-phrase (or per-part) levels and the last one's drop below the rest; null with < 2. */
  phraseLevelSdDb: number | null;
  finalDropDb: number | null;
  medianHz: number | null;
  sdSt: number | null;
  brightnessHz: number | null;
  longestPauseSec: number | null;
  /** Silences between consecutive script parts (null without a multi-part script). */
  partGapsSec: number[] | null;
  /** Pauses (≥ 250 ms) inside each part (null without a script). */
  pausesInsideParts: number[] | null;
  /** The script's marked words as measured by emphasis.ts (empty without marked words). */
  emphasisWords: readonly Pick<EmphasisWordReport, 'pitchGainSt' | 'status'>[];
}

/** A measure as the report shows it (rounded by its unit): every comparison is made on that, so a shown −16 dBFS is never "above −16". */
function shown(x: number, unit: string): number {
  return roundTo(x, decimalsForUnit(unit));
}

/** Status of a value against a four-edge band, compared as shown (rounded by the band's unit). */
export function bandStatus(raw: number, band: Band): VerdictStatus {
  const value = shown(raw, band.unit);
  if (band.lowBelow !== null && value < band.lowBelow) return 'low';
  if (band.highAbove !== null && value > band.highAbove) return 'high';
  if (band.goodMin !== null && value < band.goodMin) return 'borderline';
  if (band.goodMax !== null && value > band.goodMax) return 'borderline';
  return 'good';
}

function summary(band: Band): BandSummary {
  return { goodMin: band.goodMin, goodMax: band.goodMax, lowBelow: band.lowBelow, highAbove: band.highAbove };
}

// The measure of each guideline's value; pauses name theirs case by case (pausesVerdict).
const MEASURES: Record<GuidelineId, VerdictMeasure> = {
  rate: 'perMinute', volume: 'activeLevelDbfs', effort: 'effortDb', steadiness: 'phraseLevelSdDb',
  pitchLevel: 'pitchLevelSt', pitchVariety: 'sdSt', pauses: 'longestPauseSec', emphasis: 'medianPitchGainSt', warmth: 'warmthSt',
};

// A borderline value outside a two-sided good range: which side, so the advice points one way.
function borderlineSide(value: number | null, unit: string, status: VerdictStatus, band: BandSummary | null): 'Low' | 'High' | null {
  if (status !== 'borderline' || value === null || band?.goodMin == null || band.goodMax === null) return null;
  const v = shown(value, unit);
  return v < band.goodMin ? 'Low' : v > band.goodMax ? 'High' : null;
}

// Advice: the reason's own key, else the side of a borderline value, else `<guideline>.<status>`.
function verdict(guideline: GuidelineId, value: number | null, unit: string, status: VerdictStatus,
  band: BandSummary | null, adviceKey?: string, reason: VerdictReason | null = null, measure: VerdictMeasure = MEASURES[guideline]): Verdict {
  const side = borderlineSide(value, unit, status, band);
  const key = adviceKey ?? (reason !== null ? `${guideline}.${reason}` : side !== null ? `${guideline}.borderline${side}` : `${guideline}.${status}`);
  return { guideline, value, unit, measure, status, reason, band, adviceKey: key };
}

function fromBand(guideline: Exclude<GuidelineId, 'pauses'>, value: number | null, band: Band, unmeasuredKey?: string): Verdict {
  if (value === null) return verdict(guideline, null, band.unit, 'unmeasured', summary(band), unmeasuredKey);
  return verdict(guideline, value, band.unit, bandStatus(value, band), summary(band));
}

function volumeVerdict(m: ScoringInput, b: GuidelineBands): Verdict {
  const band = b.volume;
  if (m.activeLevelDbfs === null) return fromBand('volume', null, band);
  const lim = b.volumeLimits;
  const peak = m.peakDbfs === null ? null : shown(m.peakDbfs, 'dBFS');
  let reason: VerdictReason | null = m.clippedFraction > 0 ? 'clipping' : peak !== null && peak > lim.hotPeakAboveDbfs ? 'peakTooHot' : null;
  let status = reason !== null ? 'high' : bandStatus(m.activeLevelDbfs, band);
  if (status === 'good' && peak !== null && peak > lim.goodPeakMaxDbfs) [status, reason] = ['borderline', 'peakNearClipping'];
  const noisy = m.snrDb !== null && shown(m.snrDb, 'dB') < lim.goodSnrMinDb;
  if (status === 'good' && noisy) status = 'borderline';
  if (reason === null && noisy && status === 'borderline') reason = 'noisy';
  return verdict('volume', m.activeLevelDbfs, band.unit, status, summary(band), undefined, reason);
}

/** Level steadiness of consecutive phrases (GUIDELINES.md: SD of per-phrase level; drop on the last). */
export function levelSteadiness(levelsDbfs: readonly number[]): { phraseLevelSdDb: number | null; finalDropDb: number | null } {
  if (levelsDbfs.length < 2) return { phraseLevelSdDb: null, finalDropDb: null };
  const others = levelsDbfs.slice(0, -1);
  const finalDropDb = others.reduce((s, x) => s + x, 0) / others.length - levelsDbfs[levelsDbfs.length - 1];
  return { phraseLevelSdDb: standardDeviation(levelsDbfs), finalDropDb };
}

function steadinessVerdict(m: ScoringInput, b: GuidelineBands): Verdict {
  const lim = b.steadiness;
  const band: BandSummary = { goodMin: null, goodMax: lim.maxPhraseSdDb, lowBelow: null, highAbove: 1.5 * lim.maxPhraseSdDb };
  if (m.phraseLevelSdDb === null || m.finalDropDb === null) return verdict('steadiness', null, 'dB', 'unmeasured', band);
  const sdDb = shown(m.phraseLevelSdDb, 'dB');
  const dropDb = shown(m.finalDropDb, 'dB');
  let status: VerdictStatus = 'good';
  if (sdDb > 1.5 * lim.maxPhraseSdDb || dropDb > 1.5 * lim.maxFinalDropDb) status = 'high';
  else if (sdDb > lim.maxPhraseSdDb || dropDb > lim.maxFinalDropDb) status = 'borderline';
  const reason = status !== 'good' && dropDb > lim.maxFinalDropDb ? 'trailingOff' : null;
  return verdict('steadiness', m.phraseLevelSdDb, 'dB', status, band, undefined, reason);
}

/**
 * Pauses: the value is the measure that decided the status, with that measure's band. No pause may
 * pass longestMaxSec (value: the longest pause, 0 when there is none); with a multi-part script the
 * gaps between parts are judged too (the shortest when too short, else the longest) and then the
 * pauses inside each part (unit 'pauses').
 */
function pausesVerdict(m: ScoringInput, b: GuidelineBands): Verdict {
  const lim = b.pauses;
  const pausesBand: BandSummary = { goodMin: null, goodMax: null, lowBelow: null, highAbove: lim.longestMaxSec };
  const gapsBand: BandSummary = { goodMin: lim.betweenPartsMinSec, goodMax: lim.betweenPartsMaxSec, lowBelow: lim.betweenPartsMinSec, highAbove: lim.longestMaxSec };
  const out = (measure: VerdictMeasure, value: number | null, status: VerdictStatus, band: BandSummary, unit = 's', reason: VerdictReason | null = null): Verdict =>
    verdict('pauses', value, unit, status, band, undefined, reason, measure);
  if (!m.speechFound) return out('longestPauseSec', null, 'unmeasured', pausesBand);
  const longest = shown(m.longestPauseSec ?? 0, 's');
  if (longest > lim.longestMaxSec) return out('longestPauseSec', longest, 'high', pausesBand);
  const gaps = m.partGapsSec?.map((g) => shown(g, 's')) ?? null;
  if (gaps === null || gaps.length === 0) return out('longestPauseSec', longest, 'good', pausesBand);
  const shortest = Math.min(...gaps);
  if (shortest < lim.betweenPartsMinSec) return out('shortestPartGapSec', shortest, 'low', gapsBand);
  const longestGap = Math.max(...gaps);
  if (longestGap > lim.betweenPartsMaxSec) return out('longestPartGapSec', longestGap, 'borderline', gapsBand);
  const mostInside = Math.max(0, ...(m.pausesInsideParts ?? []));
  if (mostInside > lim.maxPausesInsidePart) {
    return out('pausesInsidePart', mostInside, 'borderline', { goodMin: null, goodMax: lim.maxPausesInsidePart, lowBelow: null, highAbove: null }, 'pauses', 'pausesInsidePart');
  }
  return out('longestPartGapSec', longestGap, 'good', gapsBand);
}

/**
 * Emphasis over the marked words: value = median pitch gain of the measured words; good when every
 * word is good; low when every measured word is low; unmeasured when no word is measured (or none is
 * marked); borderline otherwise (some good or borderline, or good words beside unmeasured ones).
 */
function emphasisVerdict(m: ScoringInput, b: GuidelineBands): Verdict {
  const band: BandSummary = { goodMin: b.emphasis.minPitchGainSt, goodMax: null, lowBelow: null, highAbove: null };
  const words = m.emphasisWords;
  const measured = words.filter((w) => w.status !== 'unmeasured');
  if (measured.length === 0) return verdict('emphasis', null, 'st', 'unmeasured', band);
  const gains = measured.map((w) => w.pitchGainSt).filter((x): x is number => x !== null);
  const value = gains.length > 0 ? quantile(gains, 0.5) : null;
  let status: VerdictStatus = 'borderline';
  if (words.every((w) => w.status === 'good')) status = 'good';
  else if (measured.every((w) => w.status === 'low')) status = 'low';
  // The words' own verdicts decide, not the median gain: say which kept it from good.
  const reason = status === 'good' ? null : measured.some((w) => w.status !== 'good') ? 'keyWordsNotStressed' : 'keyWordsUnlocated';
  return verdict('emphasis', value, 'st', status, band, `emphasis.${status}`, reason);
}

// Warmth is experimental (GUIDELINES.md): shown against the agent's neutral reading, never scored.
function warmthVerdict(m: ScoringInput, b: GuidelineBands): Verdict {
  const lim = b.warmth;
  const band: BandSummary = { goodMin: lim.minDeltaSt, goodMax: null, lowBelow: null, highAbove: null };
  const ref = m.baseline;
  if (!m.speechFound || !ref?.brightnessHz || m.medianHz === null || m.brightnessHz === null) {
    return verdict('warmth', null, 'st', 'unmeasured', band);
  }
  const deltaSt = semitones(m.medianHz / ref.medianHz);
  const brighter = m.brightnessHz / ref.brightnessHz - 1 >= lim.minBrightnessGainFraction;
  const higher = shown(deltaSt, 'st') >= lim.minDeltaSt;
  const status: VerdictStatus = higher && brighter ? 'good' : higher || brighter ? 'borderline' : 'low';
  return verdict('warmth', deltaSt, 'st', status, band, undefined, higher && !brighter ? 'notBrighter' : null);
}

/** All verdicts, in the order of GUIDELINES.md. */
export function scoreGuidelines(m: ScoringInput, bands: GuidelineBands): Verdict[] {
  const speech = m.speechFound;
  const effortDb = speech && m.baseline && m.activeLevelDbfs !== null ? m.activeLevelDbfs - m.baseline.activeLevelDbfs : null;
  const levelSt = speech && m.baseline && m.medianHz !== null ? semitones(m.medianHz / m.baseline.medianHz) : null;
  const noBaseline = m.baseline === null;
  return [
    fromBand('rate', speech ? m.perMinute : null, bands.rate),
    speech ? volumeVerdict(m, bands) : fromBand('volume', null, bands.volume),
    fromBand('effort', effortDb, bands.effort, noBaseline && speech ? 'effort.calibrateFirst' : undefined),
    speech ? steadinessVerdict(m, bands) : verdict('steadiness', null, 'dB', 'unmeasured', null),
    fromBand('pitchLevel', levelSt, bands.pitchLevel, noBaseline && speech ? 'pitchLevel.calibrateFirst' : undefined),
    fromBand('pitchVariety', speech ? m.sdSt : null, bands.pitchVariety),
    pausesVerdict(m, bands),
    emphasisVerdict(m, bands),
    warmthVerdict(m, bands),
  ];
}
