/**
 * The opening greeting's models (issue 11 point 4): the import's template (built-in greeting of the call's
 * language, filled from the profile, else from what the agent typed on the Calls screen, else the drill's
 * sample, as the practice screen and `voicedrill call` fill it), and on the call page the stored greeting as
 * a take for the practice scorecard and its one-line verdict for the printed report.
 */
import { describe, expect, it } from 'vitest';
import { greetingScript } from '../../cli/call-greeting.ts';
import { findBuiltInDrill, type Drill } from '../../src/drills/index.ts';
import { importGreeting } from '../../src/features/calls/greeting-import-model.ts';
import { greetingOf, greetingTake, greetingVerdict } from '../../src/features/calls/page/greeting-model.ts';
import type { CallGreetingRecord } from '../../src/storage/index.ts';

const prefs = (over: Partial<{ greeting: 'greeting3' | 'greeting4'; greetingName: string; greetingCompany: string }> = {}) =>
  ({ greeting: 'greeting4' as const, greetingName: '', greetingCompany: '', ...over });
const none = { name: '', company: '' };

describe('the import’s greeting template', () => {
  it('uses the profile’s name and company when it has them, and asks for nothing', () => {
    const g = importGreeting('en', prefs({ greetingName: 'Typed', greetingCompany: 'Typed Co' }), { name: 'Alex', company: 'Bluebird Telecom' });
    expect(g.choice).toEqual({ drillId: 'en-greeting4', script: 'Hello, *Bluebird Telecom*, this is Alex, how may I *help* you today?' });
    expect(g.shownScript).toBe('Hello, Bluebird Telecom, this is Alex, how may I help you today?');
    expect(g).toMatchObject({ askName: false, askCompany: false, fromProfile: true });
  });

  it('asks for what the profile lacks and uses what was typed; nothing typed: the drill’s sample, the same script as the CLI', () => {
    const typed = importGreeting('zh', prefs({ greetingCompany: '星海客服' }), { name: '李娜', company: '' });
    expect(typed.choice).toEqual({ drillId: 'zh-greeting4', script: '您好，*星海客服*，我是李娜，请问有什么可以*帮您*？' });
    expect(typed).toMatchObject({ askName: false, askCompany: true, fromProfile: true });
    const empty = importGreeting('en', prefs({ greetingName: '  ' }), none);
    expect(empty).toMatchObject({ askName: true, askCompany: true, fromProfile: false });
    for (const lang of ['zh', 'en'] as const) {
      const drill = findBuiltInDrill(`${lang}-greeting4`) as Drill;
      expect(importGreeting(lang, prefs(), none).choice.script, lang).toBe(greetingScript(drill));
      expect(importGreeting(lang, prefs({ greetingName: 'Kim', greetingCompany: 'Acme' }), none).choice.script, lang).toBe(greetingScript(drill, { name: 'Kim', company: 'Acme' }));
    }
  });

  it('the three-part greeting names no company, so none is asked for', () => {
    const g = importGreeting('en', prefs({ greeting: 'greeting3' }), none);
    expect(g.choice.drillId).toBe('en-greeting3');
    expect(g).toMatchObject({ askName: true, askCompany: false });
    expect(importGreeting('en', prefs({ greeting: 'greeting3' }), { name: '', company: 'Acme' }).fromProfile).toBe(false);
  });
});

describe('the stored greeting on the call page', () => {
  const verdict = (guideline: string, status: string, value: number | null) => ({ guideline, status, value, unit: '', band: null, reason: null });
  const greeting = {
    drillId: 'en-greeting4', script: 'Hello, *Acme*, this is Sam, how may I *help* you today?', startSec: 1.1, endSec: 6.3, sliceStartSec: 0.8,
    report: {
      analysisVersion: 'test', durationSec: 5.8, speechFound: true, parts: [],
      verdicts: [verdict('rate', 'high', 190), verdict('volume', 'good', -22), verdict('effort', 'unmeasured', null), verdict('pauses', 'low', 0.1),
        verdict('pitchVariety', 'borderline', 1.7), verdict('warmth', 'good', 0.5)],
    },
  } as unknown as CallGreetingRecord;
  const call = { id: 'c1', createdAt: Date.UTC(2026, 11, 2, 9), sampleRateHz: 16000, greeting };

  it('is shown as an unsaved take of its built-in drill with the stored report', () => {
    const found = greetingOf(call);
    expect(found?.drill.id).toBe('en-greeting4');
    const take = greetingTake(call, greeting, found!.drill);
    expect(take.take.id.startsWith('unsaved-')).toBe(true);
    expect(take.take).toMatchObject({ drillId: 'en-greeting4', script: greeting.script, createdAt: '2026-12-02T09:00:00.000Z', incomplete: false, status: 'analysed' });
    expect(take.report).toMatchObject({ verdicts: greeting.report.verdicts });
    expect(take.comparison).toEqual({ previous: null, best: null });
    expect(greetingOf({ greeting: null })).toBeNull();
    expect(greetingOf({})).toBeNull();
    expect(greetingOf({ greeting: { ...greeting, drillId: 'no-such-drill' } })).toBeNull();
  });

  it('its verdict line counts the scored, measured guidelines and names the ones too low or too high', () => {
    // warmth is shown, not scored; effort is not measured.
    expect(greetingVerdict(greeting, 'en')).toEqual({ good: 1, total: 4, toChange: ['Pace (too fast)', 'Pauses (no breaks)'] });
    expect(greetingVerdict(greeting, 'zh-CN').toChange[0]).toBe('语速（太快）');
  });
});
