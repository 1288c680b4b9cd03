/** The agent's private reflection on the call: what happened, how I felt, what I would say next time. */
import { useState } from 'react';
import { formatWhen, t, type UiLang } from '../../../i18n/index.ts';
import type { CallReflection } from '../../../storage/call-records.ts';

/** Longest text kept per reflection field, characters. */
export const REFLECTION_MAX_CHARS = 4000;

/** Props of Reflection. */
export interface ReflectionProps {
  lang: UiLang;
  reflection: CallReflection | null;
  /** Rejects when it could not be saved. */
  onSave(reflection: CallReflection): Promise<void>;
}

const FIELDS = ['happened', 'felt', 'nextTime'] as const;

/** The reflection form. */
export function Reflection({ lang, reflection, onSave }: ReflectionProps): React.JSX.Element {
  const [text, setText] = useState({ happened: reflection?.happened ?? '', felt: reflection?.felt ?? '', nextTime: reflection?.nextTime ?? '' });
  const [savedAt, setSavedAt] = useState<number | null>(reflection?.updatedAt ?? null);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const save = async (): Promise<void> => {
    const next: CallReflection = { ...text, updatedAt: Date.now() };
    setBusy(true);
    setFailed(false);
    try {
      await onSave(next);
      setSavedAt(next.updatedAt);
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="call-card call-reflection" aria-labelledby="call-reflection-title">
      <h3 id="call-reflection-title">{t(lang, 'call.reflection.title')}</h3>
      <p className="muted">{t(lang, 'call.reflection.intro')}</p>
      <form onSubmit={(e) => { e.preventDefault(); void save(); }}>
        {FIELDS.map((f) => (
          <label key={f} className="field">
            <span>{t(lang, `call.reflection.${f}`)}</span>
            <textarea name={`reflection-${f}`} rows={3} maxLength={REFLECTION_MAX_CHARS} value={text[f]} onChange={(e) => setText({ ...text, [f]: e.target.value })} />
          </label>
        ))}
        <button type="submit" data-action="save-reflection" disabled={busy}>{t(lang, 'call.reflection.save')}</button>
        <span role="status" className="call-saved">
          {failed ? t(lang, 'call.save.error') : savedAt !== null ? t(lang, 'call.reflection.saved', { when: formatWhen(new Date(savedAt).toISOString(), lang) }) : ''}
        </span>
      </form>
    </section>
  );
}
