/**
 * "Which voice is you?" for a mono call: each voice the diarisation found with a sample to listen to and
 * "This is me" (the call is analysed again with that voice as the agent's); when the engine could not
 * tell the voices apart it says so, and the voice can still be heard. Shown after an import (the file
 * still in memory) and on the call's page (its kept audio). The re-analysis's progress, Cancel and
 * outcome are shown here too.
 */
import { formatClock, t, type UiLang } from '../../../i18n/index.ts';
import { canChooseVoice, type CallVoices } from '../../../calls/index.ts';
import { failureKind, failureText, progressFraction, progressText } from '../calls-model.ts';
import type { ReanalyseState } from '../use-call-reanalyse.ts';
import { useClipPlayer } from './use-clip-player.ts';
import './calls.css';
import './voices.css';

/** Props of VoiceCheck. */
export interface VoiceCheckProps {
  lang: UiLang;
  fileName: string;
  voices: CallVoices;
  /** The call's audio (the imported file or the kept audio); null: only the analysis was kept. */
  audio: Blob | null;
  /** Turns the agent corrected (said so under the voices). */
  corrections: number;
  state: ReanalyseState;
  /** Analyse the call again with voice `speaker` as the agent's; absent: choosing is not offered. */
  onChoose?(speaker: 0 | 1): void;
  onCancel(): void;
}

/** The re-analysis's progress with Cancel, or its outcome in one sentence. */
export function ReanalyseStatus({ lang, fileName, state, onCancel }: Pick<VoiceCheckProps, 'lang' | 'fileName' | 'state' | 'onCancel'>): React.JSX.Element | null {
  if (state.phase === 'running') {
    const p = state.progress ?? { phase: 'reading' as const, fedSec: 0, durationSec: null };
    return (
      <div role="status" className="call-progress" data-testid="call-reanalyse-progress">
        <progress max={1} value={progressFraction(p) ?? undefined} aria-label={t(lang, 'calls.progress.label')} />
        <p>{progressText(lang, fileName, state.progress, Date.now() - state.startedAtMs)}</p>
        <button type="button" data-action="cancel-reanalyse" onClick={onCancel}>{t(lang, 'calls.cancel')}</button>
      </div>
    );
  }
  if (state.phase === 'failed') return <p role="alert" className="call-error" data-reanalyse="failed" data-call-error={failureKind(state.error)}>{failureText(lang, fileName, state.error)}</p>;
  if (state.phase === 'cancelled') return <p role="status" className="muted" data-reanalyse="cancelled">{t(lang, 'call.voices.cancelled')}</p>;
  if (state.phase === 'done') return <p role="status" className="muted" data-reanalyse="done">{t(lang, 'call.voices.done')}</p>;
  return null;
}

/** The voice check card. */
export function VoiceCheck({ lang, fileName, voices, audio, corrections, state, onChoose, onCancel }: VoiceCheckProps): React.JSX.Element {
  const player = useClipPlayer(audio);
  const running = state.phase === 'running';
  const choosable = onChoose !== undefined && audio !== null && canChooseVoice(voices);
  return (
    <section className="call-card call-voices no-print" aria-labelledby="call-voices-title" data-testid="call-voices" data-confident={voices.confident} data-agent-speaker={voices.agentSpeaker}>
      <h3 id="call-voices-title">{t(lang, 'call.voices.title')}</h3>
      <p className={voices.confident ? 'hint' : 'call-note'} data-voices-confident={voices.confident}>
        {t(lang, voices.confident ? 'call.voices.hint' : 'call.voices.notConfident')}
      </p>
      {audio === null ? <p className="call-note" data-voices-no-audio="">{t(lang, 'call.voices.noAudio')}</p> : null}
      <ul className="call-voice-list">
        {voices.voices.map((v) => {
          const n = v.speaker + 1;
          const key = `voice-${v.speaker}`;
          const listening = player.playing === key;
          return (
            <li key={v.speaker} data-voice={v.speaker} data-is-agent={v.isAgent}>
              <p>
                <strong>{t(lang, 'call.voices.voice', { n })}</strong>
                {v.speaker === 0 ? <span className="muted"> · {t(lang, 'call.voices.opens')}</span> : null}
                <span className="muted"> · {t(lang, 'call.voices.speech', { time: formatClock(v.speechSec) })}</span>
                {v.isAgent ? <> <span className="muted">·</span> <span className="call-voice-you">{t(lang, 'call.voices.isYou')}</span></> : null}
              </p>
              {audio !== null ? (
                <div className="call-buttons">
                  {v.sample.length > 0 ? (
                    <button
                      type="button" data-action="listen-voice" data-playing={listening} aria-label={t(lang, listening ? 'call.voices.stopLabel' : 'call.voices.listenLabel', { n })}
                      onClick={() => (listening ? player.stop() : player.play(key, v.sample))}
                    >{t(lang, listening ? 'call.voices.stop' : 'call.voices.listen')}</button>
                  ) : <span className="muted">{t(lang, 'call.voices.noSample')}</span>}
                  {choosable && !v.isAgent ? (
                    <button
                      type="button" className="primary" data-action="choose-voice" disabled={running} aria-label={t(lang, 'call.voices.chooseLabel', { n })}
                      onClick={() => { player.stop(); onChoose(v.speaker); }}
                    >{t(lang, 'call.voices.choose')}</button>
                  ) : null}
                </div>
              ) : null}
            </li>
          );
        })}
      </ul>
      {corrections > 0 ? <p className="muted" data-corrections={corrections}>{t(lang, 'call.voices.corrections', { count: corrections })}</p> : null}
      {player.error ? <p role="alert" className="call-error">{t(lang, 'call.voices.playError')}</p> : null}
      <ReanalyseStatus lang={lang} fileName={fileName} state={state} onCancel={onCancel} />
    </section>
  );
}
