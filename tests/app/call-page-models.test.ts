/**
 * The call page's pure models: peaks → visible lane columns, the view's zoom and scroll, flags in view,
 * flag navigation, the shortcut map, pace lines, the summary's figures, bookmarks, and the CSV / JSON
 * exports (a real report of a planned call, tests/helpers/planned-call.ts).
 */
import { describe, expect, it } from 'vitest';
import { analyzeCall } from '../../src/analysis/calls/index.ts';
import { CALL_SCHEMA_VERSION, type CallRecord } from '../../src/storage/call-records.ts';
import { addBookmark, removeBookmark, setBookmarkNote } from '../../src/features/calls/page/bookmarks-model.ts';
import { callReportJson, exportFileName, findingsCsv } from '../../src/features/calls/page/export-model.ts';
import { flagPlayFromSec, flagsInOrder, nextFlag, previousFlag } from '../../src/features/calls/page/flag-nav.ts';
import { paceLinePixels, paceLines } from '../../src/features/calls/page/pace-lines.ts';
import { callKeyAction, keyBelongsToControl, seekTime } from '../../src/features/calls/page/shortcuts.ts';
import { findingGroups, longestAgentTurn, responseSummary, talkSharePercent } from '../../src/features/calls/page/summary-model.ts';
import {
  clampView, followView, fullView, laneChannels, laneColumns, MIN_SPAN_SEC, spansInView, timeTicks, timeToX, xToTime, zoomView,
} from '../../src/features/calls/page/timeline-model.ts';
import type { CallFinding, CallTurn } from '../../src/features/calls/page/call-types.ts';
import { buildCall, inSequence, type CallPlan } from '../helpers/planned-call.ts';
import { parseCsv } from '../helpers/csv.ts';

/** Peaks of `sec` seconds at 50/s: silence (±0.01) except a burst of ±0.8 from 10 s to 11 s. */
function burstPeaks(sec: number): { min: Float32Array; max: Float32Array } {
  const n = sec * 50;
  const min = new Float32Array(n).fill(-0.01);
  const max = new Float32Array(n).fill(0.01);
  for (let i = 500; i < 550; i++) {
    min[i] = -0.8;
    max[i] = 0.8;
  }
  return { min, max };
}

describe('lane columns from peaks', () => {
  it('puts a known burst at its pixels, whole call and zoomed, and leaves columns past the end empty', () => {
    const lane = burstPeaks(60);
    const whole = laneColumns(lane, 50, fullView(60), 600); // 0.1 s per column: burst at x 100–109
    expect(whole.max[99]).toBeCloseTo(0.01, 5);
    for (let x = 100; x < 110; x++) expect(whole.max[x]).toBeCloseTo(0.8, 5);
    expect(whole.min[105]).toBeCloseTo(-0.8, 5);
    expect(whole.max[110]).toBeCloseTo(0.01, 5);
    const zoomed = laneColumns(lane, 50, { startSec: 9, spanSec: 4 }, 400); // 0.01 s per column: burst at 100–199
    expect(zoomed.max[99]).toBeCloseTo(0.01, 5);
    expect(zoomed.max[100]).toBeCloseTo(0.8, 5);
    expect(zoomed.max[199]).toBeCloseTo(0.8, 5);
    expect(zoomed.max[200]).toBeCloseTo(0.01, 5);
    const past = laneColumns(lane, 50, { startSec: 50, spanSec: 20 }, 200); // the call ends at x 100
    expect(past.max[99]).toBeCloseTo(0.01, 5);
    expect(Number.isNaN(past.max[100])).toBe(true);
  });

  it('a 60-minute call zoomed out gives one column per pixel from 180,000 peaks', () => {
    const n = 3600 * 50;
    const lane = { min: new Float32Array(n).fill(-0.5), max: new Float32Array(n).fill(0.5) };
    lane.max[n - 1] = 0.9;
    const cols = laneColumns(lane, 50, fullView(3600), 1200);
    expect(cols.max.length).toBe(1200);
    expect(cols.max[1199]).toBeCloseTo(0.9, 5);
    expect(cols.max[600]).toBeCloseTo(0.5, 5);
  });

  it('maps the agent lane to the agent channel (left, right, mono)', () => {
    expect(laneChannels('left', 2)).toEqual({ agent: 0, customer: 1 });
    expect(laneChannels('right', 2)).toEqual({ agent: 1, customer: 0 });
    expect(laneChannels('mono', 1)).toEqual({ agent: 0, customer: 0 });
  });
});

