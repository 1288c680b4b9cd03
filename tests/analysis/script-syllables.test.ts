/** Script syllables as read aloud: capitals, numbers and amounts, erhua, Latin in Mandarin; MagicData's counts when present. */
import { describe, expect, it } from 'vitest';
import { countText, parseScript, partWords } from '../../src/analysis/script.ts';
import { englishNumberWords, mandarinNumberReading } from '../../src/analysis/spoken-numbers.ts';
import { haveTruth, readTruthCsv } from '../helpers/truth.ts';

const en = (text: string): number => countText(text, 'en').syllables;
const zh = (text: string): number => countText(text, 'zh').syllables;

describe('English script syllables', () => {
  it('reads capitals as words, not acronyms', () => {
    expect(en('A GOLDEN FORTUNE AND A HAPPY LIFE')).toBe(10);
    expect(en('A GOLDEN FORTUNE AND A HAPPY LIFE')).toBe(en('a golden fortune and a happy life'));
    expect(en('Do NOT hang up')).toBe(4);
    expect(en('NASA')).toBe(2);
  });

  it('spells acronyms: no vowel letter, or 2–3 capitals that are not a common word; W is three', () => {
    expect(en('BBC')).toBe(3);
    expect(en('HTML')).toBe(4);
    expect(en('VIP')).toBe(3);
    expect(en('CEO')).toBe(3);
    expect(en('CDs')).toBe(2);
    expect(en('WWW')).toBe(9);
    expect(en('Plan B')).toBe(2);
    expect(en('ICBC')).toBe(4);
    expect(en('HDMI')).toBe(4);
    expect(en('ENGLISH WORLDS ADDS')).toBe(en('English worlds adds'));
  });

  it.each([
    ['1024', 'one thousand twenty four', 6],
    ['1,024', 'one thousand twenty four', 6],
    ['$5.50', 'five dollars fifty', 5],
    ['$0.50', 'fifty cents', 3],
    ['$1', 'one dollar', 3],
    ['£2.05', 'two pounds five', 3],
    ['12.5%', 'twelve point five percent', 5],
    ['1999', 'nineteen ninety nine', 5],
    ['1905', 'nineteen oh five', 4],
    ['2005', 'two thousand five', 4],
    ['2024', 'twenty twenty four', 5],
    ['21st', 'twenty first', 3],
    ['90th', 'ninetieth', 3],
    ['9:30', 'nine thirty', 3],
    ['9:00', "nine o'clock", 3],
    ['555-0123', 'five five five oh one two three', 7],
    ['0800', 'oh eight oh oh', 4],
    ['1000000', 'one oh oh oh oh oh oh', 7],
    ['1,000,000', 'one million', 3],
  ])('reads %s as “%s” (%i syllables)', (token, words, syllables) => {
    expect(englishNumberWords(token).join(' ').replace(/-/g, ' ')).toBe(words);
    expect(en(token)).toBe(syllables);
  });

  it('reads signs, am/pm after a time, and common abbreviations', () => {
    expect(en('AT&T')).toBe(3);
    expect(en('open 9 am to 5:30pm')).toBe(2 + 1 + 2 + 1 + 3 + 2);
    expect(en('Mrs Smith and Dr Lee')).toBe(2 + 1 + 1 + 2 + 1);
    expect(en('call 555 123 4567')).toBe(1 + 9 + 2); // seven has two
  });

  it('keeps amounts whole when splitting parts and counts their spoken words', () => {
    const s = parseScript('That is $1,024.99 today. Thank you.', 'en');
    expect(s.parts.map((p) => p.text)).toEqual(['That is $1,024.99 today', 'Thank you']);
    // that is (2) + one thousand twenty-four dollars ninety-nine (11) + today (2); thank you (2).
    expect(s.syllables).toBe(17);
    expect(s.words).toBe(2 + 7 + 1 + 2);
  });
});

describe('Mandarin script syllables', () => {
  it.each([
    ['1024', '一千零二十四'],
    ['10', '十'],
    ['15', '十五'],
    ['100010', '十万零一十'],
    ['20000', '二万'],
    ['3.14', '三点一四'],
    ['50%', '百分之五十'],
    ['¥5.50', '五点五零元'],
    ['9:30', '九点三十'],
    ['13812345678', '一三八一二三四五六七八'],
  ])('reads %s as %s', (token, reading) => {
    expect(mandarinNumberReading(token)).toBe(reading);
    expect(zh(token)).toBe(reading.length);
  });

  it('reads codes digit by digit: after 号/码, a year before 年', () => {
    expect(zh('工号123')).toBe(2 + 3);
    expect(zh('2024年')).toBe(4 + 1);
    expect(zh('1024元')).toBe(6 + 1);
    expect(zh('拨打138 1234 5678')).toBe(2 + 11);
    expect(zh('400-800-8888')).toBe(10);
  });

  it('spells capitals and vowel-less words, reads other Latin words as English', () => {
    expect(zh('下载APP')).toBe(2 + 3);
    expect(zh('VIP一对一')).toBe(3 + 3);
    expect(zh('学习Java CSS')).toBe(2 + 2 + 3);
    expect(zh('摁一下home键')).toBe(3 + 1 + 1);
    expect(zh('八G的内存')).toBe(1 + 1 + 3);
    expect(zh('4G网络')).toBe(1 + 1 + 2);
    expect(zh('我是Sam')).toBe(2 + 1);
    expect(zh('ok吧')).toBe(2 + 1);
    expect(zh('SIM卡')).toBe(1 + 1);
    expect(zh('OPPO手机')).toBe(2 + 2);
  });

  it('merges an erhua 儿 into the syllable before it, except where 儿 is its own word', () => {
    expect(zh('多点儿')).toBe(2);
    expect(zh('这儿和那儿')).toBe(3);
    expect(zh('一会儿')).toBe(2);
    expect(zh('女儿')).toBe(2);
    expect(zh('婴儿')).toBe(2);
    expect(zh('儿子')).toBe(2);
    expect(zh('儿童节')).toBe(3);
  });

  it('gives each word of a part the syllables it has in the whole part', () => {
    const [part] = parseScript('多点儿*APP*', 'zh').parts;
    expect(part.syllables).toBe(2 + 3);
    const words = partWords(part);
    expect(words.map((w) => [w.text, w.syllables])).toEqual([['多', 1], ['点', 1], ['APP', 3]]);
    expect(words[2].firstSyllable).toBe(2);
  });
});

describe.runIf(haveTruth)('MagicData: script syllables against the corpus pronunciation', () => {
  const rows = haveTruth ? readTruthCsv('magicdata/magicdata.csv') : [];
  const errors = (kind: 'pure' | 'mixed'): number[] =>
    rows.filter((r) => (r.text_kind === 'pure') === (kind === 'pure')).map((r) => parseScript(r.script, 'zh').syllables - Number(r.syllables));

  it('is exact on every pure Mandarin script', () => {
    const e = errors('pure');
    expect(e.length).toBe(40);
    expect(e.filter((d) => d !== 0)).toEqual([]);
  });

  it('is exact on ≥ 16 of the 20 mixed scripts and within one syllable on all', () => {
    const e = errors('mixed');
    expect(e.length).toBe(20);
    expect(e.filter((d) => d === 0).length).toBeGreaterThanOrEqual(16);
    expect(e.filter((d) => Math.abs(d) > 1)).toEqual([]);
  });
});
