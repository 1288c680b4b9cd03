/**
 * The scorecard of a take: headline, recording warnings, one row per guideline (value, target, result,
 * advice, change against the previous take and the best), the greeting's parts and the key words.
 * Rows carry data-guideline, data-status, data-value (the report's number as the CLI prints it) and
 * data-reason (what decided a status the value does not explain, shown as a sentence under the value).
 */
import { useEffect, useMemo, useRef } from 'react';
import type { Baseline } from '../../takes/index.ts';
import { useApp } from '../../services/app-context.ts';
import { routeHref } from '../../services/routes.ts';
import { formatSeconds, formatWhen } from '../../i18n/index.ts';
import { comparisonView, dataValue, rowComparisons, scorecardOf } from './scorecard-view-model.ts';
import type { AnalysedTake } from '../../takes/index.ts';
import { SCORECARD_MARK, STOP_MARK, STOP_TO_SCORECARD } from '../../capture/timing.ts';
import { TakeAudio } from './TakeAudio.tsx';
import { detailLines } from './details-model.ts';
import { TakeCompleteness } from './TakeCompleteness.tsx';

/** Props of ScorecardView. */
export interface ScorecardViewProps {
  analysed: AnalysedTake;
  baseline: Baseline | null;
  /** A take just recorded: measure stop → scorecard, and scroll the scorecard's top into view. */
  measureFromStop?: boolean;
  /** Link to the take's review (History), when the take is stored and the review is not on this screen. */
  reviewHref?: string | null;
  audio?: { samples: Float32Array; sampleRateHz: number } | null;
  actions?: React.ReactNode;
  /** Show the comparison with the previous and best takes (default true; off where the card scores no take of the drill, e.g. a call's greeting). */
  comparison?: boolean;
  /** Focus the heading when shown (default true; off where the card is one section of a longer page). */
  focusOnShow?: boolean;
  /** More findings shown after the key words (e.g. the comparison with a trainer's model take). */
  extra?: React.ReactNode;
}

