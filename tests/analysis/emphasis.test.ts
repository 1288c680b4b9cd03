// Keyword emphasis: words located inside their parts and measured against their neighbours, on
// synthetic phrases with known truth (a prominence bump: +4 st, +3 dB humps, 1.4× longer syllables),
// then on the espeak greetings of ../shared/fixtures.
import { describe, expect, it } from 'vitest';
import { DEFAULT_BANDS } from '../../src/guidelines/bands.ts';
import { emphasisStatus, prominenceScores } from '../../src/analysis/emphasis.ts';
import type { WordCues } from '../../src/analysis/emphasis-cues.ts';
import { analyzeRecording, type AnalysisReport, type Lang } from '../../src/analysis/index.ts';
import { parseScript, partWords } from '../../src/analysis/script.ts';
import { energyDipSec, nucleiCountMatches, partSyllables } from '../../src/analysis/syllable-times.ts';
import { decodeFixture, hasFixture } from '../helpers/fixtures.ts';
import { partsAt, speechLike, type PhraseSpec, type SyllableBump } from '../helpers/synth.ts';

const FS = 16000;
const SYL_SEC = 0.25; // 4 syllables per second
const voice = { f0StartHz: 220, f0EndHz: 190, levelDbfs: -24, syllablesPerSec: 1 / SYL_SEC };
const PAUSE_SEC = 0.4;
const FIRST_SEC = 0.5;
const stressed = (firstSyllable: number, syllableCount: number): SyllableBump =>
  ({ firstSyllable, syllableCount, pitchSt: 4, levelDb: 3, durationFactor: 1.4 });

interface Take {
  phrases: PhraseSpec[];
  report: AnalysisReport;
  samples: Float32Array;
}

function take(script: string, lang: Lang, bumps: (SyllableBump | null)[], edit?: (p: PhraseSpec[]) => PhraseSpec[], gain = 1): Take {
  const counts = parseScript(script, lang).parts.map((p) => p.syllables);
  const phrases = (edit ?? ((p) => p))(partsAt(FIRST_SEC, counts, PAUSE_SEC, voice, bumps));
  const x = speechLike({ sampleRateHz: FS, durationSec: phrases[phrases.length - 1].endSec + 0.6, phrases, noiseDbfs: -70, seed: 3 });
  const samples = gain === 1 ? x : x.map((v) => v * gain);
  return { phrases, samples, report: analyzeRecording({ channels: [samples], sampleRateHz: FS }, { lang, script }) };
}

const emphasisVerdict = (r: AnalysisReport) => r.verdicts.find((v) => v.guideline === 'emphasis');

// Mandarin: 您好 | 星海客服 (marked word at the start) | 我是王芳 | 请问有什么可以帮您 (marked word at the end).
const ZH = '您好，*星海*客服，我是王芳，请问有什么可以*帮您*？';
const ZH_BUMPS = [null, stressed(0, 2), null, stressed(7, 2)];
// English: Hello | Northwind Support (at the start) | this is Sam | how can I help you today (in the middle).
const EN = 'Hello, *Northwind* Support, this is Sam, how can I *help* you today?';
const EN_BUMPS = [null, stressed(0, 2), null, stressed(3, 1)];

/** Where a bumped word truly is: its phrase's start plus the syllables before it. */
function truth(phrase: PhraseSpec, bump: SyllableBump): { startSec: number; endSec: number } {
  const startSec = phrase.startSec + bump.firstSyllable * SYL_SEC;
  return { startSec, endSec: startSec + bump.syllableCount * bump.durationFactor * SYL_SEC };
}

describe('script words', () => {
  it('splits a part into words with syllable positions; a marked phrase is one word', () => {
    const [part] = parseScript('Hello *Northwind Support* team', 'en').parts;
    expect(partWords(part)).toEqual([
      { text: 'Hello', firstSyllable: 0, syllables: 2, emphasisIndex: null },
      { text: 'Northwind Support', firstSyllable: 2, syllables: 4, emphasisIndex: 0 },
      { text: 'team', firstSyllable: 6, syllables: 1, emphasisIndex: null },
    ]);
    const [zh] = parseScript('请问有什么可以*帮您*', 'zh').parts;
    expect(partWords(zh).map((w) => [w.text, w.firstSyllable])).toEqual(
      [['请', 0], ['问', 1], ['有', 2], ['什', 3], ['么', 4], ['可', 5], ['以', 6], ['帮您', 7]]);
  });

  it('finds a marked word as a word, not inside a longer one', () => {
    const part = { index: 0, text: 'Sample Sam', syllables: 3, words: 2, emphasis: ['Sam'] };
    expect(partWords(part).find((w) => w.emphasisIndex === 0)?.firstSyllable).toBe(2);
  });
});

