/**
 * One progress chart (uPlot): a guideline's stored values over time, the good band shaded, one line
 * per analysis version. The container carries data-guideline, data-unit and data-points (the values
 * exactly as stored); a visually hidden table gives the same points to screen readers. The table's rows
 * are rendered in the frame after the chart is drawn: with 1,000 takes, eleven tables of 1,000 rows
 * would otherwise hold back the first painted chart by most of a second (npm run bench:ui).
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type uPlot from 'uplot';
import { formatNumber, statusLabel, t, type UiLang } from '../../i18n/index.ts';
import { chartYRange, type ProgressChart as ChartModel } from './progress-model.ts';
import { bandPlugin } from './uplot-band.ts';
import { useUplot } from '../../ui/use-uplot.ts';

/** Props of ProgressChart. */
export interface ProgressChartProps {
  chart: ChartModel;
  uiLang: UiLang;
}

const HEIGHT_PX = 200;
/** Line colours per analysis version, the current (last) version darkest. */
const VERSION_COLORS = ['#9aa5b1', '#d67800', '#1a5fd0'];
const BAND_COLOR = 'rgba(46, 160, 67, 0.14)';

/** Styles that hide an element visually but keep it for screen readers. */
export const VISUALLY_HIDDEN: React.CSSProperties = {
  position: 'absolute', width: 1, height: 1, padding: 0, margin: -1, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap', border: 0,
};

/** A chart of one guideline. */
export function ProgressChart({ chart, uiLang }: ProgressChartProps): React.JSX.Element {
  const box = useRef<HTMLDivElement | null>(null);
  const data = useMemo(() => chart.data as uPlot.AlignedData, [chart]);
  const options = useMemo<Omit<uPlot.Options, 'width' | 'height'>>(() => {
    const colors = VERSION_COLORS.slice(-chart.versions.length);
    const [lo, hi] = chartYRange(chart.points.map((p) => p.value), chart.band);
    return {
      scales: { x: { time: true }, y: { range: () => [lo, hi] } },
      axes: [{}, { label: chart.unitLabel }],
      series: [{}, ...chart.seriesLabels.map((label, i) => ({
        label, stroke: colors[i] ?? '#1a5fd0', width: 2, spanGaps: false, points: { show: true, size: 7 },
      }))],
      plugins: chart.band ? [bandPlugin(chart.band, BAND_COLOR)] : [],
    };
  }, [chart]);
  useUplot(box, options, data, HEIGHT_PX);
  const [tableRows, setTableRows] = useState(false);
  useEffect(() => {
    // requestAnimationFrame runs before the next paint; the timeout after it lands once the chart is on screen.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => { timer = setTimeout(() => setTableRows(true), 0); });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, []);
  const dateTime = new Intl.DateTimeFormat(uiLang, { dateStyle: 'medium', timeStyle: 'short' });
  const points = chart.points.map((p) => ({ takeId: p.takeId, createdAt: p.createdAt, value: p.value, status: p.status, analysisVersion: p.analysisVersion }));

  return (
    <figure className="progress-chart" data-guideline={chart.guideline} data-unit={chart.unit} data-lang={chart.lang ?? ''}
      data-versions={chart.versions.join(' ')} data-points={JSON.stringify(points)} style={{ position: 'relative' }}>
      <figcaption>
        {chart.label} ({chart.unitLabel}){chart.experimental && <> — {t(uiLang, 'progress.experimental')}</>}
      </figcaption>
      <div ref={box} role="img" aria-label={chart.summary} />
      {chart.band && <p className="progress-band-note">{t(uiLang, chart.bandVaries ? 'progress.bandVaries' : 'progress.bandNote')}</p>}
      {chart.versionSplit && <p className="progress-version-note" role="note">{t(uiLang, 'progress.versionSplitChart')}</p>}
      <table style={VISUALLY_HIDDEN}>
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
          {tableRows && chart.points.map((p) => (
            <tr key={p.takeId} data-take-id={p.takeId} data-value={formatNumber(p.value)}>
              <td>{dateTime.format(new Date(p.createdAt))}</td>
              <td>{formatNumber(p.value)}{p.isBest ? ` (${t(uiLang, 'progress.bestMark')})` : ''}</td>
              <td>{statusLabel(uiLang, chart.guideline, p.status)}</td>
              <td>{p.analysisVersion}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
