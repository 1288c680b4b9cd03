/** buildRoster on hand-made results: exact cells (merge, duplicates, attempts, latest, best, trend, overdue, complete, order). */
import { describe, expect, it } from 'vitest';
import { buildRoster, type RosterInput } from '../../src/packs/roster.ts';
import type { ResultsJson, ResultVerdict, RosterCell } from '../../src/packs/types.ts';
import { take, validResults } from './results-fixture.ts';

const TODAY = '2026-12-03';
const MODEL = { rateRatio: 1.1, pitchVarietyRatio: 0.8, contourDistanceSt: 1.5 };

const input = (r: ResultsJson): RosterInput => ({ agentId: r.agent.id, agentName: r.agent.name, pack: r.pack, takes: r.takes });
const rate = (value: number | null, status: ResultVerdict['status']): ResultVerdict => ({ guideline: 'rate', value, unit: 'wpm', status });
const VOLUME: ResultVerdict = { guideline: 'volume', value: -21.5, unit: 'dBFS', status: 'good' };

/** Li Na: two attempts on hello (a good 150, then a high 200), one take without speech, one attempt on bye. */
const LI_NA = validResults([
  take('t2', 'hello', '2026-12-01T10:00:00.000Z', 200, 'high'),
  take('t1', 'hello', '2026-12-01T09:00:00.000Z', 150, 'good', { model: MODEL }),
  take('t3', 'hello', '2026-12-01T11:00:00.000Z', null, 'unmeasured', { speechFound: false, verdicts: [] }),
  take('t4', 'bye', '2026-12-01T09:05:00.000Z', 180, 'high'),
]);

/** Li Na's older export: pack version 1 (hello only, 3 required), an earlier low take and t1 again. */
const LI_NA_OLD: ResultsJson = {
  ...validResults([take('t0', 'hello', '2026-11-30T08:00:00.000Z', 100, 'low'), LI_NA.takes[1]]),
  pack: { ...LI_NA.pack, version: 1, drills: [{ ...LI_NA.pack.drills[0], attemptsRequired: 3 }] },
};

/** Bo: no takes on greetings; on pack "closing" two borderline takes and a high one. */
const BO: ResultsJson = { ...validResults([]), agent: { id: 'b-2', name: 'Bo' } };
const BO_CLOSING: ResultsJson = {
  ...BO,
  pack: { id: 'closing', version: 1, title: 'Closing', author: 'Coach Wu', drills: [{ id: 'thanks', version: 1, title: { 'zh-CN': '谢谢', en: 'Thanks' }, attemptsRequired: 2, dueDate: '2026-12-03' }] },
  takes: [
    take('c2', 'thanks', '2026-12-02T09:00:00.000Z', 95, 'borderline', { verdicts: [rate(95, 'borderline')] }),
    take('c1', 'thanks', '2026-12-02T09:00:00.000Z', 90, 'borderline', { verdicts: [rate(90, 'borderline')] }),
    take('c3', 'thanks', '2026-12-02T10:00:00.000Z', 250, 'high', { verdicts: [rate(250, 'high')] }),
  ],
};

const liHello: RosterCell = {
  agentId: 'a-1', agentName: 'Li Na', packId: 'greetings', drillId: 'hello', drillTitle: { 'zh-CN': '问候', en: 'Hello' },
  attempts: 2, attemptsRequired: 2, dueDate: '2026-12-01', overdue: false, complete: true,
  guidelines: [
    { guideline: 'rate', latest: rate(200, 'high'), best: rate(150, 'good'), trend: [150, 200] },
    { guideline: 'volume', latest: VOLUME, best: VOLUME, trend: [-21.5, -21.5] },
  ],
  latestModel: null,
  takeIds: ['t1', 't2', 't3'],
};
const liBye: RosterCell = {
  agentId: 'a-1', agentName: 'Li Na', packId: 'greetings', drillId: 'bye', drillTitle: { 'zh-CN': '再见', en: 'Bye' },
  attempts: 1, attemptsRequired: 1, dueDate: null, overdue: false, complete: true,
  guidelines: [
    { guideline: 'rate', latest: rate(180, 'high'), best: rate(180, 'high'), trend: [180] },
    { guideline: 'volume', latest: VOLUME, best: VOLUME, trend: [-21.5] },
  ],
  latestModel: null,
  takeIds: ['t4'],
};
const empty = (drillId: string, title: RosterCell['drillTitle'], attemptsRequired: number, dueDate: string | null, overdue: boolean): RosterCell => ({
  agentId: 'b-2', agentName: 'Bo', packId: 'greetings', drillId, drillTitle: title, attempts: 0, attemptsRequired, dueDate, overdue, complete: false,
  guidelines: [], latestModel: null, takeIds: [],
});

