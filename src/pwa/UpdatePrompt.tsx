/** The non-blocking "update available — reload" prompt; an accepted update waits for the current take. */
import { useEffect, useState } from 'react';
import { t, type UiLang } from '../i18n/index.ts';
import { acceptUpdate, dismissUpdate, onUpdateState, updateState } from './update-store.ts';
import type { UpdateState } from './update-model.ts';

/** Shows the prompt while an update is available or deferred. */
export function UpdatePrompt({ uiLang }: { uiLang: UiLang }): React.JSX.Element | null {
  const [state, setState] = useState<UpdateState>(updateState);
  useEffect(() => onUpdateState(setState), []);
  if (state.kind !== 'available' && state.kind !== 'deferred') return null;
  return (
    <div className="update-prompt" role="status" aria-live="polite" data-testid="update-prompt" data-state={state.kind === 'available' && state.afterTake ? 'after-take' : state.kind}>
      <p>{t(uiLang, state.kind === 'deferred' ? 'update.deferred' : state.afterTake ? 'update.afterTake' : 'update.available')}</p>
      {state.kind === 'available' && (
        <div className="update-actions">
          <button type="button" className="primary" onClick={acceptUpdate} data-action="apply-update">{t(uiLang, 'update.reload')}</button>
          <button type="button" onClick={dismissUpdate}>{t(uiLang, 'update.later')}</button>
        </div>
      )}
    </div>
  );
}
