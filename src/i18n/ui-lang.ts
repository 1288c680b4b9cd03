/** UI languages. */
export type UiLang = 'zh-CN' | 'en';
