/**
 * Settings → Team server before joining: the server's address (saved, then the page reloads so that its Content
 * Security Policy allows exactly that origin), then the invite code and this device's name.
 */
import { useState } from 'react';
import type { MessageKey, MessageParams } from '../../i18n/index.ts';
import { useApp } from '../../services/app-context.ts';
import { joinServer, saveServerOrigin } from '../../team/index.ts';
import { defaultDeviceName, teamErrorKey } from './team-model.ts';

/** A one-sentence message of a form. */
export interface TeamMessage { key: MessageKey; params?: MessageParams; error: boolean }

/** The message line under a form (role=alert for a failure, status otherwise). */
export function TeamMessageLine({ message, testId }: { message: TeamMessage | null; testId: string }): React.JSX.Element | null {
  const { t } = useApp();
  if (message === null) return null;
  return <p className={message.error ? 'error-text' : 'ok-text'} role={message.error ? 'alert' : 'status'} data-testid={testId}>{t(message.key, message.params)}</p>;
}

/** The address form; `reload` is the page's reload (injected for tests). */
export function OriginForm({ reload = () => window.location.reload() }: { reload?: () => void }): React.JSX.Element {
  const { t } = useApp();
  const [origin, setOrigin] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<TeamMessage | null>(null);

  const save = async (): Promise<void> => {
    if (busy) return;
    setBusy(true);
    setMessage(null);
    try {
      await saveServerOrigin(origin.trim());
      reload();
    } catch (error) {
      setMessage({ key: teamErrorKey(error), error: true });
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => { e.preventDefault(); void save(); }} noValidate>
      <label className="field">
        <span>{t('team.origin.label')}</span>
        <input type="url" name="teamOrigin" data-testid="team-origin" value={origin} inputMode="url" autoComplete="url" spellCheck={false}
          aria-describedby="team-origin-hint" aria-invalid={message?.error === true ? true : undefined} onChange={(e) => setOrigin(e.currentTarget.value)} />
      </label>
      <p className="hint" id="team-origin-hint">{t('team.origin.hint')} {t('team.origin.reloadNote')}</p>
      <div className="actions">
        <button type="submit" className="primary" data-testid="team-origin-save" disabled={busy}>{busy ? t('team.origin.saving') : t('team.origin.save')}</button>
      </div>
      <TeamMessageLine message={message} testId="team-origin-message" />
    </form>
  );
}

/** The invite form; `onJoined` gets the sentence to show (the form itself gives way to the joined view). */
export function JoinForm({ onJoined }: { onJoined: (message: TeamMessage) => void }): React.JSX.Element {
  const { t, uiLang } = useApp();
  const [code, setCode] = useState('');
  const [device, setDevice] = useState(() => defaultDeviceName(navigator.userAgent, uiLang));
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<TeamMessage | null>(null);

  const join = async (): Promise<void> => {
    if (busy) return;
    if (code.trim() === '') { setMessage({ key: 'team.join.codeMissing', error: true }); return; }
    if (device.trim() === '') { setMessage({ key: 'team.join.deviceMissing', error: true }); return; }
    setBusy(true);
    setMessage(null);
    try {
      const joined = await joinServer(code.trim(), device.trim());
      setBusy(false);
      onJoined({ key: 'team.join.done', params: { org: joined.org.name, name: joined.person.name }, error: false });
    } catch (error) {
      setMessage({ key: teamErrorKey(error), error: true });
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => { e.preventDefault(); void join(); }} noValidate aria-labelledby="team-join-title">
      <h4 id="team-join-title">{t('team.join.title')}</h4>
      <p className="hint">{t('team.join.intro')}</p>
      <label className="field">
        <span>{t('team.join.code')}</span>
        <input type="text" name="inviteCode" data-testid="team-invite" value={code} autoComplete="off" spellCheck={false} autoCapitalize="characters"
          onChange={(e) => setCode(e.currentTarget.value)} />
      </label>
      <label className="field">
        <span>{t('team.join.device')}</span>
        <input type="text" name="deviceName" data-testid="team-device" value={device} maxLength={120} onChange={(e) => setDevice(e.currentTarget.value)} />
      </label>
      <div className="actions">
        <button type="submit" className="primary" data-testid="team-join" disabled={busy}>{busy ? t('team.join.busy') : t('team.join.submit')}</button>
      </div>
      <TeamMessageLine message={message} testId="team-join-message" />
    </form>
  );
}
