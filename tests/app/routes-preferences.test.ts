import { describe, expect, it } from 'vitest';
import { COUNT_IN_CHOICES_SEC, DEFAULT_PREFERENCES, loadPreferences, parsePreferences, PREFERENCES_KEY, savePreferences } from '../../src/services/preferences.ts';
import { CALL_PREFERENCES_KEY, DEFAULT_CALL_PREFERENCES, loadCallPreferences, parseCallPreferences, saveCallPreferences } from '../../src/services/call-preferences.ts';
import { navScreenOf, parseRoute, routeHref } from '../../src/services/routes.ts';

describe('routes', () => {
  it('parse and format every screen', () => {
    for (const screen of ['practice', 'history', 'calls', 'progress', 'settings'] as const) {
      expect(parseRoute(routeHref({ screen }))).toEqual({ screen });
    }
    const take = { screen: 'take', takeId: 'take-1/ä b' } as const;
    expect(parseRoute(routeHref(take))).toEqual(take);
    expect(navScreenOf(take)).toBe('history');
    const call = { screen: 'call', callId: 'call-1/ä b' } as const;
    expect(parseRoute(routeHref(call))).toEqual(call);
    expect(navScreenOf(call)).toBe('calls');
    expect(parseRoute('#/call/')).toEqual({ screen: 'practice' });
  });

  it('fall back to Practice', () => {
    expect(parseRoute('')).toEqual({ screen: 'practice' });
    expect(parseRoute('#/nowhere')).toEqual({ screen: 'practice' });
    expect(parseRoute('#/take/')).toEqual({ screen: 'practice' });
  });
});

describe('preferences', () => {
  it('read what was saved, and defaults for anything else', () => {
    const memory = new Map<string, string>();
    const storage = { getItem: (k: string) => memory.get(k) ?? null, setItem: (k: string, v: string) => void memory.set(k, v) };
    expect(loadPreferences(storage)).toEqual(DEFAULT_PREFERENCES);
    expect(savePreferences(storage, { countInSec: 0, trainerMode: false })).toBe(true);
    expect(memory.has(PREFERENCES_KEY)).toBe(true);
    expect(loadPreferences(storage)).toEqual({ countInSec: 0, trainerMode: false });
    expect(parsePreferences('{"countInSec": 4}')).toEqual(DEFAULT_PREFERENCES);
    expect(parsePreferences('not json')).toEqual(DEFAULT_PREFERENCES);
    expect(COUNT_IN_CHOICES_SEC).toContain(DEFAULT_PREFERENCES.countInSec);
  });

  it('survive a storage that throws', () => {
    const broken = { getItem: () => { throw new Error('blocked'); }, setItem: () => { throw new Error('blocked'); } };
    expect(loadPreferences(broken)).toEqual(DEFAULT_PREFERENCES);
    expect(savePreferences(broken, { countInSec: 1, trainerMode: false })).toBe(false);
    expect(loadPreferences(null)).toEqual(DEFAULT_PREFERENCES);
  });
});

describe('call import preferences', () => {
  it('remember the agent channel, language, keep choice and greeting template; anything unreadable is the default', () => {
    const memory = new Map<string, string>();
    const storage = { getItem: (k: string) => memory.get(k) ?? null, setItem: (k: string, v: string) => void memory.set(k, v) };
    expect(loadCallPreferences(storage)).toEqual(DEFAULT_CALL_PREFERENCES);
    const chosen = { agentChannel: 'right', lang: 'zh', keepAudio: true, greeting: 'greeting3', greetingName: '李娜', greetingCompany: '' } as const;
    expect(saveCallPreferences(storage, chosen)).toBe(true);
    expect(memory.has(CALL_PREFERENCES_KEY)).toBe(true);
    expect(loadCallPreferences(storage)).toEqual(chosen);
    // Preferences stored before the greeting template was a choice: the four-part greeting, no name or company.
    expect(parseCallPreferences('{"agentChannel":"right","lang":"zh","keepAudio":true}')).toEqual({ ...DEFAULT_CALL_PREFERENCES, agentChannel: 'right', lang: 'zh', keepAudio: true });
    expect(parseCallPreferences('{"agentChannel":"middle","lang":"fr","keepAudio":"yes","greeting":"greeting9","greetingName":3}')).toEqual(DEFAULT_CALL_PREFERENCES);
    expect(parseCallPreferences('nope')).toEqual(DEFAULT_CALL_PREFERENCES);
    expect(loadCallPreferences({ getItem: () => { throw new Error('blocked'); }, setItem: () => undefined })).toEqual(DEFAULT_CALL_PREFERENCES);
  });
});
