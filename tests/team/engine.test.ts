/**
 * The app's team sync engine (src/team/engine.ts) over fake-indexeddb with a fake fetch that records every request:
 * the outbox is the truth (deleted only once acknowledged), idempotent enqueue, the back-off schedule, a reload
 * draining what the previous page left, offline → online catch-up with every item delivered once, duplicates
 * acknowledged, a revoked device keeping everything, a refused item isolated and kept, pulled packs merged, and no
 * request or timer at all without a server.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { countOutbox, enqueueOutbox, getSyncConfig, listOutbox, type OutboxRecord } from '../../src/storage/index.ts';
import { takeItemId } from '../../src/sync/outbox-plan.ts';
import type { PushRequest, SyncTake } from '../../src/sync/protocol.ts';
import type { SyncEngine, SyncStatus } from '../../src/team/index.ts';
import {
  analysedTake, Clock, drill, engineOf, FakeServer, freshStore, joinedStore, ManualTimers, opened, ORIGIN, pack, TOKEN,
} from './helpers.ts';

const engines: SyncEngine[] = [];
afterEach(() => {
  for (const e of engines.splice(0)) e.stop();
  for (const s of opened.splice(0)) s.close();
});
function track<T extends SyncEngine>(e: T): T {
  engines.push(e);
  return e;
}

// A minimal SyncTake for items put in the outbox directly.
function syncTake(takeId: string): SyncTake {
  return {
    takeId, drillId: 'a', drillVersion: 1, createdAt: '2026-12-03T09:00:00.000Z', analysisVersion: '1.5.0', lang: 'en', durationSec: 3.2, speechFound: true,
    verdicts: [{ guideline: 'rate', value: 141.2, unit: 'wpm', status: 'good' }], model: null, hasAudio: false, packId: null, packVersion: null,
  };
}

async function enqueueTakes(store: Awaited<ReturnType<typeof joinedStore>>, ids: string[], clock: Clock): Promise<void> {
  for (const [i, id] of ids.entries()) await enqueueOutbox(store.db, takeItemId(id), { kind: 'take', take: syncTake(id) }, clock.ms + i);
  clock.ms += ids.length;
}

const pushedIds = (server: FakeServer): string[][] =>
  server.requests.filter((r) => r.method === 'POST').map((r) => (r.json as PushRequest).takes.map((t) => t.takeId));

describe('sync engine: the outbox', () => {
  it('enqueue is idempotent by id: the same take twice keeps one item, with the newest payload and its schedule', async () => {
    const store = await joinedStore();
    const clock = new Clock();
    expect(await enqueueOutbox(store.db, 'take:t1', { kind: 'take', take: syncTake('t1') }, 100)).toBe(true);
    expect(await enqueueOutbox(store.db, 'take:t1', { kind: 'take', take: { ...syncTake('t1'), hasAudio: true } }, 200)).toBe(false);
    const items = await listOutbox(store.db);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ id: 'take:t1', createdAt: 100, attempts: 0, nextAttemptAt: 100, lastError: null });
    expect((items[0].payload as { take: SyncTake }).take.hasAudio).toBe(true);
    void clock;
  });

  it('a take analysed while joined is queued once, built from the results file’s take, with its pack; a push sends it and deletes it', async () => {
    const store = await joinedStore();
    const server = new FakeServer();
    const clock = new Clock();
    const engine = track(engineOf(store, server, clock, { hookReports: true }));
    const a = drill('a');
    await store.importAssignedPack({ pack: pack(3, [a]), models: new Map(), source: 'file' }, 1);
    await engine.start();
    // The start's pull (nothing waits to be pushed).
    await vi.waitFor(() => expect(server.calls()).toEqual(['GET /v1/assignments']), { timeout: 5000 });
    server.requests.length = 0;
    const takeId = await analysedTake(store, a, '2026-12-03T09:00:00.000Z');
    // The hook runs after the save settles.
    await vi.waitFor(async () => expect(await countOutbox(store.db)).toBe(1), { timeout: 5000 });
    const items = await listOutbox(store.db);
    expect(items.map((i) => i.id)).toEqual([`take:${takeId}`]);
    const take = (items[0].payload as { take: SyncTake }).take;
    expect(take).toMatchObject({ takeId, drillId: 'a', drillVersion: 1, createdAt: '2026-12-03T09:00:00.000Z', lang: 'en', speechFound: true, hasAudio: false, packId: 'refunds', packVersion: 3, model: null });
    expect(take.verdicts.find((v) => v.guideline === 'rate')).toEqual({ guideline: 'rate', value: 141.2, unit: 'wpm', status: 'good' });

    await engine.push();
    expect(server.calls()).toEqual(['POST /v1/takes']);
    const req = server.requests[0];
    expect(req.url).toBe(`${ORIGIN}/v1/takes`);
    expect(req.headers).toEqual({ 'x-voicedrill-protocol': '1', authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' });
    expect(req.json).toEqual({ takes: [take], completions: [] });
    expect(await countOutbox(store.db)).toBe(0);
    expect((await getSyncConfig(store.db))?.lastSyncAt).toBe(clock.ms);
    expect((await engine.refreshStatus())).toEqual({ state: 'synced', pending: 0, error: null, detail: null, lastSyncAt: clock.ms });
  });

  it('nothing is queued when no server is joined (reflection notes and takes stay on the device)', async () => {
    const store = await freshStore();
    const server = new FakeServer();
    const engine = track(engineOf(store, server, new Clock()));
    const a = drill('a');
    const takeId = await analysedTake(store, a, '2026-12-03T09:00:00.000Z');
    await engine.takeSaved((await store.getTake(takeId))!);
    expect(await countOutbox(store.db)).toBe(0);
  });

  it('a drill reaching attemptsRequired with speech queues its completion once (completedAt: the take that reached it)', async () => {
    const store = await joinedStore();
    const server = new FakeServer();
    const engine = track(engineOf(store, server, new Clock()));
    const a = drill('a');
    await store.importAssignedPack({ pack: pack(2, [a]), models: new Map(), source: 'file' }, 1);
    const saved = async (createdAt: string, speech = true): Promise<void> => {
      const id = await analysedTake(store, a, createdAt, speech);
      await engine.takeSaved((await store.getTake(id))!);
    };
    await saved('2026-12-03T09:00:00.000Z');
    await saved('2026-12-03T09:01:00.000Z', false);
    expect((await listOutbox(store.db)).filter((i) => i.payload.kind === 'completion')).toEqual([]);
    await saved('2026-12-03T09:02:00.000Z');
    const completions = (await listOutbox(store.db)).filter((i) => i.payload.kind === 'completion');
    expect(completions.map((i) => [i.id, i.payload])).toEqual([[
      'completion:refunds:a', { kind: 'completion', completion: { packId: 'refunds', packVersion: 2, drillId: 'a', completedAt: '2026-12-03T09:02:00.000Z' } },
    ]]);
    await engine.push();
    expect(server.completions).toEqual(['refunds:a:2026-12-03T09:02:00.000Z']);
    // A fourth take: the server already has the completion, nothing new is queued for it.
    await saved('2026-12-03T09:03:00.000Z');
    expect((await listOutbox(store.db)).map((i) => i.payload.kind)).toEqual(['take']);
  });
});

describe('sync engine: failures', () => {
  it('a server error reschedules every item of the batch on the exact back-off (2 s, 4 s, … with random 0.5) and keeps it', async () => {
    const store = await joinedStore();
    const server = new FakeServer();
    const clock = new Clock();
    const engine = track(engineOf(store, server, clock));
    await enqueueTakes(store, ['t1', 't2'], clock);
    server.always = { status: 503, body: { error: 'The database is not ready.', code: 'not-ready' } };
    const t0 = clock.ms;
    await engine.push();
    expect(server.calls()).toEqual(['POST /v1/takes']);
    let items = await listOutbox(store.db);
    expect(items.map((i) => [i.id, i.attempts, i.nextAttemptAt, i.rejected])).toEqual([['take:t1', 1, t0 + 2000, false], ['take:t2', 1, t0 + 2000, false]]);
    expect(items[0].lastError).toBe('The sync server had a problem; it will be tried again: The database is not ready.');
    expect(await engine.refreshStatus()).toEqual({ state: 'error', pending: 2, error: 'server-error', detail: 'The database is not ready.', lastSyncAt: null });

    clock.ms = t0 + 1999; // not due yet: no request
    await engine.push();
    expect(server.requests).toHaveLength(1);
    clock.ms = t0 + 2000;
    await engine.push();
    expect(server.requests).toHaveLength(2);
    items = await listOutbox(store.db);
    expect(items.map((i) => [i.attempts, i.nextAttemptAt])).toEqual([[2, t0 + 2000 + 4000], [2, t0 + 2000 + 4000]]);
    clock.ms = t0 + 6000;
    await engine.push();
    items = await listOutbox(store.db);
    expect(items.map((i) => i.nextAttemptAt)).toEqual([t0 + 6000 + 8000, t0 + 6000 + 8000]);

    // The server recovers: both delivered once, deleted, status synced.
    server.always = null;
    clock.ms = t0 + 14_000;
    await engine.push();
    expect(await countOutbox(store.db)).toBe(0);
    expect([...server.deliveries]).toEqual([['t1', 1], ['t2', 1]]);
    expect((await engine.refreshStatus()).state).toBe('synced');
  });

  it('a revoked device (401) goes to error with that reason, deletes nothing and stops pushing', async () => {
    const store = await joinedStore();
    const server = new FakeServer();
    const clock = new Clock();
    const engine = track(engineOf(store, server, clock));
    await enqueueTakes(store, ['t1', 't2', 't3'], clock);
    const before = await listOutbox(store.db);
    server.always = { status: 401, body: { error: 'This device was revoked.', code: 'device-revoked' } };
    await engine.push();
    expect(await listOutbox(store.db)).toEqual(before);
    expect(await engine.refreshStatus()).toEqual({ state: 'error', pending: 3, error: 'revoked', detail: 'This device was revoked.', lastSyncAt: null });
    clock.ms += 60 * 60 * 1000;
    await engine.push();
    await engine.pull();
    expect(server.requests).toHaveLength(1);
  });

  it('a 4xx on one item: the batch is halved until the refused item is alone; the others are delivered, it is kept and marked', async () => {
    const store = await joinedStore();
    const server = new FakeServer();
    const clock = new Clock();
    const engine = track(engineOf(store, server, clock));
    await enqueueTakes(store, ['t1', 't2', 't3'], clock);
    server.refuseTakeId = 't3';
    await engine.push();
    expect(pushedIds(server)).toEqual([['t1', 't2', 't3'], ['t1', 't2'], ['t3']]);
    const left = await listOutbox(store.db);
    expect(left.map((i: OutboxRecord) => [i.id, i.attempts, i.rejected, i.nextAttemptAt])).toEqual([['take:t3', 1, true, clock.ms + 2000]]);
    expect(left[0].lastError).toBe('The sync server refused the data: The take has a value out of range.');
    expect(await engine.refreshStatus()).toMatchObject({ state: 'error', pending: 1, error: 'refused', detail: left[0].lastError });
    expect([...server.stored]).toEqual(['t1', 't2']);
  });

  it('duplicates are acknowledged: a take the server already has is deleted from the outbox', async () => {
    const store = await joinedStore();
    const server = new FakeServer();
    const clock = new Clock();
    const engine = track(engineOf(store, server, clock));
    server.stored.add('t1'); // pushed before a crash, acknowledged too late
    await enqueueTakes(store, ['t1', 't2'], clock);
    await engine.push();
    expect(server.calls()).toEqual(['POST /v1/takes']);
    expect(await countOutbox(store.db)).toBe(0);
    expect([...server.stored]).toEqual(['t1', 't2']);
  });

  it('a take the answer does not acknowledge stays in the outbox (never deleted unacknowledged)', async () => {
    const store = await joinedStore();
    const server = new FakeServer();
    const clock = new Clock();
    const engine = track(engineOf(store, server, clock));
    await enqueueTakes(store, ['t1', 't2'], clock);
    server.next.push({ status: 200, body: { accepted: ['t1'], duplicates: [], completionsAccepted: 0 } });
    await engine.push();
    expect((await listOutbox(store.db)).map((i) => [i.id, i.attempts])).toEqual([['take:t2', 1]]);
  });
});

describe('sync engine: reloads and offline', () => {
  it('a new engine over the same database (a reload) drains what the previous page left', async () => {
    const name = `voicedrill-team-reload-${Date.now()}`;
    const clock = new Clock();
    const first = await freshStore(name);
    const { putSyncConfig } = await import('../../src/storage/index.ts');
    const { joinedConfig } = await import('./helpers.ts');
    await putSyncConfig(first.db, joinedConfig());
    const down = new FakeServer();
    down.always = 'network-error';
    const engineA = track(engineOf(first, down, clock));
    await enqueueTakes(first, ['t1', 't2', 't3'], clock);
    await engineA.push();
    expect(await engineA.refreshStatus()).toMatchObject({ state: 'offline', pending: 3, error: null });
    engineA.stop();
    first.close();

    const second = await freshStore(name);
    const server = new FakeServer();
    const engineB = track(engineOf(second, server, clock));
    expect(await countOutbox(second.db)).toBe(3);
    clock.ms += 2000;
    await engineB.push();
    expect(pushedIds(server)).toEqual([['t1', 't2', 't3']]);
    expect(await countOutbox(second.db)).toBe(0);
  });

  it('offline → online: no request while navigator says offline; a network failure backs off; the online event delivers every item once', async () => {
    const store = await joinedStore();
    const server = new FakeServer();
    const clock = new Clock();
    let online = false;
    const listeners = new Map<string, () => void>();
    const events = { addEventListener: (t: string, l: () => void) => { listeners.set(t, l); }, removeEventListener: (t: string) => { listeners.delete(t); } };
    const timers = new ManualTimers();
    const engine = track(engineOf(store, server, clock, { online: () => online, events, timers }));
    await enqueueTakes(store, ['t1', 't2', 't3', 't4'], clock);
    await engine.start();
    await engine.push();
    expect(server.requests).toHaveLength(0);
    expect(await engine.refreshStatus()).toMatchObject({ state: 'offline', pending: 4 });

    // navigator.onLine says online but the network still fails: backed off, kept.
    online = true;
    server.next.push('network-error');
    await engine.push();
    expect(await engine.refreshStatus()).toMatchObject({ state: 'offline', pending: 4 });
    expect((await listOutbox(store.db)).map((i) => i.attempts)).toEqual([1, 1, 1, 1]);

    clock.ms += 2000;
    listeners.get('online')!();
    // The event's push and pull, not awaited by anyone.
    await vi.waitFor(() => expect(server.calls()).toHaveLength(3), { timeout: 5000 });
    expect(await countOutbox(store.db)).toBe(0);
    expect([...server.deliveries].sort()).toEqual([['t1', 1], ['t2', 1], ['t3', 1], ['t4', 1]]);
    // offline: no request; one failed push; the online event: one push of the four, then a pull.
    expect(server.calls()).toEqual(['POST /v1/takes', 'POST /v1/takes', 'GET /v1/assignments']);
    expect((await engine.refreshStatus()).state).toBe('synced');
  });

  it('audio is PUT as WAV after its take, with the protocol header and token', async () => {
    const store = await joinedStore({ shareAudio: 'always' });
    const server = new FakeServer();
    const clock = new Clock();
    const engine = track(engineOf(store, server, clock));
    const takeId = await analysedTake(store, drill('a'), '2026-12-03T09:00:00.000Z');
    await engine.takeSaved((await store.getTake(takeId))!);
    expect((await listOutbox(store.db)).map((i) => i.id).sort()).toEqual([`audio:${takeId}`, `take:${takeId}`]);
    await engine.push();
    expect(server.calls()).toEqual(['POST /v1/takes', `PUT /v1/takes/${takeId}/audio`]);
    const put = server.requests[1];
    expect(put.headers).toEqual({ 'x-voicedrill-protocol': '1', authorization: `Bearer ${TOKEN}`, 'content-type': 'audio/wav' });
    expect(put.bytes?.length).toBe(44 + 1600 * 2);
    expect(new TextDecoder().decode(put.bytes!.subarray(0, 4))).toBe('RIFF');
    expect(((server.requests[0].json as PushRequest).takes[0]).hasAudio).toBe(true);
    expect(await countOutbox(store.db)).toBe(0);
  });
});

describe('sync engine: pull', () => {
  it('merges pulled packs into the assigned packs: new added (source server, no models), newer replaces, same version no-op', async () => {
    const store = await joinedStore();
    const server = new FakeServer();
    const clock = new Clock(1000);
    const engine = track(engineOf(store, server, clock));
    const served = (version: number) => ({ pack: { ...pack(version, [drill('a')]), drills: pack(version, [drill('a')]).drills.map((d) => ({ ...d, hasModel: true })) }, groupIds: ['g-1'], publishedAt: '2026-12-03T08:00:00.000Z' });
    server.assignments = [served(1)];
    await engine.pull();
    let stored = await store.getAssignedPack('refunds');
    expect(stored).toMatchObject({ id: 'refunds', version: 1, source: 'server', importedAt: 1000 });
    expect(stored!.pack.drills.map((d) => d.hasModel)).toEqual([false]);

    clock.ms = 2000;
    server.assignments = [served(2)];
    await engine.pull();
    stored = await store.getAssignedPack('refunds');
    expect(stored).toMatchObject({ version: 2, source: 'server', importedAt: 2000 });
    expect(stored!.pack.title).toBe('Refunds v2');

    clock.ms = 3000;
    await engine.pull();
    expect(await store.getAssignedPack('refunds')).toEqual(stored);
    expect(server.calls()).toEqual(['GET /v1/assignments', 'GET /v1/assignments', 'GET /v1/assignments']);
    expect(server.requests[0].headers).toEqual({ 'x-voicedrill-protocol': '1', authorization: `Bearer ${TOKEN}` });
  });

  it('a malformed assignments answer changes nothing and reports bad-response', async () => {
    const store = await joinedStore();
    const server = new FakeServer();
    const engine = track(engineOf(store, server, new Clock()));
    server.next.push({ status: 200, body: { packs: [{ pack: { id: 'x' }, groupIds: [], publishedAt: 'yesterday' }] } });
    await engine.pull();
    expect(await store.listAssignedPacks()).toEqual([]);
    expect(await engine.refreshStatus()).toMatchObject({ state: 'error', error: 'bad-response' });
  });
});

describe('sync engine: no server', () => {
  it('start with no server configured makes no request and starts no timer; the status is none', async () => {
    const store = await freshStore();
    const server = new FakeServer();
    const timers = new ManualTimers();
    const added: string[] = [];
    const events = { addEventListener: (t: string) => { added.push(t); }, removeEventListener: () => undefined };
    const engine = track(engineOf(store, server, new Clock(), { timers, events, hookReports: true }));
    const seen: SyncStatus[] = [];
    engine.subscribe((s) => seen.push(s));
    await engine.start();
    await analysedTake(store, drill('a'), '2026-12-03T09:00:00.000Z');
    await new Promise((r) => setTimeout(r, 50));
    await engine.syncNow();
    expect(server.requests).toEqual([]);
    expect(timers.pending.size).toBe(0);
    expect(added).toEqual([]);
    expect(await countOutbox(store.db)).toBe(0);
    expect(seen).toEqual([{ state: 'none', pending: 0, error: null, detail: null, lastSyncAt: null }]);
  });
});
