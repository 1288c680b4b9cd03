import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { findBuiltInDrill, renderDrill, type Drill } from '../../src/drills/index.ts';
import { adoptEarlySummaries, readSummariesRaw, startEarlySummaries } from '../../src/storage/early-read.ts';
import { DB_NAME, openStore, type VoiceDrillStore } from '../../src/storage/index.ts';

const opened: VoiceDrillStore[] = [];

afterEach(async () => {
  for (const s of opened.splice(0)) s.close();
  adoptEarlySummaries(); // nothing left over for the next test
  await Dexie.delete(DB_NAME);
});

async function store(): Promise<VoiceDrillStore> {
  const s = await openStore();
  opened.push(s);
  return s;
}

async function addTake(s: VoiceDrillStore, id: string): Promise<void> {
  const d = findBuiltInDrill('en-greeting3') as Drill;
  await s.createTake({ id, drill: d, script: renderDrill(d, { name: 'Alex', company: 'Bluebird' }).script, sampleRateHz: 16000, createdAt: new Date(`2026-11-2${id.length}T09:00:00Z`) });
}

const ids = (list: { id: string }[]): string[] => list.map((x) => x.id);

describe('the early read of the take summaries (start-up, before the app loads)', () => {
  it('gives null on a first start and leaves no database behind: the app creates it with its schema', async () => {
    expect(await readSummariesRaw(indexedDB)).toBeNull();
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(DB_NAME);
    const s = await store();
    await addTake(s, 'a');
    expect(ids(await s.listSummaries())).toEqual(['a']);
  });

  it('reads the stored rows, and the store adopts them once, restored like its own read', async () => {
    const first = await store();
    await addTake(first, 'a');
    await addTake(first, 'bb');
    const fresh = await first.listSummaries();
    first.close();
    expect(ids((await readSummariesRaw(indexedDB)) as { id: string }[]).sort()).toEqual(['a', 'bb']);
    startEarlySummaries();
    // Changed behind the app's back (no Dexie event): only a store that adopted the early rows still lists 'a'.
    const raw = await new Dexie(DB_NAME).open();
    await raw.table('takeSummaries').delete('a');
    raw.close();
    const s = await store();
    expect(adoptEarlySummaries()).toBeNull(); // handed over to the store
    expect(await s.listSummaries()).toEqual(fresh);
  });

  it('is dropped when the store writes before listing, so the list is never older than a write', async () => {
    const first = await store();
    await addTake(first, 'a');
    first.close();
    startEarlySummaries();
    const s = await store();
    await addTake(s, 'bb');
    expect(ids(await s.listSummaries())).toEqual(['a', 'bb']);
  });

  it('gives null for a database of the first schema and does not hold up its upgrade', async () => {
    const v1 = new Dexie(DB_NAME);
    v1.version(1).stores({ profile: 'id', takes: 'id, drillId, status, createdAt, [drillId+createdAt]', audioChunks: '[takeId+seq], takeId' });
    await v1.open();
    v1.close();
    startEarlySummaries();
    const s = await store();
    expect(await s.listSummaries()).toEqual([]);
  });
});
