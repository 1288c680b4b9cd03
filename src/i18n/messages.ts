/** The message catalogues and `t`: lookup with `{param}` substitution. */
import type { UiLang } from './ui-lang.ts';
import { EN, type MessageKey } from './en.ts';
import { resolvePlurals } from './plural.ts';
import { ZH_CN } from './zh-CN.ts';

/** Both catalogues, by UI language. */
export const CATALOGUES: Readonly<Record<UiLang, Readonly<Record<MessageKey, string>>>> = { 'zh-CN': ZH_CN, en: EN };

/** Values substituted for `{param}` in a message. */
export type MessageParams = Readonly<Record<string, string | number>>;

/** True when `key` is a message key (for keys built at run time, e.g. `status.rate.low`). */
export function hasMessage(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(EN, key);
}

/**
 * Replace `{param}` by its value, after choosing the forms of `{n, plural, one {…} other {…}}` blocks by
 * the plural rules of `locale` (default English); an unknown `{param}` is left visible so a missing value shows up.
 */
export function interpolate(template: string, params?: MessageParams, locale = 'en'): string {
  if (params === undefined) return template;
  return resolvePlurals(template, params, locale).replace(/\{([A-Za-z0-9_]+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/** The message `key` in `lang`, with `{param}` placeholders filled from `params`. */
export function t(lang: UiLang, key: MessageKey, params?: MessageParams): string {
  return interpolate(CATALOGUES[lang][key], params, lang);
}

/** The message for a key built at run time, or null when there is no such key. */
export function tMaybe(lang: UiLang, key: string, params?: MessageParams): string | null {
  return hasMessage(key) ? t(lang, key, params) : null;
}
