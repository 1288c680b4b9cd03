/**
 * Progress as chart data: each guideline's value over the sessions (x = take time, Unix seconds, as
 * uPlot wants), its good band, personal bests and the practice streak. Pure.
 *
 * What shares an axis: only the same guideline in the same unit; a guideline whose default bands
 * differ by script language (rate, pitch variety) is also split by language, so Mandarin chars/min
 * and English wpm never meet. Numbers from different analysis versions are never one line: each
 * version is its own series, and the chart says so (versionSplit).
 */
import { ANALYSIS_VERSION, type BandSummary, type GuidelineId, type Lang, type VerdictStatus } from '../../takes/index.ts';
import { findBuiltInDrill } from '../../drills/index.ts';
import { DEFAULT_BANDS, SCORED_GUIDELINES } from '../../guidelines/bands.ts';
import { formatNumber, guidelineLabel, statusLabel, t, unitLabel, type UiLang } from '../../i18n/index.ts';
import type { TakeRecord } from '../../storage/index.ts';
import { canBeBest, compareReports, reportScore, takeCounts } from '../../takes/index.ts';
import { practiceStreak, type Streak } from './progress-streak.ts';

/** One plotted value: the stored verdict value, unchanged. */
export interface ProgressPoint {
  takeId: string;
  drillId: string;
  createdAt: string;
  /** Take time, Unix seconds (uPlot's x). */
  xSec: number;
  value: number;
  status: VerdictStatus;
  analysisVersion: string;
  /** The take is its drill's personal best. */
  isBest: boolean;
}

/** The good range of a chart. */
export interface ProgressBand {
  goodMin: number | null;
  goodMax: number | null;
}

/** One chart: a guideline in one unit (and, where bands depend on it, one script language). */
export interface ProgressChart {
  /** `guideline|unit|lang` (lang empty when the guideline's bands do not depend on it). */
  key: string;
  guideline: GuidelineId;
  unit: string;
  lang: Lang | null;
  label: string;
  unitLabel: string;
  /** Shown, not scored (warmth). */
  experimental: boolean;
  points: ProgressPoint[];
  /** Analysis versions of the points, oldest first; one series each. */
  versions: string[];
  versionSplit: boolean;
  /** uPlot data: [x, one y series per version (null where the point is of another version)]. */
  data: [number[], ...(number | null)[][]];
  seriesLabels: string[];
  /** The latest point's good band; null when the guideline has none. */
  band: ProgressBand | null;
  /** The points were judged against different bands (custom drills, band updates). */
  bandVaries: boolean;
  /** One sentence for screen readers. */
  summary: string;
}

/** A drill's personal best (the scorecard's ranking, current analysis version only). */
export interface DrillBest {
  drillId: string;
  title: string;
  takeId: string;
  createdAt: string;
  good: number;
  lowOrHigh: number;
}

/** A drill the page can be narrowed to. */
export interface DrillOption {
  drillId: string;
  title: string;
  takeCount: number;
}

/** The whole progress page as data. */
export interface ProgressModel {
  /** 'empty': no analysed take in scope; 'one': a single one (no trend yet); else 'series'. */
  state: 'empty' | 'one' | 'series';
  takeCount: number;
  charts: ProgressChart[];
  bests: DrillBest[];
  streak: Streak;
  drills: DrillOption[];
  /** Set when any chart mixes analysis versions (each drawn as its own line). */
  versionNote: string | null;
}

/** Options of buildProgress. */
export interface ProgressOptions {
  uiLang: UiLang;
  /** One drill, or null/undefined for all drills. */
  drillId?: string | null;
  /** "Today" for the streak; default: now. */
  now?: Date;
}

const GUIDELINE_ORDER: readonly GuidelineId[] = [...SCORED_GUIDELINES, 'warmth'];

const langDependent = new Map<GuidelineId, boolean>();

/** True when a guideline's default bands differ between Mandarin and English (so values are not comparable). */
export function bandsDependOnLang(guideline: GuidelineId): boolean {
  let known = langDependent.get(guideline);
  if (known === undefined) {
    known = JSON.stringify(DEFAULT_BANDS.zh[guideline]) !== JSON.stringify(DEFAULT_BANDS.en[guideline]);
    langDependent.set(guideline, known);
  }
  return known;
}

function takeOrder(a: TakeRecord, b: TakeRecord): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function drillTitle(take: TakeRecord, lang: UiLang): string {
  return (take.drill ?? findBuiltInDrill(take.drillId))?.title[lang] ?? take.drillId;
}

function versionCompare(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] || 0) - (pb[i] || 0);
    if (d !== 0) return d;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Each drill's personal best among the takes (current analysis version, speech found; the earlier wins ties). */
export function drillBests(takes: readonly TakeRecord[], lang: UiLang): DrillBest[] {
  const best = new Map<string, TakeRecord>();
  for (const take of [...takes].sort(takeOrder)) {
    const r = take.report;
    if (!r || take.analysisVersion !== ANALYSIS_VERSION || !canBeBest(r)) continue;
    const held = best.get(take.drillId);
    if (!held?.report || compareReports(r, held.report) < 0) best.set(take.drillId, take);
  }
  return [...best.values()].map((take) => {
    const score = reportScore(take.report as NonNullable<TakeRecord['report']>);
    return { drillId: take.drillId, title: drillTitle(take, lang), takeId: take.id, createdAt: take.createdAt, good: score.good, lowOrHigh: score.lowOrHigh };
  });
}

