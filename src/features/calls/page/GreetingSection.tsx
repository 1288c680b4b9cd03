/**
 * The call's opening greeting (issue 11 point 4): the agent's first phrase group scored like a drill take,
 * shown with the practice screen's own scorecard, a button that plays it (the playhead moves there on the
 * timeline, also without audio), and a link to practise the drill. One sentence when there is none. A call
 * imported before greetings were scored can have its greeting scored now from its kept audio (the template
 * chosen as on the import card; the call is analysed again with the same choice of voices).
 */
import { useContext, useMemo, useState } from 'react';
import { monoChoiceOf } from '../../../calls/index.ts';
import { loadCallPreferences, saveCallPreferences, type CallPreferences } from '../../../services/call-preferences.ts';
import { browserStorage } from '../../../services/preferences.ts';
import { toBaseline } from '../../../takes/index.ts';
import { GreetingChoice } from '../GreetingChoice.tsx';
import { importGreeting } from '../greeting-import-model.ts';
import type { PageReanalyse } from './CallPage.tsx';
import { ReanalyseStatus } from './VoiceCheck.tsx';
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
  /** Analysing the call again from its kept audio; absent: not offered (no audio kept). */
  reanalyse?: PageReanalyse;
}

/** "Score the greeting now" for a call imported before greetings were scored (needs the app's profile and the kept audio). */
function ScoreLater({ lang, call, reanalyse }: { lang: UiLang; call: CallRecord; reanalyse: PageReanalyse }): React.JSX.Element | null {
  const app = useContext(AppContext);
  const [prefs, setPrefs] = useState<CallPreferences>(() => loadCallPreferences(browserStorage()));
  if (app === null) return null;
  const running = reanalyse.state.phase === 'running';
  const onPrefs = (next: CallPreferences): void => {
    setPrefs(next);
    const storage = browserStorage();
    if (storage) saveCallPreferences(storage, next);
  };
  const score = (): void => {
    const greeting = { ...importGreeting(call.lang, prefs, app.profile.fills[call.lang]).choice, baseline: toBaseline(app.profile.baseline) };
    reanalyse.start(monoChoiceOf(call), greeting);
  };
  return (
    <div className="call-greeting-later" data-testid="call-greeting-later">
      <GreetingChoice prefs={prefs} lang={call.lang} disabled={running} onPrefs={onPrefs} />
      <button type="button" className="primary" data-action="score-greeting" disabled={running} onClick={score}>{t(lang, 'call.greeting.scoreNow')}</button>
      <ReanalyseStatus lang={lang} fileName={call.fileName} state={reanalyse.state} onCancel={reanalyse.cancel} />
    </div>
  );
}

/** The opening greeting section of the call page. */
export function GreetingSection({ lang, call, onPlay, reanalyse }: GreetingSectionProps): React.JSX.Element {
  // The scorecard reads the app's services (its language, the store); a page mounted without the shell shows the rest.
  const app = useContext(AppContext);
  const found = useMemo(() => greetingOf(call), [call]);
  const analysed = useMemo(() => (found ? greetingTake(call, found.greeting, found.drill) : null), [call, found]);
  return (
    <section className="call-card call-greeting no-print" aria-labelledby="call-greeting-title" data-testid="call-greeting" data-drill-id={found?.drill.id ?? ''}>
      <h3 id="call-greeting-title">{t(lang, 'call.greeting.title')}</h3>
      {call.greeting === undefined ? (
        // Imported before greetings were scored: never "you did not speak".
        <>
          <p data-testid="call-greeting-none" data-greeting-never-scored="">{t(lang, reanalyse ? 'call.greeting.notScored' : 'call.greeting.notScoredNoAudio')}</p>
          {reanalyse ? <ScoreLater lang={lang} call={call} reanalyse={reanalyse} /> : null}
        </>
      ) : found === null || analysed === null ? <p data-testid="call-greeting-none">{t(lang, 'call.greeting.none')}</p> : (
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
