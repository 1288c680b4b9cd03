/**
 * One progress chart (uPlot): a guideline's stored values by take number (the day under it), the good
 * band shaded, one line per analysis version. The container carries data-guideline, data-unit and data-points (the values
 * exactly as stored); a visually hidden table gives the same points to screen readers. The table's rows
 * are rendered in the frame after the chart is drawn: with 1,000 takes, eleven tables of 1,000 rows
 * would otherwise hold back the first painted chart by most of a second (npm run bench:ui).
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type uPlot from 'uplot';
import { formatNumber, formatWhen, statusLabel, t, type UiLang } from '../../i18n/index.ts';
import { type ProgressChart as ChartModel } from './progress-model.ts';
import { bandNoteOf, captionOf, progressChartDraw } from './progress-draw.ts';
import { PROGRESS_CHART_HEIGHT_PX, progressChartOptions } from './progress-chart-options.ts';
import { useUplot } from '../../ui/use-uplot.ts';

/** Props of ProgressChart. */
export interface ProgressChartProps {
  chart: ChartModel;
  uiLang: UiLang;
  /** The day of each take number (ProgressModel.dayLabels). */
  dayLabels: readonly string[];
  /** Draw only after the page's first paint (charts below the first ones: the first chart shows sooner). */
  drawAfterPaint?: boolean;
}

/** Run `then` once the frame being prepared has been painted (a timeout after requestAnimationFrame). */
function useAfterPaint(then: () => void): void {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => { timer = setTimeout(then, 0); });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
    // Once, after the first paint.
  }, []);
}

/** Styles that hide an element visually but keep it for screen readers (on a block, not a table: a table grows to fit its rows). */
export const VISUALLY_HIDDEN: React.CSSProperties = {
  position: 'absolute', width: 1, height: 1, padding: 0, margin: -1, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap', border: 0,
};

/** A chart of one guideline. */
export function ProgressChart({ chart, uiLang, dayLabels, drawAfterPaint = false }: ProgressChartProps): React.JSX.Element {
  const box = useRef<HTMLDivElement | null>(null);
  const data = useMemo(() => chart.data as uPlot.AlignedData, [chart]);
  const options = useMemo(() => progressChartOptions(progressChartDraw(chart, uiLang, dayLabels)), [chart, uiLang, dayLabels]);
  const [painted, setPainted] = useState(false);
  useAfterPaint(() => setPainted(true));
  useUplot(box, drawAfterPaint && !painted ? null : options, data, PROGRESS_CHART_HEIGHT_PX);
  // The table rows come after the first paint too.
  const points = chart.points.map((p) => ({
    takeId: p.takeId, takeNumber: p.takeNumber, createdAt: p.createdAt, value: p.value, status: p.status, analysisVersion: p.analysisVersion,
  }));
  const bandNote = bandNoteOf(chart, uiLang);

  return (
    <figure className="progress-chart" data-guideline={chart.guideline} data-unit={chart.unit} data-lang={chart.lang ?? ''}
      data-versions={chart.versions.join(' ')} data-points={JSON.stringify(points)} style={{ position: 'relative' }}>
      <figcaption>
        {captionOf(chart, uiLang)}
      </figcaption>
      <div ref={box} role="img" aria-label={chart.summary} style={{ minHeight: PROGRESS_CHART_HEIGHT_PX }} />
      {chart.band && <p className="progress-band-note">{bandNote}</p>}
      {chart.versionSplit && <p className="progress-version-note" role="note">{t(uiLang, 'progress.versionSplitChart')}</p>}
      <div style={VISUALLY_HIDDEN}>
        <table>
          <caption>{chart.summary}</caption>
          <thead>
            <tr>
              <th scope="col">{t(uiLang, 'progress.table.date')}</th>
              <th scope="col">{t(uiLang, 'progress.table.value', { unit: chart.unitLabel })}</th>
              <th scope="col">{t(uiLang, 'progress.table.status')}</th>
              <th scope="col">{t(uiLang, 'progress.table.version')}</th>
            </tr>
          </thead>
          <tbody>
            {painted && chart.points.map((p) => (
              <tr key={p.takeId} data-take-id={p.takeId} data-value={formatNumber(p.value)}>
                <td>#{p.takeNumber} · {formatWhen(p.createdAt, uiLang)}</td>
                <td>{formatNumber(p.value)}{p.isBest ? ` (${t(uiLang, 'progress.bestMark')})` : ''}</td>
                <td>{statusLabel(uiLang, chart.guideline, p.status)}</td>
                <td>{p.analysisVersion}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
