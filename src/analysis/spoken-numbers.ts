/**
 * Numbers as they are read aloud, for the script's syllable count: a number token ("1024", "1,024",
 * "$5.50", "12.5%", "1999", "21st", "9:30", "555-0123") becomes its spoken English words or its
 * Mandarin characters. Rules (issue 10 item 4; the README's "Script syllables" lists them):
 * - English (American, no "and"): 1024 → one thousand twenty-four; 0 → zero; decimals digit by digit
 *   after "point"; "%" → percent; currency "$5.50" → five dollars fifty, "$0.50" → fifty cents, "$5" →
 *   five dollars (£ pounds/pence, € euros/cents, ¥ yen); ordinals 21st → twenty-first.
 * - English years: a bare four-digit number 1100–1999 or 2010–2099 is read in pairs (1999 → nineteen
 *   ninety-nine, 1905 → nineteen oh five, 1900 → nineteen hundred); 2000–2009 read as cardinals.
 * - Mandarin: 1024 → 一千零二十四 (万/亿 groups, 零 for gaps, 10–19 → 十…); decimals 点 + digits;
 *   "%" → 百分之…; ¥ → …元, $ → …美元, € → …欧元, £ → …英镑; 9:30 → 九点三十, 9:00 → 九点.
 * - Digit by digit (a code, not an amount): a leading 0, groups joined by dashes or 3+ groups by
 *   spaces, 7+ digits without
 *   separators; in Mandarin also a four-digit year before 年 and digits after 号/码 (工号123 → 一二三).
 *   English reads a 0 there as "oh".
 */

const EN_ONES = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const EN_TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const EN_SCALES = ['', 'thousand', 'million', 'billion', 'trillion'];

// Syllables of the words a number is read with, from CMUdict (one syllable per vowel phone), so the
// count does not depend on a spelling heuristic (which gives "ninety" and "million" three).
const EN_WORD_SYLLABLES: Readonly<Record<string, number>> = {
  zero: 2, oh: 1, one: 1, two: 1, three: 1, four: 1, five: 1, six: 1, seven: 2, eight: 1, nine: 1, ten: 1,
  eleven: 3, twelve: 1, thirteen: 2, fourteen: 2, fifteen: 2, sixteen: 2, seventeen: 3, eighteen: 2, nineteen: 2,
  twenty: 2, thirty: 2, forty: 2, fifty: 2, sixty: 2, seventy: 3, eighty: 2, ninety: 2,
  hundred: 2, thousand: 2, million: 2, billion: 2, trillion: 2, point: 1, percent: 2, "o'clock": 2,
  dollar: 2, dollars: 2, cent: 1, cents: 1, pound: 1, pounds: 1, penny: 2, pence: 1, euro: 2, euros: 2, yen: 1,
  first: 1, second: 2, third: 1, fourth: 1, fifth: 1, sixth: 1, seventh: 2, eighth: 1, ninth: 1, tenth: 1,
  eleventh: 3, twelfth: 1, thirteenth: 2, fourteenth: 2, fifteenth: 2, sixteenth: 2, seventeenth: 3, eighteenth: 2,
  nineteenth: 2, twentieth: 3, thirtieth: 3, fortieth: 3, fiftieth: 3, sixtieth: 3, seventieth: 4, eightieth: 3,
  ninetieth: 3, hundredth: 2, thousandth: 2, millionth: 2, billionth: 2, trillionth: 2,
};

const ORDINAL: Readonly<Record<string, string>> = {
  one: 'first', two: 'second', three: 'third', five: 'fifth', eight: 'eighth', nine: 'ninth', twelve: 'twelfth',
};

/** A number token: time, a code in groups (dashes, or 3+ space-separated groups: 138 1234 5678), or an optionally signed-by-currency amount with decimals, % and ordinal/plural suffix. */
export const NUMBER_TOKEN_SOURCE = String.raw`\d{1,2}:\d{2}(?!\d)|\d+(?:-\d+)+|\d{2,4}(?: \d{3,4}){2,}(?!\d)|[$£€¥]?\d+(?:,\d{3}(?!\d))*(?:\.\d+)?%?(?:(?:st|nd|rd|th|s)(?![A-Za-z]))?`;

interface NumberParts {
  currency: string;
  intDigits: string;
  fracDigits: string | null;
  percent: boolean;
  suffix: string;
  grouped: boolean;
}

