/**
 * Backup format version 3: drills made from calls, assigned packs and authored packs with their model recordings,
 * and the trainer's roster (takes with and without audio, packs). Export → import into a fresh store gives back
 * every table field by field (bytes equal); importing into a store that already has some of the keys keeps the
 * device's records (an assigned pack is replaced only by a newer version, with its models); a damaged model byte,
 * a record storage cannot read and a model of a pack the backup does not hold each refuse the whole file with one
 * sentence, changing nothing.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BackupError, CONTAINER_HEADER_BYTES, decodeContainer, encodeContainer, exportBackup, importBackup } from '../../src/backup/index.ts';
import { parseDrill, type Drill } from '../../src/drills/index.ts';
import { PACK_FORMAT, PACK_SCHEMA_VERSION, RESULTS_FORMAT, RESULTS_SCHEMA_VERSION, type PackDrill, type PackJson, type ReadPack, type ResultTake, type ResultsJson } from '../../src/packs/index.ts';
import { editedPack, newAuthoredPack, openStore, USER_DRILL_SCHEMA_VERSION, type UserDrillRecord, type VoiceDrillStore } from '../../src/storage/index.ts';
import { makeReport } from './report-fixture.ts';

const opened: VoiceDrillStore[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  for (const s of opened.splice(0)) s.close();
});

async function freshStore(): Promise<VoiceDrillStore> {
  const store = await openStore({ name: `backup-packs-${Math.random()}` });
  opened.push(store);
  return store;
}

function drill(id: string, version = 1, title = `Drill ${id}`): Drill {
  const parsed = parseDrill({
    id, version, kind: 'passage', lang: 'en', title: { en: title, 'zh-CN': `练习 ${id}` },
    template: 'Thank you for calling, I can *certainly* help you with your refund today.',
  });
  if (!parsed.ok) throw new Error(parsed.errors.join(' '));
  return parsed.drill;
}

/** `n` deterministic bytes starting with "RIFF", different per seed (storage checks only the length of a model WAV). */
function wav(n: number, seed: number): Uint8Array {
  const out = Uint8Array.from({ length: n }, (_, i) => (i * 29 + seed * 13) & 255);
  out.set([82, 73, 70, 70]);
  return out;
}

const packDrill = (d: Drill, over: Partial<PackDrill> = {}): PackDrill => ({ drill: d, attemptsRequired: 2, dueDate: '2026-12-10', notes: 'Smile first.', slowSpans: ['certainly'], hasModel: false, ...over });

function pack(id: string, version: number, drills: PackDrill[], title = 'Refunds'): PackJson {
  return { format: PACK_FORMAT, schemaVersion: PACK_SCHEMA_VERSION, id, version, title, author: 'Coach Li', createdAt: '2026-12-01T09:00:00.000Z', drills };
}

const fromFile = (p: PackJson, models: Record<string, Uint8Array> = {}): ReadPack => ({ pack: p, models: new Map(Object.entries(models)), source: 'file' });

function userDrill(id: string, title: string): UserDrillRecord {
  return { schemaVersion: USER_DRILL_SCHEMA_VERSION, id, drill: drill(id, 1, title), sourceCallId: 'call-1', sourceFileName: 'Monday call.wav', sourceTurn: { startSec: 83.4, endSec: 90.2 }, createdAt: 1_700_000_000_000 };
}

function resultTake(takeId: string, hasAudio: boolean): ResultTake {
  return {
    takeId, drillId: 'greet', drillVersion: 2, createdAt: '2026-12-02T10:00:00.000Z', analysisVersion: '2026-11-30.1', lang: 'en', durationSec: 6.4, speechFound: true,
    verdicts: [{ guideline: 'rate', value: 150, unit: 'wpm', status: 'good' }], model: null, hasAudio,
  };
}

function results(exportedAt: string, takes: ResultTake[], name = 'Alex'): ResultsJson {
  return {
    format: RESULTS_FORMAT, schemaVersion: RESULTS_SCHEMA_VERSION, agent: { id: 'agent-a', name },
    pack: { id: 'onboarding', version: 2, title: 'Onboarding', author: 'Mei', drills: [{ id: 'greet', version: 2, title: { en: 'Greeting', 'zh-CN': '问候' }, attemptsRequired: 3, dueDate: '2026-12-10' }] },
    exportedAt, takes,
  };
}

