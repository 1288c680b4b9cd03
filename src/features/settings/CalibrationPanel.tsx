/** Calibration: read one neutral sentence; its median pitch and active level become the agent's baseline. */
import { useEffect, useRef } from 'react';
import { useApp } from '../../services/app-context.ts';
import { formatNumber, formatWhen } from '../../i18n/index.ts';
import { baselineIsStale } from '../../storage/index.ts';
import { RecordPanel } from '../practice/components.ts';
import { spaceAction, statusMessage } from '../practice/index.ts';
import { MAX_TAKE_SEC } from '../../capture/recording-model.ts';
import { useSpaceKey } from '../practice/components.ts';
import { useCalibration } from './use-calibration.ts';

/** Props of CalibrationPanel. */
export interface CalibrationPanelProps {
  /** Called once a baseline was saved. */
  onDone?: () => void;
  /** Extra actions (e.g. "Skip for now" on the first run). */
  extra?: React.ReactNode;
  /** Move the focus to the card's title when it appears (the first run's step 2, after Continue). */
  focusTitle?: boolean;
}

/** The calibration card. */
export function CalibrationPanel({ onDone, extra, focusTitle = false }: CalibrationPanelProps): React.JSX.Element {
  const { t, uiLang, profile } = useApp();
  const c = useCalibration(onDone);
  useSpaceKey(() => {
    const action = spaceAction(c.state);
    if (action === 'start') c.start();
    else if (action === 'skipCountIn') c.skipCountIn();
    else if (action === 'stop') c.stop();
    return action !== null;
  });
  const title = useRef<HTMLHeadingElement | null>(null);
  const outcome = useRef<HTMLParagraphElement | null>(null);
  useEffect(() => { if (focusTitle) title.current?.focus(); }, [focusTitle]);
  // The Stop button is gone once the reading is analysed: the outcome takes the focus, not <body>.
  useEffect(() => { if (c.outcome) outcome.current?.focus(); }, [c.outcome]);
  const baseline = profile.baseline;
  const message = statusMessage(c.state);
  return (
    <section className="card calibration" aria-labelledby="calibrate-title" data-testid="calibration">
      <h3 id="calibrate-title" ref={title} tabIndex={-1}>{t('calibrate.title')}</h3>
      <p>{t('calibrate.instructions')}</p>
      <p className="calibrate-label">{t('calibrate.readThis')}</p>
      <blockquote className="script" lang={profile.scriptLang === 'zh' ? 'zh-CN' : 'en'}>{c.sentence}</blockquote>
      <p className="baseline-now" data-testid="baseline">
        {baseline
          ? t('settings.baseline', { hz: formatNumber(baseline.medianHz), level: formatNumber(baseline.activeLevelDbfs), when: baseline.recordedAt ? formatWhen(baseline.recordedAt, uiLang) : '—' })
          : t('settings.noBaseline')}
      </p>
      {baseline && baselineIsStale(baseline) && <p className="notice">{t('calibrate.stale')}</p>}
      <RecordPanel state={c.state} live={c.live} maxSec={MAX_TAKE_SEC.greeting3} status={message ? t(message.key, message.params) : null} startLabel={t('calibrate.start')} title={t('calibrate.recorder')}
        onStart={c.start} onSkipCountIn={c.skipCountIn} onStop={c.stop} />
      {c.outcome && <p ref={outcome} tabIndex={-1} data-testid="calibration-outcome" role={c.outcome.ok ? 'status' : 'alert'} className={c.outcome.ok ? 'ok-text' : 'notice notice-error'}>{c.outcome.text}</p>}
      {extra && <div className="actions">{extra}</div>}
    </section>
  );
}