describe('the view', () => {
  it('zooms around an anchor that keeps its place, within the call and the shortest span', () => {
    const v = zoomView(fullView(600), 1, 150, 600);
    expect(v.spanSec).toBe(300);
    expect(timeToX(150, v, 1000)).toBeCloseTo(timeToX(150, fullView(600), 1000), 6);
    let z = fullView(600);
    for (let k = 0; k < 20; k++) z = zoomView(z, 1, 599, 600);
    expect(z.spanSec).toBe(MIN_SPAN_SEC);
    expect(z.startSec + z.spanSec).toBeCloseTo(600, 6);
    expect(zoomView(z, -1, 0, 600).spanSec).toBe(2 * MIN_SPAN_SEC);
    expect(clampView({ startSec: -5, spanSec: 9999 }, 600)).toEqual({ startSec: 0, spanSec: 600 });
  });

  it('converts x and time both ways, follows the playhead, and ticks at round steps', () => {
    const v = { startSec: 100, spanSec: 50 };
    expect(xToTime(timeToX(123.4, v, 800), v, 800)).toBeCloseTo(123.4, 6);
    expect(followView(v, 120, 600)).toBe(v);
    const moved = followView(v, 300, 600);
    expect(moved.startSec).toBeCloseTo(295, 6);
    expect(timeTicks({ startSec: 0, spanSec: 3600 }, 6)).toEqual([0, 600, 1200, 1800, 2400, 3000, 3600]);
  });

  it('lists only the spans in view, clipped, with a minimum width', () => {
    const spans = [{ startSec: 0, endSec: 2 }, { startSec: 9, endSec: 12 }, { startSec: 15, endSec: 15.01 }, { startSec: 30, endSec: 40 }];
    const got = spansInView(spans, { startSec: 10, spanSec: 10 }, 100, 10, 3);
    expect(got.map((s) => s.index)).toEqual([1, 2]);
    expect(got[0]).toEqual({ index: 1, x: 0, widthPx: 20 });
    expect(got[1].widthPx).toBe(3);
  });
});

const finding = (id: CallFinding['id'], startSec: number, endSec: number): CallFinding => ({ id, startSec, endSec, durationSec: endSec - startSec, startedBy: null, ratio: null });

describe('flag navigation and shortcuts', () => {
  const flags = flagsInOrder([finding('deadAir', 30, 34), finding('overtalk', 10, 11.5), finding('slowResponse', 50, 52.5)]);
  it('orders flags by time keeping report indexes, and steps to the next and previous one', () => {
    expect(flags.map((f) => f.index)).toEqual([1, 0, 2]);
    expect(nextFlag(flags, 0)).toBe(0);
    expect(nextFlag(flags, 10)).toBe(1); // at a flag, ] goes to the next one
    expect(nextFlag(flags, 50)).toBeNull();
    expect(previousFlag(flags, 30)).toBe(0);
    expect(previousFlag(flags, 31)).toBe(1);
    expect(previousFlag(flags, 5)).toBeNull();
    expect(flagPlayFromSec(flags[0])).toBe(9);
    expect(flagPlayFromSec({ startSec: 0.3 })).toBe(0);
  });

  it('maps Space, ←/→ (5 s), [ ] and B, and leaves modified keys and typing alone', () => {
    expect(callKeyAction({ key: ' ' })).toEqual({ type: 'playPause' });
    expect(callKeyAction({ key: 'ArrowLeft' })).toEqual({ type: 'seek', deltaSec: -5 });
    expect(callKeyAction({ key: 'ArrowRight' })).toEqual({ type: 'seek', deltaSec: 5 });
    expect(callKeyAction({ key: '[' })).toEqual({ type: 'flag', step: -1 });
    expect(callKeyAction({ key: ']' })).toEqual({ type: 'flag', step: 1 });
    expect(callKeyAction({ key: 'b' })).toEqual({ type: 'bookmark' });
    expect(callKeyAction({ key: 'B' })).toEqual({ type: 'bookmark' });
    expect(callKeyAction({ key: 'b', ctrlKey: true })).toBeNull();
    expect(callKeyAction({ key: 'x' })).toBeNull();
    const el = (tagName: string, type?: string): EventTarget => ({ tagName, type }) as unknown as EventTarget;
    expect(keyBelongsToControl(el('TEXTAREA'), 'b')).toBe(true);
    expect(keyBelongsToControl(el('INPUT', 'text'), ' ')).toBe(true);
    expect(keyBelongsToControl(el('INPUT', 'range'), 'ArrowLeft')).toBe(true);
    expect(keyBelongsToControl(el('INPUT', 'checkbox'), ' ')).toBe(true);
    expect(keyBelongsToControl(el('INPUT', 'checkbox'), 'ArrowRight')).toBe(false);
    expect(keyBelongsToControl(el('BUTTON'), ' ')).toBe(true);
    expect(keyBelongsToControl(el('BUTTON'), ']')).toBe(false);
    expect(keyBelongsToControl(el('DIV'), ' ')).toBe(false);
    expect(keyBelongsToControl(null, 'b')).toBe(false);
    expect(seekTime(3, -5, 60)).toBe(0);
    expect(seekTime(58, 5, 60)).toBe(60);
  });
});

