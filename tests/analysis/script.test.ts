import { describe, expect, it } from 'vitest';
import { countText, englishWordSyllables, guessLang, parseScript } from '../../src/analysis/script.ts';

describe('script syllables', () => {
  // Counts from ../shared/fixtures/manifest.json (zh = Han characters; en = the hand count
  // `syllables_hand`, which for LJ001-0004 is 22 where syllables.py's heuristic said 21).
  it.each([
    ['produced the block books, which were the immediate predecessors of the true printed book,', 22],
    ['we must find a new home in the stars', 9],
    ['Good afternoon, this is Sam, glad to help you.', 11],
    ['Hello, Northwind Support, this is Sam, how can I help you today?', 16],
    ['希望你以后能够做的比我还好呦。', 14],
    ['下午好，我是王芳，很高兴为您服务', 14],
    ['您好，星海客服，我是王芳，请问有什么可以帮您？', 19],
  ])('%s → %i', (text, expected) => {
    expect(countText(text).syllables).toBe(expected);
  });

  it('reads English words with the syllable package, -es after a sibilant its own syllable', () => {
    expect(englishWordSyllables('table')).toBe(2);
    expect(englishWordSyllables('make')).toBe(1);
    expect(englishWordSyllables('wanted')).toBe(2);
    expect(englishWordSyllables('vanished')).toBe(2);
    expect(englishWordSyllables('horses')).toBe(2);
    expect(englishWordSyllables('the')).toBe(1);
    expect(englishWordSyllables('')).toBe(0);
  });

  it('counts words for wpm and Han characters for chars/min', () => {
    expect(countText('Good afternoon, this is Sam').words).toBe(5);
    expect(countText('您好 ABC 客服').syllables).toBe(4 + 3);
  });

  it('counts a Latin name in a Mandarin script as it is read: its English syllables, digits one each', () => {
    expect(countText('我是Sam').syllables).toBe(2 + 1);
    expect(countText('我是Alexander').syllables).toBe(2 + 4);
    expect(countText('我是Alexander').syllables).toBe(2 + englishWordSyllables('Alexander'));
    expect(countText('您好，Riverside Bank，我是Mary').syllables).toBe(2 + 3 + 1 + 2 + 2);
    expect(countText('工号123').syllables).toBe(2 + 3);
    // The script's total, so the Mandarin rate (chars/min) counts the name's syllables, not one per name.
    expect(parseScript('您好，星河银行，我是Alexander，请问有什么可以帮您？', 'zh').syllables).toBe(2 + 4 + 2 + 4 + 9);
  });

  it('guesses the language', () => {
    expect(guessLang('您好，星海客服')).toBe('zh');
    expect(guessLang('Hello, Northwind')).toBe('en');
  });
});

describe('script parts', () => {
  it('splits the four-part greeting at Chinese and Western punctuation', () => {
    const s = parseScript('您好，*星海客服*，我是王芳，请问有什么可以*帮您*？');
    expect(s.lang).toBe('zh');
    expect(s.parts.map((p) => p.text)).toEqual(['您好', '星海客服', '我是王芳', '请问有什么可以帮您']);
    expect(s.parts.map((p) => p.syllables)).toEqual([2, 4, 4, 9]);
    expect(s.parts[1].emphasis).toEqual(['星海客服']);
    expect(s.parts[3].emphasis).toEqual(['帮您']);
    expect(s.syllables).toBe(19);
  });

  it('honours explicit | markers and drops empty parts', () => {
    const s = parseScript('Hello | Northwind Support,, this is Sam.', 'en');
    expect(s.parts.map((p) => p.text)).toEqual(['Hello', 'Northwind Support', 'this is Sam']);
    expect(s.words).toBe(6);
  });
});
