/**
 * The scorecard of one take, as data for the screen: a row per guideline (the report's own rounded
 * numbers, so the app shows what the CLI prints), the greeting's parts, key words, warnings and a
 * headline. Pure: no React, no DOM; usable in a worker.
 * Deltas are current − other, computed only between reports of the same analysis version.
 */
import {
  ANALYSIS_VERSION, type AnalysisReport, type Baseline, type BandSummary, type GuidelineId, type Verdict, type VerdictReason, type VerdictStatus,
} from '../../takes/index.ts';
import { parseScript } from '../../takes/index.ts';
import type { Drill } from '../../drills/types.ts';
import { ADVICE, adviceText } from '../../i18n/advice.ts';
import { SCORED_GUIDELINES } from '../../guidelines/bands.ts';
import { formatBand, formatNumber, guidelineLabel, joinList, statusLabel, t, unitLabel, type MessageKey, type UiLang } from '../../i18n/index.ts';
import { compareReports } from '../../takes/index.ts';
import { buildWarnings, type ScorecardWarning } from './warnings-model.ts';
import { reasonText, verdictReason } from './verdict-reasons.ts';
import { emphasisCues, emphasisRuleText, type EmphasisCue } from './emphasis-cues-model.ts';

export type { ScorecardWarning, WarningKind } from './warnings-model.ts';
export type { EmphasisCue } from './emphasis-cues-model.ts';

/** What buildScorecard needs. */
export interface ScorecardInput {
  /** The rounded report of this take. */
  report: AnalysisReport;
  drill: Drill;
  uiLang: UiLang;
  previous?: AnalysisReport | null;
  best?: AnalysisReport | null;
  baseline: Baseline | null;
  /** The filled script that was read (for the key words); default: the drill's template. */
  script?: string;
  /** False for a take that does not count (incomplete and not counted, see takeCounts): never a new best. Default true. */
  counts?: boolean;
}

/** Change of a status against another take. */
export type Trend = 'better' | 'worse' | 'same';

/** One guideline row. */
export interface ScorecardRow {
  guideline: GuidelineId;
  label: string;
  status: VerdictStatus;
  statusText: string;
  /** The report's number, unchanged. */
  value: number | null;
  unit: string;
  unitLabel: string;
  /** Value and unit as shown ('—' when unmeasured); relative measures get a '+' sign. */
  valueText: string;
  bandText: string;
  /** What decided the status when the value against the target does not (e.g. a peak near clipping), and as a sentence. */
  reason: VerdictReason | null;
  reasonText: string | null;
  adviceKey: string;
  advice: string;
  /** False for warmth (experimental: shown, not scored). */
  scored: boolean;
  deltaFromPrevious: number | null;
  deltaFromBest: number | null;
  trendFromPrevious: Trend | null;
}

/** One part of a greeting: heard or not, and the pause before it. */
export interface PartFinding {
  index: number;
  text: string;
  found: boolean;
  pauseBeforeSec: number | null;
  /** Whether the pause is within the drill's between-parts band; null for the first part or when unknown. */
  pauseInBand: boolean | null;
  sentence: string;
}

/** One key word marked for emphasis and its verdict (unmeasured until the emphasis measure lands). */
export interface EmphasisFinding {
  word: string;
  partIndex: number;
  status: VerdictStatus;
  sentence: string;
  /** The cues measured against the neighbouring syllables (null when not measurable). */
  pitchGainSt: number | null;
  levelGainDb: number | null;
  durationRatio: number | null;
  startSec: number | null;
  endSec: number | null;
  /** The cues the script language's rule uses, each with whether it held (empty when not measured). */
  cues: EmphasisCue[];
  /** Why a word whose cues held is still not good (English: another word of its part stood out more), or null. */
  note: string | null;
}

/** The headline of the card. */
export interface Headline {
  kind: 'noSpeech' | 'nothingMeasured' | 'allGood' | 'toChange' | 'polish';
  text: string;
  /** The guidelines named in the text, in card order. */
  guidelines: GuidelineId[];
}

