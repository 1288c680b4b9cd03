/**
 * Script text → parts, syllables and words.
 * Mandarin: one syllable per Han character (as the fixtures' syllables.py).
 * English: a dictionary-free orthographic heuristic, a port of the fixtures' syllables.py:
 * vowel groups, minus a silent final -e (not consonant + "le", not -ee/-ye), a silent -ed
 * (not after t/d) and a silent -es (not after sibilants); words of ≤ 3 letters count 1;
 * all-capitals acronyms are spelt out.
 */
import type { Lang } from './types.ts';

/** One part of a script, with its emphasis-marked words. */
export interface ScriptPart {
  index: number;
  /** Text as shown, markers removed. */
  text: string;
  syllables: number;
  words: number;
  /** Words marked for emphasis with *asterisks* in the script. */
  emphasis: string[];
}

/** A parsed script. */
export interface ParsedScript {
  lang: Lang;
  parts: ScriptPart[];
  syllables: number;
  words: number;
}

// CJK Unified Ideographs, Extension A, Compatibility Ideographs (same ranges as syllables.py).
const HAN_RE = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/gu;
const LATIN_WORD_RE = /[A-Za-z']+|[0-9]+/g;
// Part boundaries: the issue's ，,。.?？ plus ！!；; and an explicit '|' marker.
const PART_SPLIT_RE = /[，,。.?？！!；;|]+/u;

/** Syllables of one English word by the orthographic heuristic. */
export function englishWordSyllables(word: string): number {
  const w = word.toLowerCase().replace(/[^a-z]/g, '');
  if (w.length === 0) return 0;
  if (w.length <= 3) return 1;
  let n = (w.match(/[aeiouy]+/g) ?? []).length;
  const before = w.charAt(w.length - 3);
  if (w.endsWith('e') && !w.endsWith('ee') && !w.endsWith('ye')) {
    const consonantLe = w.endsWith('le') && !'aeiouy'.includes(before);
    if (!consonantLe && n > 1) n -= 1;
  } else if (w.endsWith('ed') && !'td'.includes(before) && n > 1) {
    n -= 1;
  } else if (w.endsWith('es') && !/(s|x|z|ch|sh|ce|ge)es$/.test(w) && n > 1) {
    n -= 1;
  }
  return Math.max(1, n);
}

// An all-capitals token of 2–5 letters is an acronym, spelt letter by letter ("W" has three syllables).
function tokenSyllables(token: string): number {
  if (!/^[A-Z]{2,5}$/.test(token)) return englishWordSyllables(token);
  let n = 0;
  for (const letter of token) n += letter === 'W' ? 3 : 1;
  return n;
}

/** Syllables and words of a text: Han characters count one each; Latin words by the heuristic; digits one per digit. */
export function countText(text: string): { syllables: number; words: number; han: number } {
  const han = (text.match(HAN_RE) ?? []).length;
  let syllables = han;
  let words = 0;
  for (const token of text.replace(HAN_RE, ' ').match(LATIN_WORD_RE) ?? []) {
    words += 1;
    syllables += /^[0-9]+$/.test(token) ? token.length : tokenSyllables(token);
  }
  return { syllables, words: words + han, han };
}

/** Guess the script language: Mandarin when Han characters dominate. */
export function guessLang(text: string): Lang {
  const { han, words } = countText(text);
  return han > 0 && han >= (words - han) ? 'zh' : 'en';
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

// One Han character, or one run of Latin letters/apostrophes, or one run of digits (countText's tokens).
const WORD_TOKEN_RE = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]|[A-Za-z']+|[0-9]+/gu;
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
  const out: PartWord[] = [];
  let syllable = 0;
  const plain = (segment: string): void => {
    for (const token of segment.match(WORD_TOKEN_RE) ?? []) {
      const n = countText(token).syllables;
      if (n === 0) continue;
      out.push({ text: token, firstSyllable: syllable, syllables: n, emphasisIndex: null });
      syllable += n;
    }
  };
  let pos = 0;
  part.emphasis.forEach((word, emphasisIndex) => {
    const at = word.length > 0 ? findWord(part.text, word, pos) : -1;
    if (at < 0) return;
    plain(part.text.slice(pos, at));
    const n = countText(word).syllables;
    out.push({ text: word, firstSyllable: syllable, syllables: n, emphasisIndex });
    syllable += n;
    pos = at + word.length;
  });
  plain(part.text.slice(pos));
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
    const { syllables, words } = countText(text);
    if (syllables === 0) continue;
    parts.push({ index: parts.length, text, syllables, words, emphasis });
  }
  const syllables = parts.reduce((s, p) => s + p.syllables, 0);
  const words = parts.reduce((s, p) => s + p.words, 0);
  return { lang: resolvedLang, parts, syllables, words };
}
