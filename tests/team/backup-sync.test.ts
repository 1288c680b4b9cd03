/**
 * Team sync's tables and the device's other data: "delete all my data" empties syncConfig and syncOutbox too; a
 * backup never holds the sync configuration (its secret token) nor the outbox, and importing one leaves them as they are.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { deleteAllData, exportBackup, importBackup, readAll, readBackupFile } from '../../src/backup/index.ts';
import { countOutbox, enqueueOutbox, getSyncConfig } from '../../src/storage/index.ts';
import { analysedTake, drill, joinedStore, opened, TOKEN } from './helpers.ts';

afterEach(() => {
  for (const s of opened.splice(0)) s.close();
});

describe('sync tables, backups and delete all', () => {
  it('a backup holds neither the token nor the outbox; importing it elsewhere brings neither', async () => {
    const store = await joinedStore();
    const takeId = await analysedTake(store, drill('a'), '2026-12-03T09:00:00.000Z');
    await enqueueOutbox(store.db, 'audio:secret-take', { kind: 'audio', takeId: 'secret-take' }, 1);
    const contents = await readAll(store, new Date('2026-12-03T12:00:00.000Z'));
    expect(contents.takes.map((t) => t.record.id)).toEqual([takeId]);
    const text = JSON.stringify(contents);
    expect(text).not.toContain(TOKEN.slice(4));
    expect(text).not.toContain('secret-take');
    expect(Object.keys(contents).some((k) => /sync|outbox/i.test(k))).toBe(false);

    const { blob } = await exportBackup(store, new Date('2026-12-03T12:00:00.000Z'));
    const read = await readBackupFile(new Uint8Array(await blob.arrayBuffer()));
    expect(JSON.stringify(read)).not.toContain(TOKEN.slice(4));
    const { freshStore } = await import('./helpers.ts');
    const other = await freshStore();
    await importBackup(other, new Uint8Array(await blob.arrayBuffer()));
    expect(await other.getTake(takeId)).not.toBeNull();
    expect(await getSyncConfig(other.db)).toBeUndefined();
    expect(await countOutbox(other.db)).toBe(0);
  });

  it('delete all my data empties the sync configuration and the outbox', async () => {
    const store = await joinedStore();
    await enqueueOutbox(store.db, 'audio:t1', { kind: 'audio', takeId: 't1' }, 1);
    expect(await getSyncConfig(store.db)).toMatchObject({ token: TOKEN });
    await deleteAllData(store);
    expect(await getSyncConfig(store.db)).toBeUndefined();
    expect(await countOutbox(store.db)).toBe(0);
  });
});

describe('delete all while syncing', () => {
  it('the engine notices the configuration is gone: it stops (no timer left), drops the CSP mirror and shows none', async () => {
    const { Clock, engineOf, FakeServer, ManualTimers } = await import('./helpers.ts');
    const { vi } = await import('vitest');
    const store = await joinedStore();
    const server = new FakeServer();
    const timers = new ManualTimers();
    const mirror = new Map<string, string>([['voicedrill.syncOrigin', 'http://sync.test:8080']]);
    const engine = engineOf(store, server, new Clock(), { timers, mirror: { setItem: (k, v) => { mirror.set(k, v); }, removeItem: (k) => { mirror.delete(k); } } });
    await engine.start();
    await vi.waitFor(() => expect(server.calls()).toEqual(['GET /v1/assignments']), { timeout: 5000 });
    expect(timers.pending.size).toBe(1);
    await deleteAllData(store);
    expect(await engine.refreshStatus()).toEqual({ state: 'none', pending: 0, error: null, detail: null, lastSyncAt: null });
    expect(timers.pending.size).toBe(0);
    expect(mirror.size).toBe(0);
    engine.stop();
  });
});
