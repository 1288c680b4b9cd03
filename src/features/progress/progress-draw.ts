/**
 * From the progress model to what is drawn: a chart's drawing data (ProgressChartDraw) and the page's
 * first-paint snapshot (progress-snapshot.ts). Pure but for headerSnapshot, which reads the header as drawn.
 */
import { t, type UiLang } from '../../i18n/index.ts';
import { chartYRange, type ProgressChart, type ProgressModel } from './progress-model.ts';
import type { ProgressChartDraw } from './progress-chart-options.ts';
import type { HeaderSnapshot, ProgressSnapshot } from './progress-snapshot.ts';

/** The drawing data of `chart`. */
export function progressChartDraw(chart: ProgressChart, uiLang: UiLang, dayLabels: readonly string[]): ProgressChartDraw {
  const first = chart.points[0]?.takeNumber ?? 1;
  const last = chart.points[chart.points.length - 1]?.takeNumber ?? 1;
  return {
    data: chart.data,
    seriesLabels: chart.seriesLabels,
    yRange: chartYRange(chart.points.map((p) => p.value), chart.band),
    takeRange: [first, last],
    dayLabels: [...dayLabels],
    band: chart.band,
    takeAxisLabel: t(uiLang, 'progress.axisTake'),
    takeLegendLabel: t(uiLang, 'progress.legendTake'),
    unitLabel: chart.unitLabel,
  };
}

/** The band note under a chart. */
export function bandNoteOf(chart: ProgressChart, uiLang: UiLang): string {
  return chart.bandDrill ? t(uiLang, 'progress.bandOfDrill', { drill: chart.bandDrill })
    : t(uiLang, chart.bandVaries ? 'progress.bandVaries' : 'progress.bandNote');
}

/** The caption of a chart. */
export function captionOf(chart: ProgressChart, uiLang: UiLang): string {
  return chart.experimental ? `${chart.title} — ${t(uiLang, 'progress.experimental')}` : chart.title;
}

/** The header's texts as the page shows them now (null: no header drawn). */
export function headerSnapshot(doc: Document): HeaderSnapshot | null {
  const header = doc.querySelector('header.topbar');
  const title = header?.querySelector('.brand h1')?.textContent;
  const langName = header?.querySelector<HTMLSelectElement>('.lang-switch select')?.selectedOptions[0]?.textContent;
  if (!header || !title || !langName) return null;
  return {
    title,
    tagline: header.querySelector('.tagline')?.textContent ?? '',
    nav: [...header.querySelectorAll('nav a')].map((a) => ({ label: a.textContent ?? '', current: a.getAttribute('aria-current') === 'page' })),
    langLabel: header.querySelector('.lang-switch span')?.textContent ?? '',
    langName,
  };
}

/** The page's first-paint snapshot: the all-drills view with at least one chart, else null (nothing worth painting early). */
export function progressSnapshotOf(model: ProgressModel, uiLang: UiLang, header: HeaderSnapshot, build: string): ProgressSnapshot | null {
  const chart = model.charts[0];
  if (!chart) return null;
  const { streak } = model;
  const date = new Intl.DateTimeFormat(uiLang, { dateStyle: 'medium' });
  return {
    build,
    uiLang,
    takeCount: model.takeCount,
    header,
    heading: t(uiLang, 'nav.progress'),
    streak: (streak.currentDays > 0 ? t(uiLang, 'progress.streak', { days: streak.currentDays }) : t(uiLang, 'progress.streakNone'))
      + (streak.longestDays > 0 ? ` · ${t(uiLang, 'progress.streakLongest', { days: streak.longestDays })}` : ''),
    drillPicker: model.drills.length > 0 ? { label: t(uiLang, 'progress.drill'), shown: t(uiLang, 'progress.allDrills') } : null,
    bests: model.bests.length > 0 ? {
      heading: t(uiLang, 'progress.bests'),
      items: model.bests.map((b) => t(uiLang, 'progress.best', { drill: b.title, good: b.good, when: date.format(new Date(b.createdAt)) })),
      openLabel: t(uiLang, 'progress.open'),
    } : null,
    versionNote: model.versionNote,
    chart: {
      caption: captionOf(chart, uiLang),
      summary: chart.summary,
      bandNote: chart.band ? bandNoteOf(chart, uiLang) : null,
      draw: progressChartDraw(chart, uiLang, model.dayLabels),
    },
  };
}
