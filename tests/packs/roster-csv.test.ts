/** rosterCsv: exact text (header, RFC 4180 quoting, CRLF) and formula-injection safety. */
import { describe, expect, it } from 'vitest';
import { csvField, rosterCsv } from '../../src/packs/roster.ts';
import type { RosterCell } from '../../src/packs/types.ts';

const HEADER = 'agent,agent_id,pack,drill_id,drill_title,attempts,required,due,overdue,complete,guideline,latest_value,latest_status,best_value,best_status,trend,model_rate_ratio,model_pitch_variety_ratio,model_contour_distance_st';

const cell: RosterCell = {
  agentId: 'a-1', agentName: 'Wu, "Bella"', packId: 'greetings', drillId: 'hello', drillTitle: { 'zh-CN': '问候', en: '=HYPERLINK("http://x","click")' },
  attempts: 3, attemptsRequired: 2, dueDate: '2026-12-01', overdue: false, complete: true,
  guidelines: [
    { guideline: 'rate', latest: { guideline: 'rate', value: 200, unit: 'wpm', status: 'high' }, best: { guideline: 'rate', value: 150.25, unit: 'wpm', status: 'good' }, trend: [100, null, 200] },
    { guideline: 'volume', latest: { guideline: 'volume', value: -21.5, unit: 'dBFS', status: 'good' }, best: { guideline: 'volume', value: -21.5, unit: 'dBFS', status: 'good' }, trend: [-22, -21.5] },
  ],
  latestModel: { rateRatio: 1.1, pitchVarietyRatio: null, contourDistanceSt: 0.75 },
  takeIds: ['t1', 't2', 't3'],
};
const none: RosterCell = {
  agentId: 'b-2', agentName: '@Bo', packId: 'greetings', drillId: 'bye', drillTitle: { 'zh-CN': '再见', en: '+Bye\nnow' },
  attempts: 0, attemptsRequired: 1, dueDate: null, overdue: true, complete: false, guidelines: [], latestModel: null, takeIds: [],
};

describe('rosterCsv', () => {
  it('writes the exact text: a row per cell and guideline, quoted where needed, formulas defused', () => {
    expect(rosterCsv([cell, none])).toBe([
      HEADER,
      `"Wu, ""Bella""",a-1,greetings,hello,"'=HYPERLINK(""http://x"",""click"")",3,2,2026-12-01,no,yes,rate,200,high,150.25,good,100 NA 200,1.1,,0.75`,
      `"Wu, ""Bella""",a-1,greetings,hello,"'=HYPERLINK(""http://x"",""click"")",3,2,2026-12-01,no,yes,volume,-21.5,good,-21.5,good,'-22 -21.5,1.1,,0.75`,
      `'@Bo,b-2,greetings,bye,"'+Bye\nnow",0,1,,yes,no,,,,,,,,,`,
      '',
    ].join('\r\n'));
  });

  it('an empty roster is the header alone', () => {
    expect(rosterCsv([])).toBe(HEADER + '\r\n');
  });

  it.each([
    ['=1+1', "'=1+1"], ['+49 30 1234', "'+49 30 1234"], ['-cmd|calc', "'-cmd|calc"], ['@SUM(A1)', "'@SUM(A1)"], ['\tx', "'\tx"],
    ['\r=1', `"'\r=1"`], ['-21.5', '-21.5'], ['-1e-7', '-1e-7'], ['plain', 'plain'], ['a"b', '"a""b"'], ['', ''], ['x=1', 'x=1'],
  ])('csvField(%j) is %j', (input, expected) => {
    expect(csvField(input)).toBe(expected);
  });
});
