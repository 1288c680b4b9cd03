/**
 * Progress as chart data, from the take summaries: each guideline's value per take (x = take number
 * 1…n, oldest first, with the day under it: progress-axis.ts), the good band of the drill the takes
 * were scored against, personal bests and the practice streak. Pure.
 *
 * What shares an axis: only the same guideline in the same unit; a guideline whose default bands
 * differ by script language (rate, pitch variety) is also split by language, so Mandarin chars/min
 * and English wpm never meet, and the chart's title names the language. Numbers from different
 * analysis versions are never one line: each version is its own series, and the chart says so.
 */
import { ANALYSIS_VERSION, compareReports, reportScore, takeCounts, type GuidelineId, type Lang, type VerdictStatus } from '../../takes/index.ts';
import { findBuiltInDrill } from '../../drills/index.ts';
import { DEFAULT_BANDS, SCORED_GUIDELINES } from '../../guidelines/bands.ts';
import { formatNumber, guidelineLabel, statusLabel, t, unitLabel, type UiLang } from '../../i18n/index.ts';
import { takeOrder, type TakeSummaryRecord } from '../../storage/index.ts';
import { takeDayLabels } from './progress-axis.ts';
import { practiceStreak, type Streak } from './progress-streak.ts';

/** One plotted value: the stored verdict value, unchanged. */
export interface ProgressPoint {
  takeId: string;
  drillId: string;
  createdAt: string;
  /** Take number in scope, 1…n oldest first (uPlot's x). */
  takeNumber: number;
  value: number;
  status: VerdictStatus;
  analysisVersion: string;
  /** The take is its drill's personal best and this guideline was good in it (else the mark would mislead). */
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
  /** The caption: label, unit, and the script language when the chart is one language's. */
  title: string;
  /** Shown, not scored (warmth). */
  experimental: boolean;
  points: ProgressPoint[];
  /** Analysis versions of the points, oldest first; one series each. */
  versions: string[];
  versionSplit: boolean;
  /** uPlot data: [take numbers, one y series per version (null where the point is of another version)]. */
  data: [number[], ...(number | null)[][]];
  seriesLabels: string[];
  /** The latest point's good band (its drill's); null when the guideline has none. */
  band: ProgressBand | null;
  /** The points were judged against different bands (custom drills, band updates). */
  bandVaries: boolean;
  /** When the points' drills have different bands: the title of the drill whose band is shaded. */
  bandDrill: string | null;
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
  /** The day of each take number (index = number − 1), short and in the UI language. */
  dayLabels: string[];
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

function drillTitle(take: TakeSummaryRecord, lang: UiLang): string {
  return take.drillTitle?.[lang] ?? findBuiltInDrill(take.drillId)?.title[lang] ?? take.drillId;
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
export function drillBests(takes: readonly TakeSummaryRecord[], lang: UiLang): DrillBest[] {
  const best = new Map<string, TakeSummaryRecord>();
  for (const take of [...takes].sort(takeOrder)) {
    if (take.status !== 'analysed' || take.analysisVersion !== ANALYSIS_VERSION || !takeCounts(take)) continue;
    const held = best.get(take.drillId);
    if (!held || compareReports(take, held) < 0) best.set(take.drillId, take);
  }
  return [...best.values()].map((take) => {
    const score = reportScore(take);
    return { drillId: take.drillId, title: drillTitle(take, lang), takeId: take.id, createdAt: take.createdAt, good: score.good, lowOrHigh: score.lowOrHigh };
  });
}

function chartSummary(chart: Omit<ProgressChart, 'summary'>, lang: UiLang): string {
  const last = chart.points[chart.points.length - 1];
  const date = new Intl.DateTimeFormat(lang, { dateStyle: 'medium' });
  return t(lang, 'progress.chartSummary', {
    guideline: chart.title,
    count: chart.points.length,
    first: date.format(new Date(chart.points[0].createdAt)),
    last: date.format(new Date(last.createdAt)),
    value: formatNumber(last.value),
    unit: chart.unitLabel,
    status: statusLabel(lang, chart.guideline, last.status),
  });
}

const sameBand = (a: ProgressBand | null, b: ProgressBand | null): boolean => a?.goodMin === b?.goodMin && a?.goodMax === b?.goodMax;

interface Group {
  points: ProgressPoint[];
  bands: (ProgressBand | null)[];
  /** The title of the drill of the newest point (whose band is shaded). */
  lastDrillTitle: string;
}

function buildChart(key: string, group: Group, lang: UiLang): ProgressChart {
  const { points, bands, lastDrillTitle } = group;
  const [g, unit, chartLang] = key.split('|');
  const guideline = g as GuidelineId;
  const versions = [...new Set(points.map((p) => p.analysisVersion))].sort(versionCompare);
  const ys = versions.map((v) => points.map((p) => (p.analysisVersion === v ? p.value : null)));
  const band = bands[bands.length - 1] ?? null;
  const bandVaries = bands.some((b) => !sameBand(b, band));
  // Drills whose band differs from the shaded one: then the chart names the drill it shades.
  const otherDrillBand = bandVaries && points.some((p, i) => p.drillId !== points[points.length - 1].drillId && !sameBand(bands[i], band));
  const label = guidelineLabel(lang, guideline);
  const unitText = unitLabel(lang, unit);
  const langName = chartLang === 'zh' || chartLang === 'en' ? t(lang, `progress.chartLang.${chartLang}`) : null;
  const chart: Omit<ProgressChart, 'summary'> = {
    key,
    guideline,
    unit,
    lang: chartLang === '' ? null : (chartLang as Lang),
    label,
    unitLabel: unitText,
    title: langName ? t(lang, 'progress.chartTitleLang', { guideline: label, unit: unitText, lang: langName }) : t(lang, 'progress.chartTitle', { guideline: label, unit: unitText }),
    experimental: !SCORED_GUIDELINES.includes(guideline),
    points,
    versions,
    versionSplit: versions.length > 1,
    data: [points.map((p) => p.takeNumber), ...ys],
    seriesLabels: versions.length > 1 ? versions.map((v) => t(lang, 'progress.version', { version: v })) : [label],
    band,
    bandVaries,
    bandDrill: band && otherDrillBand ? lastDrillTitle : null,
  };
  return { ...chart, summary: chartSummary(chart, lang) };
}

/** The progress page's data from the take summaries (any status; only analysed takes are charted). */
export function buildProgress(takes: readonly TakeSummaryRecord[], options: ProgressOptions): ProgressModel {
  const lang = options.uiLang;
  // Only takes that count: speech found, and complete unless the agent counted an incomplete one (takeCounts).
  const analysed = takes.filter((tk) => tk.status === 'analysed' && tk.analysisVersion !== null && takeCounts(tk)).sort(takeOrder);
  const drills = new Map<string, DrillOption>();
  for (const tk of analysed) {
    const d = drills.get(tk.drillId) ?? { drillId: tk.drillId, title: drillTitle(tk, lang), takeCount: 0 };
    d.takeCount++;
    drills.set(tk.drillId, d);
  }
  const inScope = options.drillId ? analysed.filter((tk) => tk.drillId === options.drillId) : analysed;
  const bests = drillBests(inScope, lang);
  const bestIds = new Set(bests.map((b) => b.takeId));
  const groups = new Map<string, Group>();
  inScope.forEach((tk, i) => {
    const title = drillTitle(tk, lang);
    for (const v of tk.verdicts) {
      if (v.value === null || !Number.isFinite(v.value)) continue;
      const key = `${v.guideline}|${v.unit}|${bandsDependOnLang(v.guideline) ? tk.lang ?? '' : ''}`;
      const group = groups.get(key) ?? { points: [], bands: [], lastDrillTitle: '' };
      group.points.push({
        takeId: tk.id, drillId: tk.drillId, createdAt: tk.createdAt, takeNumber: i + 1, value: v.value, status: v.status,
        analysisVersion: tk.analysisVersion ?? '', isBest: bestIds.has(tk.id) && v.status === 'good',
      });
      group.bands.push(v.band);
      group.lastDrillTitle = title;
      groups.set(key, group);
    }
  });
  const rank = (key: string): number => GUIDELINE_ORDER.indexOf(key.split('|')[0] as GuidelineId);
  const charts = [...groups.entries()].sort(([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : 1))
    .map(([key, group]) => buildChart(key, group, lang));
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
    dayLabels: takeDayLabels(inScope.map((tk) => tk.createdAt), lang),
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
