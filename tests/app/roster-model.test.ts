/**
 * The roster screen's pure model: results files picked out of a drop, the import totals, the guideline
 * columns, filtering (agent or drill text in either language, overdue only, incomplete only) and sorting
 * (stable, empty values last both ways, header presses flip), the sparkline's points, value and comparison
 * texts, the CSV's name and byte-order mark.
 */
import { describe, expect, it } from 'vitest';
import type { RosterCell } from '../../src/packs/index.ts';
import {
  ariaSort, comparisonText, csvBytes, csvFileName, filterCells, guidelineColumns, importTotals, localDay, nextSort, NO_FILTER,
  rosterAgents, sortCells, sparklineRuns, splitResultsFiles, valueText,
} from '../../src/features/roster/roster-model.ts';

function cell(agentId: string, agentName: string, drillId: string, over: Partial<RosterCell> = {}): RosterCell {
  return {
    agentId, agentName, packId: 'p', drillId, drillTitle: { en: `Drill ${drillId}`, 'zh-CN': `练习${drillId}` },
    attempts: 1, attemptsRequired: 3, dueDate: '2026-12-10', overdue: false, complete: false,
    guidelines: [], latestModel: null, takeIds: [], ...over,
  };
}
const rate = (value: number | null): RosterCell['guidelines'][number] => ({
  guideline: 'rate', latest: value === null ? null : { guideline: 'rate', value, unit: 'wpm', status: 'good' }, best: null, trend: [value],
});

const CELLS: RosterCell[] = [
  cell('a1', 'Alex', 'greet', { attempts: 3, complete: true, guidelines: [rate(150)] }),
  cell('a1', 'Alex', 'hold', { attempts: 0, overdue: true, dueDate: '2026-12-01', guidelines: [rate(null)] }),
  cell('b2', '李娜', 'greet', { attempts: 2, dueDate: null, guidelines: [rate(172)] }),
  cell('c3', 'Bo', 'greet', { attempts: 2, overdue: true, dueDate: '2026-11-30', guidelines: [rate(140), { guideline: 'volume', latest: null, best: null, trend: [] }] }),
];
const ids = (cells: RosterCell[]): string[] => cells.map((c) => `${c.agentId}/${c.drillId}`);

