/** Delete one agent's results from the roster, after a confirmation step (nothing happens on Cancel). */
import { useState } from 'react';
import type { RosterCell } from '../../packs/index.ts';
import { useApp } from '../../services/app-context.ts';
import { rosterAgents } from './roster-model.ts';

/** Props of RosterDelete. */
export interface RosterDeleteProps {
  cells: readonly RosterCell[];
  onDelete: (agentId: string) => Promise<number>;
}

/** The delete card. */
export function RosterDelete({ cells, onDelete }: RosterDeleteProps): React.JSX.Element {
  const { t, uiLang } = useApp();
  const agents = rosterAgents(cells, uiLang);
  const [chosen, setChosen] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const agentId = agents.some((a) => a.agentId === chosen) ? chosen : agents[0]?.agentId ?? '';
  const agent = agents.find((a) => a.agentId === agentId);
  const name = agent ? agent.agentName || agent.agentId : '';

  return (
    <section className="card roster-delete" aria-labelledby="roster-delete-title">
      <h3 id="roster-delete-title">{t('roster.delete.title')}</h3>
      <div className="roster-controls">
        <label className="field">
          <span>{t('roster.delete.agent')}</span>
          <select data-testid="roster-delete-agent" value={agentId} onChange={(e) => { setChosen(e.currentTarget.value); setConfirming(false); }}>
            {agents.map((a) => <option key={a.agentId} value={a.agentId}>{a.agentName || a.agentId}</option>)}
          </select>
        </label>
        {!confirming && <button type="button" data-action="roster-delete" onClick={() => { setConfirming(true); setMessage(null); }}>{t('roster.delete.button')}</button>}
      </div>
      {confirming && agent && (
        <div role="alertdialog" aria-labelledby="roster-delete-ask" className="notice">
          <p id="roster-delete-ask">{t('roster.delete.confirm', { agent: name })}</p>
          <button type="button" className="danger" data-action="roster-delete-confirm" autoFocus onClick={() => {
            setConfirming(false);
            onDelete(agent.agentId).then(
              (count) => setMessage({ text: t('roster.delete.done', { count, agent: name }), error: false }),
              () => setMessage({ text: t('roster.delete.error', { agent: name }), error: true }),
            );
          }}>{t('roster.delete.yes')}</button>{' '}
          <button type="button" data-action="roster-delete-cancel" onClick={() => setConfirming(false)}>{t('roster.delete.no')}</button>
        </div>
      )}
      {message && <p role={message.error ? 'alert' : 'status'} className={`notice ${message.error ? 'notice-error' : 'notice-ok'}`}>{message.text}</p>}
    </section>
  );
}