function bandOf(band: BandSummary | null): ProgressBand | null {
  return band && (band.goodMin !== null || band.goodMax !== null) ? { goodMin: band.goodMin, goodMax: band.goodMax } : null;
}

function chartSummary(chart: Omit<ProgressChart, 'summary'>, lang: UiLang): string {
  const last = chart.points[chart.points.length - 1];
  const date = new Intl.DateTimeFormat(lang, { dateStyle: 'medium' });
  return t(lang, 'progress.chartSummary', {
    guideline: chart.label,
    count: chart.points.length,
    first: date.format(new Date(chart.points[0].createdAt)),
    last: date.format(new Date(last.createdAt)),
    value: formatNumber(last.value),
    unit: chart.unitLabel,
    status: statusLabel(lang, chart.guideline, last.status),
  });
}

function buildChart(key: string, points: ProgressPoint[], bands: (ProgressBand | null)[], lang: UiLang): ProgressChart {
  const [g, unit, chartLang] = key.split('|');
  const guideline = g as GuidelineId;
  const versions = [...new Set(points.map((p) => p.analysisVersion))].sort(versionCompare);
  const xs = points.map((p) => p.xSec);
  const ys = versions.map((v) => points.map((p) => (p.analysisVersion === v ? p.value : null)));
  const band = bands[bands.length - 1] ?? null;
  const bandVaries = bands.some((b) => b?.goodMin !== band?.goodMin || b?.goodMax !== band?.goodMax);
  const chart: Omit<ProgressChart, 'summary'> = {
    key,
    guideline,
    unit,
    lang: chartLang === '' ? null : (chartLang as Lang),
    label: guidelineLabel(lang, guideline),
    unitLabel: unitLabel(lang, unit),
    experimental: !SCORED_GUIDELINES.includes(guideline),
    points,
    versions,
    versionSplit: versions.length > 1,
    data: [xs, ...ys],
    seriesLabels: versions.map((v) => t(lang, 'progress.version', { version: v })),
    band,
    bandVaries,
  };
  return { ...chart, summary: chartSummary(chart, lang) };
}

/** The progress page's data from the stored takes (any status; only analysed takes are charted). */
export function buildProgress(takes: readonly TakeRecord[], options: ProgressOptions): ProgressModel {
  const lang = options.uiLang;
  // Only takes that count: speech found, and complete unless the agent counted an incomplete one (takeCounts).
  const analysed = takes.filter((tk) => tk.status === 'analysed' && tk.report !== null && takeCounts(tk)).sort(takeOrder);
  const drills = new Map<string, DrillOption>();
  for (const tk of analysed) {
    const d = drills.get(tk.drillId) ?? { drillId: tk.drillId, title: drillTitle(tk, lang), takeCount: 0 };
    d.takeCount++;
    drills.set(tk.drillId, d);
  }
  const inScope = options.drillId ? analysed.filter((tk) => tk.drillId === options.drillId) : analysed;
  const bests = drillBests(inScope, lang);
  const bestIds = new Set(bests.map((b) => b.takeId));
  const groups = new Map<string, { points: ProgressPoint[]; bands: (ProgressBand | null)[] }>();
  for (const tk of inScope) {
    const report = tk.report as NonNullable<TakeRecord['report']>;
    for (const v of report.verdicts) {
      if (v.value === null || !Number.isFinite(v.value)) continue;
      const key = `${v.guideline}|${v.unit}|${bandsDependOnLang(v.guideline) ? report.lang : ''}`;
      const group = groups.get(key) ?? { points: [], bands: [] };
      group.points.push({
        takeId: tk.id, drillId: tk.drillId, createdAt: tk.createdAt, xSec: Date.parse(tk.createdAt) / 1000, value: v.value,
        status: v.status, analysisVersion: report.analysisVersion, isBest: bestIds.has(tk.id),
      });
      group.bands.push(bandOf(v.band));
      groups.set(key, group);
    }
  }
  const rank = (key: string): number => GUIDELINE_ORDER.indexOf(key.split('|')[0] as GuidelineId);
  const charts = [...groups.keys()].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : 1))
    .map((key) => buildChart(key, groups.get(key)?.points ?? [], groups.get(key)?.bands ?? [], lang));
  const practice = takes.filter((tk) => tk.status === 'analysed' || tk.status === 'recorded').map((tk) => tk.createdAt);
  const splitCharts = charts.filter((c) => c.versionSplit);
  return {
    state: inScope.length === 0 ? 'empty' : inScope.length === 1 ? 'one' : 'series',
    takeCount: inScope.length,
    charts,
    bests,
    streak: practiceStreak(practice, options.now ?? new Date()),
    drills: [...drills.values()],
    versionNote: splitCharts.length > 0
      ? t(lang, 'progress.versionSplit', { versions: [...new Set(splitCharts.flatMap((c) => c.versions))].join(', ') })
      : null,
  };
}

/** The y range of a chart: the data and the whole good band, padded by 10 % (at least 1 unit overall). */
export function chartYRange(values: readonly number[], band: ProgressBand | null): [number, number] {
  const all = [...values];
  if (band?.goodMin != null) all.push(band.goodMin);
  if (band?.goodMax != null) all.push(band.goodMax);
  if (all.length === 0) return [0, 1];
  let lo = Math.min(...all);
  let hi = Math.max(...all);
  const pad = Math.max((hi - lo) * 0.1, 0.5);
  lo -= pad;
  hi += pad;
  return [lo, hi];
}
