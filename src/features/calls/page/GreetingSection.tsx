/**
 * The call's opening greeting (issue 11 point 4): the agent's first phrase group scored like a drill take,
 * shown with the practice screen's own scorecard, a button that plays it (the playhead moves there on the
 * timeline, also without audio), and a link to practise the drill. One sentence when there is none.
 */
import { useContext, useMemo } from 'react';
import { formatClock, t, type UiLang } from '../../../i18n/index.ts';
import { AppContext } from '../../../services/app-context.ts';
import { routeHref } from '../../../services/routes.ts';
import type { CallRecord } from '../../../storage/call-records.ts';
import { ScorecardView } from '../../practice/components.ts';
import { greetingOf, greetingTake } from './greeting-model.ts';

/** Props of GreetingSection. */
export interface GreetingSectionProps {
  lang: UiLang;
  call: CallRecord;
  /** Play the call from startSec and stop at endSec. */
  onPlay(startSec: number, endSec: number): void;
}

/** The opening greeting section of the call page. */
export function GreetingSection({ lang, call, onPlay }: GreetingSectionProps): React.JSX.Element {
  // The scorecard reads the app's services (its language, the store); a page mounted without the shell shows the rest.
  const app = useContext(AppContext);
  const found = useMemo(() => greetingOf(call), [call]);
  const analysed = useMemo(() => (found ? greetingTake(call, found.greeting, found.drill) : null), [call, found]);
  return (
    <section className="call-card call-greeting no-print" aria-labelledby="call-greeting-title" data-testid="call-greeting" data-drill-id={found?.drill.id ?? ''}>
      <h3 id="call-greeting-title">{t(lang, 'call.greeting.title')}</h3>
      {found === null || analysed === null ? <p data-testid="call-greeting-none">{t(lang, 'call.greeting.none')}</p> : (
        <>
          <p data-testid="call-greeting-span" data-start-sec={found.greeting.startSec} data-end-sec={found.greeting.endSec}>
            {t(lang, 'call.greeting.span', { start: formatClock(found.greeting.startSec), end: formatClock(found.greeting.endSec), drill: found.drill.title[lang] })}
          </p>
          <div className="call-greeting-actions">
            <button type="button" data-action="play-greeting" onClick={() => onPlay(found.greeting.startSec, found.greeting.endSec)}>{t(lang, 'call.greeting.play')}</button>
            <a className="button-link" data-action="practise-greeting" href={routeHref({ screen: 'drill', drillId: found.drill.id })}>{t(lang, 'call.greeting.practise')}</a>
          </div>
          {app !== null ? <ScorecardView analysed={analysed} baseline={found.greeting.baseline} comparison={false} focusOnShow={false} /> : null}
        </>
      )}
    </section>
  );
}
