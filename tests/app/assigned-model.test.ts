/**
 * The agent's side of packs as data (src/features/packs/assigned-model.ts): the bands a pack changes, the sentence
 * after an import, the Assigned list's attempts (analysed takes with speech only), completion and overdue (by local
 * day), and the slow-down cue cut out of the script's text.
 */
import { describe, expect, it } from 'vitest';
import { assignedItems, changedBands, importMessage, localDay, slowRuns } from '../../src/features/packs/index.ts';
import { parseDrill, type Drill } from '../../src/drills/index.ts';
import { PACK_FORMAT, type PackJson } from '../../src/packs/types.ts';
import type { AssignedPackRecord, TakeSummaryRecord } from '../../src/storage/index.ts';

function drill(id: string, bands?: unknown): Drill {
  const parsed = parseDrill({ id, kind: 'passage', lang: 'en', title: { en: `Drill ${id}`, 'zh-CN': `练习 ${id}` }, template: 'Thank you for calling, I can *certainly* help you today.', ...(bands ? { bands } : {}) });
  if (!parsed.ok) throw new Error(parsed.errors.join(' '));
  return parsed.drill;
}

const pack = (drills: PackJson['drills']): PackJson => ({ format: PACK_FORMAT, schemaVersion: 1, id: 'p1', version: 3, title: 'Refunds', author: 'Li', createdAt: '2026-12-01T00:00:00Z', drills });
const record = (p: PackJson): AssignedPackRecord => ({ schemaVersion: 1, id: p.id, version: p.version, pack: p, source: 'file', importedAt: 1 });
const summary = (drillId: string, status: TakeSummaryRecord['status'], speechFound: boolean | null): TakeSummaryRecord => ({
  schemaVersion: 1, id: `${drillId}-${Math.random()}`, drillId, drillTitle: null, createdAt: '2026-12-02T00:00:00Z', status, analysisVersion: null, name: null,
  durationSec: 1, lang: 'en', perMinuteUnit: 'wpm', speechFound, incomplete: false, countAnyway: false, verdicts: [],
});

describe('assigned model', () => {
  it('names only the bands that differ from the language’s defaults', () => {
    expect(changedBands(drill('a'), 'en')).toEqual([]);
    const changed = changedBands(drill('b', { rate: { goodMin: 130, goodMax: 150 }, pitchVariety: { highAbove: 5 } }), 'en');
    expect(changed.map((c) => c.guideline)).toEqual(['rate', 'pitchVariety']);
    expect(changed[0]).toMatchObject({ text: '130–150 wpm', defaultText: '120–160 wpm' });
  });

  it('counts analysed takes with speech, and marks complete and overdue by the local day', () => {
    const p = pack([
      { drill: drill('a'), attemptsRequired: 2, dueDate: '2026-12-02', notes: '', slowSpans: [], hasModel: false },
      { drill: drill('b'), attemptsRequired: 1, dueDate: '2026-12-02', notes: '', slowSpans: [], hasModel: false },
      { drill: drill('c'), attemptsRequired: 1, dueDate: '2026-12-03', notes: '', slowSpans: [], hasModel: false },
      { drill: drill('d'), attemptsRequired: 1, dueDate: null, notes: '', slowSpans: [], hasModel: false },
    ]);
    const takes = [summary('a', 'analysed', true), summary('a', 'analysed', false), summary('a', 'recorded', null), summary('a', 'failed', null), summary('b', 'analysed', true)];
    const items = assignedItems([record(p)], takes, '2026-12-03');
    expect(items.map((i) => [i.drill.id, i.done, i.required, i.complete, i.overdue])).toEqual([
      ['a', 1, 2, false, true], ['b', 1, 1, true, false], ['c', 0, 1, false, false], ['d', 0, 1, false, false],
    ]);
    expect(localDay(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });

  it('says what an import did in one sentence', () => {
    const p = pack([{ drill: drill('a'), attemptsRequired: 1, dueDate: null, notes: '', slowSpans: [], hasModel: true }]);
    const r = record(p);
    expect(importMessage({ kind: 'added', record: r, modelsStored: 1 }, p, 'en')).toBe('Added “Refunds” version 3 with 1 drill. 1 model recording stored.');
    expect(importMessage({ kind: 'updated', record: r, previousVersion: 2, modelsStored: 0 }, p, 'en'))
      .toBe('Updated “Refunds” from version 2 to 3 (1 drill); your takes stay with the version they were made on.');
    expect(importMessage({ kind: 'unchanged', record: r, modelsStored: 0 }, p, 'en')).toBe('You already have “Refunds” version 3, so nothing changed.');
    expect(importMessage({ kind: 'refused', currentVersion: 4, error: '' }, p, 'zh-CN')).toBe('这是“Refunds”的版本 3，比你已有的版本 4 旧，因此没有做任何改动。');
  });

  it('cuts the slow-down spans out of a text (key-word stars ignored, the earliest and longest first)', () => {
    expect(slowRuns('Thank you for calling Bluebird Telecom today', ['*Bluebird Telecom*', 'today'])).toEqual([
      { text: 'Thank you for calling ', slow: false }, { text: 'Bluebird Telecom', slow: true }, { text: ' ', slow: false }, { text: 'today', slow: true },
    ]);
    expect(slowRuns('no match here', ['absent', ''])).toEqual([{ text: 'no match here', slow: false }]);
    expect(slowRuns('abc', ['ab', 'abc'])).toEqual([{ text: 'abc', slow: true }]);
  });
});
