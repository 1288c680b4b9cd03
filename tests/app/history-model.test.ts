import { describe, expect, it } from 'vitest';
import { findBuiltInDrill } from '../../src/drills/index.ts';
import { checkTakeName, groupTakes, KEY_FIGURES, localDayKey, summariseTake, takeLabel, withoutHidden } from '../../src/features/history/history-model.ts';
import { SCHEMA_VERSION, type TakeRecord } from '../../src/storage/index.ts';
import { makeReport } from './report-fixture.ts';

// Local times (noon) so the calendar day does not depend on the machine's time zone.
const at = (day: number, hour = 12, minute = 0): string => new Date(2026, 10, day, hour, minute).toISOString();

function take(id: string, drillId: string, createdAt: string, analysed = true): TakeRecord {
  const drill = findBuiltInDrill(drillId);
  const report = analysed ? makeReport({ rate: ['good', 210.5], volume: ['borderline', -17.25], pitchVariety: ['low', 1.37], pauses: ['good', 0.4], steadiness: ['good', 1.1] }) : null;
  return {
    schemaVersion: SCHEMA_VERSION, id, drillId, drill, script: '', createdAt, status: analysed ? 'analysed' : 'recorded', sampleRateHz: 48000,
    durationSec: 6.04, report, analysisVersion: report?.analysisVersion ?? null, name: null, failure: null, incomplete: false, countAnyway: false,
  };
}

describe('takes that are not whole scored takes', () => {
  it('marks a silent attempt as unscored and a recovered take as incomplete (or counted)', () => {
    const whole = summariseTake(take('w', 'zh-greeting3', at(20)), 'en');
    expect(whole).toMatchObject({ unscored: false, completeness: null });
    const silent = { ...take('s', 'zh-greeting3', at(20)), report: makeReport({}, { speechFound: false, noSpeechReason: 'silent' }) };
    expect(summariseTake(silent, 'en')).toMatchObject({ unscored: true, measuredCount: 0 });
    const recovered = { ...take('r', 'zh-greeting3', at(20)), incomplete: true };
    expect(summariseTake(recovered, 'en').completeness).toBe('incomplete');
    expect(summariseTake({ ...recovered, countAnyway: true }, 'en').completeness).toBe('counted');
  });
});

describe('history', () => {
  const takes = [
    take('a', 'zh-greeting3', at(20, 9)),
    take('b', 'zh-greeting3', at(20, 15)),
    take('c', 'zh-greeting3', at(21, 10)),
    take('d', 'en-greeting4', at(19, 10), false),
  ];

  it('groups takes by drill (most recent first), then by day and time, newest first', () => {
    const groups = groupTakes(takes, 'en');
    expect(groups.map((g) => [g.drillId, g.title, g.takeCount])).toEqual([
      ['zh-greeting3', 'Three-part greeting (Mandarin)', 3],
      ['en-greeting4', 'Four-part greeting', 1],
    ]);
    expect(groups[0].days.map((d) => [d.dayKey, d.takes.map((t) => t.id)])).toEqual([
      ['2026-11-21', ['c']],
      ['2026-11-20', ['b', 'a']],
    ]);
    expect(groupTakes(takes, 'zh-CN')[0].title).toBe('三段式问候');
    expect(localDayKey(at(5))).toBe('2026-11-05');
  });

  it('shows the key figures as the scorecard does, and counts the good points', () => {
    const s = summariseTake(takes[0], 'en');
    expect(s.figures.map((f) => f.guideline)).toEqual([...KEY_FIGURES]);
    expect(s.figures.map((f) => f.valueText)).toEqual(['210.5 chars/min', '-17.25 dBFS', '1.37 st', '0.4 s']);
    expect(s.figures[2].statusText).toBe('flat');
    expect([s.goodCount, s.measuredCount]).toEqual([3, 5]);
    expect(s.durationText).toBe('6.0 s');
    expect(s.statusText).toBe('');
    expect(summariseTake(takes[0], 'zh-CN').figures[0].valueText).toBe('210.5 字/分钟');
  });

  it('says what a take without scores is', () => {
    const s = summariseTake(takes[3], 'en');
    expect(s.statusText).toBe('Not analysed yet');
    expect(s.figures).toEqual([]);
    expect(summariseTake({ ...takes[3], status: 'recording', durationSec: null }, 'zh-CN')).toMatchObject({ statusText: '已中断', durationText: '—' });
  });

  it('names a take by its own name, else by its drill and time', () => {
    expect(takeLabel({ ...takes[0], name: 'Morning try' }, 'en')).toBe('Morning try');
    expect(takeLabel(takes[0], 'en')).toMatch(/^Three-part greeting \(Mandarin\), Nov 20, 2026, 0?9:00/);
    expect(takeLabel(takes[0], 'zh-CN')).toMatch(/^三段式问候，|^三段式问候, /);
    expect(summariseTake({ ...takes[0], name: 'Best' }, 'en')).toMatchObject({ name: 'Best', label: 'Best' });
  });

  it('checks a typed name: trimmed, whitespace collapsed, empty clears, too long refused in the UI language', () => {
    expect(checkTakeName('  Monday   morning ', 'en')).toEqual({ ok: true, name: 'Monday morning' });
    expect(checkTakeName('   ', 'en')).toEqual({ ok: true, name: null });
    expect(checkTakeName('语'.repeat(80), 'zh-CN')).toEqual({ ok: true, name: '语'.repeat(80) });
    expect(checkTakeName('x'.repeat(81), 'en')).toEqual({ ok: false, error: 'A name can have at most 80 characters.' });
    expect(checkTakeName('x'.repeat(81), 'zh-CN')).toEqual({ ok: false, error: '名称最多 80 个字符。' });
  });

  it('leaves hidden takes out, dropping empty days and drills and recounting', () => {
    const groups = groupTakes(takes, 'en');
    const hidden = new Set(['c', 'd']);
    const shown = withoutHidden(groups, (id) => hidden.has(id));
    expect(shown.map((g) => [g.drillId, g.takeCount, g.days.map((d) => d.dayKey)])).toEqual([['zh-greeting3', 2, ['2026-11-20']]]);
    expect(withoutHidden(groups, () => false)).toEqual(groups);
  });
});
