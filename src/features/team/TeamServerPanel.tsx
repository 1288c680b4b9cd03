/**
 * Settings → Team server (issue 13): optional; the address, then joining with an invite code, then the joined view.
 * The header's sync chip opens it (team-focus.ts). Logic in team-model.ts; the service is src/team.
 */
import { useEffect, useRef, useState } from 'react';
import { useApp } from '../../services/app-context.ts';
import { JoinForm, OriginForm, TeamMessageLine, type TeamMessage } from './TeamConnect.tsx';
import { JoinedView, LeaveControl } from './TeamJoined.tsx';
import { onTeamFocusRequest } from './team-focus.ts';
import { useTeam } from './use-team.ts';
import './team.css';

/** The settings section. */
export function TeamServerPanel(): React.JSX.Element {
  const { t } = useApp();
  const { config, status, reload } = useTeam();
  const [message, setMessage] = useState<TeamMessage | null>(null);
  const heading = useRef<HTMLHeadingElement | null>(null);

  // The screen may still be settling (a lazy part shown later): try on the next frames until the heading takes it.
  useEffect(() => {
    let frame = 0;
    const tryFocus = (left: number): void => {
      const h = heading.current;
      if (h && h.getClientRects().length > 0) {
        h.scrollIntoView({ block: 'start' });
        h.focus();
        if (document.activeElement === h) return;
      }
      if (left > 0) frame = requestAnimationFrame(() => tryFocus(left - 1));
    };
    const unsubscribe = onTeamFocusRequest(() => tryFocus(60));
    return () => {
      unsubscribe();
      cancelAnimationFrame(frame);
    };
  }, []);

  const changed = (next: TeamMessage | null): void => {
    setMessage(next);
    reload();
  };

  return (
    <section className="card team-server" id="team-server" aria-labelledby="team-server-title" data-testid="team-server"
      data-state={config === undefined ? 'loading' : config === null ? 'none' : config.token === null ? 'saved' : 'joined'}>
      <h3 id="team-server-title" tabIndex={-1} ref={heading}>{t('team.title')}</h3>
      <p className="hint">{t('team.intro')}</p>
      {config === null && <OriginForm />}
      {config && (
        <p className="team-origin" data-testid="team-origin-current">{t('team.origin.current', { origin: config.origin })}</p>
      )}
      {config && config.token === null && (
        <>
          <JoinForm onJoined={changed} />
          <LeaveControl joined={false} pending={status.pending} onLeft={changed} />
        </>
      )}
      {config && config.token !== null && <JoinedView key={config.savedAt} config={config} status={status} onChanged={changed} />}
      <TeamMessageLine message={message} testId="team-message" />
    </section>
  );
}
