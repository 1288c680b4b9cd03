/** The recording card: Start, the microphone's permission states, the count-in, live meters, elapsed time and Stop. */
import { useEffect, useId, useRef } from 'react';
import { useApp } from '../../services/app-context.ts';
import { formatClock } from '../../i18n/index.ts';
import { LevelMeter, type LevelMeterLabels } from '../../ui/LevelMeter.tsx';
import { PitchTrace } from '../../ui/PitchTrace.tsx';
import { micErrorMessages } from '../../services/error-messages.ts';
import { SILENCE_DBFS, type MeterBand } from '../../capture/level-meter-model.ts';
import { canStart, countInNumber, type PracticeState } from './practice-model.ts';
import { NO_SPEECH_STOP_SEC, SILENCE_STOP_SEC } from '../../capture/recording-model.ts';
import type { LiveSnapshot } from '../../capture/recording-session.ts';

/** Props of RecordPanel. */
export interface RecordPanelProps {
  state: PracticeState;
  live: LiveSnapshot | null;
  maxSec: number;
  /** The text of the status line (announced politely), or null. */
  status: string | null;
  /** Label of the start button (default "Start (Space)"). */
  startLabel?: string;
  /** Name of the card for assistive technology while no take is being recorded (default "Record a take"). */
  title?: string;
  /** The good zone of the level meter: the drill's volume band (default: the guidelines' band). */
  meterBand?: MeterBand;
  onStart: () => void;
  onSkipCountIn: () => void;
  onStop: () => void;
}

/** The recording card. */
export function RecordPanel({ state, live, maxSec, status, startLabel, title, meterBand, onStart, onSkipCountIn, onStop }: RecordPanelProps): React.JSX.Element {
  const { t } = useApp();
  const titleId = useId();
  const primary = useRef<HTMLButtonElement | null>(null);
  const { phase } = state;
  // Keyboard users keep their place: focus follows the one action that matters in each phase.
  useEffect(() => {
    if (phase === 'countIn' || phase === 'recording') primary.current?.focus();
  }, [phase]);

  const labels: LevelMeterLabels = {
    title: t('meter.level'),
    zones: { soft: t('meter.tooQuiet'), good: t('meter.good'), loud: t('meter.tooLoud') },
    valueText: (level, zone) => t('meter.zoneValue', { level, zone }),
  };
  const capturing = phase === 'countIn' || phase === 'recording';
  const pitchText = live?.pitchHz ? t('meter.pitchValue', { hz: Math.round(live.pitchHz) }) : t('meter.noPitch');

  return (
    <section className={`card record-card phase-${phase}`} aria-labelledby={titleId} data-phase={phase}>
      {/* "Recording" only while it is: idle, the card is named after what it is for. */}
      <h3 id={titleId} className="visually-hidden">{capturing ? t('practice.recording') : (title ?? t('practice.recorder'))}</h3>
      <p className="status-line" role="status" aria-live="polite" data-testid="status">{status ?? ''}</p>

      {canStart(state) && (
        <div className="record-start">
          <button type="button" className="record-button" onClick={onStart} data-action="start">
            <span className="record-dot" aria-hidden="true" />{startLabel ?? t('practice.start')}
          </button>
          <p className="hint">{t('practice.limits', { seconds: maxSec, silence: SILENCE_STOP_SEC })}</p>
        </div>
      )}

      {phase === 'asking' && <p className="guidance">{t('mic.asking')}</p>}

      {phase === 'micError' && state.micError && (
        <div className="guidance guidance-error" role="alert" data-mic-error={state.micError}>
          {micErrorMessages(state.micError).map((key, i) => (i === 0 && key.endsWith('.title') ? <h4 key={key}>{t(key)}</h4> : <p key={key}>{t(key)}</p>))}
        </div>
      )}

      {phase === 'countIn' && (
        <div className="count-in">
          <p className="count-in-number" aria-hidden="true">{countInNumber(state.countInRemainingSec)}</p>
          <p className="hint">{t('practice.countInHint')}</p>
          <button type="button" ref={primary} className="primary" onClick={onSkipCountIn} data-action="skip-count-in">{t('practice.skipCountIn')}</button>
        </div>
      )}

      {phase === 'recording' && (
        <div className="recording">
          <p className="elapsed"><span className="rec-indicator" aria-hidden="true" />{t('practice.elapsed', { time: formatClock(state.elapsedSec) })}</p>
          <button type="button" ref={primary} className="stop-button" onClick={onStop} data-action="stop">{t('practice.stop')}</button>
        </div>
      )}
      {/* Always in the page, so screen readers announce the warning when its text appears. */}
      <p className="notice notice-error" role="alert" data-testid="no-speech-warning" hidden={!(phase === 'recording' && state.noSpeechWarning)}>
        {phase === 'recording' && state.noSpeechWarning ? t('practice.noSpeechWarning', { seconds: NO_SPEECH_STOP_SEC }) : ''}
      </p>

      {capturing && (
        <div className="live-meters">
          <LevelMeter levelDbfs={live?.levelDbfs ?? SILENCE_DBFS} labels={labels} band={meterBand} />
          <div className="pitch-box">
            <div className="meter-head"><span className="meter-title">{t('meter.pitch')}</span><span className="pitch-now">{pitchText}</span></div>
            <PitchTrace points={live?.trace ?? []} label={t('app.labelled', { label: t('meter.pitch'), text: pitchText })} />
          </div>
          <p className="hint">{t('meter.liveNote')}</p>
        </div>
      )}

      {(phase === 'finishing' || phase === 'analysing') && <p className="working"><span className="spinner" aria-hidden="true" />{t('practice.analysing')}</p>}
    </section>
  );
}