describe('buildRoster', () => {
  it('builds one agent’s cells: attempts are takes with speech, latest by time, best by status, trend oldest first', () => {
    expect(buildRoster([input(LI_NA)], TODAY)).toEqual([liHello, liBye]);
  });

  it('importing the same results twice changes nothing', () => {
    expect(buildRoster([input(LI_NA), input(LI_NA)], TODAY)).toEqual([liHello, liBye]);
  });

  it('merges an agent’s inputs of one pack: the same take id counts once, the drills come from the newest pack version', () => {
    const merged = { ...liHello, attempts: 3, guidelines: [
      { guideline: 'rate', latest: rate(200, 'high'), best: rate(150, 'good'), trend: [100, 150, 200] },
      { guideline: 'volume', latest: VOLUME, best: VOLUME, trend: [-21.5, -21.5, -21.5] },
    ], takeIds: ['t0', 't1', 't2', 't3'] };
    expect(buildRoster([input(LI_NA_OLD), input(LI_NA)], TODAY)).toEqual([merged, liBye]);
    expect(buildRoster([input(LI_NA), input(LI_NA_OLD), input(LI_NA_OLD)], TODAY)).toEqual([merged, liBye]);
  });

  it('keeps the latest model comparison and ignores takes without speech for it', () => {
    const r = validResults([take('m1', 'hello', '2026-12-01T09:00:00Z', 150, 'good', { model: MODEL }), take('m2', 'hello', '2026-12-01T12:00:00Z', null, 'unmeasured', { speechFound: false })]);
    const [cell] = buildRoster([input(r)], TODAY);
    expect(cell.latestModel).toEqual(MODEL);
    expect(cell.attempts).toBe(1);
    expect(cell.complete).toBe(false);
    expect(cell.overdue).toBe(true);
  });

  it('two agents and two packs, sorted by agent name then pack, in drill order; overdue only after the due day', () => {
    const cells = buildRoster([input(LI_NA), input(BO), input(BO_CLOSING)], TODAY);
    expect(cells.map((c) => `${c.agentName}/${c.packId}/${c.drillId}`)).toEqual(['Bo/closing/thanks', 'Bo/greetings/hello', 'Bo/greetings/bye', 'Li Na/greetings/hello', 'Li Na/greetings/bye']);
    expect(cells[1]).toEqual(empty('hello', { 'zh-CN': '问候', en: 'Hello' }, 2, '2026-12-01', true));
    expect(cells[2]).toEqual(empty('bye', { 'zh-CN': '再见', en: 'Bye' }, 1, null, false));
    expect(cells[3]).toEqual(liHello);
    // c1 and c2 at the same time: ordered by take id. Best: the latest of the two borderline ones, not the later high one.
    expect(cells[0]).toEqual({
      agentId: 'b-2', agentName: 'Bo', packId: 'closing', drillId: 'thanks', drillTitle: { 'zh-CN': '谢谢', en: 'Thanks' },
      attempts: 3, attemptsRequired: 2, dueDate: '2026-12-03', overdue: false, complete: true,
      guidelines: [{ guideline: 'rate', latest: rate(250, 'high'), best: rate(95, 'borderline'), trend: [90, 95, 250] }],
      latestModel: null, takeIds: ['c1', 'c2', 'c3'],
    });
  });

  it('a due date of today is not overdue; yesterday with too few attempts is', () => {
    const due = (dueDate: string) => ({ ...BO, pack: { ...BO.pack, drills: [{ ...BO.pack.drills[0], dueDate }] } });
    expect(buildRoster([input(due('2026-12-03'))], TODAY)[0].overdue).toBe(false);
    expect(buildRoster([input(due('2026-12-02'))], TODAY)[0].overdue).toBe(true);
  });

  it('best is null when nothing was measured, and a missing verdict leaves a null in the trend', () => {
    const r = validResults([
      take('u1', 'bye', '2026-12-01T09:00:00Z', null, 'unmeasured', { verdicts: [rate(null, 'unmeasured')] }),
      take('u2', 'bye', '2026-12-01T10:00:00Z', null, 'unmeasured', { verdicts: [VOLUME] }),
    ]);
    const bye = buildRoster([input(r)], TODAY)[1];
    expect(bye.guidelines).toEqual([
      { guideline: 'rate', latest: null, best: null, trend: [null, null] },
      { guideline: 'volume', latest: VOLUME, best: VOLUME, trend: [null, -21.5] },
    ]);
  });

  it('the same take id of two agents is two takes', () => {
    const other = { ...LI_NA, agent: { id: 'a-9', name: 'Li Na' } };
    const cells = buildRoster([input(LI_NA), input(other)], TODAY);
    expect(cells.map((c) => `${c.agentId}/${c.drillId}/${c.attempts}`)).toEqual(['a-1/hello/2', 'a-1/bye/1', 'a-9/hello/2', 'a-9/bye/1']);
  });

  it('takes of a drill no longer in the pack get no cell', () => {
    const r: ResultsJson = { ...LI_NA, pack: { ...LI_NA.pack, drills: [LI_NA.pack.drills[1]] } };
    expect(buildRoster([input(r)], TODAY)).toEqual([liBye]);
  });
});