describe('syllable timing', () => {
  it('accepts nuclei counts within 15 % of the script syllables (at least 1)', () => {
    expect([nucleiCountMatches(4, 4), nucleiCountMatches(5, 4), nucleiCountMatches(6, 4), nucleiCountMatches(0, 1)]).toEqual([true, true, false, false]);
    expect([nucleiCountMatches(17, 20), nucleiCountMatches(16, 20)]).toEqual([true, false]);
  });

  it('cuts syllables at the energy dip between nuclei, not at their midpoint', () => {
    // A short (0.2 s) and a long (0.4 s) hump: nuclei at their centres 0.1 and 0.4 s, midpoint 0.25 s, dip 0.2 s.
    const x = new Float32Array(0.6 * FS);
    for (let i = 0; i < x.length; i++) {
      const t = i / FS;
      const env = t < 0.2 ? Math.sin((Math.PI * t) / 0.2) ** 2 : Math.sin((Math.PI * (t - 0.2)) / 0.4) ** 2;
      x[i] = (0.05 + env) * Math.sin(2 * Math.PI * 200 * t);
    }
    expect(energyDipSec(x, FS, 0.1, 0.4)).toBeCloseTo(0.2, 2);
    const timed = partSyllables({ startSec: 0, endSec: 0.6 }, 2, [0.1, 0.4], [{ startSec: 0, endSec: 0.6 }], x, FS);
    expect(timed.located).toBe('nuclei');
    expect(timed.boundariesSec[1]).toBeCloseTo(0.2, 2);
  });

  it('falls back to equal shares of sounding time, skipping silences', () => {
    const timed = partSyllables({ startSec: 1, endSec: 3 }, 4, [1.5], [{ startSec: 1, endSec: 1.8 }, { startSec: 2.6, endSec: 3 }], new Float32Array(3 * FS), FS);
    expect(timed.located).toBe('proportional');
    expect(timed.boundariesSec.map((t) => +t.toFixed(6))).toEqual([1, 1.3, 1.6, 2.7, 3]);
  });
});

describe('word verdicts', () => {
  const cues = (pitchGainSt: number | null, levelGainDb: number | null, durationRatio: number | null): WordCues =>
    ({ pitchGainSt, levelGainDb, durationRatio, wordVoiced: true });
  it('follows the language rules of GUIDELINES.md', () => {
    const zh = DEFAULT_BANDS.zh.emphasis;
    const en = DEFAULT_BANDS.en.emphasis;
    expect(emphasisStatus(cues(2.5, 0, 1.3), true, 'zh', zh)).toBe('good');
    expect(emphasisStatus(cues(2.5, 3, 1.1), true, 'zh', zh)).toBe('borderline'); // Mandarin needs pitch and length
    expect(emphasisStatus(cues(0.5, 0, 1), true, 'zh', zh)).toBe('low');
    expect(emphasisStatus(cues(0, 2.5, 1.3), true, 'en', en)).toBe('good'); // English: any 2 of 3
    expect(emphasisStatus(cues(0, 2.5, 1.3), false, 'en', en)).toBe('borderline'); // … but only when ranked first
    expect(emphasisStatus(cues(2.5, 0, 1), true, 'en', en)).toBe('borderline');
    expect(emphasisStatus(cues(1, 1, 1.1), true, 'en', en)).toBe('low');
    expect(emphasisStatus(cues(3, 3, null), true, 'zh', zh)).toBe('borderline'); // an unmeasurable cue does not hold
    expect(emphasisStatus({ ...cues(null, null, null), wordVoiced: false }, true, 'zh', zh)).toBe('unmeasured');
  });

  it('scores prominence as the sum of z-scored cues', () => {
    const s = prominenceScores([cues(4, 3, 1.4), cues(0, 0, 1), cues(-1, -1, 0.9), cues(null, 0, 1)]);
    expect(s.indexOf(Math.max(...s))).toBe(0);
    expect(prominenceScores([cues(1, 1, 1), cues(1, 1, 1)])).toEqual([0, 0]);
  });
});

