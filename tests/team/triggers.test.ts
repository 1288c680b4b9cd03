/**
 * What starts a push or a pull: an enqueue pushes after the ~1 s debounce (then pulls), the pull repeats every 5 min
 * only while the page is visible, pushes go through navigator.locks 'voicedrill-sync', a request that hangs is aborted
 * after the timeout (unreachable), audio sharing modes ('never', 'ask', 'always', per take).
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { listOutbox } from '../../src/storage/index.ts';
import type { SyncEngine } from '../../src/team/index.ts';
import { analysedTake, Clock, drill, engineOf, FakeServer, joinedStore, ManualTimers, opened } from './helpers.ts';

const engines: SyncEngine[] = [];
afterEach(() => {
  for (const e of engines.splice(0)) e.stop();
  for (const s of opened.splice(0)) s.close();
});
const settle = (): Promise<void> => new Promise((r) => setTimeout(r, 100));

describe('sync triggers', () => {
  it('an analysed take arms the 1 s debounce; when it fires the take is pushed, then the packs pulled', async () => {
    const store = await joinedStore();
    const server = new FakeServer();
    const timers = new ManualTimers();
    const engine = engineOf(store, server, new Clock(), { timers, hookReports: true });
    engines.push(engine);
    await engine.start();
    await vi.waitFor(() => expect(server.calls()).toEqual(['GET /v1/assignments']), { timeout: 5000 });
    expect([...timers.pending.values()].map((t) => t.ms)).toEqual([5 * 60 * 1000]);
    await analysedTake(store, drill('a'), '2026-12-03T09:00:00.000Z');
    const debounce = await vi.waitFor(() => {
      const found = [...timers.pending.entries()].find(([, t]) => t.ms === 1000);
      expect(found).toBeDefined();
      return found!;
    }, { timeout: 5000 });
    expect(server.calls()).toEqual(['GET /v1/assignments']);
    timers.pending.delete(debounce[0]);
    debounce[1].fn();
    await vi.waitFor(() => expect(server.calls()).toEqual(['GET /v1/assignments', 'POST /v1/takes', 'GET /v1/assignments']), { timeout: 5000 });
    expect(await listOutbox(store.db)).toEqual([]);
  });

  it('the 5-minute pull runs only while the page is visible, and re-arms itself', async () => {
    const store = await joinedStore();
    const server = new FakeServer();
    const timers = new ManualTimers();
    let visible = false;
    const engine = engineOf(store, server, new Clock(), { timers, visible: () => visible });
    engines.push(engine);
    await engine.start();
    await vi.waitFor(() => expect(server.calls()).toEqual(['GET /v1/assignments']), { timeout: 5000 });
    server.requests.length = 0;
    const fire = (): void => {
      const [id, t] = [...timers.pending.entries()].find(([, x]) => x.ms === 300_000)!;
      timers.pending.delete(id);
      t.fn();
    };
    fire();
    await settle();
    expect(server.calls()).toEqual([]);
    visible = true;
    fire();
    await vi.waitFor(() => expect(server.calls()).toEqual(['GET /v1/assignments']), { timeout: 5000 });
    expect([...timers.pending.values()].filter((t) => t.ms === 300_000)).toHaveLength(1);
  });

  it('pushes inside navigator.locks "voicedrill-sync"', async () => {
    const store = await joinedStore();
    const server = new FakeServer();
    const names: string[] = [];
    const locks = { request: async (name: string, cb: () => Promise<void>) => { names.push(name); await cb(); } };
    const engine = engineOf(store, server, new Clock(), { locks });
    engines.push(engine);
    await engine.push();
    expect(names).toEqual(['voicedrill-sync']);
  });

  it('a request that hangs is aborted after the timeout: the item is kept, backed off, the status offline', async () => {
    const store = await joinedStore();
    const clock = new Clock();
    const hanging = (_url: string, init: { signal: AbortSignal }) => new Promise<never>((_resolve, reject) => {
      init.signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
    });
    const engine = engineOf(store, new FakeServer(), clock, { fetch: hanging, timeoutMs: 30 });
    engines.push(engine);
    await engine.enqueue('take:t1', { kind: 'audio', takeId: 'nothing' });
    await engine.enqueue('take:t9', { kind: 'take', take: {
      takeId: 't9', drillId: 'a', drillVersion: 1, createdAt: '2026-12-03T09:00:00.000Z', analysisVersion: '1.5.0', lang: 'en', durationSec: 1, speechFound: true,
      verdicts: [], model: null, hasAudio: false, packId: null, packVersion: null,
    } });
    await engine.push();
    const items = await listOutbox(store.db);
    expect(items.find((i) => i.id === 'take:t9')).toMatchObject({ attempts: 1, nextAttemptAt: clock.ms + 2000, lastError: 'The sync server could not be reached.' });
    expect(await engine.refreshStatus()).toMatchObject({ state: 'offline', pending: 2 });
  });

  it('audio: never and ask queue none; always queues it with the take; sharing one take marks its waiting summary', async () => {
    for (const [mode, expected] of [['never', 1], ['ask', 1], ['always', 2]] as const) {
      const store = await joinedStore({ shareAudio: mode });
      const engine = engineOf(store, new FakeServer(), new Clock());
      engines.push(engine);
      const id = await analysedTake(store, drill('a'), '2026-12-03T09:00:00.000Z');
      await engine.takeSaved((await store.getTake(id))!);
      expect((await listOutbox(store.db)).length, mode).toBe(expected);
      if (mode === 'ask') {
        await engine.shareTakeAudio(id);
        const items = await listOutbox(store.db);
        expect(items.map((i) => i.id).sort()).toEqual([`audio:${id}`, `take:${id}`]);
        expect(items.find((i) => i.id === `take:${id}`)!.payload).toMatchObject({ take: { hasAudio: true } });
      }
    }
  });
});

describe('re-analysis', () => {
  it('a take analysed again (an app update re-scores it) is not queued again', async () => {
    const { makeReport } = await import('../app/report-fixture.ts');
    const store = await joinedStore();
    const server = new FakeServer();
    const engine = engineOf(store, server, new Clock(), { hookReports: true });
    engines.push(engine);
    await engine.start();
    const id = await analysedTake(store, drill('a'), '2026-12-03T09:00:00.000Z');
    await vi.waitFor(async () => expect((await listOutbox(store.db)).map((i) => i.id)).toEqual([`take:${id}`]), { timeout: 5000 });
    await engine.push();
    expect(await listOutbox(store.db)).toEqual([]);
    await store.saveReport(id, makeReport({ rate: ['high', 171.4] }, { lang: 'en' }));
    await settle();
    expect(await listOutbox(store.db)).toEqual([]);
  });
});
