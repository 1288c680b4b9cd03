/**
 * The take compared with the drill's model take on the scorecard: rate and pitch-variety ratios, the melody
 * difference and both contours aligned over the speech (src/takes/model-comparison.ts computes them).
 */
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { useApp } from '../../services/app-context.ts';
import { compareWithModel, speechSpanContour, type AnalysisReport } from '../../takes/index.ts';
import type { PackModelRecord } from '../../storage/index.ts';

const ModelContourChart = lazy(() => import('./ModelContourChart.tsx'));

/** Props of ModelComparisonView. */
export interface ModelComparisonViewProps {
  packId: string;
  drillId: string;
  /** The version of the drill the take was recorded on. */
  drillVersion: number;
  report: AnalysisReport;
}

const fmt = (x: number | null, digits: number, unknown: string): string => (x === null ? unknown : x.toFixed(digits));

/** The comparison (nothing while the model is read; a sentence when it cannot be compared). */
export function ModelComparisonView({ packId, drillId, drillVersion, report }: ModelComparisonViewProps): React.JSX.Element | null {
  const { t, store } = useApp();
  const [model, setModel] = useState<PackModelRecord | null | undefined>(undefined);
  useEffect(() => {
    if (!store) return;
    let live = true;
    store.listAssignedModels(packId).then((ms) => { if (live) setModel(ms.find((m) => m.drillId === drillId) ?? null); }, () => { if (live) setModel(null); });
    return () => { live = false; };
  }, [store, packId, drillId]);
  const modelReport = model?.report ?? null;
  const comparison = useMemo(() => (modelReport && model?.drillVersion === drillVersion ? compareWithModel(report, modelReport) : null), [report, modelReport, model, drillVersion]);
  const contours = useMemo(() => {
    if (!comparison || !modelReport) return null;
    const a = speechSpanContour(report);
    const b = speechSpanContour(modelReport);
    return a && b ? { take: a, model: b } : null;
  }, [comparison, report, modelReport]);
  if (model === undefined || model === null) return null;
  const unknown = t('model.unknown');
  return (
    <div className="findings model-comparison" data-testid="model-comparison" data-rate-ratio={comparison?.rateRatio ?? ''}
      data-pitch-variety-ratio={comparison?.pitchVarietyRatio ?? ''} data-contour-distance-st={comparison?.contourDistanceSt ?? ''}>
      <h4>{t('model.title')}</h4>
      {comparison === null
        ? <p>{t(model.drillVersion !== drillVersion ? 'model.otherVersion' : 'model.pending')}</p>
        : (
          <ul>
            <li>{t('model.rate', { ratio: fmt(comparison.rateRatio, 2, unknown) })}</li>
            <li>{t('model.variety', { ratio: fmt(comparison.pitchVarietyRatio, 2, unknown) })}</li>
            <li>{t('model.contour', { st: fmt(comparison.contourDistanceSt, 1, unknown) })}</li>
          </ul>
        )}
      {contours && <Suspense fallback={null}><ModelContourChart take={contours.take} model={contours.model} /></Suspense>}
    </div>
  );
}
