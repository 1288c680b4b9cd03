/**
 * Script text → parts, syllables and words, counted as the script is read aloud.
 * Mandarin: one syllable per Han character, except an erhua 儿 merged into the syllable before it
 * (点儿 = dianr, one); Latin words and acronyms as latin-words.ts reads them; numbers as
 * spoken-numbers.ts reads them (in Mandarin in a Mandarin script, in English otherwise).
 * English: words by the `syllable` package, case-insensitive. The method is named in the report as
 * SCRIPT_SYLLABLES_METHOD.
 */
import { latinWordSyllables } from './latin-words.ts';
import { englishNumberWords, englishNumberWordSyllables, mandarinNumberReading, NUMBER_TOKEN_SOURCE } from './spoken-numbers.ts';
import type { Lang } from './types.ts';

export { englishWordSyllables } from './latin-words.ts';

/** The name of the script-based syllable count in the report (rate.syllablesMethod). */
export const SCRIPT_SYLLABLES_METHOD = 'script:syllable@5+readings';

/** One part of a script, with its emphasis-marked words. */
export interface ScriptPart {
  index: number;
  /** Text as shown, markers removed. */
  text: string;
  syllables: number;
  words: number;
  /** Words marked for emphasis with *asterisks* in the script. */
  emphasis: string[];
  /** The script's language, which decides how its Latin words and numbers are read (absent: guessed from the part). */
  lang?: Lang;
}

/** A parsed script. */
export interface ParsedScript {
  lang: Lang;
  parts: ScriptPart[];
  syllables: number;
  words: number;
}

// CJK Unified Ideographs, Extension A, Compatibility Ideographs (same ranges as syllables.py).
const HAN_SOURCE = '[\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff]';
const HAN_RE = new RegExp(HAN_SOURCE, 'u');
const LATIN_WORD_SOURCE = "[A-Za-z]+(?:['’][A-Za-z]+)*";
// Signs read as a word: & and, @ at, + plus (和/加 in Mandarin), one syllable each.
const SIGN_SOURCE = '[&@+]';
// One Han character, one number as it is read ("$5.50", "1,024", "9:30"), or one Latin word.
const TOKEN_RE = new RegExp(`(${HAN_SOURCE})|(${NUMBER_TOKEN_SOURCE})|(${LATIN_WORD_SOURCE})|(${SIGN_SOURCE})`, 'gu');
// Part boundaries: the issue's ，,。.?？ plus ！!；; and an explicit '|' marker; a '.' or ',' between
// digits ("$5.50", "1,024") is part of a number, not a boundary.
export const PART_DELIMITERS_SOURCE = String.raw`(?:[，。?？！!；;|]|(?<!\d)[.,]|[.,](?!\d))+`;
const PART_SPLIT_RE = new RegExp(PART_DELIMITERS_SOURCE, 'u');

// 儿 is its own syllable at the start of a word (儿子, 儿童) and after these characters (女儿, 婴儿,
// 幼儿, 孤儿, 胎儿, 患儿, 健儿, 宠儿, 少儿, 男儿, 育儿, 新生儿); after any other character it is the erhua
// suffix, read into the syllable before it (点儿, 这儿, 一会儿), as the corpus's pinyin writes it (dianr3).
const ER_FULL_AFTER = new Set([...'女婴幼孤胎患健宠少男育生乳侄孙']);
const ER_WORD_START_BEFORE = new Set([...'子童科女歌时孙媳戏']);

/** Full-width digits, letters and signs (１２３, ＡＰＰ, ％, ￥) as their ASCII forms, same length. */
function halfWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\uffe5/g, '¥');
}

/** One token of a text as it is read: its place, syllables and spoken words. */
export interface ReadToken {
  text: string;
  /** Index of the token in the text. */
  at: number;
  syllables: number;
  words: number;
  han: boolean;
}

/** The tokens of a text in order with their syllables as read in a script of `lang`. */
export function readTokens(text: string, lang: Lang): ReadToken[] {
  const t = halfWidth(text);
  const out: ReadToken[] = [];
  for (const m of t.matchAll(TOKEN_RE)) {
    const at = m.index;
    const [token, han, number, , sign] = m;
    if (han !== undefined) {
      const prev = t.charAt(at - 1);
      const erhua = token === '儿' && HAN_RE.test(prev) && !ER_FULL_AFTER.has(prev) && !ER_WORD_START_BEFORE.has(t.charAt(at + 1));
      out.push({ text: token, at, syllables: erhua ? 0 : 1, words: erhua ? 0 : 1, han: true });
    } else if (number !== undefined) {
      if (lang === 'zh') {
        const reading = mandarinNumberReading(token, t.slice(Math.max(0, at - 2), at), t.slice(at + token.length, at + token.length + 1));
        out.push({ text: token, at, syllables: reading.length, words: 1, han: false });
      } else {
        const words = englishNumberWords(token);
        out.push({ text: token, at, syllables: words.reduce((s, w) => s + englishNumberWordSyllables(w), 0), words: words.length, han: false });
      }
    } else if (sign !== undefined) {
      out.push({ text: token, at, syllables: 1, words: 1, han: false });
    } else {
      // "am"/"pm" after a time is spelt ("9 am", "10:30pm"), not the word "am".
      const afterNumber = out.length > 0 && /\d$/.test(out[out.length - 1].text) && /^\s*$/.test(t.slice(out[out.length - 1].at + out[out.length - 1].text.length, at));
      const syllables = afterNumber && /^[ap]m$/i.test(token) ? 2 : latinWordSyllables(token, lang);
      out.push({ text: token, at, syllables, words: 1, han: false });
    }
  }
  return out;
}

