/**
 * The drill-down of one roster row: the agent's takes on the drill, oldest first, each with its time, the
 * drill version it was made on, every guideline's value and status, the comparison with the model take,
 * and a player when the agent included the audio. The players' object URLs are revoked on close. A row of the live
 * roster (team server) brings its takes along: no store read and no audio.
 */
import { useEffect, useRef, useState } from 'react';
import { formatSeconds, formatWhen, guidelineLabel } from '../../i18n/index.ts';
import type { ResultTake, RosterCell } from '../../packs/index.ts';
import { useApp } from '../../services/app-context.ts';
import type { RosterTakeWithAudio } from '../../storage/index.ts';
import { drillTitle } from './roster-model.ts';
import { ModelText, VerdictText } from './RosterTable.tsx';

/** Props of RosterTakes. */
export interface RosterTakesProps {
  cell: RosterCell;
  onClose: () => void;
  /** The row's takes from the team server, oldest first (live roster): shown as they are, without audio. */
  liveTakes?: readonly ResultTake[];
}

type Loaded = { phase: 'loading' } | { phase: 'error' } | { phase: 'done'; takes: RosterTakeWithAudio[]; urls: Map<string, string> };

/** The drill-down panel. */
export function RosterTakes({ cell, onClose, liveTakes }: RosterTakesProps): React.JSX.Element {
  const { t, uiLang, store } = useApp();
  const [state, setState] = useState<Loaded>({ phase: 'loading' });
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => { heading.current?.focus(); }, []);

  // Read once per row: a live row's takes come with it (a new array each render must not read again).
  const given = useRef(liveTakes);
  const isLive = liveTakes !== undefined;
  useEffect(() => {
    if (given.current !== undefined) {
      setState({ phase: 'done', takes: given.current.map((take) => ({ take, packId: cell.packId, packVersion: 0, audio: null })), urls: new Map() });
      return undefined;
    }
    if (!store) {
      setState({ phase: 'error' });
      return;
    }
    let live = true;
    const urls = new Map<string, string>();
    store.rosterTakesFor(cell.agentId, cell.packId, cell.drillId).then(
      (takes) => {
        if (!live) return;
        for (const take of takes) {
          if (take.audio) urls.set(take.take.takeId, URL.createObjectURL(new Blob([take.audio as Uint8Array<ArrayBuffer>], { type: 'audio/wav' })));
        }
        setState({ phase: 'done', takes, urls });
      },
      () => { if (live) setState({ phase: 'error' }); },
    );
    return () => {
      live = false;
      for (const url of urls.values()) URL.revokeObjectURL(url);
    };
  }, [store, cell.agentId, cell.packId, cell.drillId]);

  const title = t('roster.takes.title', { agent: cell.agentName || cell.agentId, drill: drillTitle(cell, uiLang) });
  return (
    <section className="card roster-takes" data-testid="roster-takes" aria-labelledby="roster-takes-title"
      onKeyDown={(e) => { if (e.key === 'Escape') onClose(); }}>
      <div className="roster-takes-head">
        <h3 id="roster-takes-title" tabIndex={-1} ref={heading}>{title}</h3>
        <button type="button" data-action="close-takes" onClick={onClose}>{t('roster.takes.close')}</button>
      </div>
      {state.phase === 'loading' && <p role="status">{t('roster.takes.loading')}</p>}
      {state.phase === 'error' && <p role="alert" className="notice notice-error">{t('roster.takes.error')}</p>}
      {state.phase === 'done' && (
        <ol className="roster-take-list">
          {state.takes.map(({ take }, i) => {
            const url = state.urls.get(take.takeId);
            return (
              <li key={take.takeId} data-take-id={take.takeId} data-drill-version={take.drillVersion}>
                <h4>{t('roster.takes.take', { n: i + 1 })}</h4>
                <p>
                  <time dateTime={take.createdAt}>{formatWhen(take.createdAt, uiLang)}</time>
                  {' · '}{t('roster.takes.version', { n: take.drillVersion })}
                  {take.durationSec !== null && <>{' · '}{t('roster.takes.duration', { seconds: formatSeconds(take.durationSec) })}</>}
                </p>
                {!take.speechFound && <p className="notice">{t('roster.takes.noSpeech')}</p>}
                <div className="roster-scroll">
                  <table className="roster-take-values">
                    <thead>
                      <tr><th scope="col">{t('scorecard.guideline')}</th><th scope="col">{t('roster.takes.value')}</th></tr>
                    </thead>
                    <tbody>
                      {take.verdicts.map((v) => (
                        <tr key={v.guideline} data-guideline={v.guideline}>
                          <th scope="row">{guidelineLabel(uiLang, v.guideline)}</th>
                          <td><VerdictText verdict={v} guideline={v.guideline} /></td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
                <ModelText model={take.model} />
                {url
                  ? <audio controls preload="metadata" src={url} aria-label={t('roster.takes.audio', { n: i + 1 })} data-take-audio={take.takeId} />
                  : <p className="hint">{isLive ? t('team.roster.noAudio') : t('roster.takes.noAudio')}</p>}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