describe.each([
  { lang: 'zh' as Lang, script: ZH, bumps: ZH_BUMPS, words: ['星海', '帮您'], parts: [1, 3] },
  { lang: 'en' as Lang, script: EN, bumps: EN_BUMPS, words: ['Northwind', 'help'], parts: [1, 3] },
])('$lang synthetic greeting', ({ lang, script, bumps, words, parts }) => {
  const stressedTake = take(script, lang, bumps);
  const flatTake = take(script, lang, []);

  it('locates the marked words by their nuclei, at their true place', () => {
    const e = stressedTake.report.emphasis;
    expect(e.map((w) => [w.word, w.partIndex, w.located])).toEqual(words.map((w, i) => [w, parts[i], 'nuclei']));
    e.forEach((w, i) => {
      const t = truth(stressedTake.phrases[parts[i]], bumps[parts[i]] as SyllableBump);
      expect(Math.abs((w.startSec as number) - t.startSec), `${w.word} start`).toBeLessThan(0.03);
      expect(Math.abs((w.endSec as number) - t.endSec), `${w.word} end`).toBeLessThan(0.03);
    });
  });

  it('rates a word +4 st higher, 1.4× longer and +3 dB louder good', () => {
    for (const w of stressedTake.report.emphasis) {
      expect(w.pitchGainSt, w.word).toBeGreaterThan(3);
      expect(w.durationRatio, w.word).toBeGreaterThan(1.3);
      expect(w.durationRatio, w.word).toBeLessThan(1.5);
      expect(w.levelGainDb, w.word).toBeGreaterThan(2);
      expect(w.status, w.word).toBe('good');
    }
    expect(emphasisVerdict(stressedTake.report)).toMatchObject({ status: 'good', unit: 'st', adviceKey: 'emphasis.good', band: { goodMin: 2 } });
    expect(emphasisVerdict(stressedTake.report)?.value).toBeGreaterThan(3);
  });

  it('rates the same words said flat low', () => {
    for (const w of flatTake.report.emphasis) {
      expect(w.located, w.word).toBe('nuclei');
      expect(Math.abs(w.durationRatio as number - 1), w.word).toBeLessThan(0.1);
      expect(Math.abs(w.levelGainDb as number), w.word).toBeLessThan(1);
      expect(w.status, w.word).toBe('low');
    }
    expect(emphasisVerdict(flatTake.report)?.status).toBe('low');
  });

  it('is unchanged by a −20 dB gain', () => {
    const quiet = take(script, lang, bumps, undefined, 0.1).report;
    quiet.emphasis.forEach((q, i) => {
      const w = stressedTake.report.emphasis[i];
      expect([q.word, q.located, q.status]).toEqual([w.word, w.located, w.status]);
      expect(Math.abs((q.startSec as number) - (w.startSec as number))).toBeLessThan(0.005);
      expect(Math.abs((q.endSec as number) - (w.endSec as number))).toBeLessThan(0.005);
      expect(Math.abs((q.pitchGainSt as number) - (w.pitchGainSt as number))).toBeLessThan(0.05);
      expect(Math.abs((q.levelGainDb as number) - (w.levelGainDb as number))).toBeLessThan(0.05);
      expect(Math.abs((q.durationRatio as number) - (w.durationRatio as number))).toBeLessThan(0.02);
    });
    expect(emphasisVerdict(quiet)?.status).toBe(emphasisVerdict(stressedTake.report)?.status);
  });
});

