/** A finding's extra detail in words: who started an overtalk, the pace ratio of a mismatch. */
import { t, type UiLang } from '../../../i18n/index.ts';
import type { CallFinding } from './call-types.ts';

/** "started by the customer", "you at 1.4 × the customer's pace", or '' when there is nothing more to say. */
export function findingDetail(lang: UiLang, f: Pick<CallFinding, 'startedBy' | 'ratio'>): string {
  const parts: string[] = [];
  if (f.startedBy !== null) parts.push(t(lang, 'call.finding.startedBy', { who: t(lang, `call.speaker.${f.startedBy}`) }));
  if (f.ratio !== null && Number.isFinite(f.ratio)) parts.push(t(lang, 'call.finding.ratio', { ratio: Math.round(f.ratio * 100) / 100 }));
  return parts.join(lang === 'zh-CN' ? '，' : ', ');
}
