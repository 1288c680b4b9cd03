/**
 * The call's summary, which is also the printed one-page report: talk share, pace over the call and per
 * exchange, response gaps, the longest monologue, and each kind of finding in plain words with what to change.
 */
import { memo, useMemo } from 'react';
import { formatClock, formatSeconds, joinList, t, type UiLang } from '../../../i18n/index.ts';
import type { CallGreetingRecord } from '../../../storage/call-records.ts';
import type { CallReport } from './call-types.ts';
import { greetingVerdict } from './greeting-model.ts';
import { findingGroups, longestAgentTurn, responseSummary, round, talkSharePercent } from './summary-model.ts';

/** How many moments of one kind the summary lists (the jump list has them all). */
const MOMENTS_SHOWN = 6;

/** Props of CallSummary. */
export interface CallSummaryProps {
  lang: UiLang;
  report: CallReport;
  /** The opening greeting scored at import (null: none); absent: no line. */
  greeting?: CallGreetingRecord | null;
}

const num = (v: number | null): string => (v === null ? '—' : String(v));

/** The summary section. */
export const CallSummary = memo(function CallSummary({ lang, report, greeting }: CallSummaryProps): React.JSX.Element {
  const share = useMemo(() => talkSharePercent(report.talkShare), [report]);
  const responses = useMemo(() => responseSummary(report.responses), [report]);
  const groups = useMemo(() => findingGroups(report.findings), [report]);
  const longest = useMemo(() => longestAgentTurn(report), [report]);
  const statusCounts = useMemo(() => {
    const c = { good: 0, borderline: 0, mismatch: 0 };
    for (const e of report.pace.exchanges) c[e.status]++;
    return c;
  }, [report]);
  const pace = report.pace;
  return (
    <section className="call-card call-summary" aria-labelledby="call-summary-title" data-testid="call-summary">
      <h3 id="call-summary-title">{t(lang, 'call.summary.title')}</h3>
      <h4>{t(lang, 'call.share.title')}</h4>
      <div className="call-share-bar" aria-hidden="true">
        <span className="agent" style={{ width: `${share.agent}%` }} />
        <span className="customer" style={{ width: `${share.customer}%` }} />
        <span className="silence" style={{ width: `${share.silence}%` }} />
      </div>
      <p className="call-share-legend" data-testid="call-share">
        <span className="agent">{t(lang, 'call.share.agent', { pct: share.agent })}</span>
        <span className="customer">{t(lang, 'call.share.customer', { pct: share.customer })}</span>
        <span className="silence">{t(lang, 'call.share.silence', { pct: share.silence })}</span>
      </p>
      {share.overlap > 0 ? <p className="muted">{t(lang, 'call.share.overlap', { pct: share.overlap })}</p> : null}

      <h4>{t(lang, 'call.pace.title')}</h4>
      <p>
        {pace.agentSyllablesPerSec !== null && pace.customerSyllablesPerSec !== null && pace.ratio !== null
          ? t(lang, 'call.pace.line', { agent: num(round(pace.agentSyllablesPerSec)), customer: num(round(pace.customerSyllablesPerSec)), ratio: num(round(pace.ratio, 2)) })
          : t(lang, 'call.pace.unknown')}
      </p>
      {pace.exchanges.length > 0 ? (
        <details className="call-exchanges">
          <summary>
            {t(lang, 'call.pace.exchanges')}: {t(lang, 'call.pace.good')} {statusCounts.good} · {t(lang, 'call.pace.borderline')} {statusCounts.borderline} · {t(lang, 'call.pace.mismatch')} {statusCounts.mismatch}
          </summary>
          <ul>
            {pace.exchanges.map((e) => (
              <li key={e.agentTurn} className={`pace-${e.status}`}>
                {t(lang, 'call.pace.exchange', {
                  time: formatClock(report.turns[e.agentTurn]?.startSec ?? 0),
                  customer: num(round(e.customerSyllablesPerSec)),
                  agent: num(round(e.agentSyllablesPerSec)),
                  ratio: num(round(e.ratio, 2)),
                  status: t(lang, `call.pace.${e.status}`),
                })}
              </li>
            ))}
          </ul>
        </details>
      ) : null}

      <div className="call-facts">
        <div>
          <h4>{t(lang, 'call.responses.title')}</h4>
          <p>
            {responses.count === 0 ? t(lang, 'call.responses.none') : t(lang, 'call.responses.line', {
              median: formatSeconds(responses.medianSec ?? 0), max: formatSeconds(responses.maxSec ?? 0),
              count: responses.count, slow: responses.slowCount, limit: responses.slowAboveSec,
            })}
          </p>
        </div>
        <div>
          <h4>{t(lang, 'call.monologue.title')}</h4>
          <p>{longest ? t(lang, 'call.monologue.line', { sec: formatSeconds(longest.sec), time: formatClock(report.turns[longest.index].startSec) }) : t(lang, 'call.monologue.none')}</p>
        </div>
      </div>

      {greeting !== undefined ? <GreetingLine lang={lang} greeting={greeting} /> : null}

      <h4>{t(lang, 'call.findings.title')}</h4>
      {groups.length === 0 ? <p>{t(lang, 'call.findings.none')}</p> : (
        <ul className="call-finding-groups" data-testid="call-finding-groups">
          {groups.map((g) => (
            <li key={g.id} data-finding-id={g.id} data-count={g.count}>
              <p>
                <strong>{t(lang, `call.finding.${g.id}.name`)}</strong>{' '}
                <span className="muted">{t(lang, 'call.findings.count', { count: g.count, sec: formatSeconds(g.totalSec) })}</span>{' '}
                <span className="muted call-moments">
                  ({g.indexes.slice(0, MOMENTS_SHOWN).map((i) => formatClock(report.findings[i].startSec)).join(' · ')}
                  {g.indexes.length > MOMENTS_SHOWN ? ' …' : ''})
                </span>
              </p>
              <p>{t(lang, `call.finding.${g.id}.what`)} <strong>{t(lang, `call.finding.${g.id}.change`)}</strong></p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
});

// The opening greeting's overall verdict in one line (the section above the reflection holds its scorecard).
function GreetingLine({ lang, greeting }: { lang: UiLang; greeting: CallGreetingRecord | null }): React.JSX.Element {
  const verdict = greeting ? greetingVerdict(greeting, lang) : null;
  return (
    <>
      <h4>{t(lang, 'call.greeting.title')}</h4>
      <p data-testid="call-summary-greeting" data-good={verdict?.good ?? ''} data-total={verdict?.total ?? ''}>
        {greeting && verdict
          ? t(lang, 'call.greeting.summary', { start: formatClock(greeting.startSec), end: formatClock(greeting.endSec), good: verdict.good, total: verdict.total })
          : t(lang, 'call.greeting.none')}
        {verdict && verdict.toChange.length > 0 ? <> {t(lang, 'call.greeting.toChange', { list: joinList(lang, verdict.toChange) })}</> : null}
      </p>
    </>
  );
}
