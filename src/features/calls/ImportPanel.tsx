/**
 * Import a call: the agent's channel, the call's language and what to keep, then a file (the picker;
 * dropping and "open with" arrive through the screen). While it runs: progress with time left and
 * Cancel; after: the outcome in one sentence, and the other channel offered when it opens the call (a
 * mono call: "which voice is you?", ImportVoices).
 */
import { useEffect, useState } from 'react';
import { otherChannelOpens, CALL_FILE_ACCEPT } from '../../calls/index.ts';
import { useApp } from '../../services/app-context.ts';
import type { CallPreferences } from '../../services/call-preferences.ts';
import { routeHref } from '../../services/routes.ts';
import { failureKind, failureText, progressFraction, progressText } from './calls-model.ts';
import { ImportVoices } from './ImportVoices.tsx';
import { GreetingChoice } from './GreetingChoice.tsx';
import type { CallImport } from './use-call-import.ts';
import type { CallRecord } from '../../storage/index.ts';

/** Props of ImportPanel. */
export interface ImportPanelProps {
  prefs: CallPreferences;
  lang: 'zh' | 'en';
  onPrefs: (prefs: CallPreferences) => void;
  onFiles: (files: File[]) => void;
  importer: CallImport;
  dragging: boolean;
  /** Runs when a just-imported call is stored again (a mono call's voice chosen). */
  onChanged?: () => void;
}

// Re-render once a second while running, so the time left counts down between progress messages.
function useTick(active: boolean): void {
  const [, setTick] = useState(0);
  useEffect(() => {
    if (!active) return;
    const id = setInterval(() => setTick((n) => n + 1), 1000);
    return () => clearInterval(id);
  }, [active]);
}

/** The import card. */
export function ImportPanel({ prefs, lang, onPrefs, onFiles, importer, dragging, onChanged }: ImportPanelProps): React.JSX.Element {
  const { t, uiLang } = useApp();
  const { state } = importer;
  const running = state.phase === 'running';
  useTick(running);
  const other = state.phase === 'done' ? otherChannelOpens(state.call.report) : null;
  // A mono call's voice chosen below stores the call again: its new findings are the ones to count.
  const [resaved, setResaved] = useState<CallRecord | null>(null);
  const shown = state.phase === 'done' && resaved?.id === state.call.id ? resaved : state.phase === 'done' ? state.call : null;

  return (
    <section className="card call-import" aria-labelledby="call-import-title" data-testid="call-import" data-dragging={dragging}>
      <h3 id="call-import-title">{t('calls.import.title')}</h3>
      <fieldset className="segmented" disabled={running}>
        <legend>{t('calls.import.agentChannel')}</legend>
        {(['left', 'right'] as const).map((c) => (
          <label key={c} className={c === prefs.agentChannel ? 'selected' : undefined}>
            <input type="radio" name="agentChannel" value={c} checked={c === prefs.agentChannel} onChange={() => onPrefs({ ...prefs, agentChannel: c })} />
            <span>{t(`calls.channel.${c}`)}</span>
          </label>
        ))}
      </fieldset>
      <p className="hint">{t('calls.import.channelHint')}</p>
      <fieldset className="segmented" disabled={running}>
        <legend>{t('calls.import.lang')}</legend>
        {(['zh', 'en'] as const).map((l) => (
          <label key={l} className={l === lang ? 'selected' : undefined}>
            <input type="radio" name="callLang" value={l} checked={l === lang} onChange={() => onPrefs({ ...prefs, lang: l })} />
            <span>{t(`calls.lang.${l}`)}</span>
          </label>
        ))}
      </fieldset>
      <GreetingChoice prefs={prefs} lang={lang} disabled={running} onPrefs={onPrefs} />
      <fieldset className="segmented" disabled={running}>
        <legend>{t('calls.import.keep')}</legend>
        {([false, true] as const).map((keep) => (
          <label key={String(keep)} className={keep === prefs.keepAudio ? 'selected' : undefined}>
            <input type="radio" name="keepAudio" value={keep ? 'audio' : 'analysis'} checked={keep === prefs.keepAudio} onChange={() => onPrefs({ ...prefs, keepAudio: keep })} />
            <span>{t(keep ? 'calls.import.keepAudio' : 'calls.import.keepAnalysis')}</span>
          </label>
        ))}
      </fieldset>
      <label className="field call-pick">
        <span>{t('calls.import.pick')}</span>
        <input
          type="file" accept={CALL_FILE_ACCEPT} multiple data-testid="call-file" disabled={running}
          onChange={(e) => {
            const files = [...(e.currentTarget.files ?? [])];
            e.currentTarget.value = '';
            if (files.length > 0) onFiles(files);
          }}
        />
      </label>
      <p className="hint">{dragging ? t('calls.import.dropHere') : t('calls.import.drop')}</p>

      {state.phase === 'running' && (
        <div role="status" className="call-progress" data-testid="call-progress" data-phase={state.progress?.phase ?? 'starting'}>
          <progress max={1} value={progressFraction(state.progress ?? { phase: 'reading', fedSec: 0, durationSec: null }) ?? undefined} aria-label={t('calls.progress.label')} />
          <p>{progressText(uiLang, state.fileName, state.progress, Date.now() - state.startedAtMs)}</p>
          <button type="button" data-action="cancel-import" onClick={importer.cancel}>{t('calls.cancel')}</button>
        </div>
      )}
      {state.phase === 'failed' && (
        <p role="alert" className="notice notice-error" data-call-error={failureKind(state.error)}>{failureText(uiLang, state.fileName, state.error)}</p>
      )}
      {state.phase === 'cancelled' && <p role="status" className="notice" data-import="cancelled">{t('calls.cancelled', { file: state.fileName })}</p>}
      {state.phase === 'done' && (
        <div role="status" className="notice notice-ok" data-import="done" data-call-id={state.call.id}>
          <p>{t('calls.done', { file: state.call.fileName, count: shown?.report.findings.length ?? 0 })}{' '}
            <a href={routeHref({ screen: 'call', callId: state.call.id })}>{t('calls.openCall')}</a></p>
          {state.audioNotKept && <p data-audio-not-kept="quota">{t('calls.audioNotKept', { file: state.call.fileName })}</p>}
          {other && (
            <p data-suggest-channel={other}>
              {t('calls.suggestOther', { channel: t(`calls.channel.${other}`) })}{' '}
              <button type="button" data-action="use-other-channel" onClick={() => {
                onPrefs({ ...prefs, agentChannel: other });
                importer.start([state.file], { ...state.choices, agentChannel: other, replaces: state.call.id });
              }}>{t('calls.useOther', { channel: t(`calls.channel.${other}`) })}</button>
            </p>
          )}
        </div>
      )}
      {state.phase === 'done' && <ImportVoices key={state.call.id} call={state.call} file={state.file} onSaved={(saved) => {
        setResaved(saved);
        onChanged?.();
      }} />}
    </section>
  );
}