const turn = (speaker: CallTurn['speaker'], startSec: number, endSec: number, syllablesPerSec: number | null): CallTurn => ({
  speaker, startSec, endSec, speechSec: endSec - startSec, syllables: syllablesPerSec === null ? null : syllablesPerSec * (endSec - startSec),
  syllablesPerSec, activeLevelDbfs: -24, pitchSdSt: 2,
});

describe('pace lines', () => {
  const turns = [turn('agent', 0, 4, 4), turn('customer', 4.5, 8.5, 5), turn('agent', 9, 13, null), turn('agent', 14, 18, 7.4), turn('customer', 20, 22, 3)];
  it('one point per measured turn at its middle, per speaker, with a round top', () => {
    const lines = paceLines(turns);
    expect(lines.agent).toEqual([{ timeSec: 2, syllablesPerSec: 4, turnIndex: 0 }, { timeSec: 16, syllablesPerSec: 7.4, turnIndex: 3 }]);
    expect(lines.customer.map((p) => p.timeSec)).toEqual([6.5, 21]);
    expect(lines.maxSyllablesPerSec).toBe(8);
  });
  it('pixels of the points in view plus one each side, 0 at the bottom', () => {
    const lines = paceLines(turns);
    const px = paceLinePixels(lines.customer, { startSec: 10, spanSec: 5 }, 100, 80, 8);
    expect(px.map((p) => [Math.round(p.x), p.y])).toEqual([[-70, 30], [220, 50]]);
  });
});

describe('summary figures', () => {
  it('talk share in whole percent adds to 100 with overlap split between the sides', () => {
    const s = talkSharePercent({ agentSec: 0, customerSec: 0, overlapSec: 0, silenceSec: 0, agentFraction: 0.45, customerFraction: 0.4, overlapFraction: 0.1, silenceFraction: 0.25 });
    expect(s).toEqual({ agent: 40, customer: 35, silence: 25, overlap: 10 });
    const t = talkSharePercent({ agentSec: 0, customerSec: 0, overlapSec: 0, silenceSec: 0, agentFraction: 1 / 3, customerFraction: 1 / 3, overlapFraction: 0, silenceFraction: 1 / 3 });
    expect(t.agent + t.customer + t.silence).toBe(100);
  });
  it('response gaps: median, longest and slow answers', () => {
    const r = responseSummary([1, 0.3, 2.6, 0.5].map((g) => ({ customerEndSec: 0, agentStartSec: g, gapSec: g })), 2);
    expect(r).toEqual({ count: 4, medianSec: 0.75, maxSec: 2.6, slowCount: 1, slowAboveSec: 2 });
    expect(responseSummary([]).medianSec).toBeNull();
  });
  it('groups findings by kind in guideline order, and finds the longest agent turn', () => {
    const g = findingGroups([finding('overtalk', 40, 41), finding('deadAir', 30, 34), finding('overtalk', 10, 11.5)]);
    expect(g.map((x) => [x.id, x.count, x.indexes])).toEqual([['deadAir', 1, [1]], ['overtalk', 2, [2, 0]]]);
    expect(g[1].totalSec).toBeCloseTo(2.5, 6);
  });
});

