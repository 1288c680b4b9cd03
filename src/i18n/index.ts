/** UI messages in zh-CN and en: catalogues, language detection, `{param}` substitution, formatting. No DOM. */
import type { UiLang } from './ui-lang.ts';

export type { UiLang } from './ui-lang.ts';
export type { MessageKey } from './en.ts';
export { CATALOGUES, hasMessage, interpolate, t, tMaybe, type MessageParams } from './messages.ts';
export { differenceUnit, formatBand, formatBuildId, formatClock, formatNumber, formatSeconds, formatWhen, guidelineLabel, joinList, statusLabel, unitLabel } from './format.ts';

/** Every UI language. */
export const UI_LANGS: readonly UiLang[] = ['zh-CN', 'en'];

/**
 * The UI language for the browser's preferred languages (navigator.languages): the first entry that
 * is Chinese (zh, zh-CN, zh-TW, …) gives 'zh-CN', the first that is English gives 'en'; default 'en'.
 */
export function detectUiLang(navigatorLanguages: readonly string[]): UiLang {
  for (const tag of navigatorLanguages) {
    const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
    if (primary === 'zh') return 'zh-CN';
    if (primary === 'en') return 'en';
  }
  return 'en';
}