/** The scorecard. */
export function ScorecardView({ analysed, baseline, measureFromStop, reviewHref = null, audio, actions, comparison: showComparison = true, focusOnShow = true, extra }: ScorecardViewProps): React.JSX.Element {
  const { t, uiLang } = useApp();
  const heading = useRef<HTMLHeadingElement | null>(null);
  const section = useRef<HTMLElement | null>(null);
  const { report, take, comparison } = analysed;
  const card = useMemo(() => scorecardOf(analysed, uiLang, baseline), [analysed, uiLang, baseline]);
  const compare = comparisonView(card, uiLang, comparison.previous?.createdAt ?? null, comparison.best?.createdAt ?? null);

  useEffect(() => {
    // On a phone the scorecard starts below the recorder: its top is brought up, not just its heading's last line.
    if (focusOnShow) heading.current?.focus({ preventScroll: measureFromStop === true });
    if (measureFromStop) section.current?.scrollIntoView({ block: 'start' });
    if (measureFromStop && performance.getEntriesByName(STOP_MARK, 'mark').length > 0) {
      performance.mark(SCORECARD_MARK);
      performance.measure(STOP_TO_SCORECARD, STOP_MARK, SCORECARD_MARK);
      performance.clearMarks(STOP_MARK);
    }
  }, [measureFromStop, analysed, focusOnShow]);

  return (
    <section ref={section} className="card scorecard" aria-labelledby="scorecard-title" data-testid="scorecard" data-take-id={take.id}>
      <h3 id="scorecard-title" ref={heading} tabIndex={-1}>{t('app.labelled', { label: t('scorecard.title'), text: card.title })}</h3>
      <p className="recorded-at">{t('scorecard.recordedAt', { when: formatWhen(take.createdAt, uiLang), seconds: formatSeconds(take.durationSec ?? report.durationSec) })}</p>
      <p className={`headline headline-${card.headline.kind}`} data-headline={card.headline.kind}>{card.headline.text}</p>
      <TakeCompleteness analysed={analysed} />

      {card.warnings.length > 0 && (
        <div className="warnings" aria-label={t('scorecard.warnings')}>
          {card.warnings.map((w) => (
            <div key={w.kind} className={`warning warning-${w.severity}`} data-warning={w.kind}>
              {w.title && <h4>{w.title}</h4>}
              <p>{w.text}</p>
              {w.reasons.length > 0 && <ul>{w.reasons.map((r) => <li key={r}>{r}</li>)}</ul>}
            </div>
          ))}
        </div>
      )}

      {card.needsCalibration && card.calibrationText && report.speechFound && (
        <p className="notice" data-notice="calibrate">{card.calibrationText} <a href={routeHref({ screen: 'settings' })}>{t('practice.calibrateNow')}</a></p>
      )}
      {card.staleAnalysis && <p className="notice">{t('scorecard.stale')}</p>}

      {showComparison && (
        <div className="comparison" data-testid="comparison">
          <p>{compare.previousText}</p>
          {compare.bestText && <p className={compare.newBest ? 'new-best' : undefined}>{compare.bestText}</p>}
        </div>
      )}

      <table className="score-table">
        <thead>
          <tr>
            <th scope="col">{t('scorecard.guideline')}</th>
            <th scope="col">{t('scorecard.measured')}</th>
            <th scope="col">{t('scorecard.target')}</th>
            <th scope="col">{t('scorecard.status')}</th>
            <th scope="col">{t('scorecard.advice')}</th>
          </tr>
        </thead>
        <tbody>
          {card.rows.map((row) => (
            <tr key={row.guideline} data-guideline={row.guideline} data-status={row.status} data-value={dataValue(row.value)} data-reason={row.reason ?? ''}>
              <th scope="row">
                {row.label}
                {!row.scored && <span className="tag">{t('scorecard.experimental')}</span>}
              </th>
              <td className="value" data-label={t('scorecard.measured')}>
                <span className="value-number">{row.valueText}</span>
                {row.reasonText && <span className="reason">{row.reasonText}</span>}
                {rowComparisons(row, uiLang).map((line) => <span key={line} className="delta">{line}</span>)}
              </td>
              <td data-label={t('scorecard.target')}>{row.bandText}</td>
              <td data-label={t('scorecard.status')}><span className={`pill status-${row.status}`}>{row.statusText}</span></td>
              <td className="advice" data-label={t('scorecard.advice')}>{row.advice}</td>
            </tr>
          ))}
        </tbody>
      </table>

      {card.parts.length > 0 && (
        <div className="findings">
          <h4>{t('scorecard.parts')}</h4>
          <ol className="parts">
            {card.parts.map((p) => (
              <li key={p.index} data-part={p.index} data-found={String(p.found)} data-pause-ok={p.pauseInBand === null ? '' : String(p.pauseInBand)}
                className={!p.found ? 'bad' : p.pauseInBand === false ? 'warn' : 'ok'}>
                {p.sentence}
              </li>
            ))}
          </ol>
        </div>
      )}

      {card.emphasis.length > 0 && (
        <div className="findings">
          <h4>{t('scorecard.emphasis')}</h4>
          {card.emphasis.every((e) => e.status === 'unmeasured') && <p className="hint">{t('scorecard.emphasisNote')}</p>}
          <p className="hint">{card.emphasisRule}</p>
          <ul className="emphasis">
            {card.emphasis.map((e) => (
              <li key={`${e.partIndex}-${e.word}`} data-word={e.word} data-status={e.status}>
                {e.sentence}
                {e.cues.length > 0 && (
                  <span className="cues">{e.cues.map((c) => <span key={c.cue} className="cue" data-cue={c.cue} data-held={String(c.held)}>{c.text}</span>)}</span>
                )}
                {e.note && <span className="cue-note">{e.note}</span>}
              </li>
            ))}
          </ul>
        </div>
      )}

      {extra}

      <details className="details" data-testid="details">
        <summary>{t('details.title')}</summary>
        <dl>
          {detailLines(report, uiLang).map((d) => (
            <div key={d.field} data-field={d.field} data-value={d.value}><dt>{d.label}</dt><dd>{d.text}</dd></div>
          ))}
        </dl>
      </details>

      <p className="hint">{t('scorecard.bandsNote')}</p>
      <div className="actions">
        {actions}
        {reviewHref && <a className="button-link" href={reviewHref} data-action="open-review">{t('scorecard.openReview')}</a>}
        {audio && <TakeAudio samples={audio.samples} sampleRateHz={audio.sampleRateHz} />}
      </div>
    </section>
  );
}