describe('synthetic edge cases', () => {
  it('measures a word that is its whole part against the adjacent parts', () => {
    const t = take('Hello, *Northwind Support*, this is Sam, how can I help you today?', 'en', [null, stressed(0, 4)]);
    const [w] = t.report.emphasis;
    const part = t.report.parts[1];
    expect(w).toMatchObject({ word: 'Northwind Support', partIndex: 1, located: 'nuclei', status: 'good' });
    expect(w.startSec).toBeCloseTo(part.startSec as number, 6);
    expect(w.endSec).toBeCloseTo(part.endSec as number, 6);
    expect(w.pitchGainSt).toBeGreaterThan(3);
  });

  it('falls back to proportional placement when the nuclei miscount, and says so', () => {
    // Part 1 (星海客服, 4 syllables) said as one long hump: one nucleus for four syllables.
    const oneHump = (p: PhraseSpec[]): PhraseSpec[] => p.map((q, k) => (k === 1 ? { ...q, syllablesPerSec: 1 / (q.endSec - q.startSec) } : q));
    const t = take(ZH, 'zh', [], oneHump);
    const [w, other] = t.report.emphasis;
    expect(w.located).toBe('proportional');
    expect(w.durationRatio).toBeNull(); // equal shares: a duration ratio would be 1 by construction
    const part = t.report.parts[1];
    const mid = ((part.startSec as number) + (part.endSec as number)) / 2;
    expect(w.startSec).toBeCloseTo(part.startSec as number, 6);
    expect(Math.abs((w.endSec as number) - mid)).toBeLessThan(0.01); // 2 of 4 syllables
    expect(w.status).not.toBe('good');
    expect(other.located).toBe('nuclei');
  });

  it('leaves emphasis unmeasured without marked words', () => {
    const t = take(ZH.replace(/\*/g, ''), 'zh', ZH_BUMPS);
    expect(t.report.emphasis).toEqual([]);
    expect(emphasisVerdict(t.report)).toMatchObject({ status: 'unmeasured', value: null, adviceKey: 'emphasis.unmeasured' });
    const noScript = analyzeRecording({ channels: [t.samples], sampleRateHz: FS }, { lang: 'zh' });
    expect(noScript.emphasis).toEqual([]);
    expect(emphasisVerdict(noScript)?.status).toBe('unmeasured');
  });

  it('lists the marked words unlocated when there is no speech', () => {
    const r = analyzeRecording({ channels: [new Float32Array(2 * FS)], sampleRateHz: FS }, { lang: 'zh', script: ZH });
    expect(r.emphasis.map((w) => [w.word, w.located, w.startSec, w.status])).toEqual([['星海', null, null, 'unmeasured'], ['帮您', null, null, 'unmeasured']]);
    expect(emphasisVerdict(r)?.status).toBe('unmeasured');
  });
});

// The espeak greetings: a flat synthetic voice, so only the locating is held to account.
const FIXTURE_CASES = [
  { file: 'synth/zh_greet_xinghai_s160_p50_a100.wav', lang: 'zh' as Lang, script: '您好，*星海客服*，我是王芳，请问有什么可以*帮您*？' },
  { file: 'synth/en_greet_northwind_s160_p50_a100.wav', lang: 'en' as Lang, script: 'Hello, *Northwind Support*, this is Sam, how can I *help* you today?' },
  { file: 'synth/en_greet_northwind_s160_p50_a100.wav', lang: 'en' as Lang, script: 'Hello, *Northwind* Support, this is Sam, how can I help you today?' },
];

describe.skipIf(!FIXTURE_CASES.every((c) => hasFixture(c.file)))('espeak greetings of ../shared/fixtures', () => {
  it.each(FIXTURE_CASES)('$file: $script', async ({ file, lang, script }) => {
    const r = analyzeRecording(await decodeFixture(file), { lang, script });
    const parsed = parseScript(script, lang);
    expect(r.emphasis.map((w) => w.word)).toEqual(parsed.parts.flatMap((p) => p.emphasis));
    for (const w of r.emphasis) {
      const part = r.parts[w.partIndex];
      const words = partWords(parsed.parts[w.partIndex]);
      const word = words.find((x) => x.text === w.word) as (typeof words)[number];
      const startSec = part.startSec as number;
      const spanSec = (part.endSec as number) - startSec;
      expect(part.found).toBe(true);
      expect(w.located, w.word).not.toBeNull();
      expect(w.startSec as number, w.word).toBeGreaterThanOrEqual(startSec - 1e-9);
      expect(w.endSec as number, w.word).toBeLessThanOrEqual((part.endSec as number) + 1e-9);
      // Within a third of the part of where its syllables' share puts it.
      const shareStart = startSec + (spanSec * word.firstSyllable) / part.syllables;
      const shareEnd = startSec + (spanSec * (word.firstSyllable + word.syllables)) / part.syllables;
      expect(Math.abs((w.startSec as number) - shareStart), w.word).toBeLessThan(spanSec / 3);
      expect(Math.abs((w.endSec as number) - shareEnd), w.word).toBeLessThan(spanSec / 3);
      expect((w.endSec as number) - (w.startSec as number), w.word).toBeGreaterThan(0.08 * word.syllables);
      expect(w.status, w.word).not.toBe('unmeasured');
      expect(w.pitchGainSt, w.word).not.toBeNull();
    }
    expect(emphasisVerdict(r)?.status).not.toBe('unmeasured');
  });
});
