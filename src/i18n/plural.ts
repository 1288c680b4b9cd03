/**
 * Plural messages: `{count, plural, one {# take} other {# takes}}` (the ICU MessageFormat subset), the form
 * chosen by `Intl.PluralRules` of the UI language; `#` stands for the number, `=0`-style exact matches win.
 */

/** Where the `}` closing the `{` at `open` is, or -1 when the braces do not balance. */
function closingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

/** The forms of a plural block's body (`one {…} other {…}`) by selector, or null when it is malformed. */
function pluralForms(body: string): Map<string, string> | null {
  const forms = new Map<string, string>();
  let i = 0;
  while (i < body.length) {
    const m = /^\s*(=\d+|zero|one|two|few|many|other)\s*\{/.exec(body.slice(i));
    if (!m) return body.slice(i).trim() === '' ? forms : null;
    const open = i + m[0].length - 1;
    const close = closingBrace(body, open);
    if (close < 0) return null;
    forms.set(m[1], body.slice(open + 1, close));
    i = close + 1;
  }
  return forms;
}

const PLURAL_HEAD = /\{([A-Za-z0-9_]+),\s*plural,/g;

/**
 * Resolve every plural block of `template` for the numbers in `params` (in `locale`); a block whose number
 * is missing or whose syntax is malformed is left as it is, so the mistake shows.
 */
export function resolvePlurals(template: string, params: Readonly<Record<string, string | number>>, locale: string): string {
  if (!template.includes(', plural,') && !template.includes(',plural,')) return template;
  const rules = new Intl.PluralRules(locale);
  let out = '';
  let from = 0;
  PLURAL_HEAD.lastIndex = 0;
  for (let m = PLURAL_HEAD.exec(template); m !== null; m = PLURAL_HEAD.exec(template)) {
    const close = closingBrace(template, m.index);
    const raw = params[m[1]];
    const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
    const forms = close < 0 ? null : pluralForms(template.slice(m.index + m[0].length, close));
    if (close < 0 || forms === null || typeof value !== 'number' || !Number.isFinite(value)) continue;
    const form = forms.get(`=${value}`) ?? forms.get(rules.select(value)) ?? forms.get('other') ?? '';
    out += template.slice(from, m.index) + form.replaceAll('#', String(raw));
    from = close + 1;
    PLURAL_HEAD.lastIndex = from;
  }
  return out + template.slice(from);
}
