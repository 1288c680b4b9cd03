/** Team administration → Devices (admin): each device with its person, name, joined, last seen and state; revoking takes two steps. */
import { useState } from 'react';
import { formatWhen } from '../../i18n/index.ts';
import { useApp } from '../../services/app-context.ts';
import type { DeviceInfo, PersonInfo } from '../../sync/protocol.ts';
import { teamAdmin } from '../../team/index.ts';
import { AdminMessageLine } from './AdminMessageLine.tsx';
import { useAdminAction, useReturnFocus } from './use-admin-action.ts';

export function AdminDevices({ devices, people, thisDeviceId, onChanged }: {
  devices: readonly DeviceInfo[]; people: readonly PersonInfo[]; thisDeviceId: string; onChanged: () => Promise<void>;
}): React.JSX.Element {
  const { t, uiLang } = useApp();
  const [confirming, setConfirming] = useState<string | null>(null);
  const { busy, message, setMessage, run } = useAdminAction();
  // Where the focus goes back when the question closes (its buttons disappear): the device's Revoke button, else the heading.
  const { root: list, returnFocus } = useReturnFocus();
  const revokeButton = (id: string): string => `li[data-id="${CSS.escape(id)}"] [data-testid="team-admin-device-revoke"]`;
  const personName = (id: string): string => people.find((p) => p.id === id)?.name ?? t('teamAdmin.unknownPerson');

  const revoke = (device: DeviceInfo): Promise<void> => run(async () => {
    const done = await teamAdmin().revokeDevice(device.id);
    setConfirming(null);
    returnFocus(null); // its Revoke button goes once the list is read again: the heading
    setMessage({ key: 'teamAdmin.devices.revoked', params: { name: done.name }, error: false });
    await onChanged();
  });

  return (
    <section ref={list} className="card team-admin-devices" aria-labelledby="team-admin-devices-title" data-testid="team-admin-devices">
      <h3 id="team-admin-devices-title" tabIndex={-1}>{t('teamAdmin.devices.title')}</h3>
      {devices.length === 0 ? <p className="hint">{t('teamAdmin.devices.none')}</p> : (
        <ul className="team-admin-list">
          {devices.map((d) => (
            <li key={d.id} data-testid="team-admin-device" data-id={d.id} data-person={d.personId} data-revoked={d.revokedAt !== null}>
              <div className="team-admin-row">
                <span className="team-admin-name">{d.name}{d.id === thisDeviceId ? ` (${t('teamAdmin.devices.this')})` : ''}</span>
              </div>
              <dl className="team-admin-facts">
                <div><dt>{t('teamAdmin.devices.person')}</dt><dd>{personName(d.personId)}</dd></div>
                <div><dt>{t('teamAdmin.devices.created')}</dt><dd>{formatWhen(d.createdAt, uiLang)}</dd></div>
                <div><dt>{t('teamAdmin.devices.lastSeen')}</dt><dd>{d.lastSeenAt === null ? t('teamAdmin.devices.never') : formatWhen(d.lastSeenAt, uiLang)}</dd></div>
                <div><dt>{t('teamAdmin.devices.status')}</dt>
                  <dd data-testid="team-admin-device-status">{d.revokedAt === null ? t('teamAdmin.devices.active') : t('teamAdmin.devices.revokedAt', { when: formatWhen(d.revokedAt, uiLang) })}</dd></div>
              </dl>
              {d.revokedAt === null && (confirming === d.id ? (
                <div role="group" aria-labelledby={`revoke-q-${d.id}`}>
                  <p id={`revoke-q-${d.id}`}>
                    {d.id === thisDeviceId ? t('teamAdmin.devices.confirmThis') : t('teamAdmin.devices.confirm', { name: d.name, person: personName(d.personId) })}
                  </p>
                  <div className="actions">
                    <button type="button" className="danger" data-testid="team-admin-device-revoke-yes" disabled={busy} onClick={() => void revoke(d)}>
                      {t('teamAdmin.devices.yes')}
                    </button>
                    <button type="button" autoFocus data-testid="team-admin-device-revoke-no" onClick={() => { setConfirming(null); returnFocus(revokeButton(d.id)); }}>{t('teamAdmin.devices.cancel')}</button>
                  </div>
                </div>
              ) : (
                <div className="actions">
                  <button type="button" className="danger" data-testid="team-admin-device-revoke" aria-label={t('teamAdmin.devices.revoke', { name: d.name })}
                    onClick={() => { setMessage(null); setConfirming(d.id); }}>{t('teamAdmin.devices.revokeShort')}</button>
                </div>
              ))}
            </li>
          ))}
        </ul>
      )}
      <AdminMessageLine message={message} testId="team-admin-devices-message" />
    </section>
  );
}
