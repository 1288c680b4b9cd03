/**
 * Team sync's API for the screens (src/team/index.ts, over the engine): the server address checked and mirrored for
 * the CSP, joining with an invite (the takes already here queued so the server catches up), the join's refusals as
 * stable codes, leaving (config, outbox and mirror gone), the live roster validated, and startSync with no server
 * making no request through the page's fetch.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { countOutbox, getSyncConfig, listOutbox, SYNC_ORIGIN_STORAGE_KEY } from '../../src/storage/index.ts';
import {
  fetchRoster, getSyncConfig as apiConfig, joinServer, leaveServer, saveServerOrigin, setShareAudio, setSyncEngine, startSync, subscribeSyncStatus,
  type SyncEngine, type SyncStatus,
} from '../../src/team/index.ts';
import { analysedTake, Clock, drill, engineOf, FakeServer, freshStore, opened, ORIGIN, pack, rejection, TOKEN } from './helpers.ts';

const engines: SyncEngine[] = [];
afterEach(() => {
  setSyncEngine(null);
  for (const e of engines.splice(0)) e.stop();
  for (const s of opened.splice(0)) s.close();
  vi.unstubAllGlobals();
});

class Mirror {
  readonly items = new Map<string, string>();
  setItem(k: string, v: string): void { this.items.set(k, v); }
  removeItem(k: string): void { this.items.delete(k); }
}

const JOINED = {
  token: TOKEN,
  device: { id: 'dev-1', personId: 'p-1', name: 'Front desk', createdAt: '2026-12-03T10:00:00.000Z', lastSeenAt: null, revokedAt: null },
  person: { id: 'p-1', name: 'Wang Fang', role: 'agent', groupIds: ['g-1'] },
  org: { id: 'acme', name: 'Acme' },
};

async function setup(): Promise<{ server: FakeServer; mirror: Mirror; engine: SyncEngine; store: Awaited<ReturnType<typeof freshStore>> }> {
  const store = await freshStore();
  const server = new FakeServer();
  const mirror = new Mirror();
  const engine = engineOf(store, server, new Clock(), { mirror });
  engines.push(engine);
  setSyncEngine(engine);
  return { server, mirror, engine, store };
}


describe('team API: the server address', () => {
  it('saves the normalised origin and mirrors it for the CSP; refuses a path with bad-origin and writes nothing', async () => {
    const { mirror, store } = await setup();
    const bad = await rejection(saveServerOrigin('https://sync.example.com/api'));
    expect(bad.code).toBe('bad-origin');
    expect(await getSyncConfig(store.db)).toBeUndefined();
    expect(mirror.items.size).toBe(0);
    expect(await saveServerOrigin('HTTPS://Sync.Example.com:443/')).toBe('https://sync.example.com');
    expect(await apiConfig()).toMatchObject({ origin: 'https://sync.example.com', token: null, shareAudio: 'never', lastSyncAt: null });
    expect([...mirror.items]).toEqual([[SYNC_ORIGIN_STORAGE_KEY, 'https://sync.example.com']]);
  });
});

describe('team API: joining', () => {
  it('joins with an invite code, stores the device, then queues the takes and completions already here', async () => {
    const { server, store } = await setup();
    const a = drill('a');
    await store.importAssignedPack({ pack: pack(1, [a], 'refunds', 2), models: new Map(), source: 'file' }, 1);
    const t1 = await analysedTake(store, a, '2026-12-03T09:00:00.000Z');
    const t2 = await analysedTake(store, a, '2026-12-03T09:05:00.000Z');
    const free = await analysedTake(store, drill('free'), '2026-12-03T09:10:00.000Z');
    await saveServerOrigin(ORIGIN);
    server.next.push({ status: 201, body: JOINED });
    const joined = await joinServer('abcd-efgh-jkmn', ' Front desk ');
    expect(joined).toEqual(JOINED);
    expect(server.calls()).toEqual(['POST /v1/join']);
    expect(server.requests[0].headers).toEqual({ 'x-voicedrill-protocol': '1', 'content-type': 'application/json' });
    expect(server.requests[0].json).toEqual({ inviteCode: 'ABCD-EFGH-JKMN', deviceName: 'Front desk' });
    expect(await getSyncConfig(store.db)).toMatchObject({ origin: ORIGIN, token: TOKEN, device: JOINED.device, person: JOINED.person, org: JOINED.org });
    const items = await listOutbox(store.db);
    expect(items.map((i) => i.id).sort()).toEqual(['completion:refunds:a', `take:${free}`, `take:${t1}`, `take:${t2}`].sort());
    const completion = items.find((i) => i.payload.kind === 'completion')!.payload;
    expect(completion).toEqual({ kind: 'completion', completion: { packId: 'refunds', packVersion: 1, drillId: 'a', completedAt: '2026-12-03T09:05:00.000Z' } });
    const freeTake = items.find((i) => i.id === `take:${free}`)!.payload;
    expect(freeTake).toMatchObject({ take: { takeId: free, packId: null, packVersion: null, hasAudio: false } });
  });

  it('turns the join’s refusals into stable codes', async () => {
    const { server } = await setup();
    expect((await rejection(joinServer('ABCD-EFGH-JKMN', 'x'))).code).toBe('not-joined');
    await saveServerOrigin(ORIGIN);
    expect((await rejection(joinServer('not a code', 'x'))).code).toBe('bad-invite');
    expect(server.requests).toHaveLength(0);
    server.next.push(
      { status: 404, body: { error: 'No such invite.', code: 'not-found' } },
      { status: 410, body: { error: 'This invite was used.', code: 'invite-used' } },
      { status: 410, body: { error: 'This invite expired.', code: 'invite-expired' } },
      'network-error',
      { status: 500, body: { error: 'Something failed.', code: 'internal' } },
      { status: 201, body: { ...JOINED, token: 'vdt.other.dev-1.' + 'A'.repeat(43) } },
    );
    const codes = [];
    for (let i = 0; i < 6; i++) codes.push((await rejection(joinServer('ABCD-EFGH-JKMN', 'x'))).code);
    expect(codes).toEqual(['bad-invite', 'invite-used', 'invite-expired', 'unreachable', 'server-error', 'bad-response']);
    expect((await apiConfig())?.token).toBeNull();
  });

  it('leaving deletes the configuration, the outbox and the mirror; the status is none', async () => {
    const { server, store, mirror } = await setup();
    await saveServerOrigin(ORIGIN);
    server.next.push({ status: 201, body: JOINED });
    await joinServer('ABCD-EFGH-JKMN', 'Desk');
    await analysedTake(store, drill('a'), '2026-12-03T09:00:00.000Z');
    await setShareAudio('always');
    expect((await apiConfig())?.shareAudio).toBe('always');
    const { shareTakeAudio } = await import('../../src/team/index.ts');
    await shareTakeAudio('t-x');
    expect(await countOutbox(store.db)).toBe(1);
    const seen: SyncStatus[] = [];
    const unsubscribe = subscribeSyncStatus((s) => seen.push(s));
    await leaveServer();
    await vi.waitFor(() => expect(seen.length).toBeGreaterThan(1), { timeout: 5000 });
    unsubscribe();
    expect(await getSyncConfig(store.db)).toBeUndefined();
    expect(await countOutbox(store.db)).toBe(0);
    expect(mirror.items.size).toBe(0);
    expect(seen[0]).toEqual({ state: 'none', pending: 0, error: null, detail: null, lastSyncAt: null });
    expect(seen.at(-1)).toEqual({ state: 'none', pending: 0, error: null, detail: null, lastSyncAt: null });
    expect((await rejection(setShareAudio('never'))).code).toBe('not-joined');
  });
});

describe('team API: the live roster', () => {
  it('reads GET /v1/roster?groupId=… as RosterInput (packId/packVersion dropped) and refuses a malformed answer', async () => {
    const { server, store } = await setup();
    const { putSyncConfig } = await import('../../src/storage/index.ts');
    const { joinedConfig } = await import('./helpers.ts');
    await putSyncConfig(store.db, joinedConfig());
    const take = {
      takeId: 't1', drillId: 'a', drillVersion: 1, createdAt: '2026-12-03T09:00:00.000Z', analysisVersion: '1.5.0', lang: 'en', durationSec: 3.2, speechFound: true,
      verdicts: [{ guideline: 'rate', value: 141.2, unit: 'wpm', status: 'good' }], model: null, hasAudio: false, packId: 'refunds', packVersion: 1,
    };
    const entry = {
      agentId: 'p-1', agentName: 'Wang Fang',
      pack: { id: 'refunds', version: 1, title: 'Refunds', author: 'Coach Li', drills: [{ id: 'a', version: 1, title: { 'zh-CN': '退款', en: 'Refund' }, attemptsRequired: 2, dueDate: null }] },
      takes: [take],
    };
    server.next.push({ status: 200, body: { entries: [entry] } }, { status: 200, body: { entries: [{ ...entry, agentId: 'Not An Id' }] } });
    const { packId: _p, packVersion: _v, ...resultTake } = take;
    expect(await fetchRoster('g-1')).toEqual([{ ...entry, takes: [resultTake] }]);
    expect(server.calls()).toEqual(['GET /v1/roster?groupId=g-1']);
    expect((await rejection(fetchRoster())).code).toBe('bad-response');
  });
});

describe('startSync with no server', () => {
  it('makes no request through the page’s fetch and arms no timer', async () => {
    const store = await freshStore();
    const fetchSpy = vi.fn();
    vi.stubGlobal('fetch', fetchSpy);
    const timeoutSpy = vi.spyOn(globalThis, 'setTimeout');
    setSyncEngine(null);
    const stop = startSync(store);
    const seen: SyncStatus[] = [];
    const unsubscribe = subscribeSyncStatus((s) => seen.push(s));
    await analysedTake(store, drill('a'), '2026-12-03T09:00:00.000Z');
    await new Promise<void>((r) => { queueMicrotask(r); });
    for (let i = 0; i < 20; i++) await Promise.resolve();
    const timersArmed = timeoutSpy.mock.calls.length;
    timeoutSpy.mockRestore();
    await new Promise((r) => setTimeout(r, 50));
    unsubscribe();
    stop();
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(timersArmed).toBe(0);
    expect(await countOutbox(store.db)).toBe(0);
    expect(seen).toEqual([{ state: 'none', pending: 0, error: null, detail: null, lastSyncAt: null }]);
  });
});