function parse(token: string): NumberParts | null {
  const m = /^([$£€¥]?)(\d+(?:,\d{3})*)(?:\.(\d+))?(%?)(st|nd|rd|th|s)?$/.exec(token);
  if (m === null) return null;
  return { currency: m[1], intDigits: m[2].replace(/,/g, ''), fracDigits: m[3] ?? null, percent: m[4] === '%', suffix: m[5] ?? '', grouped: m[2].includes(',') };
}

// Codes (phone numbers, account numbers, numbers with a leading zero) are read digit by digit.
function isCode(p: NumberParts): boolean {
  return p.currency === '' && !p.percent && p.fracDigits === null && !p.grouped
    && ((p.intDigits.length > 1 && p.intDigits.startsWith('0')) || p.intDigits.length >= 7);
}

function enBelowThousand(n: number): string[] {
  const out: string[] = [];
  if (n >= 100) out.push(EN_ONES[Math.floor(n / 100)], 'hundred');
  const rest = n % 100;
  if (rest === 0) return out;
  if (rest < 20) out.push(EN_ONES[rest]);
  else out.push(EN_TENS[Math.floor(rest / 10)], ...(rest % 10 > 0 ? [EN_ONES[rest % 10]] : []));
  return out;
}

/** English words of a non-negative integer written as digits (cardinal, American: no "and"). */
export function englishCardinal(digits: string): string[] {
  const trimmed = digits.replace(/^0+(?=\d)/, '');
  if (/^0+$/.test(trimmed)) return ['zero'];
  if (trimmed.length > 15) return [...trimmed].map((d) => (d === '0' ? 'oh' : EN_ONES[Number(d)]));
  const groups: number[] = [];
  for (let end = trimmed.length; end > 0; end -= 3) groups.unshift(Number(trimmed.slice(Math.max(0, end - 3), end)));
  const out: string[] = [];
  groups.forEach((g, i) => {
    const scale = EN_SCALES[groups.length - 1 - i];
    if (g > 0) out.push(...enBelowThousand(g), ...(scale ? [scale] : []));
  });
  return out;
}

function enYear(n: number): string[] | null {
  if (!((n >= 1100 && n <= 1999) || (n >= 2010 && n <= 2099))) return null;
  const hi = Math.floor(n / 100);
  const lo = n % 100;
  if (lo === 0) return [...enBelowThousand(hi), 'hundred'];
  return [...enBelowThousand(hi), ...(lo < 10 ? ['oh'] : []), ...enBelowThousand(lo)];
}

function enOrdinal(words: string[]): string[] {
  const last = words[words.length - 1];
  const ord = ORDINAL[last] ?? (last.endsWith('y') ? `${last.slice(0, -1)}ieth` : `${last}th`);
  return [...words.slice(0, -1), ord];
}

const EN_CURRENCY: Readonly<Record<string, { one: string; many: string; centOne: string; centMany: string }>> = {
  $: { one: 'dollar', many: 'dollars', centOne: 'cent', centMany: 'cents' },
  '€': { one: 'euro', many: 'euros', centOne: 'cent', centMany: 'cents' },
  '£': { one: 'pound', many: 'pounds', centOne: 'penny', centMany: 'pence' },
  '¥': { one: 'yen', many: 'yen', centOne: 'sen', centMany: 'sen' },
};

function enDigits(digits: string, zero: 'zero' | 'oh'): string[] {
  return [...digits].map((d) => (d === '0' ? zero : EN_ONES[Number(d)]));
}

/** The English words a number token is read with (empty when the token is not a number). */
export function englishNumberWords(token: string): string[] {
  const time = /^(\d{1,2}):(\d{2})$/.exec(token);
  if (time !== null) {
    const minutes = Number(time[2]);
    const hour = englishCardinal(time[1]);
    if (minutes === 0) return [...hour, "o'clock"];
    return [...hour, ...(minutes < 10 ? ['oh'] : []), ...englishCardinal(time[2])];
  }
  if (/^\d+(?:[- ]\d+)+$/.test(token)) return enDigits(token.replace(/[- ]/g, ''), 'oh');
  const p = parse(token);
  if (p === null) return [];
  if (isCode(p)) return enDigits(p.intDigits, 'oh');
  const money = EN_CURRENCY[p.currency];
  if (money !== undefined && !p.percent && (p.fracDigits === null || p.fracDigits.length <= 2)) {
    const units = Number(p.intDigits);
    const cents = p.fracDigits === null ? 0 : Number(p.fracDigits.padEnd(2, '0'));
    const out: string[] = [];
    if (units > 0 || cents === 0) out.push(...englishCardinal(p.intDigits), units === 1 ? money.one : money.many);
    if (cents > 0) out.push(...englishCardinal(String(cents)), ...(units === 0 ? [cents === 1 ? money.centOne : money.centMany] : []));
    return out;
  }
  const n = Number(p.intDigits);
  const plainInteger = p.fracDigits === null && !p.percent && !p.grouped && p.currency === '' && p.intDigits.length === 4;
  let words = (plainInteger ? enYear(n) : null) ?? englishCardinal(p.intDigits);
  if (p.fracDigits !== null) words = [...words, 'point', ...enDigits(p.fracDigits, 'zero')];
  if (/^(st|nd|rd|th)$/.test(p.suffix)) words = enOrdinal(words);
  if (p.percent) words = [...words, 'percent'];
  if (money !== undefined) words = [...words, money.many];
  return words;
}

