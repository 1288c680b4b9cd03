/**
 * Right after a mono call is imported, while its file is still in memory: "which voice is you?" with a
 * sample of each voice, and "This is me" analyses the call again with that voice as the agent's (kept
 * or not, the file is at hand). Per-turn corrections are on the call's page.
 */
import { useState } from 'react';
import { callVoices, chooseAgentVoice, type CallRecord } from '../../calls/index.ts';
import { useApp } from '../../services/app-context.ts';
import { VoiceCheck } from './page/VoiceCheck.tsx';
import { useCallReanalyse } from './use-call-reanalyse.ts';

/** Props of ImportVoices. */
export interface ImportVoicesProps {
  call: CallRecord;
  file: File;
  /** Runs after the call is stored again. */
  onSaved?(call: CallRecord): void;
}

/** The voice check of a just-imported mono call (nothing for a stereo one). */
export function ImportVoices({ call: imported, file, onSaved }: ImportVoicesProps): React.JSX.Element | null {
  const { store, uiLang, profile } = useApp();
  const [call, setCall] = useState(imported);
  const reanalyse = useCallReanalyse(store, profile.baseline?.activeLevelDbfs ?? null, (saved) => {
    setCall(saved);
    onSaved?.(saved);
  });
  const voices = callVoices(call.report);
  if (voices === null) return null;
  return (
    <VoiceCheck
      lang={uiLang} fileName={call.fileName} voices={voices} audio={file} corrections={call.speakerCorrections?.length ?? 0}
      state={reanalyse.state} onCancel={reanalyse.cancel}
      onChoose={(speaker) => reanalyse.start(call, file, chooseAgentVoice(call, speaker))}
    />
  );
}
