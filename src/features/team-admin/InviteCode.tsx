/** A new invite code: large, copyable, with its expiry; shown once (the server keeps only its hash). */
import { useEffect, useRef, useState } from 'react';
import { formatWhen } from '../../i18n/index.ts';
import { useApp } from '../../services/app-context.ts';
import type { InviteResponse } from '../../sync/protocol.ts';
import { AdminMessageLine } from './AdminMessageLine.tsx';
import type { AdminMessage } from './team-admin-model.ts';

export function InviteCode({ invite, personName, onHide }: { invite: InviteResponse; personName: string; onHide: () => void }): React.JSX.Element {
  const { t, uiLang } = useApp();
  const [message, setMessage] = useState<AdminMessage | null>(null);
  const heading = useRef<HTMLHeadingElement | null>(null);
  useEffect(() => { heading.current?.focus(); }, [invite.code]);

  const copy = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(invite.code);
      setMessage({ key: 'teamAdmin.invite.copied', error: false });
    } catch {
      setMessage({ key: 'teamAdmin.invite.copyFailed', error: true });
    }
  };

  return (
    <section className="card team-admin-invite" aria-labelledby="team-admin-invite-title" data-testid="team-admin-invite">
      <h3 id="team-admin-invite-title" tabIndex={-1} ref={heading}>{t('teamAdmin.invite.title', { name: personName })}</h3>
      <p className="team-admin-code" data-testid="team-admin-invite-code" translate="no">{invite.code}</p>
      <p data-testid="team-admin-invite-expiry">{t('teamAdmin.invite.once', { when: formatWhen(invite.expiresAt, uiLang) })}</p>
      <div className="actions">
        <button type="button" className="primary" data-testid="team-admin-invite-copy" onClick={() => void copy()}>{t('teamAdmin.invite.copy')}</button>
        <button type="button" data-testid="team-admin-invite-hide" onClick={onHide}>{t('teamAdmin.invite.hide')}</button>
      </div>
      <AdminMessageLine message={message} testId="team-admin-invite-message" />
    </section>
  );
}