const T0 = 1_764_000_000_000;
const ROSTER_AUDIO = wav(5000, 7);

/** A store holding a user drill, an assigned pack (version 2) with a model, an authored pack with a model, two roster takes (one with audio) and a roster pack. */
async function populated(): Promise<VoiceDrillStore> {
  const store = await freshStore();
  await store.putUserDrill(userDrill('phrase-1', 'Phrase from Monday'));
  await store.importAssignedPack(fromFile(pack('refunds', 2, [packDrill(drill('a', 2), { hasModel: true }), packDrill(drill('b'))]), { a: wav(3000, 1) }), T0);
  const authored = editedPack(newAuthoredPack('my-pack', 'My pack', 'Coach Li', T0), pack('my-pack', 1, [packDrill(drill('c'), { hasModel: true })], 'My pack'), T0 + 5);
  await store.putAuthoredPack(authored);
  await store.db.packModels.put({ schemaVersion: 1, owner: 'authored', packId: 'my-pack', drillId: 'c', drillVersion: 1, wav: wav(4000, 2), report: makeReport({ rate: ['good', 150] }, { lang: 'en' }) });
  await store.importRosterResults({ results: results('2026-12-02T12:00:00.000Z', [resultTake('t1', true), resultTake('t2', false)]), audio: new Map([['t1', ROSTER_AUDIO]]) }, T0 + 9);
  return store;
}

const TABLES = ['userDrills', 'assignedPacks', 'authoredPacks', 'packModels', 'rosterTakes', 'rosterPacks'] as const;

/** The six tables' rows, and the other tables', for "equal" and "nothing changed" checks. */
async function dump(store: VoiceDrillStore): Promise<Record<string, unknown[]>> {
  const db = store.db;
  const out: Record<string, unknown[]> = {};
  for (const name of [...TABLES, 'takes', 'calls', 'profile'] as const) out[name] = await db[name].toArray();
  return out;
}

async function backupOf(store: VoiceDrillStore): Promise<Uint8Array> {
  const { blob } = await exportBackup(store, new Date('2026-12-03T08:00:00Z'));
  return new Uint8Array(await blob.arrayBuffer());
}

type Manifest = Record<string, unknown> & { packModels: { record: Record<string, unknown>; wav: { offset: number } }[] };

/** The file re-encoded after `edit` changed its manifest. */
function withManifest(bytes: Uint8Array, edit: (m: Manifest) => void): Uint8Array {
  const { manifest, data } = decodeContainer(bytes);
  const m = structuredClone(manifest) as Manifest;
  edit(m);
  return Buffer.concat(encodeContainer(m, [data]));
}

async function refused(store: VoiceDrillStore, bytes: Uint8Array): Promise<BackupError> {
  const before = await dump(store);
  const error = await importBackup(store, bytes).then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(BackupError);
  expect(await dump(store)).toEqual(before);
  return error as BackupError;
}

