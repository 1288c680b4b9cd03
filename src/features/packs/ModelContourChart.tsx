/** The agent's and the model's pitch contours over their time-normalised speech spans (loaded on demand: uPlot). */
import { useMemo, useRef } from 'react';
import type uPlot from 'uplot';
import { unitLabel } from '../../i18n/index.ts';
import { useApp } from '../../services/app-context.ts';
import { useUplot } from '../../ui/use-uplot.ts';
import type { ModelGridContour } from '../../takes/index.ts';

const CHART_HEIGHT_PX = 180;

/** The chart of both contours (semitones against each one's own median). */
export default function ModelContourChart({ take, model }: { take: ModelGridContour; model: ModelGridContour }): React.JSX.Element {
  const { t, uiLang } = useApp();
  const box = useRef<HTMLDivElement | null>(null);
  const data = useMemo(() => {
    const n = take.semitones.length;
    return [Array.from({ length: n }, (_, i) => (100 * i) / (n - 1)), take.semitones, model.semitones] as uPlot.AlignedData;
  }, [take, model]);
  const options = useMemo<Omit<uPlot.Options, 'width' | 'height'>>(() => ({
    scales: { x: { time: false } },
    axes: [{ label: '%' }, { label: unitLabel(uiLang, 'st') }],
    // uPlot's own legend prints "--" without a cursor; the two lines below name the series.
    legend: { show: false },
    series: [{}, { label: t('model.you'), stroke: '#1a5fd0', width: 2 }, { label: t('model.model'), stroke: '#d67800', width: 2, dash: [6, 4] }],
  }), [t, uiLang]);
  useUplot(box, options, data, CHART_HEIGHT_PX);
  return (
    <>
      <div ref={box} className="model-chart" role="img" aria-label={t('model.chart')} />
      <ul className="compare-legend">
        <li><span className="compare-swatch" aria-hidden="true" /> {t('model.you')}</li>
        <li><span className="compare-swatch compare-swatch-other" aria-hidden="true" /> {t('model.model')}</li>
      </ul>
    </>
  );
}