/** The whole scorecard. */
export interface Scorecard {
  title: string;
  headline: Headline;
  rows: ScorecardRow[];
  /** Greeting drills only; empty for passages. */
  parts: PartFinding[];
  emphasis: EmphasisFinding[];
  /** The rule a key word is judged by, in the script language's terms. */
  emphasisRule: string;
  warnings: ScorecardWarning[];
  /** No baseline: effort and pitch level cannot be measured; calibrationText says what to do. */
  needsCalibration: boolean;
  calibrationText: string | null;
  /** This report beats the best given (best.ts ranking). */
  isNewBest: boolean;
  /** The report was made by another analysis version than this app's. */
  staleAnalysis: boolean;
}

const RELATIVE: readonly GuidelineId[] = ['effort', 'pitchLevel'];
const STATUS_RANK: Record<VerdictStatus, number | null> = { good: 2, borderline: 1, low: 0, high: 0, unmeasured: null };

function decimalsOf(x: number): number {
  const s = String(x);
  if (s.includes('e')) return 6;
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : s.length - dot - 1;
}

/** a − b, at the precision of the two numbers (so 0.3 − 0.1 is 0.2, not 0.19999999999999998). */
export function exactDelta(a: number, b: number): number {
  const d = Math.max(decimalsOf(a), decimalsOf(b));
  const r = Number((a - b).toFixed(d));
  return r === 0 ? 0 : r;
}

function delta(v: Verdict, report: AnalysisReport, other: AnalysisReport | null | undefined): number | null {
  if (!other || other.analysisVersion !== report.analysisVersion || v.value === null) return null;
  const o = other.verdicts.find((x) => x.guideline === v.guideline);
  return o && o.value !== null && o.unit === v.unit ? exactDelta(v.value, o.value) : null;
}

function trend(v: Verdict, other: AnalysisReport | null | undefined): Trend | null {
  const o = other?.verdicts.find((x) => x.guideline === v.guideline);
  const a = STATUS_RANK[v.status];
  const b = o ? STATUS_RANK[o.status] : null;
  if (a === null || b === null) return null;
  return a > b ? 'better' : a < b ? 'worse' : 'same';
}

function fallbackBand(drill: Drill, g: GuidelineId): BandSummary | null {
  const b = drill.bands;
  if (g === 'rate' || g === 'volume' || g === 'effort' || g === 'pitchLevel' || g === 'pitchVariety') return b[g];
  const good = (goodMin: number | null, goodMax: number | null): BandSummary => ({ goodMin, goodMax, lowBelow: null, highAbove: null });
  if (g === 'steadiness') return good(null, b.steadiness.maxPhraseSdDb);
  if (g === 'pauses') return good(b.pauses.betweenPartsMinSec, b.pauses.betweenPartsMaxSec);
  return g === 'emphasis' ? good(b.emphasis.minPitchGainSt, null) : good(b.warmth.minDeltaSt, null);
}

// A report from before analysis 1.4.0: the advice of the reason read from it, or of the side a borderline value is on.
function legacyAdviceKey(v: Verdict, reason: VerdictReason | null, drill: Drill): string {
  const g = v.guideline;
  if (reason !== null && g !== 'emphasis' && ADVICE[`${g}.${reason}`]) return `${g}.${reason}`;
  const band = v.band ?? fallbackBand(drill, g);
  if (v.adviceKey !== `${g}.borderline` || v.value === null || band?.goodMin == null || band.goodMax === null) return v.adviceKey;
  const side = v.value < band.goodMin ? 'Low' : v.value > band.goodMax ? 'High' : null;
  return side !== null && ADVICE[`${g}.borderline${side}`] ? `${g}.borderline${side}` : v.adviceKey;
}

