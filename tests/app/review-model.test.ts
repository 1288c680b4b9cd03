import { describe, expect, it } from 'vitest';
import type { AnalysisReport } from '../../src/analysis/index.ts';
import { contourRuns, levelToY, paintOverlay, semitoneScale, semitoneToY, type Canvas2DLike } from '../../src/features/review/review-draw.ts';
import { reviewFindings } from '../../src/features/review/review-findings.ts';
import {
  findingParam, findingRange, keyAction, keywordPlaces, parseFindingParam, loopRangeAt, loopSeek, nextRate, padRange, PLAYBACK_RATES, reviewRegions, seekTime,
} from '../../src/features/review/review-model.ts';
import type { PitchContour } from '../../src/takes/review-signal.ts';
import { makeReport } from './report-fixture.ts';

// 早上好，我是李雷，很高兴为您*服务* — three parts with their mapped times, two pauses between them.
const SCRIPT = '早上好，我是李雷，很高兴为您*服务*';
function greeting(): AnalysisReport {
  return makeReport({ rate: ['good', 200], pauses: ['good', 0.45], steadiness: ['good', 1.2], emphasis: ['borderline', 1.8] }, {
    speech: { startSec: 0.4, endSec: 3.0, spanSec: 2.6, soundingSec: 1.9, pauseCount: 2, longestPauseSec: 0.45, pauses: [
      { startSec: 1.0, endSec: 1.3 }, { startSec: 1.85, endSec: 2.3 },
    ] },
    phrases: [
      { startSec: 0.4, endSec: 1.0, activeLevelDbfs: -20, medianHz: 200 },
      { startSec: 1.3, endSec: 1.85, activeLevelDbfs: -21, medianHz: 210 },
      { startSec: 2.3, endSec: 3.0, activeLevelDbfs: -24, medianHz: 190 },
    ],
    parts: [
      { index: 0, text: '早上好', syllables: 3, startSec: 0.4, endSec: 1.0, found: true, pauseBeforeSec: null },
      { index: 1, text: '我是李雷', syllables: 4, startSec: 1.3, endSec: 1.85, found: true, pauseBeforeSec: 0.3 },
      { index: 2, text: '很高兴为您服务', syllables: 7, startSec: 2.3, endSec: 3.0, found: true, pauseBeforeSec: 0.45 },
    ],
  });
}

describe('review regions', () => {
  it('mark every found part and every pause at the report’s own times', () => {
    const report = greeting();
    const regions = reviewRegions(report, SCRIPT);
    const parts = regions.filter((r) => r.kind === 'part');
    const pauses = regions.filter((r) => r.kind === 'pause');
    expect(parts.map((r) => [r.id, r.startSec, r.endSec])).toEqual(report.parts.map((p) => [`part-${p.index}`, p.startSec, p.endSec]));
    expect(pauses.map((r) => [r.startSec, r.endSec])).toEqual(report.speech.pauses.map((p) => [p.startSec, p.endSec]));
    expect(pauses.map((r) => r.label)).toEqual(['0.3 s', '0.45 s']);
    expect(parts[2].label).toBe('3. 很高兴为您服务');
  });

  it('leave out parts that were not heard', () => {
    const report = greeting();
    report.parts[1] = { ...report.parts[1], found: false, startSec: null, endSec: null };
    expect(reviewRegions(report, SCRIPT).filter((r) => r.kind === 'part').map((r) => r.id)).toEqual(['part-0', 'part-2']);
  });

  it('place a key word by its share of the part’s syllables', () => {
    const [word] = keywordPlaces(greeting(), SCRIPT);
    // 服务 are syllables 6–7 of 7 in a part mapped to 2.3–3.0 s.
    expect(word.word).toBe('服务');
    expect(word.partIndex).toBe(2);
    expect(word.startSec).toBeCloseTo(2.3 + (0.7 * 5) / 7, 10);
    expect(word.endSec).toBeCloseTo(3.0, 10);
    const en = makeReport({}, { lang: 'en', parts: [{ index: 0, text: 'glad to help you', syllables: 4, startSec: 1, endSec: 2, found: true, pauseBeforeSec: null }] });
    const [help] = keywordPlaces(en, 'glad to *help* you');
    expect([help.startSec, help.endSec]).toEqual([1.5, 1.75]);
    const region = reviewRegions(en, 'glad to *help* you').find((r) => r.kind === 'keyword');
    expect(region).toMatchObject({ id: 'word-0-0', label: 'help', startSec: 1.5, endSec: 1.75 });
  });
});

