/**
 * Packs assigned to the agent (Dexie v6 tables assignedPacks and packModels): the merge by id and version
 * (new → added, newer → drills replaced with the takes untouched, same → no change, older → refused in one
 * sentence with nothing changed), models replacing the older version's, one transaction (a failure changes
 * nothing), list/get/delete. Packs are hand-made PackJson values (the pack readers are built elsewhere).
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { parseDrill, type Drill } from '../../src/drills/index.ts';
import { PACK_FORMAT, PACK_SCHEMA_VERSION, type PackDrill, type PackJson, type ReadPack } from '../../src/packs/types.ts';
import { openStore, type VoiceDrillStore } from '../../src/storage/index.ts';

let dbCounter = 0;
const opened: VoiceDrillStore[] = [];
async function freshStore(): Promise<VoiceDrillStore> {
  const store = await openStore({ name: `voicedrill-assigned-${++dbCounter}` });
  opened.push(store);
  return store;
}
afterEach(() => {
  for (const s of opened.splice(0)) s.close();
});

function drill(id: string, version: number, rate?: { goodMin: number; goodMax: number }): Drill {
  const parsed = parseDrill({
    id, version, kind: 'passage', lang: 'en', title: { en: `Drill ${id}`, 'zh-CN': `练习 ${id}` },
    template: 'Thank you for calling, I can *certainly* help you with your refund today.',
    ...(rate ? { bands: { rate } } : {}),
  });
  if (!parsed.ok) throw new Error(parsed.errors.join(' '));
  return parsed.drill;
}

function packDrill(d: Drill, over: Partial<PackDrill> = {}): PackDrill {
  return { drill: d, attemptsRequired: 2, dueDate: '2026-12-10', notes: 'Smile first.', slowSpans: [], hasModel: false, ...over };
}

function pack(version: number, drills: PackDrill[], id = 'refunds'): PackJson {
  return { format: PACK_FORMAT, schemaVersion: PACK_SCHEMA_VERSION, id, version, title: 'Refunds', author: 'Coach Li', createdAt: '2026-12-01T09:00:00.000Z', drills };
}

const wav = (n: number): Uint8Array => new Uint8Array([82, 73, 70, 70, n]);
const fromFile = (p: PackJson, models: Record<string, Uint8Array> = {}): ReadPack => ({ pack: p, models: new Map(Object.entries(models)), source: 'file' });
const fromLink = (p: PackJson): ReadPack => ({ pack: p, models: new Map(), source: 'link' });

describe('assigned pack merge', () => {
  it('adds a new pack with its models (report not yet analysed) and reads it back', async () => {
    const store = await freshStore();
    const out = await store.importAssignedPack(fromFile(pack(1, [packDrill(drill('a', 1), { hasModel: true }), packDrill(drill('b', 1))]), { a: wav(1) }), 1000);
    expect(out.kind).toBe('added');
    expect(out.kind === 'added' && out.modelsStored).toBe(1);
    const got = await store.getAssignedPack('refunds');
    expect(got).toMatchObject({ id: 'refunds', version: 1, source: 'file', importedAt: 1000 });
    expect(got?.pack.drills.map((d) => d.drill.id)).toEqual(['a', 'b']);
    const models = await store.listAssignedModels('refunds');
    expect(models).toEqual([{ schemaVersion: 1, owner: 'assigned', packId: 'refunds', drillId: 'a', drillVersion: 1, wav: wav(1), report: null }]);
  });

  it('keeps a custom band of a drill exactly as the pack gave it', async () => {
    const store = await freshStore();
    await store.importAssignedPack(fromLink(pack(1, [packDrill(drill('a', 1, { goodMin: 130, goodMax: 150 }))])), 1);
    const got = await store.getAssignedPack('refunds');
    expect(got?.pack.drills[0].drill.bands.rate).toMatchObject({ goodMin: 130, goodMax: 150, unit: 'wpm' });
  });

  it('replaces the drills with a newer version, and the models of changed drills, leaving the takes alone', async () => {
    const store = await freshStore();
    await store.importAssignedPack(fromFile(pack(1, [packDrill(drill('a', 1)), packDrill(drill('b', 1))]), { a: wav(1), b: wav(2) }), 1000);
    const take = await store.createTake({ drill: drill('a', 1), script: 'x', sampleRateHz: 16000 });
    // Version 2 changes drill a (v2), keeps drill b (v1) and comes by link: b's model stays, a's goes.
    const out = await store.importAssignedPack(fromLink(pack(2, [packDrill(drill('a', 2)), packDrill(drill('b', 1))])), 2000);
    expect(out).toMatchObject({ kind: 'updated', previousVersion: 1, modelsStored: 0 });
    const got = await store.getAssignedPack('refunds');
    expect(got?.version).toBe(2);
    expect(got?.pack.drills.map((d) => [d.drill.id, d.drill.version, d.hasModel])).toEqual([['a', 2, false], ['b', 1, true]]);
    expect((await store.listAssignedModels('refunds')).map((m) => [m.drillId, m.drillVersion, m.wav[4]])).toEqual([['b', 1, 2]]);
    const kept = await store.getTake(take.id);
    expect(kept?.drill?.version).toBe(1);
    expect(kept).toEqual(take);
  });

  it('replaces a model of the older version by the newer file’s', async () => {
    const store = await freshStore();
    await store.importAssignedPack(fromFile(pack(1, [packDrill(drill('a', 1))]), { a: wav(1) }), 1);
    await store.saveAssignedModelReport('refunds', 'a', 1, null);
    await store.importAssignedPack(fromFile(pack(3, [packDrill(drill('a', 2))]), { a: wav(9) }), 2);
    expect(await store.listAssignedModels('refunds')).toEqual([{ schemaVersion: 1, owner: 'assigned', packId: 'refunds', drillId: 'a', drillVersion: 2, wav: wav(9), report: null }]);
  });

  it('changes nothing for the same version (“already have it”)', async () => {
    const store = await freshStore();
    await store.importAssignedPack(fromLink(pack(2, [packDrill(drill('a', 1))])), 1000);
    const before = await store.getAssignedPack('refunds');
    const out = await store.importAssignedPack(fromLink(pack(2, [packDrill(drill('a', 1), { notes: 'changed' })])), 5000);
    expect(out).toEqual({ kind: 'unchanged', record: before, modelsStored: 0 });
    expect(await store.getAssignedPack('refunds')).toEqual(before);
  });

  it('adds the models a file brings for the same version first opened by link, and nothing else', async () => {
    const store = await freshStore();
    await store.importAssignedPack(fromLink(pack(1, [packDrill(drill('a', 1))])), 1000);
    const out = await store.importAssignedPack(fromFile(pack(1, [packDrill(drill('a', 1), { hasModel: true, notes: 'other' })]), { a: wav(4) }), 2000);
    expect(out).toMatchObject({ kind: 'unchanged', modelsStored: 1 });
    const got = await store.getAssignedPack('refunds');
    expect(got).toMatchObject({ importedAt: 1000, source: 'link' });
    expect(got?.pack.drills[0]).toMatchObject({ notes: 'Smile first.', hasModel: true });
  });

  it('refuses an older version in one sentence and changes nothing', async () => {
    const store = await freshStore();
    await store.importAssignedPack(fromFile(pack(3, [packDrill(drill('a', 1))]), { a: wav(1) }), 1000);
    const before = await store.getAssignedPack('refunds');
    const out = await store.importAssignedPack(fromFile(pack(2, [packDrill(drill('z', 1))]), { z: wav(2) }), 2000);
    expect(out).toEqual({
      kind: 'refused', currentVersion: 3,
      error: 'This is version 2 of “Refunds”, older than version 3 you already have, so nothing was changed.',
    });
    expect(await store.getAssignedPack('refunds')).toEqual(before);
    expect((await store.listAssignedModels('refunds')).map((m) => m.drillId)).toEqual(['a']);
  });

  it('rolls the whole import back when a write fails (nothing changes)', async () => {
    const store = await freshStore();
    await store.importAssignedPack(fromFile(pack(1, [packDrill(drill('a', 1))]), { a: wav(1) }), 1000);
    const before = await store.getAssignedPack('refunds');
    const beforeModels = await store.listAssignedModels('refunds');
    // The pack record write fails after the models were replaced within the same transaction.
    const put = store.db.assignedPacks.put.bind(store.db.assignedPacks);
    store.db.assignedPacks.put = (() => Promise.reject(new Error('disk on fire'))) as unknown as typeof store.db.assignedPacks.put;
    await expect(store.importAssignedPack(fromFile(pack(2, [packDrill(drill('a', 2))]), { a: wav(7) }), 2000)).rejects.toThrow();
    store.db.assignedPacks.put = put;
    expect(await store.getAssignedPack('refunds')).toEqual(before);
    expect(await store.listAssignedModels('refunds')).toEqual(beforeModels);
  });

  it('lists newest import first, stores a model report only for its drill version, and deletes a pack with its models', async () => {
    const store = await freshStore();
    await store.importAssignedPack(fromFile(pack(1, [packDrill(drill('a', 1))], 'one'), { a: wav(1) }), 1000);
    await store.importAssignedPack(fromLink(pack(1, [packDrill(drill('b', 1))], 'two')), 2000);
    expect((await store.listAssignedPacks()).map((p) => p.id)).toEqual(['two', 'one']);
    expect(await store.saveAssignedModelReport('one', 'a', 2, null)).toBe(false);
    expect(await store.saveAssignedModelReport('one', 'missing', 1, null)).toBe(false);
    expect(await store.saveAssignedModelReport('one', 'a', 1, null)).toBe(true);
    await store.deleteAssignedPack('one');
    expect(await store.getAssignedPack('one')).toBeNull();
    expect(await store.listAssignedModels('one')).toEqual([]);
    expect((await store.listAssignedPacks()).map((p) => p.id)).toEqual(['two']);
  });

  it('skips a corrupt stored pack in the list and refuses one from a newer app', async () => {
    const store = await freshStore();
    await store.importAssignedPack(fromLink(pack(1, [packDrill(drill('a', 1))])), 1000);
    await store.db.assignedPacks.put({ id: 'broken', importedAt: 5 } as never);
    expect((await store.listAssignedPacks()).map((p) => p.id)).toEqual(['refunds']);
    await store.db.assignedPacks.put({ id: 'future', importedAt: 6, schemaVersion: 99 } as never);
    await expect(store.listAssignedPacks()).rejects.toMatchObject({ kind: 'newer-version' });
  });
});