describe('drills, packs and roster in the backup (format version 3)', () => {
  it('export → import into a fresh store gives back every table field by field, bytes equal', async () => {
    const source = await populated();
    const bytes = await backupOf(source);
    const { manifest } = decodeContainer(bytes);
    expect(manifest).toMatchObject({ formatVersion: 3 });
    expect(Object.keys(manifest as object)).toEqual(expect.arrayContaining([...TABLES]));
    expect(Object.keys(manifest as object)).not.toContain('calls');
    // The WAVs and the roster audio are in the data section, not the manifest.
    expect((manifest as Manifest).packModels[0].record).not.toHaveProperty('wav');
    const target = await freshStore();
    const result = await importBackup(target, bytes);
    expect(result.packs).toEqual({
      userDrillsAdded: 1, userDrillsSkipped: 0, assignedAdded: 1, assignedUpdated: 0, assignedSkipped: 0, authoredAdded: 1, authoredSkipped: 0,
      modelsAdded: 2, rosterTakesAdded: 2, rosterTakesSkipped: 0, rosterPacksAdded: 1, rosterPacksSkipped: 0,
    });
    const [before, after] = [await dump(source), await dump(target)];
    for (const name of TABLES) expect(after[name], name).toEqual(before[name]);
    expect(after.packModels.length).toBe(2);
    expect(after.rosterTakes.length).toBe(2);
    const model = await target.db.packModels.get(['authored', 'my-pack', 'c']);
    expect(model?.wav).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(model!.wav).equals(Buffer.from(wav(4000, 2)))).toBe(true);
    expect(model?.report).toEqual(makeReport({ rate: ['good', 150] }, { lang: 'en' }));
    const t1 = await target.db.rosterTakes.get(['agent-a', 't1']);
    expect(Buffer.from(t1!.audio!).equals(Buffer.from(ROSTER_AUDIO))).toBe(true);
    expect((await target.db.rosterTakes.get(['agent-a', 't2']))?.audio).toBeNull();
    // What the screens read.
    expect((await target.listAssignedModels('refunds')).map((m) => [m.drillId, m.drillVersion, m.wav.length])).toEqual([['a', 2, 3000]]);
    expect(await target.listRosterInputs()).toEqual(await source.listRosterInputs());
    // Again: nothing added twice, nothing changed.
    const once = await dump(target);
    expect((await importBackup(target, bytes)).packs).toMatchObject({ userDrillsAdded: 0, assignedAdded: 0, authoredAdded: 0, modelsAdded: 0, rosterTakesAdded: 0, rosterTakesSkipped: 2 });
    expect(await dump(target)).toEqual(once);
  });

  it('keeps what the device has; an assigned pack of a newer version in the backup replaces the older one here, with its models', async () => {
    const target = await freshStore();
    const mine = userDrill('phrase-1', 'My own title');
    await target.putUserDrill(mine);
    const myAuthored = newAuthoredPack('my-pack', 'Another pack', 'Me', T0 + 100);
    await target.putAuthoredPack(myAuthored);
    const myModel = { schemaVersion: 1, owner: 'authored' as const, packId: 'my-pack', drillId: 'c', drillVersion: 3, wav: wav(100, 9), report: null };
    await target.db.packModels.put(myModel);
    // refunds here is version 1, with a model of drill b (unchanged in version 2: kept) and of drill z (gone in version 2: removed).
    await target.importAssignedPack(fromFile(pack('refunds', 1, [packDrill(drill('b'), { hasModel: true }), packDrill(drill('z'), { hasModel: true })]), { b: wav(200, 3), z: wav(210, 4) }), T0 - 50);
    // A newer version here than the backup's: kept.
    await target.importAssignedPack(fromFile(pack('newer', 5, [packDrill(drill('n'))])), T0 - 40);
    await target.importRosterResults({ results: results('2026-12-02T13:00:00.000Z', [resultTake('t1', false)], 'Alex B.'), audio: new Map() }, T0 - 30);
    const rosterHere = { take: await target.db.rosterTakes.get(['agent-a', 't1']), pack: await target.db.rosterPacks.get(['agent-a', 'onboarding']) };
    const newerHere = await target.db.assignedPacks.get('newer');

    // The backup also holds "newer" at version 2.
    const source = await populated();
    await source.importAssignedPack(fromFile(pack('newer', 2, [packDrill(drill('n'))])), T0);
    const result = await importBackup(target, await backupOf(source));
    expect(result.packs).toEqual({
      userDrillsAdded: 0, userDrillsSkipped: 1, assignedAdded: 0, assignedUpdated: 1, assignedSkipped: 1, authoredAdded: 0, authoredSkipped: 1,
      modelsAdded: 1, rosterTakesAdded: 1, rosterTakesSkipped: 1, rosterPacksAdded: 0, rosterPacksSkipped: 1,
    });
    expect(await target.getUserDrill('phrase-1')).toEqual(mine);
    expect(await target.db.authoredPacks.get('my-pack')).toEqual(myAuthored);
    expect(await target.db.packModels.where('[owner+packId]').equals(['authored', 'my-pack']).toArray()).toEqual([myModel]);
    expect(await target.db.assignedPacks.get('newer')).toEqual(newerHere);
    // refunds: the backup's version 2 record (drill b marked as having its kept model), its model of a, b's model kept, z's removed.
    const refunds = await target.getAssignedPack('refunds');
    const backupRefunds = await source.getAssignedPack('refunds');
    expect(refunds).toEqual({ ...backupRefunds, pack: { ...backupRefunds!.pack, drills: backupRefunds!.pack.drills.map((d) => (d.drill.id === 'b' ? { ...d, hasModel: true } : d)) } });
    const models = await target.listAssignedModels('refunds');
    expect(models.map((m) => [m.drillId, m.drillVersion, m.wav.length])).toEqual([['a', 2, 3000], ['b', 1, 200]]);
    // Roster: t1 and the pack here untouched (no audio, the other name), t2 added.
    expect({ take: await target.db.rosterTakes.get(['agent-a', 't1']), pack: await target.db.rosterPacks.get(['agent-a', 'onboarding']) }).toEqual(rosterHere);
    expect(await target.db.rosterTakes.get(['agent-a', 't2'])).toEqual(await source.db.rosterTakes.get(['agent-a', 't2']));
  });

  it('refuses a damaged model byte (checksum) with one sentence, writing nothing', async () => {
    const bytes = await backupOf(await populated());
    const { manifest } = decodeContainer(bytes);
    const manifestBytes = new DataView(bytes.buffer, bytes.byteOffset).getUint32(12, true);
    const damaged = bytes.slice();
    damaged[CONTAINER_HEADER_BYTES + manifestBytes + (manifest as Manifest).packModels[0].wav.offset + 100] ^= 0x01;
    const target = await populated();
    await target.putUserDrill(userDrill('phrase-2', 'Another'));
    const error = await refused(target, damaged);
    expect(error.kind).toBe('corrupt');
    expect(error.message).toBe('The model recording of drill "a" of pack "refunds" is damaged (checksum mismatch).');
    expect(await refused(await freshStore(), damaged)).toMatchObject({ kind: 'corrupt' });
  });

  it('refuses records storage cannot read, newer records, duplicates and models without their pack, writing nothing', async () => {
    const bytes = await backupOf(await populated());
    const target = await freshStore();
    const cases: [(m: Manifest) => void, string, RegExp][] = [
      [(m) => { (m.assignedPacks as { version: number }[])[0].version = 0; }, 'corrupt', /^The assigned pack "refunds" in the backup cannot be read: The pack "refunds" is incomplete/],
      [(m) => { (m.userDrills as { schemaVersion: number }[])[0].schemaVersion = 99; }, 'newer-version', /newer version of VoiceDrill/],
      [(m) => { (m.rosterTakes as { record: { take: unknown } }[])[0].record.take = null; }, 'corrupt', /roster take "t1" of agent "agent-a"/],
      [(m) => { const list = m.authoredPacks as unknown[]; list.push(list[0]); }, 'corrupt', /^The pack "my-pack" appears twice in the backup\.$/],
      [(m) => { m.authoredPacks = undefined; }, 'corrupt', /^The model recording of drill "c" of pack "my-pack" belongs to a pack the backup does not hold\.$/],
      [(m) => { m.packModels[1].record.drillVersion = 0; }, 'corrupt', /model recording of drill "c"/],
    ];
    for (const [edit, kind, message] of cases) {
      const error = await refused(target, withManifest(bytes, edit));
      expect(error.kind).toBe(kind);
      expect(error.message).toMatch(message);
    }
  });

  it('rolls back the whole import (the drills and packs written before it too) when a write of the roster fails', async () => {
    const bytes = await backupOf(await populated());
    const target = await freshStore();
    await target.putUserDrill(userDrill('phrase-2', 'Another'));
    const before = await dump(target);
    vi.spyOn(target.db.rosterTakes, 'bulkAdd').mockImplementation(() => { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); });
    await expect(importBackup(target, bytes)).rejects.toMatchObject({ name: 'StorageError', kind: 'quota' });
    expect(await dump(target)).toEqual(before);
  });
});