describe('finding moments', () => {
  it('map verdicts, parts, pauses and key words to their stretch of the take', () => {
    const report = greeting();
    expect(findingRange(report, { kind: 'verdict', guideline: 'rate' })).toEqual({ startSec: 0.4, endSec: 3.0 });
    expect(findingRange(report, { kind: 'verdict', guideline: 'pauses' })).toEqual({ startSec: 1.85, endSec: 2.3 });
    expect(findingRange(report, { kind: 'verdict', guideline: 'steadiness' })).toEqual({ startSec: 2.3, endSec: 3.0 });
    expect(findingRange(report, { kind: 'verdict', guideline: 'emphasis' }, SCRIPT)?.startSec).toBeCloseTo(2.8, 10);
    expect(findingRange(report, { kind: 'verdict', guideline: 'emphasis' })).toEqual({ startSec: 0.4, endSec: 3.0 });
    expect(findingRange(report, { kind: 'part', index: 1 })).toEqual({ startSec: 1.3, endSec: 1.85 });
    expect(findingRange(report, { kind: 'pause', index: 0 })).toEqual({ startSec: 1.0, endSec: 1.3 });
    expect(findingRange(report, { kind: 'pause', index: 5 })).toBeNull();
    expect(findingRange(report, { kind: 'keyword', partIndex: 2, word: '服务' }, SCRIPT)?.endSec).toBeCloseTo(3.0, 10);
    expect(findingRange({ ...report, speechFound: false }, { kind: 'verdict', guideline: 'rate' })).toBeNull();
    expect(padRange({ startSec: 0.1, endSec: 2.9 }, 0.25, 3)).toEqual({ startSec: 0, endSec: 3 });
  });

  it('list the findings with their moments, in the UI language', () => {
    const items = reviewFindings(greeting(), SCRIPT, 'zh-CN');
    const keys = items.map((i) => i.key);
    expect(keys).toEqual(['verdict-rate', 'verdict-steadiness', 'verdict-pauses', 'verdict-emphasis', 'part-0', 'part-1', 'part-2', 'pause-0', 'pause-1', 'word-2-0']);
    expect(items.find((i) => i.key === 'pause-1')?.label).toBe('1.85 秒处停顿 0.45 秒');
    expect(items.find((i) => i.key === 'verdict-pauses')?.range).toEqual({ startSec: 1.85, endSec: 2.3 });
    expect(reviewFindings({ ...greeting(), speechFound: false }, SCRIPT, 'en')).toEqual([]);
  });
});

describe('finding links', () => {
  it('round-trip through a URL-safe text and refuse anything else', () => {
    const findings = [
      { kind: 'verdict', guideline: 'pauses' }, { kind: 'part', index: 2 }, { kind: 'pause', index: 0 }, { kind: 'keyword', partIndex: 1, word: '服务:a/b' },
    ] as const;
    for (const f of findings) {
      expect(findingParam(f)).toMatch(/^[A-Za-z0-9:%._~-]+$/);
      expect(parseFindingParam(findingParam(f))).toEqual(f);
    }
    for (const bad of ['', 'verdict:loudness', 'part:x', 'pause:1:2', 'keyword:1', 'keyword:1:%E0', 'nonsense']) expect(parseFindingParam(bad)).toBeNull();
  });
});

