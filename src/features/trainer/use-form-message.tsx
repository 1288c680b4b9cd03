/**
 * Form messages (trainer-model.ts) in the UI language: guideline ids, units and band sides named as people say them;
 * the English sentences of other layers (parseDrill, src/packs, storage) marked lang="en" beside the translated lead.
 */
import { useCallback } from 'react';
import type { GuidelineId } from '../../guidelines/ids.ts';
import { guidelineLabel, tMaybe, unitLabel } from '../../i18n/index.ts';
import { useApp } from '../../services/app-context.ts';
import type { FormMessage } from './trainer-model.ts';

export { messageOf } from './failure-message.ts';

/** The function that turns a form message into text (without its detail). */
export function useFormMessage(): (m: FormMessage) => string {
  const { t, uiLang } = useApp();
  return useCallback((m: FormMessage): string => {
    if ('text' in m) return m.text;
    const params: Record<string, string | number> = { ...m.params };
    if (typeof params.guideline === 'string') params.guideline = guidelineLabel(uiLang, params.guideline as GuidelineId);
    if (typeof params.unit === 'string') params.unit = unitLabel(uiLang, params.unit);
    if (params.side === 'min') params.side = t('trainer.drill.bandMin');
    if (params.side === 'max') params.side = t('trainer.drill.bandMax');
    return tMaybe(uiLang, m.key, params) ?? m.key;
  }, [t, uiLang]);
}

/** A form message as text: the translated lead, then any English detail marked as English. */
export function MessageText({ m }: { m: FormMessage }): React.JSX.Element {
  const text = useFormMessage();
  if ('text' in m) return <span lang="en">{m.text}</span>;
  return <>{text(m)}{m.detail !== undefined && <> <span lang="en">{m.detail}</span></>}</>;
}
