/** A form message (trainer-model.ts) as text in the UI language: guideline ids and band sides named as people say them. */
import { useCallback } from 'react';
import type { GuidelineId } from '../../guidelines/ids.ts';
import { guidelineLabel, tMaybe, unitLabel } from '../../i18n/index.ts';
import { useApp } from '../../services/app-context.ts';
import type { FormMessage } from './trainer-model.ts';

/** The function that turns a form message into a sentence. */
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