describe('player rules', () => {
  it('bind Space, arrows, brackets and L, and nothing with a modifier', () => {
    expect(keyAction({ key: ' ' })).toEqual({ type: 'playPause' });
    expect(keyAction({ key: 'ArrowLeft' })).toEqual({ type: 'seek', deltaSec: -1 });
    expect(keyAction({ key: 'ArrowRight', shiftKey: true })).toEqual({ type: 'seek', deltaSec: 5 });
    expect(keyAction({ key: '[' })).toEqual({ type: 'speed', step: -1 });
    expect(keyAction({ key: ']' })).toEqual({ type: 'speed', step: 1 });
    expect(keyAction({ key: 'L' })).toEqual({ type: 'loop' });
    expect(keyAction({ key: 'l', ctrlKey: true })).toBeNull();
    expect(keyAction({ key: 'x' })).toBeNull();
  });

  it('step the speed within the offered rates and keep seeks inside the take', () => {
    expect(nextRate(1, 1)).toBe(1.25);
    expect(nextRate(1, -1)).toBe(0.75);
    expect(nextRate(PLAYBACK_RATES[PLAYBACK_RATES.length - 1], 1)).toBe(1.5);
    expect(nextRate(0.5, -1)).toBe(0.5);
    expect(nextRate(1.1, 1)).toBe(1.25);
    expect(seekTime(0.5, -1, 3)).toBe(0);
    expect(seekTime(2.5, 1, 3)).toBe(3);
  });

  it('loop the part under the cursor, else the next, and jump back at its end', () => {
    const report = greeting();
    expect(loopRangeAt(report, 1.5)).toEqual({ startSec: 1.3, endSec: 1.85 });
    expect(loopRangeAt(report, 1.1)).toEqual({ startSec: 1.3, endSec: 1.85 });
    expect(loopRangeAt(report, 3.5)).toEqual({ startSec: 2.3, endSec: 3.0 });
    expect(loopRangeAt({ ...report, parts: [] }, 0.5)).toEqual({ startSec: 0.4, endSec: 1.0 });
    expect(loopRangeAt({ ...report, parts: [], phrases: [] }, 0.5)).toBeNull();
    expect(loopSeek(1.86, { startSec: 1.3, endSec: 1.85 })).toBe(1.3);
    expect(loopSeek(1.5, { startSec: 1.3, endSec: 1.85 })).toBeNull();
    expect(loopSeek(5, null)).toBeNull();
  });
});

describe('overlay drawing', () => {
  const contour: PitchContour = {
    timesSec: Float64Array.from([0.5, 0.51, 0.52, 0.53, 0.54]), semitones: [0, 1, null, 3, 20], referenceHz: 150, reference: 'baseline', hopSec: 0.01,
  };

  it('maps 0 st to the middle, the envelope to −60…0 dBFS, and breaks the line at unvoiced frames', () => {
    const scale = semitoneScale(contour);
    expect(scale).toEqual({ minSt: -21, maxSt: 21 });
    expect(semitoneScale({ ...contour, semitones: [0, 1] })).toEqual({ minSt: -6, maxSt: 6 });
    expect(semitoneToY(0, scale, 100)).toBe(50);
    expect(semitoneToY(99, scale, 100)).toBe(0);
    expect(levelToY(0, 100)).toBe(0);
    expect(levelToY(-30, 100)).toBe(50);
    expect(levelToY(-200, 100)).toBe(100);
    const runs = contourRuns(contour, 1, 1000, 100, scale);
    expect(runs.map((r) => r.map(([x]) => Math.round(x)))).toEqual([[500, 510], [530, 540]]);
  });

  it('paints the envelope, the reference line and each voiced run', () => {
    const calls: string[] = [];
    const ctx: Canvas2DLike = {
      clearRect: () => calls.push('clear'), beginPath: () => calls.push('begin'), moveTo: () => calls.push('move'), lineTo: () => calls.push('line'),
      stroke: () => calls.push('stroke'), fillText: (text) => calls.push(`text:${text}`), setLineDash: () => undefined,
      lineWidth: 1, strokeStyle: '', fillStyle: '', font: '',
    };
    paintOverlay(ctx, 200, 100, {
      durationSec: 1, contour, envelope: { timesSec: Float64Array.from([0.1, 0.2]), levelDbfs: Float64Array.from([-30, -20]) },
    }, { contourColor: 'blue', envelopeColor: 'grey', referenceColor: 'black', referenceLabel: 'baseline', font: '10px sans-serif' });
    expect(calls[0]).toBe('clear');
    expect(calls.filter((c) => c === 'stroke').length).toBe(1 + 1 + 2);
    expect(calls).toContain('text:0 st · baseline');
  });
});