describe('bookmarks', () => {
  it('adds in time order, edits a note, removes one', () => {
    let list = addBookmark([], 30.04, 'a', 1);
    list = addBookmark(list, 10, 'b', 2, 'angry customer');
    expect(list.map((b) => [b.id, b.atSec])).toEqual([['b', 10], ['a', 30]]);
    list = setBookmarkNote(list, 'a', 'promised a callback');
    expect(list[1].note).toBe('promised a callback');
    expect(removeBookmark(list, 'b').map((b) => b.id)).toEqual(['a']);
  });
});

describe('exports of a planned call', () => {
  const A = 'agent' as const;
  const C = 'customer' as const;
  const plan: CallPlan = {
    sampleRateHz: 16000, durationSec: 40, agentChannel: 'left',
    utterances: inSequence(0.6, [
      { speaker: A, syllables: 12, syllablesPerSec: 4, gapSec: 0 },
      { speaker: C, syllables: 15, syllablesPerSec: 5, gapSec: 0.3 },
      { speaker: A, syllables: 16, syllablesPerSec: 4, gapSec: -1.4 }, // the agent cuts in
      { speaker: C, syllables: 10, syllablesPerSec: 5, gapSec: 4 }, // dead air
      { speaker: A, syllables: 16, syllablesPerSec: 4, gapSec: 2.6 }, // slow response
    ]),
  };
  const built = buildCall(plan);
  const report = analyzeCall(built.input, { agentChannel: 'left', lang: 'en' });
  const call: CallRecord = {
    schemaVersion: CALL_SCHEMA_VERSION, id: 'c1', createdAt: Date.UTC(2026, 11, 2, 9), fileName: 'call "2".wav', fileBytes: 1, mimeType: 'audio/wav',
    durationSec: 40, sampleRateHz: 16000, channelCount: 2, agentChannel: 'left', lang: 'en', analysisVersion: 'x', report,
    peaks: { peaksPerSec: 50, channels: [] }, keepAudio: false, audioBytes: 0,
    reflection: { happened: 'He shouted', felt: 'rattled', nextTime: 'I hear you', updatedAt: 5 },
    bookmarks: [{ id: 'b', atSec: 12, note: 'here', createdAt: 1 }], drillIds: [],
  };

  it('the planned overtalk, dead air and slow response are findings', () => {
    expect(new Set(report.findings.map((f) => f.id))).toEqual(new Set(['overtalk', 'deadAir', 'slowResponse']));
  });

  it('CSV: a header and one row per finding in time order, with names and advice in the UI language', () => {
    const text = findingsCsv(call, 'en');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(text.slice(1));
    expect(rows[0][0]).toBe('Finding');
    const body = rows.slice(1).filter((r) => r.length > 1);
    expect(body.length).toBe(report.findings.length);
    const ordered = flagsInOrder(report.findings);
    body.forEach((r, k) => {
      expect(r[0]).toBe(ordered[k].id);
      expect(Number(r[2])).toBe(ordered[k].startSec);
      expect(Number(r[4])).toBe(ordered[k].durationSec);
    });
    const over = body.find((r) => r[0] === 'overtalk');
    expect(over?.[1]).toBe('Overtalk');
    expect(over?.[5]).toBe('you');
    expect(parseCsv(findingsCsv(call, 'zh-CN').slice(1))[1][1]).toMatch(/[\u4e00-\u9fff]/);
  });

  it('JSON: the report and bookmarks, never the peaks; the reflection only when asked for', () => {
    const without = JSON.parse(callReportJson(call, false)) as Record<string, unknown>;
    expect(without.report).toEqual(JSON.parse(JSON.stringify(report)));
    expect(without.bookmarks).toEqual([{ atSec: 12, note: 'here' }]);
    expect('reflection' in without).toBe(false);
    expect('peaks' in without).toBe(false);
    expect(JSON.stringify(without)).not.toContain('He shouted');
    const withIt = JSON.parse(callReportJson(call, true)) as { reflection: { happened: string } };
    expect(withIt.reflection.happened).toBe('He shouted');
    expect(exportFileName(call.fileName, 'csv')).toBe('call _2_-call-report.csv');
    expect(longestAgentTurn(report)?.index).toBe(report.turns.findIndex((t) => t.speaker === 'agent' && t.endSec - t.startSec === Math.max(...report.turns.filter((u) => u.speaker === 'agent').map((u) => u.endSec - u.startSec))));
  });
});
