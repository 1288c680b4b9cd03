/**
 * The import's greeting template: three-part or four-part (the built-in greetings of the call's language),
 * the agent's name and company where the profile has none, and the script the opening is scored against.
 */
import { GREETING_KINDS } from '../../calls/index.ts';
import { useApp } from '../../services/app-context.ts';
import type { CallPreferences } from '../../services/call-preferences.ts';
import { importGreeting } from './greeting-import-model.ts';

/** Props of GreetingChoice. */
export interface GreetingChoiceProps {
  prefs: CallPreferences;
  lang: 'zh' | 'en';
  disabled: boolean;
  onPrefs: (prefs: CallPreferences) => void;
}

/** The greeting template fields of the import card. */
export function GreetingChoice({ prefs, lang, disabled, onPrefs }: GreetingChoiceProps): React.JSX.Element {
  const { t, profile } = useApp();
  const greeting = importGreeting(lang, prefs, profile.fills[lang]);
  return (
    <div className="call-greeting-choice" data-testid="call-greeting-choice" data-drill-id={greeting.choice.drillId}>
      <fieldset className="segmented" disabled={disabled}>
        <legend>{t('calls.greeting.legend')}</legend>
        {GREETING_KINDS.map((k) => (
          <label key={k} className={k === prefs.greeting ? 'selected' : undefined}>
            <input type="radio" name="callGreeting" value={k} checked={k === prefs.greeting} onChange={() => onPrefs({ ...prefs, greeting: k })} />
            <span>{t(`calls.greeting.${k}`)}</span>
          </label>
        ))}
      </fieldset>
      {greeting.askName && (
        <label className="field">
          <span>{t('calls.greeting.name')}</span>
          <input type="text" name="greetingName" autoComplete="name" value={prefs.greetingName} disabled={disabled}
            onChange={(e) => onPrefs({ ...prefs, greetingName: e.currentTarget.value })} />
        </label>
      )}
      {greeting.askCompany && (
        <label className="field">
          <span>{t('calls.greeting.company')}</span>
          <input type="text" name="greetingCompany" autoComplete="organization" value={prefs.greetingCompany} disabled={disabled}
            onChange={(e) => onPrefs({ ...prefs, greetingCompany: e.currentTarget.value })} />
        </label>
      )}
      <p className="hint" data-testid="call-greeting-script" lang={lang === 'zh' ? 'zh-CN' : 'en'}>{t('calls.greeting.script', { script: greeting.shownScript })}</p>
      {greeting.fromProfile && <p className="hint">{t('calls.greeting.fromProfile')}</p>}
    </div>
  );
}