// The language a text is read in when the caller does not say: Mandarin when it has Han characters.
function langOfText(text: string): Lang {
  return HAN_RE.test(text) ? 'zh' : 'en';
}

/**
 * Syllables and words of a text as read in a script of `lang` (default: Mandarin when the text has Han
 * characters): Han characters one each (erhua merged), Latin words and numbers as read.
 */
export function countText(text: string, lang: Lang = langOfText(text)): { syllables: number; words: number; han: number } {
  let syllables = 0;
  let words = 0;
  let han = 0;
  for (const token of readTokens(text, lang)) {
    syllables += token.syllables;
    words += token.words;
    if (token.han) han += 1;
  }
  return { syllables, words, han };
}

/** Guess the script language: Mandarin when Han characters are at least as many as the other words. */
export function guessLang(text: string): Lang {
  const t = halfWidth(text);
  let han = 0;
  let other = 0;
  for (const m of t.matchAll(TOKEN_RE)) {
    if (m[1] !== undefined) han += 1;
    else if (m[4] === undefined) other += 1;
  }
  return han > 0 && han >= other ? 'zh' : 'en';
}

/** One word of a part in syllable order: a Han character, a Latin word or number, or a whole marked phrase. */
export interface PartWord {
  text: string;
  /** Syllables of the part before this word. */
  firstSyllable: number;
  syllables: number;
  /** Index into the part's `emphasis` when this is a marked phrase, else null. */
  emphasisIndex: number | null;
}

const LATIN_OR_DIGIT_RE = /[A-Za-z0-9']/;

// Where `word` occurs in `text` at or after `from`: preferably not inside a Latin word ("Sam" is not
// found in "Sample" when a standalone "Sam" follows); else the first occurrence at all; −1 if none.
function findWord(text: string, word: string, from: number): number {
  const isCut = (a: string, b: string): boolean => LATIN_OR_DIGIT_RE.test(a) && LATIN_OR_DIGIT_RE.test(b);
  for (let at = text.indexOf(word, from); at >= 0; at = text.indexOf(word, at + 1)) {
    const end = at + word.length;
    if (!isCut(text.charAt(at - 1), word.charAt(0)) && !isCut(word.charAt(word.length - 1), text.charAt(end))) return at;
  }
  return text.indexOf(word, from);
}

/** The words of a part with their syllable positions; each marked phrase is one word. Marks not found in the text are left out. */
export function partWords(part: ScriptPart): PartWord[] {
  const lang = part.lang ?? langOfText(part.text);
  // Read the whole part once, so a token keeps its neighbours (erhua, 工号123) whether or not it is marked.
  const tokens = readTokens(part.text, lang);
  const out: PartWord[] = [];
  let syllable = 0;
  let next = 0;
  const plainUntil = (end: number): void => {
    for (; next < tokens.length && tokens[next].at < end; next += 1) {
      const token = tokens[next];
      if (token.syllables === 0) continue;
      out.push({ text: token.text, firstSyllable: syllable, syllables: token.syllables, emphasisIndex: null });
      syllable += token.syllables;
    }
  };
  let pos = 0;
  part.emphasis.forEach((word, emphasisIndex) => {
    const at = word.length > 0 ? findWord(part.text, word, pos) : -1;
    if (at < 0) return;
    plainUntil(at);
    let n = 0;
    for (; next < tokens.length && tokens[next].at < at + word.length; next += 1) n += tokens[next].syllables;
    out.push({ text: word, firstSyllable: syllable, syllables: n, emphasisIndex });
    syllable += n;
    pos = at + word.length;
  });
  plainUntil(Infinity);
  return out;
}

/** Parse a script into parts; `*word*` marks a word for emphasis. */
export function parseScript(script: string, lang?: Lang): ParsedScript {
  const resolvedLang = lang ?? guessLang(script);
  const parts: ScriptPart[] = [];
  for (const raw of script.split(PART_SPLIT_RE)) {
    const emphasis = [...raw.matchAll(/\*([^*]+)\*/g)].map((m) => m[1].trim());
    const text = raw.replace(/\*/g, '').trim();
    if (text.length === 0) continue;
    const { syllables, words } = countText(text, resolvedLang);
    if (syllables === 0) continue;
    parts.push({ index: parts.length, text, syllables, words, emphasis, lang: resolvedLang });
  }
  const syllables = parts.reduce((s, p) => s + p.syllables, 0);
  const words = parts.reduce((s, p) => s + p.words, 0);
  return { lang: resolvedLang, parts, syllables, words };
}
