/**
 * On a take's review, when this device has joined a team server and the audio choice is "ask": a button that queues
 * this take's audio for the server, then "Audio queued". Nothing is shown otherwise.
 */
import { useEffect, useState } from 'react';
import { t, type MessageKey, type UiLang } from '../../i18n/index.ts';
import { getSyncConfig, shareTakeAudio } from '../../team/index.ts';
import { teamErrorKey } from './team-model.ts';

type Phase = { kind: 'hidden' } | { kind: 'offer' } | { kind: 'busy' } | { kind: 'queued' } | { kind: 'failed'; key: MessageKey };

/** The button (TakeReview renders it with the take's id and the UI language). */
export function ShareTakeAudio({ takeId, uiLang }: { takeId: string; uiLang: UiLang }): React.JSX.Element | null {
  const [phase, setPhase] = useState<Phase>({ kind: 'hidden' });

  useEffect(() => {
    let live = true;
    getSyncConfig().then((config) => {
      if (live && config && config.token !== null && config.shareAudio === 'ask') setPhase({ kind: 'offer' });
    }, () => undefined);
    return () => { live = false; };
  }, [takeId]);

  if (phase.kind === 'hidden') return null;
  const share = async (): Promise<void> => {
    setPhase({ kind: 'busy' });
    try {
      await shareTakeAudio(takeId);
      setPhase({ kind: 'queued' });
    } catch (error) {
      setPhase({ kind: 'failed', key: teamErrorKey(error) });
    }
  };
  return (
    <div className="team-share-take" data-testid="team-share-take">
      {phase.kind === 'queued'
        ? <p className="ok-text" role="status">{t(uiLang, 'team.take.queued')}</p>
        : (
          <div className="actions">
            <button type="button" data-testid="team-share-take-button" disabled={phase.kind === 'busy'} onClick={() => void share()}>
              {phase.kind === 'busy' ? t(uiLang, 'team.take.busy') : t(uiLang, 'team.take.share')}
            </button>
          </div>
        )}
      {phase.kind === 'failed' && <p className="error-text" role="alert">{t(uiLang, phase.key)}</p>}
    </div>
  );
}