describe('roster model', () => {
  it('picks the .vdresults files out of a drop and counts the others', () => {
    const files = [{ name: 'a.vdresults' }, { name: 'B.VDRESULTS' }, { name: 'notes.txt' }, { name: 'a.vdresults.zip' }];
    expect(splitResultsFiles(files)).toEqual({ results: [{ name: 'a.vdresults' }, { name: 'B.VDRESULTS' }], skipped: 2 });
  });

  it('adds up an import', () => {
    expect(importTotals([
      { fileName: 'a.vdresults', ok: true, newTakes: 30, alreadyPresent: 2 },
      { fileName: 'b.vdresults', ok: false, error: 'This results file is damaged.' },
      { fileName: 'c.vdresults', ok: true, newTakes: 12, alreadyPresent: 10 },
    ], 4)).toEqual({ filesRead: 2, newTakes: 42, alreadyPresent: 12, failures: [{ fileName: 'b.vdresults', error: 'This results file is damaged.' }], skipped: 4 });
  });

  it('lists the guideline columns in the guidelines’ order', () => {
    expect(guidelineColumns(CELLS)).toEqual(['rate', 'volume']);
    expect(guidelineColumns([])).toEqual([]);
  });

  it('filters by agent or drill text in either language, and by the two toggles', () => {
    expect(ids(filterCells(CELLS, NO_FILTER))).toEqual(['a1/greet', 'a1/hold', 'b2/greet', 'c3/greet']);
    expect(ids(filterCells(CELLS, { ...NO_FILTER, text: ' alex ' }))).toEqual(['a1/greet', 'a1/hold']);
    expect(ids(filterCells(CELLS, { ...NO_FILTER, text: '李' }))).toEqual(['b2/greet']);
    expect(ids(filterCells(CELLS, { ...NO_FILTER, text: 'drill HOLD' }))).toEqual(['a1/hold']);
    expect(ids(filterCells(CELLS, { ...NO_FILTER, text: '练习greet' }))).toEqual(['a1/greet', 'b2/greet', 'c3/greet']);
    expect(ids(filterCells(CELLS, { ...NO_FILTER, overdueOnly: true }))).toEqual(['a1/hold', 'c3/greet']);
    expect(ids(filterCells(CELLS, { ...NO_FILTER, incompleteOnly: true }))).toEqual(['a1/hold', 'b2/greet', 'c3/greet']);
    expect(ids(filterCells(CELLS, { text: 'greet', overdueOnly: true, incompleteOnly: true }))).toEqual(['c3/greet']);
    expect(filterCells(CELLS, { ...NO_FILTER, text: 'nobody' })).toEqual([]);
  });

  it('sorts by a column, stable, with empty values last both ways', () => {
    expect(ids(sortCells(CELLS, { key: 'attempts', dir: 'asc' }, 'en'))).toEqual(['a1/hold', 'b2/greet', 'c3/greet', 'a1/greet']);
    expect(ids(sortCells(CELLS, { key: 'attempts', dir: 'desc' }, 'en'))).toEqual(['a1/greet', 'b2/greet', 'c3/greet', 'a1/hold']);
    expect(ids(sortCells(CELLS, { key: 'due', dir: 'asc' }, 'en'))).toEqual(['c3/greet', 'a1/hold', 'a1/greet', 'b2/greet']);
    expect(ids(sortCells(CELLS, { key: 'due', dir: 'desc' }, 'en'))).toEqual(['a1/greet', 'a1/hold', 'c3/greet', 'b2/greet']);
    expect(ids(sortCells(CELLS, { key: 'latest:rate', dir: 'asc' }, 'en'))).toEqual(['c3/greet', 'a1/greet', 'b2/greet', 'a1/hold']);
    expect(ids(sortCells(CELLS, { key: 'latest:rate', dir: 'desc' }, 'en'))).toEqual(['b2/greet', 'a1/greet', 'c3/greet', 'a1/hold']);
    expect(ids(sortCells(CELLS, { key: 'overdue', dir: 'desc' }, 'en'))).toEqual(['a1/hold', 'c3/greet', 'a1/greet', 'b2/greet']);
    expect(ids(sortCells(CELLS, { key: 'agent', dir: 'desc' }, 'en'))).toEqual(['b2/greet', 'c3/greet', 'a1/greet', 'a1/hold']);
    expect(ids(sortCells(CELLS, { key: 'drill', dir: 'desc' }, 'en'))).toEqual(['a1/hold', 'a1/greet', 'b2/greet', 'c3/greet']);
  });

  it('flips the direction on the same header and starts ascending on another', () => {
    const s1 = nextSort({ key: 'agent', dir: 'asc' }, 'attempts');
    expect(s1).toEqual({ key: 'attempts', dir: 'asc' });
    expect(nextSort(s1, 'attempts')).toEqual({ key: 'attempts', dir: 'desc' });
    expect(ariaSort(s1, 'attempts')).toBe('ascending');
    expect(ariaSort(nextSort(s1, 'attempts'), 'attempts')).toBe('descending');
    expect(ariaSort(s1, 'agent')).toBe('none');
  });

  it('draws a sparkline: higher values higher up, gaps at missing values, one point centred', () => {
    expect(sparklineRuns([1, 3, 2], 64, 20)).toEqual(['2,18 32,2 62,10']);
    expect(sparklineRuns([1, null, 2, 4], 64, 20)).toEqual(['2,18', '42,12.7 62,2']);
    expect(sparklineRuns([5], 64, 20)).toEqual(['32,10']);
    expect(sparklineRuns([null, null], 64, 20)).toEqual([]);
  });

  it('writes values with units, comparisons to two decimals, the CSV’s name and BOM, today as a local day', () => {
    expect(valueText({ guideline: 'rate', value: 4.25, unit: 'syl/s', status: 'good' }, 'syl/s')).toBe('4.25 syl/s');
    expect(valueText({ guideline: 'rate', value: null, unit: 'syl/s', status: 'unmeasured' }, 'syl/s')).toBe('—');
    expect(valueText(null, 'wpm')).toBe('—');
    expect(comparisonText(1.046)).toBe('1.05');
    expect(comparisonText(0.9)).toBe('0.90');
    expect(comparisonText(null)).toBe('—');
    expect(csvFileName('2026-12-03')).toBe('roster-2026-12-03.csv');
    expect(Array.from(csvBytes('a,李\r\n'))).toEqual([0xef, 0xbb, 0xbf, 0x61, 0x2c, 0xe6, 0x9d, 0x8e, 0x0d, 0x0a]);
    expect(localDay(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });

  it('lists each agent once, by name', () => {
    expect(rosterAgents(CELLS, 'en')).toEqual([{ agentId: 'a1', agentName: 'Alex' }, { agentId: 'c3', agentName: 'Bo' }, { agentId: 'b2', agentName: '李娜' }]);
  });
});
