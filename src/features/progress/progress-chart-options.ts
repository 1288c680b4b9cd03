/**
 * What a progress chart draws, as plain data (ProgressChartDraw: numbers and the texts already in the UI
 * language), and the uPlot options made from it. The live chart (ProgressChart.tsx) and start-up's first
 * paint (first-paint.ts, from the stored snapshot) both draw through progressChartOptions: one look.
 * No React and no i18n here, so the first paint's chunk stays small.
 */
import type uPlot from 'uplot';
import { TAKE_TICK_STEPS, takeLegendLabel, takeTickLabels } from './progress-axis.ts';
import type { ProgressBand } from './progress-model.ts';
import { bandPlugin } from './uplot-band.ts';

/** Height of every progress chart, CSS px. */
export const PROGRESS_CHART_HEIGHT_PX = 200;
/** Line colours per analysis version, the current (last) version darkest. */
const VERSION_COLORS = ['#9aa5b1', '#d67800', '#1a5fd0'];
const BAND_COLOR = 'rgba(46, 160, 67, 0.14)';

/** Everything one chart's drawing needs. */
export interface ProgressChartDraw {
  /** uPlot data: take numbers, then one series per analysis version (null where a point is another version's). */
  data: [number[], ...(number | null)[][]];
  seriesLabels: string[];
  /** The y range, the chart's unit. */
  yRange: [number, number];
  /** First and last take number shown. */
  takeRange: [number, number];
  /** The day of each take number (index = number − 1). */
  dayLabels: string[];
  band: ProgressBand | null;
  /** Axis and legend texts in the UI language. */
  takeAxisLabel: string;
  takeLegendLabel: string;
  unitLabel: string;
}

/** The uPlot options of a chart (width and height are the container's). */
export function progressChartOptions(draw: ProgressChartDraw): Omit<uPlot.Options, 'width' | 'height'> {
  const colors = VERSION_COLORS.slice(-draw.seriesLabels.length);
  const [first, last] = draw.takeRange;
  const [lo, hi] = draw.yRange;
  const { dayLabels } = draw;
  return {
    // x: take numbers, whole steps only, half a take of margin either side.
    scales: { x: { time: false, range: () => [first - 0.5, last + 0.5] }, y: { range: () => [lo, hi] } },
    axes: [
      {
        label: draw.takeAxisLabel, incrs: TAKE_TICK_STEPS as number[], space: 50, size: 56,
        values: (_u: uPlot, ticks: number[]) => takeTickLabels(ticks, dayLabels),
      },
      { label: draw.unitLabel },
    ],
    series: [{ label: draw.takeLegendLabel, value: (_u: uPlot, n: number | null) => takeLegendLabel(n, dayLabels) }, ...draw.seriesLabels.map((label, i) => ({
      // Points: uPlot's own rule (dots while each has room, the line alone when they would merge into one;
      // 1,000 overlapping dots also cost ≈ 40 ms to draw).
      label, stroke: colors[i] ?? '#1a5fd0', width: 2, spanGaps: false, points: { size: 7 },
    }))],
    plugins: draw.band ? [bandPlugin(draw.band, BAND_COLOR)] : [],
  };
}