/** Syllables of one English number word (CMUdict); 1 for a word this table does not know. */
export function englishNumberWordSyllables(word: string): number {
  return EN_WORD_SYLLABLES[word] ?? 1;
}

const ZH_DIGITS = '零一二三四五六七八九';
const ZH_GROUP_UNITS = ['', '万', '亿', '万亿'];

function zhGroup(g: number): string {
  const units = ['千', '百', '十', ''];
  const ds = String(g).padStart(4, '0');
  let out = '';
  let gap = false;
  for (let i = 0; i < 4; i += 1) {
    const d = Number(ds[i]);
    if (d === 0) {
      gap = out.length > 0;
      continue;
    }
    if (gap) out += '零';
    gap = false;
    out += ZH_DIGITS[d] + units[i];
  }
  return out;
}

/** The Mandarin reading of a non-negative integer written as digits (1024 → 一千零二十四). */
export function mandarinCardinal(digits: string): string {
  const trimmed = digits.replace(/^0+(?=\d)/, '');
  if (/^0+$/.test(trimmed)) return '零';
  if (trimmed.length > 16) return mandarinDigits(trimmed);
  const groups: number[] = [];
  for (let end = trimmed.length; end > 0; end -= 4) groups.unshift(Number(trimmed.slice(Math.max(0, end - 4), end)));
  let out = '';
  let gap = false;
  groups.forEach((g, i) => {
    if (g === 0) {
      gap = out.length > 0;
      return;
    }
    if (out.length > 0 && (gap || g < 1000)) out += '零';
    gap = false;
    out += zhGroup(g) + ZH_GROUP_UNITS[groups.length - 1 - i];
  });
  // 10–19 at the head are read 十, 十一 … (not 一十一).
  return out.startsWith('一十') ? out.slice(1) : out;
}

/** Digits read one by one in Mandarin (each one syllable; 1 is read 幺 in codes, also one syllable). */
export function mandarinDigits(digits: string): string {
  return [...digits].map((d) => ZH_DIGITS[Number(d)]).join('');
}

const ZH_CURRENCY: Readonly<Record<string, string>> = { $: '美元', '€': '欧元', '£': '英镑', '¥': '元' };

/**
 * The Mandarin reading of a number token (empty when not a number). `before`/`after` are the text
 * around it: digits after 号/码 and a four-digit year before 年 are read digit by digit.
 */
export function mandarinNumberReading(token: string, before = '', after = ''): string {
  const time = /^(\d{1,2}):(\d{2})$/.exec(token);
  if (time !== null) {
    const minutes = Number(time[2]);
    const hour = mandarinCardinal(time[1]) + '点';
    if (minutes === 0) return hour;
    return hour + (minutes < 10 ? '零' : '') + mandarinCardinal(time[2]);
  }
  if (/^\d+(?:[- ]\d+)+$/.test(token)) return mandarinDigits(token.replace(/[- ]/g, ''));
  const p = parse(token);
  if (p === null) return '';
  const codeByContext = p.currency === '' && !p.percent && p.fracDigits === null && !p.grouped
    && (/[号码]\s*$/u.test(before) || (p.intDigits.length === 4 && /^\s*年/u.test(after)));
  if (isCode(p) || codeByContext) return mandarinDigits(p.intDigits);
  let out = mandarinCardinal(p.intDigits);
  if (p.fracDigits !== null) out += '点' + mandarinDigits(p.fracDigits);
  if (p.percent) out = '百分之' + out;
  return out + (ZH_CURRENCY[p.currency] ?? '');
}
