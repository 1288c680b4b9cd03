/**
 * The agent's turns: play one, or "practise this phrase" (the script typed) to make a drill of it. On a
 * mono call (`marking`) every turn is listed with who spoke, and each can be said to be the other side's.
 */
import { memo, useState } from 'react';
import { formatClock, t, type UiLang } from '../../../i18n/index.ts';
import type { CallTurn } from './call-types.ts';
import { round } from './summary-model.ts';

/** Props of TurnList. */
export interface TurnListProps {
  lang: UiLang;
  turns: readonly CallTurn[];
  onPlay(timeSec: number): void;
  /** Rejects when the drill could not be made (with PractiseRefused when the script is the reason). */
  onPractise(turnIndex: number, script: string | null): Promise<void>;
  /** A mono call: all turns listed, each with "this was me / the customer"; absent: the agent's turns only. */
  marking?: TurnMarking;
}

/** Correcting who spoke a turn (a mono call). */
export interface TurnMarking {
  /** Null: the buttons are offered; else the sentence saying why not (the audio was not kept). */
  unavailable: string | null;
  /** A re-analysis is running: the buttons wait. */
  busy: boolean;
  onMark(turnIndex: number, side: 'agent' | 'customer'): void;
}

/** The drill was refused for its script; the message is a sentence in the UI language. */
export class PractiseRefused extends Error {
  override readonly name = 'PractiseRefused';
}

function PractiseForm({ lang, turn, index, onPractise, onClose }: { lang: UiLang; turn: CallTurn; index: number; onPractise: TurnListProps['onPractise']; onClose(): void }): React.JSX.Element {
  const [script, setScript] = useState('');
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const id = `call-practise-${index}`;
  return (
    <form
      className="call-practise"
      aria-labelledby={`${id}-title`}
      onSubmit={(e) => {
        e.preventDefault();
        setBusy(true);
        setFailed(null);
        onPractise(index, script.trim() === '' ? null : script.trim()).then(onClose, (e: unknown) => {
          setFailed(e instanceof PractiseRefused ? e.message : t(lang, 'call.practise.error'));
        }).finally(() => setBusy(false));
      }}
    >
      <p id={`${id}-title`}><strong>{t(lang, 'call.practise.title', { time: formatClock(turn.startSec) })}</strong></p>
      <label className="field">
        <span>{t(lang, 'call.practise.script')}</span>
        <textarea name="practise-script" rows={2} value={script} onChange={(e) => setScript(e.target.value)} aria-describedby={`${id}-hint`} autoFocus />
      </label>
      <p id={`${id}-hint`} className="muted">{t(lang, 'call.practise.hint')}</p>
      <div className="call-buttons">
        <button type="submit" className="primary" data-action="practise-start" disabled={busy}>{t(lang, 'call.practise.start')}</button>
        <button type="button" onClick={onClose}>{t(lang, 'call.practise.cancel')}</button>
      </div>
      {failed !== null ? <p role="alert" className="call-error" data-practise-error="">{failed}</p> : null}
    </form>
  );
}

/** The agent turns list (a mono call: every turn, with who spoke), folded by default (a long call has hundreds). */
export const TurnList = memo(function TurnList({ lang, turns, onPlay, onPractise, marking }: TurnListProps): React.JSX.Element {
  const [open, setOpen] = useState<number | null>(null);
  // The turn last marked: while its re-analysis runs, its row says so (the voice card announces the progress).
  const [marked, setMarked] = useState<number | null>(null);
  const all = turns.map((turn, index) => ({ turn, index }));
  const shown = marking ? all : all.filter(({ turn }) => turn.speaker === 'agent');
  return (
    <section className="call-card call-turns">
      <details>
        <summary><h3>{marking ? t(lang, 'call.turns.allTitle', { count: shown.length }) : t(lang, 'call.turns.title', { count: shown.length })}</h3></summary>
        {marking?.unavailable ? <p className="call-note" data-marking-unavailable="">{marking.unavailable}</p> : null}
        <ol className="call-turn-list" data-testid="call-turn-list">
          {shown.map(({ turn, index }) => {
            const mine = turn.speaker === 'agent';
            const time = formatClock(turn.startSec);
            return (
              <li key={index} data-turn-index={index} data-speaker={turn.speaker}>
                <div className="call-turn-row" data-speaker={turn.speaker}>
                  <button type="button" className="call-time-button" aria-label={t(lang, 'call.turns.play', { time })} onClick={() => onPlay(turn.startSec)}>
                    {time}
                  </button>
                  {marking ? <span className="call-turn-who">{t(lang, mine ? 'call.lane.agent' : 'call.lane.customer')}</span> : null}
                  <span className="muted">
                    {t(lang, 'call.turns.row', {
                      start: time, end: formatClock(turn.endSec),
                      rate: turn.syllablesPerSec === null ? t(lang, 'call.turns.noRate') : t(lang, 'call.turns.rate', { rate: String(round(turn.syllablesPerSec)) }),
                    })}
                  </span>
                  {mine ? (
                    <button type="button" data-action="practise-phrase" aria-expanded={open === index} onClick={() => setOpen(open === index ? null : index)}>
                      {t(lang, 'call.practise.open')}
                    </button>
                  ) : null}
                  {marking && marking.unavailable === null ? (
                    <button
                      type="button" data-action={mine ? 'mark-customer' : 'mark-me'} disabled={marking.busy}
                      aria-label={t(lang, mine ? 'call.turns.markCustomerLabel' : 'call.turns.markMeLabel', { time })}
                      onClick={() => { setMarked(index); marking.onMark(index, mine ? 'customer' : 'agent'); }}
                    >{t(lang, mine ? 'call.turns.markCustomer' : 'call.turns.markMe')}</button>
                  ) : null}
                  {marking?.busy && marked === index ? <span className="muted" data-marking-busy="">{t(lang, 'call.turns.marking')}</span> : null}
                </div>
                {open === index ? <PractiseForm lang={lang} turn={turn} index={index} onPractise={onPractise} onClose={() => setOpen(null)} /> : null}
              </li>
            );
          })}
        </ol>
      </details>
    </section>
  );
});
