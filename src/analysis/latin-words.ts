/**
 * Syllables of a Latin-letter word as it is read: an English word by the `syllable` package (a kept
 * library: a dictionary of exceptions plus rules), an acronym spelt letter by letter. Case-insensitive:
 * capitals alone do not make an acronym. Rules (the README's "Script syllables"):
 * - Spelt (each letter one syllable, W three: "double-u"): a single letter other than the words "a"/"I"
 *   in English; a word without a vowel letter (a e i o u y: "CSS", "TV", "ppt");
 *   a word of 2–3 letters in capitals, in English unless it is a common short word ("VIP", "CEO" but
 *   not "AND", "NOT"), in Mandarin unless it is one of the few read as words ("APP", "VIP", "QQ" but
 *   not "SIM"), and in Mandarin also in lower case ("app", "ok": a Mandarin writer's acronym; "Sam"
 *   with its capital is a name); capitals of 4+ letters that English could not pronounce as a word:
 *   a start that is no English onset ("HDMI") or a final run of 3+ consonants that is no English coda
 *   ("ICBC", "ISBN"). Capitals with a plural s ("CDs") are spelt, the s adds none.
 * - English abbreviations Mr, Mrs, Dr, Jr, St, vs, etc are read as their words.
 * - Otherwise the word is read: "GOLDEN" = "golden" = 2, "NASA" = 2, "Java" = 2, "home" = 1.
 */
import { syllable } from 'syllable';
import type { Lang } from './types.ts';

// Common English words of 2–3 letters that are read as words when written in capitals (an all-caps
// sentence, an emphasised "NOT"); other capitals of that length are taken as acronyms. AM/PM, OK and
// IT-style initialisms are left out on purpose: in scripts they are mostly spelt.
const SHORT_WORDS = new Set(`
ah an as at be by do eh go ha he hi if in is it me my no of oh on or ow ox so to uh um up us we ya ye yo
act add age ago aid aim air all and any app are arm art ask ate bad bag ban bar bed bet big bit box boy bus
but buy bye can cap car cat cow cry cup cut dad day did die dig dog dry due ear eat egg end era eve eye fan
far fat fee few fit fix fly for fox fun gas get god got gun guy had has hat her hey him his hit hot how ice
ill its job joy key kid law lay leg let lie log lot low mad man map may men met mix mom net new nor not
now nut odd off oil old one our out owe own pay pen per pet pie pin pot put ran red rid row run sad sat saw
say sea see set she sit six sky son sun tax tea ten the tie tip too top toy try two use via war was way wet
who why win won yes yet you zip apt bug dip fed fog hop hug jam jet lap lip mud nap pop rag raw rob rug sip
tag tan tub van web wig zoo`.trim().split(/\s+/));

// Capitals of 2–3 letters that Mandarin speakers read as a word (SIM卡 = "sim" ka), not spelt.
const ZH_SHORT_WORDS = new Set(['sim', 'pro', 'max', 'mac']);

// English onsets of two or three consonants (y counts as a vowel here): a word starting with any
// other consonant pair (HD-, NB-, CC-) cannot be read as an English word.
const ONSETS_2 = new Set('bl br ch cl cr dr dw fl fr gh gl gn gr kl kn kr ph pl pr ps qu sc sh sk sl sm sn sp st sv sw th tr ts tw vl wh wr'.split(' '));
const ONSETS_3 = new Set('chr phr sch scr shr spl spr squ str thr'.split(' '));

// Whether capitals of 4+ letters can be read as an English word: an English onset, and a final run
// of 3+ consonants only when it is shaped like an English coda: from a sonorant, s, a stop or a double
// consonant, to -s, -t, -d or -h ("-LTS", "-NGTH", "-RCH", "-PTS", "-DDS"; not "-BCD", "-CBC", "-SBN").
function pronounceable(word: string): boolean {
  const w = word.toLowerCase();
  const onset = /^[^aeiouy]*/.exec(w)?.[0] ?? '';
  if (onset.length === 2 && !ONSETS_2.has(onset)) return false;
  if (onset.length === 3 && !ONSETS_3.has(onset)) return false;
  if (onset.length > 3) return false;
  const coda = /[^aeiouy]*$/.exec(w)?.[0] ?? '';
  return coda.length < 3 || (/[stdh]$/.test(coda) && (/^[lmnrscgxpkt]/.test(coda) || coda[0] === coda[1]));
}

// English abbreviations read as the word they stand for (Title or lower case; capitals are acronyms).
const ABBREVIATIONS: Readonly<Record<string, number>> = { mr: 2, mrs: 2, dr: 2, jr: 2, st: 1, vs: 2, etc: 4 };

/** Syllables of spelling a word out letter by letter ("W" is "double-u", three). */
export function spelledSyllables(letters: string): number {
  let n = 0;
  for (const ch of letters) if (/[A-Za-z]/.test(ch)) n += ch === 'W' || ch === 'w' ? 3 : 1;
  return n;
}

// A plural or 3rd-person -es after a sibilant is its own syllable ("horses", "glasses", "wishes"); the
// package (5.0.1) singularises and then drops it for some words ("horses" = 1, "classes" = 1,
// "wishes" = 3), so these count the stem and add one.
const SIBILANT_ES_RE = /^(.+(?:[sxzcg]|ch|sh))es$/;

/** Syllables of an English word by the `syllable` package (case-insensitive; 0 for no letters). */
export function englishWordSyllables(word: string): number {
  const w = word.toLowerCase().replace(/[^a-z']/g, '');
  if (!/[a-z]/.test(w)) return 0;
  const sibilantEs = w.length > 4 ? SIBILANT_ES_RE.exec(w) : null;
  if (sibilantEs !== null) return Math.max(1, syllable(sibilantEs[1])) + 1;
  return Math.max(1, syllable(w));
}

/** How a Latin word is read in a script of the given language. */
export function latinWordReading(word: string, lang: Lang): 'spelled' | 'word' {
  const letters = word.replace(/['’]/g, '');
  const stem = /^[A-Z]{2,}s$/.test(letters) ? letters.slice(0, -1) : letters;
  if (stem.length === 1) return lang === 'en' && /^[aAI]$/.test(stem) ? 'word' : 'spelled';
  if (!/[aeiouy]/i.test(stem)) return 'spelled';
  const capitals = stem === stem.toUpperCase();
  const lower = stem.toLowerCase();
  if (stem.length <= 3) {
    if (lang === 'zh') return (capitals || stem === lower) && !ZH_SHORT_WORDS.has(lower) ? 'spelled' : 'word';
    return capitals && !SHORT_WORDS.has(lower) ? 'spelled' : 'word';
  }
  return capitals && !pronounceable(stem) ? 'spelled' : 'word';
}

/** Syllables of a Latin word as it is read in a script of the given language. */
export function latinWordSyllables(word: string, lang: Lang): number {
  const abbreviation = word !== word.toUpperCase() ? ABBREVIATIONS[word.toLowerCase()] : undefined;
  if (abbreviation !== undefined && lang === 'en') return abbreviation;
  if (latinWordReading(word, lang) === 'word') return englishWordSyllables(word);
  return spelledSyllables(/^[A-Z]{2,}s$/.test(word) ? word.slice(0, -1) : word);
}
