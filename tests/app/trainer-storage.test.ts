/**
 * The trainer's packs in storage (src/storage/authored-packs.ts): the version rule (an edit after an export bumps the
 * pack's version once; a drill's version once when what it is scored on changed), put/list/get/delete with restore
 * checks (unreadable records skipped, newer ones refused), and model recordings with owner 'authored'.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { emptyDrillForm, packDrillOf } from '../../src/features/trainer/trainer-model.ts';
import type { PackDrill } from '../../src/packs/types.ts';
import { editedPack, exportedPack, newAuthoredPack, openStore, restoreAuthoredPack, StorageError, type VoiceDrillStore } from '../../src/storage/index.ts';

let dbCounter = 0;
const opened: VoiceDrillStore[] = [];
async function freshStore(): Promise<VoiceDrillStore> {
  const store = await openStore({ name: `voicedrill-trainer-${++dbCounter}` });
  opened.push(store);
  return store;
}
afterEach(() => {
  for (const s of opened.splice(0)) s.close();
});

function drill(template = 'Thank you for calling {company}. This is {name}. How can I help you today?', id = 'opening'): PackDrill {
  const result = packDrillOf({ ...emptyDrillForm('en'), id, titleEn: 'Opening', titleZh: '开场', kind: 'greeting3', template }, null, new Set());
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.packDrill;
}

const T0 = 1_800_000_000_000;

describe('version rule', () => {
  it('an edit bumps the pack version once after each export, never before the first', () => {
    let r = newAuthoredPack('team-a', 'Team A', 'Ann', T0);
    expect([r.pack.version, r.exportedVersion]).toEqual([1, null]);
    r = editedPack(r, { ...r.pack, drills: [drill()] }, T0 + 1);
    r = editedPack(r, { ...r.pack, title: 'Team A drills' }, T0 + 2);
    expect(r.pack.version).toBe(1);
    r = exportedPack(r, r.pack, T0 + 3);
    expect([r.pack.version, r.exportedVersion]).toEqual([1, 1]);
    r = editedPack(r, { ...r.pack, title: 'Team A, week 2' }, T0 + 4);
    expect(r.pack.version).toBe(2);
    r = editedPack(r, { ...r.pack, author: 'Ann Li' }, T0 + 5);
    expect([r.pack.version, r.exportedVersion, r.updatedAt]).toEqual([2, 1, T0 + 5]);
    r = exportedPack(r, r.pack, T0 + 6);
    r = editedPack(r, { ...r.pack, author: 'A. Li' }, T0 + 7);
    expect([r.pack.version, r.exportedVersion]).toEqual([3, 2]);
  });

  it('a drill’s version is bumped once after an export when its script or bands change, not for notes', () => {
    let r = newAuthoredPack('team-b', 'Team B', '', T0);
    r = editedPack(r, { ...r.pack, drills: [drill()] }, T0);
    r = editedPack(r, { ...r.pack, drills: [drill('Hi there from {company}. I am {name}. What can I do for you?')] }, T0);
    expect(r.pack.drills[0].drill.version).toBe(1); // never exported: takes cannot exist elsewhere yet
    r = exportedPack(r, r.pack, T0);
    r = editedPack(r, { ...r.pack, drills: [{ ...r.pack.drills[0], notes: 'Slower, please.' }] }, T0);
    expect(r.pack.drills[0].drill.version).toBe(1);
    r = editedPack(r, { ...r.pack, drills: [{ ...drill(), notes: 'Slower, please.' }] }, T0);
    expect(r.pack.drills[0].drill.version).toBe(2);
    r = editedPack(r, { ...r.pack, drills: [drill('Good morning from {company}. {name} speaking. How may I help?')] }, T0);
    expect(r.pack.drills[0].drill.version).toBe(2);
    r = exportedPack(r, r.pack, T0);
    const rebanded = { ...r.pack.drills[0], drill: { ...r.pack.drills[0].drill, bands: { ...r.pack.drills[0].drill.bands, rate: { ...r.pack.drills[0].drill.bands.rate, goodMin: 100, lowBelow: 90 } } } };
    r = editedPack(r, { ...r.pack, drills: [rebanded] }, T0);
    expect(r.pack.drills[0].drill.version).toBe(3);
  });
});

describe('authored packs in storage', () => {
  it('puts, lists newest first, gets, deletes (with the pack’s models)', async () => {
    const store = await freshStore();
    const a = editedPack(newAuthoredPack('pack-a', 'A', 'Ann', T0), { ...newAuthoredPack('pack-a', 'A', 'Ann', T0).pack, drills: [drill()] }, T0 + 10);
    const b = newAuthoredPack('pack-b', 'B', 'Ann', T0 + 20);
    await store.putAuthoredPack(a);
    await store.putAuthoredPack(b);
    expect((await store.listAuthoredPacks()).map((p) => p.id)).toEqual(['pack-b', 'pack-a']);
    expect(await store.getAuthoredPack('pack-a')).toEqual(restoreAuthoredPack(a));
    expect(await store.getAuthoredPack('nope')).toBeNull();

    const wav = new Uint8Array(44 + 3200);
    wav.set([82, 73, 70, 70]);
    await store.putAuthoredModel({ packId: 'pack-a', drillId: 'opening', drillVersion: 1, wav, report: null });
    const model = await store.getAuthoredModel('pack-a', 'opening');
    expect(model).toMatchObject({ owner: 'authored', packId: 'pack-a', drillId: 'opening', drillVersion: 1, report: null, schemaVersion: 1 });
    expect(Array.from(model!.wav.subarray(0, 4))).toEqual([82, 73, 70, 70]);
    expect((await store.listAuthoredModels('pack-a')).map((m) => m.drillId)).toEqual(['opening']);

    await store.deleteAuthoredPack('pack-a');
    expect(await store.getAuthoredPack('pack-a')).toBeNull();
    expect(await store.getAuthoredModel('pack-a', 'opening')).toBeNull();
    expect((await store.listAuthoredPacks()).map((p) => p.id)).toEqual(['pack-b']);
  });

  it('removes one model; refuses a model that is not a WAV-sized byte array or has a malformed report', async () => {
    const store = await freshStore();
    const wav = new Uint8Array(100);
    await store.putAuthoredModel({ packId: 'p', drillId: 'd', drillVersion: 1, wav, report: null });
    await store.deleteAuthoredModel('p', 'd');
    expect(await store.getAuthoredModel('p', 'd')).toBeNull();
    await expect(store.putAuthoredModel({ packId: 'p', drillId: 'd', drillVersion: 1, wav: new Uint8Array(10), report: null })).rejects.toMatchObject({ kind: 'corrupt' });
    await expect(store.putAuthoredModel({ packId: 'p', drillId: 'd', drillVersion: 1, wav, report: { rate: 1 } as never })).rejects.toMatchObject({ kind: 'corrupt' });
  });

  it('skips an unreadable pack in the list and refuses one saved by a newer app', async () => {
    const store = await freshStore();
    await store.putAuthoredPack(newAuthoredPack('good', 'Good', '', T0));
    const broken = newAuthoredPack('broken', 'Broken', '', T0 + 1);
    await store.db.authoredPacks.put({ ...broken, pack: { ...broken.pack, drills: [{ drill: { id: 'x' } }] } } as never);
    expect((await store.listAuthoredPacks()).map((p) => p.id)).toEqual(['good']);
    await expect(store.getAuthoredPack('broken')).rejects.toBeInstanceOf(StorageError);
    await store.db.authoredPacks.put({ ...newAuthoredPack('future', 'F', '', T0 + 2), schemaVersion: 99 });
    await expect(store.listAuthoredPacks()).rejects.toMatchObject({ kind: 'newer-version' });
  });

  it('refuses to store a pack whose drill does not pass parseDrill, or two drills with one id', async () => {
    const store = await freshStore();
    const r = newAuthoredPack('p', 'P', '', T0);
    const bad = { ...drill(), drill: { ...drill().drill, template: '' } };
    await expect(store.putAuthoredPack({ ...r, pack: { ...r.pack, drills: [bad] } })).rejects.toMatchObject({ kind: 'corrupt' });
    await expect(store.putAuthoredPack({ ...r, pack: { ...r.pack, drills: [drill(), drill()] } })).rejects.toMatchObject({ kind: 'corrupt' });
    expect(await store.getAuthoredPack('p')).toBeNull();
  });
});
