/**
 * Team sync screens' logic (issue 13): each failure code's sentence in both languages, the header chip's words per
 * status, the default device name, who may publish, the live roster's drill-down takes.
 */
import { describe, expect, it } from 'vitest';
import { chipText, defaultDeviceName, liveTakesOf, managesPacks, reasonText, teamErrorKey } from '../../src/features/team/index.ts';
import { EN } from '../../src/i18n/en.ts';
import { ZH_CN } from '../../src/i18n/zh-CN.ts';
import type { ResultTake, RosterInput } from '../../src/packs/index.ts';
import { StorageError } from '../../src/storage/index.ts';
import { TEAM_ERROR_CODES, TeamError, type SyncStatus } from '../../src/team/index.ts';

const status = (s: Partial<SyncStatus>): SyncStatus => ({ state: 'synced', pending: 0, error: null, lastSyncAt: null, ...s });
const JOINED = { token: 'vdt.org.dev.secret' };

describe('failure sentences', () => {
  it('give every TeamError code its own sentence and short reason in both languages', () => {
    for (const code of TEAM_ERROR_CODES) {
      const key = teamErrorKey(new TeamError(code, 'x'));
      expect(key, code).toBe(`team.error.${code}`);
      expect(EN[key].length, code).toBeGreaterThan(20);
      expect(ZH_CN[key], code).not.toBe(EN[key]);
      expect(reasonText('en', code), code).toBe(EN[`team.reason.${code}` as keyof typeof EN]);
      expect(reasonText('zh-CN', code), code).not.toMatch(/[A-Za-z]{2}/);
    }
    expect(teamErrorKey(new TeamError('bad-origin', 'x'))).toBe('team.error.bad-origin');
    expect(EN['team.error.bad-origin']).toBe('That is not a server address: write it as https://name or http://name, with a port if needed and nothing after it.');
  });

  it('give anything else the generic sentence', () => {
    expect(teamErrorKey(new Error('boom'))).toBe('team.error.other');
    expect(teamErrorKey('nope')).toBe('team.error.other');
    expect(teamErrorKey(new StorageError('quota', 'full'))).toBe('team.error.storage');
    expect(reasonText('en', null)).toBe('request failed');
    expect(reasonText('en', 'no-such-code')).toBe('request failed');
  });
});

describe('the header chip', () => {
  it('is absent without a server, says "Not joined" before joining', () => {
    expect(chipText('en', status({ state: 'none' }), undefined)).toBeNull();
    expect(chipText('en', status({ state: 'synced' }), null)).toBeNull();
    expect(chipText('en', status({ state: 'none' }), { token: null })).toEqual({ text: 'Not joined', kind: 'not-joined' });
    expect(chipText('zh-CN', status({ state: 'none' }), { token: null })).toEqual({ text: '尚未加入', kind: 'not-joined' });
  });

  it('says synced, pending N, offline and the error with its reason, in both languages', () => {
    expect(chipText('en', status({ state: 'synced' }), JOINED)).toEqual({ text: 'Synced', kind: 'synced' });
    expect(chipText('en', status({ state: 'pending', pending: 3 }), JOINED)).toEqual({ text: 'Pending 3', kind: 'pending' });
    expect(chipText('zh-CN', status({ state: 'pending', pending: 3 }), JOINED)).toEqual({ text: '待发送 3', kind: 'pending' });
    expect(chipText('en', status({ state: 'offline' }), JOINED)).toEqual({ text: 'Offline', kind: 'offline' });
    expect(chipText('zh-CN', status({ state: 'offline' }), JOINED)).toEqual({ text: '离线', kind: 'offline' });
    expect(chipText('en', status({ state: 'error', error: 'revoked' }), JOINED)).toEqual({ text: 'Sync error: device removed', kind: 'error' });
    expect(chipText('zh-CN', status({ state: 'error', error: 'server-error' }), JOINED)).toEqual({ text: '同步出错：服务器出错', kind: 'error' });
    // A joined device's status not read yet: nothing rather than a guess.
    expect(chipText('en', status({ state: 'none' }), JOINED)).toBeNull();
  });
});

describe('device name and roles', () => {
  const CHROME_LINUX = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
  const EDGE_WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0';
  const SAFARI_IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';
  const FIREFOX_ANDROID = 'Mozilla/5.0 (Android 14; Mobile; rv:132.0) Gecko/132.0 Firefox/132.0';

  it('names the browser and the system', () => {
    expect(defaultDeviceName(CHROME_LINUX, 'en')).toBe('Chrome on Linux');
    expect(defaultDeviceName(EDGE_WINDOWS, 'en')).toBe('Edge on Windows');
    expect(defaultDeviceName(SAFARI_IPHONE, 'en')).toBe('Safari on iOS');
    expect(defaultDeviceName(FIREFOX_ANDROID, 'en')).toBe('Firefox on Android');
    expect(defaultDeviceName(EDGE_WINDOWS, 'zh-CN')).toBe('Windows 上的 Edge');
    expect(defaultDeviceName('curl/8.0', 'en')).toBe('VoiceDrill');
  });

  it('lets trainers and administrators publish and read the live roster, not agents', () => {
    expect(managesPacks('trainer')).toBe(true);
    expect(managesPacks('admin')).toBe(true);
    expect(managesPacks('agent')).toBe(false);
    expect(managesPacks(null)).toBe(false);
    expect(managesPacks(undefined)).toBe(false);
  });
});

describe('live roster drill-down', () => {
  const take = (takeId: string, drillId: string, createdAt: string): ResultTake => ({
    takeId, drillId, drillVersion: 1, createdAt, analysisVersion: '1.0.0', lang: 'en', durationSec: 5, speechFound: true, hasAudio: false, model: null, verdicts: [],
  });
  const pack = (id: string): RosterInput['pack'] => ({ id, version: 1, title: id, author: 'Mei', drills: [] });
  const inputs: RosterInput[] = [
    { agentId: 'a', agentName: 'Alex', pack: pack('p'), takes: [take('t3', 'greet', '2026-11-20T09:03:00.000Z'), take('t1', 'greet', '2026-11-20T09:01:00.000Z'), take('h1', 'hold', '2026-11-20T09:02:00.000Z')] },
    // The same agent and pack in another group's answer: merged, a take once.
    { agentId: 'a', agentName: 'Alex', pack: pack('p'), takes: [take('t1', 'greet', '2026-11-20T09:01:00.000Z'), take('t2', 'greet', '2026-11-20T09:01:00.000Z')] },
    { agentId: 'b', agentName: 'Bo', pack: pack('p'), takes: [take('b1', 'greet', '2026-11-20T09:00:00.000Z')] },
    { agentId: 'a', agentName: 'Alex', pack: pack('q'), takes: [take('q1', 'greet', '2026-11-20T09:00:00.000Z')] },
  ];

  it('lists the row’s takes once each, oldest first (same time: by id)', () => {
    expect(liveTakesOf(inputs, { agentId: 'a', packId: 'p', drillId: 'greet' }).map((t) => t.takeId)).toEqual(['t1', 't2', 't3']);
    expect(liveTakesOf(inputs, { agentId: 'b', packId: 'p', drillId: 'greet' }).map((t) => t.takeId)).toEqual(['b1']);
    expect(liveTakesOf(inputs, { agentId: 'a', packId: 'q', drillId: 'hold' })).toEqual([]);
  });
});
