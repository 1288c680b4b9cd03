/**
 * The profile form (name and company per script language, script language, app language), shared by
 * Settings and the first run. A Mandarin script says the name as the agent says it in Mandarin (王芳),
 * an English one as in English (Fang Wang): one fieldset each, the practised language first.
 */
import { useState } from 'react';
import type { Lang } from '../../takes/index.ts';
import { useApp } from '../../services/app-context.ts';
import { MAX_FILL_CHARS } from '../../drills/index.ts';
import type { UiLang } from '../../i18n/index.ts';
import type { Profile, ScriptFill } from '../../storage/index.ts';
import { storageErrorMessage } from '../../services/error-messages.ts';
import { isStorageError } from '../../storage/index.ts';

/** Props of ProfileForm. */
export interface ProfileFormProps {
  submitLabel: string;
  /** Called after the profile was saved. */
  onSaved?: (profile: Profile) => void;
  showUiLang?: boolean;
}

/** The form; saving stores the profile through the shell. */
export function ProfileForm({ submitLabel, onSaved, showUiLang = true }: ProfileFormProps): React.JSX.Element {
  const { t, profile, uiLang, saveProfile, setUiLang } = useApp();
  const [fills, setFills] = useState<Record<Lang, ScriptFill>>(profile.fills);
  const [scriptLang, setScriptLang] = useState<Lang>(profile.scriptLang);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: React.FormEvent): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    setMessage(null);
    const trimmed = (f: ScriptFill): ScriptFill => ({ name: f.name.trim(), company: f.company.trim() });
    const next: Profile = { ...profile, fills: { zh: trimmed(fills.zh), en: trimmed(fills.en) }, scriptLang, uiLang };
    try {
      await saveProfile(next);
      setMessage({ error: false, text: t('settings.saved') });
      onSaved?.(next);
    } catch (e) {
      setMessage({ error: true, text: t(storageErrorMessage(isStorageError(e) ? e.kind : 'unknown')) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="profile-form" onSubmit={(e) => void submit(e)} data-testid="profile-form">
      {([scriptLang, scriptLang === 'zh' ? 'en' : 'zh'] as const).map((l) => (
        <fieldset key={l} className="fills" data-fill-lang={l}>
          <legend>{t(`settings.fills.${l}`)}</legend>
          <label className="field">
            <span>{t('settings.name')}</span>
            <input name={`name-${l}`} type="text" autoComplete={l === scriptLang ? 'name' : 'off'} maxLength={MAX_FILL_CHARS} value={fills[l].name}
              onChange={(e) => setFills({ ...fills, [l]: { ...fills[l], name: e.target.value } })} />
          </label>
          <label className="field">
            <span>{t('settings.company')}</span>
            <input name={`company-${l}`} type="text" autoComplete={l === scriptLang ? 'organization' : 'off'} maxLength={MAX_FILL_CHARS} value={fills[l].company}
              onChange={(e) => setFills({ ...fills, [l]: { ...fills[l], company: e.target.value } })} />
          </label>
        </fieldset>
      ))}
      <p className="hint">{t('settings.fillHint')}</p>
      <fieldset className="segmented">
        <legend>{t('settings.scriptLang')}</legend>
        {(['zh', 'en'] as const).map((l) => (
          <label key={l} className={l === scriptLang ? 'selected' : undefined}>
            <input type="radio" name="scriptLang" value={l} checked={l === scriptLang} onChange={() => setScriptLang(l)} />
            <span>{t(`settings.scriptLang.${l}`)}</span>
          </label>
        ))}
      </fieldset>
      {showUiLang && (
        <label className="field">
          <span>{t('settings.uiLang')}</span>
          {/* The same switch as the header's: it applies (and is saved) at once. */}
          <select name="uiLang" value={uiLang} onChange={(e) => setUiLang(e.target.value as UiLang)}>
            <option value="zh-CN" lang="zh-CN">中文</option>
            <option value="en" lang="en">English</option>
          </select>
        </label>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy} data-action="save-profile">{submitLabel}</button>
        {message && <p role={message.error ? 'alert' : 'status'} className={message.error ? 'error-text' : 'ok-text'}>{message.text}</p>}
      </div>
    </form>
  );
}