// The emphasis row shows the measure its verdict is made of: how many key words stood out, against all of them.
function emphasisValue(v: Verdict, report: AnalysisReport, lang: UiLang): { valueText: string; bandText: string } | null {
  const words = report.emphasis ?? [];
  if (v.guideline !== 'emphasis' || v.status === 'unmeasured' || words.length === 0) return null;
  const good = words.filter((w) => w.status === 'good').length;
  return { valueText: t(lang, 'scorecard.emphasisValue', { good, total: words.length }), bandText: t(lang, 'scorecard.emphasisTarget') };
}

function bandText(v: Verdict, input: ScorecardInput): string {
  const band = v.band ?? fallbackBand(input.drill, v.guideline);
  // Warmth is good only with both: the pitch rise and a brighter voice.
  if (v.guideline === 'warmth' && band?.goodMin != null) {
    const bright = formatNumber(input.drill.bands.warmth.minBrightnessGainFraction * 100);
    return t(input.uiLang, 'band.warmth', { min: formatNumber(band.goodMin), unit: unitLabel(input.uiLang, v.unit), bright });
  }
  return formatBand(input.uiLang, band, v.unit);
}

// The advice of a row; an unmeasured emphasis row says why: no speech, marks not located, or none marked.
function adviceKeyOf(v: Verdict, report: AnalysisReport, hasMarkedWords: boolean): string {
  if (v.guideline !== 'emphasis' || v.status !== 'unmeasured') return v.adviceKey;
  if (!report.speechFound) return 'emphasis.noSpeech';
  return hasMarkedWords ? 'emphasis.notLocated' : 'emphasis.noneMarked';
}

function row(v: Verdict, input: ScorecardInput, hasMarkedWords: boolean): ScorecardRow {
  const { uiLang: lang, report } = input;
  const unit = unitLabel(lang, v.unit);
  const sign = v.value !== null && v.value > 0 && RELATIVE.includes(v.guideline) ? '+' : '';
  const reason = verdictReason(v, report, input.drill);
  // Reports before analysis 1.4.0 carry no reason (and two-way borderline advice).
  const ownKey = (v as { reason?: unknown }).reason === undefined ? legacyAdviceKey(v, reason, input.drill) : v.adviceKey;
  const adviceKey = adviceKeyOf({ ...v, adviceKey: ownKey }, report, hasMarkedWords);
  const emphasis = emphasisValue(v, report, lang);
  return {
    guideline: v.guideline,
    label: guidelineLabel(lang, v.guideline),
    status: v.status,
    statusText: statusLabel(lang, v.guideline, v.status),
    value: v.value,
    unit: v.unit,
    unitLabel: unit,
    valueText: emphasis?.valueText ?? (v.value === null ? '—' : `${sign}${formatNumber(v.value)} ${unit}`),
    bandText: emphasis?.bandText ?? bandText(v, input),
    reason,
    reasonText: reason === null ? null : reasonText(reason, report, input.drill, lang, input.baseline),
    adviceKey,
    advice: adviceText(adviceKey, lang),
    scored: SCORED_GUIDELINES.includes(v.guideline),
    deltaFromPrevious: delta(v, report, input.previous),
    deltaFromBest: delta(v, report, input.best),
    trendFromPrevious: trend(v, input.previous),
  };
}

/** The greeting's parts as sentences, with the pause before each against the drill's band. */
export function partFindings(report: AnalysisReport, drill: Drill, lang: UiLang): PartFinding[] {
  if (drill.kind === 'passage') return [];
  const { betweenPartsMinSec: min, betweenPartsMaxSec: max } = drill.bands.pauses;
  return report.parts.map((p) => {
    const pause = p.index > 0 && p.found ? p.pauseBeforeSec : null;
    const inBand = pause === null ? null : pause >= min && pause <= max;
    let key: MessageKey;
    if (!p.found) key = 'part.missing';
    else if (p.index === 0) key = 'part.first.found';
    else if (pause === null) key = 'part.found.noPause';
    else key = pause < min ? 'part.found.short' : pause > max ? 'part.found.long' : 'part.found.good';
    const params = { text: p.text, pause: pause === null ? '' : formatNumber(pause), min: formatNumber(min), max: formatNumber(max) };
    return { index: p.index, text: p.text, found: p.found, pauseBeforeSec: pause, pauseInBand: inBand, sentence: t(lang, key, params) };
  });
}

