/** Settings: the profile, the count-in, trainer mode, the optional team server, and calibration (re-calibrate any time). */
import { useApp } from '../../services/app-context.ts';
import { COUNT_IN_CHOICES_SEC } from '../../services/preferences.ts';
import { StorageSettings } from '../settings-storage/components.ts';
import { PackImportPanel } from '../packs/components.ts';
import { TeamServerPanel } from '../team/components.ts';
import { CalibrationPanel } from './CalibrationPanel.tsx';
import { ProfileForm } from './ProfileForm.tsx';

/** The settings screen. */
export function SettingsScreen(): React.JSX.Element {
  const { t, prefs, setPrefs } = useApp();
  return (
    <section className="screen settings" aria-labelledby="settings-title">
      <h2 id="settings-title">{t('nav.settings')}</h2>
      <div className="settings-grid">
        <div>
          <section className="card" aria-labelledby="profile-title">
            <h3 id="profile-title">{t('settings.profile')}</h3>
            <ProfileForm submitLabel={t('settings.save')} />
          </section>
          <section className="card" aria-labelledby="recording-settings-title">
            <h3 id="recording-settings-title">{t('settings.recording')}</h3>
            <label className="field">
              <span>{t('settings.countIn')}</span>
              <select name="countIn" value={prefs.countInSec} onChange={(e) => setPrefs({ ...prefs, countInSec: Number(e.target.value) })}>
                {COUNT_IN_CHOICES_SEC.map((s) => (
                  <option key={s} value={s}>{s === 0 ? t('settings.countIn.off') : t('settings.countIn.seconds', { seconds: s })}</option>
                ))}
              </select>
            </label>
            <p className="hint">{t('settings.appliesNow')}</p>
          </section>
          <section className="card" aria-labelledby="settings-packs-title">
            <h3 id="settings-packs-title">{t('assigned.title')}</h3>
            <PackImportPanel />
          </section>
          <section className="card" aria-labelledby="trainer-settings-title">
            <h3 id="trainer-settings-title">{t('settings.trainerMode')}</h3>
            <label className="choice">
              <input type="checkbox" name="trainerMode" data-testid="trainer-mode" checked={prefs.trainerMode}
                aria-describedby="trainer-mode-hint" onChange={(e) => setPrefs({ ...prefs, trainerMode: e.target.checked })} />
              {' '}{t('settings.trainerMode')}
            </label>
            <p className="hint" id="trainer-mode-hint">{t('settings.trainerModeHint')}</p>
          </section>
        </div>
        <div>
          <CalibrationPanel />
          <TeamServerPanel />
          <StorageSettings />
        </div>
      </div>
    </section>
  );
}