/** The key words of the script, each with its own measured emphasis (reports before 1.1.0 carry none). */
export function emphasisFindings(report: AnalysisReport, drill: Drill, lang: UiLang, script?: string): EmphasisFinding[] {
  const measured = [...(report.emphasis ?? [])];
  const parsed = parseScript(script ?? drill.template, drill.lang);
  return parsed.parts.flatMap((part) => part.emphasis.map((word) => {
    const i = measured.findIndex((m) => m.partIndex === part.index && m.word === word);
    const m = i >= 0 ? measured.splice(i, 1)[0] : null;
    const status: VerdictStatus = m?.status ?? 'unmeasured';
    const { cues, note } = emphasisCues(m, drill, lang);
    return {
      word, partIndex: part.index, status, sentence: t(lang, `emphasis.${status}`, { word }),
      pitchGainSt: m?.pitchGainSt ?? null, levelGainDb: m?.levelGainDb ?? null, durationRatio: m?.durationRatio ?? null,
      startSec: m?.startSec ?? null, endSec: m?.endSec ?? null, cues, note,
    };
  }));
}

/** The headline: what to change first (low/high), else what to polish (borderline), else praise. */
export function buildHeadline(report: AnalysisReport, rows: readonly ScorecardRow[], lang: UiLang): Headline {
  if (!report.speechFound) return { kind: 'noSpeech', text: t(lang, 'headline.noSpeech'), guidelines: [] };
  const scored = rows.filter((r) => r.scored);
  const pick = (statuses: VerdictStatus[]) => scored.filter((r) => statuses.includes(r.status));
  const list = (items: ScorecardRow[]) => joinList(lang, items.map((r) => t(lang, 'headline.item', { guideline: r.label, status: r.statusText })));
  const red = pick(['low', 'high']);
  if (red.length > 0) {
    const key = red.length === 1 ? 'headline.toChange.one' : 'headline.toChange.other';
    return { kind: 'toChange', text: t(lang, key, { count: red.length, list: list(red) }), guidelines: red.map((r) => r.guideline) };
  }
  const amber = pick(['borderline']);
  if (amber.length > 0) {
    const key = amber.length === 1 ? 'headline.polish.one' : 'headline.polish.other';
    return { kind: 'polish', text: t(lang, key, { count: amber.length, list: list(amber) }), guidelines: amber.map((r) => r.guideline) };
  }
  if (pick(['good']).length > 0) return { kind: 'allGood', text: t(lang, 'headline.allGood'), guidelines: [] };
  return { kind: 'nothingMeasured', text: t(lang, 'headline.nothingMeasured'), guidelines: [] };
}

/** Build the scorecard of a take. */
export function buildScorecard(input: ScorecardInput): Scorecard {
  const { report, drill, uiLang: lang } = input;
  const emphasis = emphasisFindings(report, drill, lang, input.script);
  const rows = report.verdicts.map((v) => row(v, input, emphasis.length > 0));
  const needsCalibration = input.baseline === null;
  return {
    title: drill.title[lang],
    headline: buildHeadline(report, rows, lang),
    rows,
    parts: partFindings(report, drill, lang),
    emphasis,
    emphasisRule: emphasisRuleText(drill, lang),
    warnings: buildWarnings(report, lang),
    needsCalibration,
    calibrationText: needsCalibration ? t(lang, 'calibrate.first') : null,
    isNewBest: input.best != null && report.speechFound && input.counts !== false && input.best.analysisVersion === report.analysisVersion
      && compareReports(report, input.best) < 0,
    staleAnalysis: report.analysisVersion !== ANALYSIS_VERSION,
  };
}
