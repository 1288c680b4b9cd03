/**
 * The trainer's roster storage (Dexie v6 rosterTakes / rosterPacks): importing the same results twice
 * changes nothing (table contents compared before and after), a newer file adds its takes and replaces the
 * pack, an older one does not; a take keeps its audio when a later file has none; a failure in the middle
 * of a file changes nothing; the inputs for buildRoster, an agent's takes on a drill with audio, and
 * deleting an agent's data.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openStore, type VoiceDrillStore } from '../../src/storage/index.ts';
import { RESULTS_FORMAT, RESULTS_SCHEMA_VERSION, type ReadResults, type ResultTake, type ResultsJson } from '../../src/packs/index.ts';

let dbCounter = 0;
const opened: VoiceDrillStore[] = [];
async function freshStore(): Promise<VoiceDrillStore> {
  const store = await openStore({ name: `voicedrill-roster-${++dbCounter}` });
  opened.push(store);
  return store;
}
afterEach(() => {
  vi.restoreAllMocks();
  for (const s of opened.splice(0)) s.close();
});

function take(takeId: string, createdAt: string, rate: number, hasAudio = false): ResultTake {
  return {
    takeId, drillId: 'greet', drillVersion: 2, createdAt, analysisVersion: '2026-11-30.1', lang: 'en', durationSec: 6.4, speechFound: true,
    verdicts: [{ guideline: 'rate', value: rate, unit: 'wpm', status: rate > 170 ? 'high' : 'good' }],
    model: { rateRatio: 1.05, pitchVarietyRatio: 0.9, contourDistanceSt: 1.2 }, hasAudio,
  };
}

function results(agentId: string, exportedAt: string, takes: ResultTake[], name = 'Alex'): ResultsJson {
  return {
    format: RESULTS_FORMAT, schemaVersion: RESULTS_SCHEMA_VERSION, agent: { id: agentId, name },
    pack: { id: 'onboarding', version: 2, title: 'Onboarding', author: 'Mei', drills: [{ id: 'greet', version: 2, title: { en: 'Greeting', 'zh-CN': '问候' }, attemptsRequired: 3, dueDate: '2026-12-10' }] },
    exportedAt, takes,
  };
}

const read = (r: ResultsJson, audio: Array<[string, Uint8Array]> = []): ReadResults => ({ results: r, audio: new Map(audio) });

async function tables(store: VoiceDrillStore): Promise<{ takes: unknown[]; packs: unknown[] }> {
  return { takes: await store.db.rosterTakes.toArray(), packs: await store.db.rosterPacks.toArray() };
}

const T1 = take('t1', '2026-12-01T09:00:00.000Z', 150);
const T2 = take('t2', '2026-12-01T09:05:00.000Z', 180);
const T3 = take('t3', '2026-12-02T10:00:00.000Z', 160);

describe('roster storage', () => {
  it('imports a file, and the same file again changes nothing', async () => {
    const store = await freshStore();
    const file = read(results('agent-a', '2026-12-01T10:00:00.000Z', [T1, T2]));
    expect(await store.importRosterResults(file, 1000)).toEqual({ newTakes: 2, alreadyPresent: 0, updated: 0, packStored: true });
    const before = await tables(store);
    expect(before.takes).toHaveLength(2);
    expect(before.packs).toHaveLength(1);
    const put = vi.spyOn(store.db.rosterTakes, 'put');
    expect(await store.importRosterResults(file, 2000)).toEqual({ newTakes: 0, alreadyPresent: 2, updated: 0, packStored: false });
    expect(put).not.toHaveBeenCalled();
    expect(await tables(store)).toEqual(before);
  });

  it('a newer file adds its new takes and replaces the pack; an older file does not replace it', async () => {
    const store = await freshStore();
    await store.importRosterResults(read(results('agent-a', '2026-12-01T10:00:00.000Z', [T1, T2])), 1000);
    expect(await store.importRosterResults(read(results('agent-a', '2026-12-02T11:00:00.000Z', [T1, T2, T3], 'Alex Chen')), 2000))
      .toEqual({ newTakes: 1, alreadyPresent: 2, updated: 2, packStored: true });
    const stored = await store.db.rosterTakes.toArray();
    expect(stored.map((r) => [r.take.takeId, r.importedAt, r.agentName])).toEqual([['t1', 1000, 'Alex Chen'], ['t2', 1000, 'Alex Chen'], ['t3', 2000, 'Alex Chen']]);
    expect((await store.db.rosterPacks.get(['agent-a', 'onboarding']))?.exportedAt).toBe('2026-12-02T11:00:00.000Z');
    // The older file again: its takes are all present; the newer pack stays.
    const counts = await store.importRosterResults(read(results('agent-a', '2026-12-01T10:00:00.000Z', [T1, T2], 'Alex Chen')), 3000);
    expect(counts).toEqual({ newTakes: 0, alreadyPresent: 2, updated: 0, packStored: false });
    expect((await store.db.rosterPacks.get(['agent-a', 'onboarding']))?.exportedAt).toBe('2026-12-02T11:00:00.000Z');
  });

  it('keeps a take’s audio when a later file comes without it, and adds audio a later file brings', async () => {
    const store = await freshStore();
    const wav = new Uint8Array([82, 73, 70, 70, 1, 2, 3]);
    await store.importRosterResults(read(results('agent-a', '2026-12-01T10:00:00.000Z', [{ ...T1, hasAudio: true }]), [['t1', wav]]), 1000);
    const before = await tables(store);
    expect(await store.importRosterResults(read(results('agent-a', '2026-12-01T10:00:00.000Z', [T1])), 2000))
      .toEqual({ newTakes: 0, alreadyPresent: 1, updated: 0, packStored: false });
    expect(await tables(store)).toEqual(before);
    const withAudio = await store.rosterTakesFor('agent-a', 'onboarding', 'greet');
    expect(withAudio.map((t) => [t.take.takeId, t.take.hasAudio, Array.from(t.audio ?? [])])).toEqual([['t1', true, [82, 73, 70, 70, 1, 2, 3]]]);

    // A take first imported without audio gains it from a later file.
    await store.importRosterResults(read(results('agent-a', '2026-12-01T10:00:00.000Z', [T2])), 3000);
    expect((await store.importRosterResults(read(results('agent-a', '2026-12-01T10:00:00.000Z', [{ ...T2, hasAudio: true }]), [['t2', wav]]), 4000)).updated).toBe(1);
    expect((await store.db.rosterTakes.get(['agent-a', 't2']))?.audio).toEqual(wav);
  });

  it('a failure in the middle of a file changes nothing', async () => {
    const store = await freshStore();
    await store.importRosterResults(read(results('agent-a', '2026-12-01T10:00:00.000Z', [T1])), 1000);
    const before = await tables(store);
    const realPut = store.db.rosterTakes.put.bind(store.db.rosterTakes);
    let calls = 0;
    vi.spyOn(store.db.rosterTakes, 'put').mockImplementation((...args: Parameters<typeof realPut>) => {
      if (++calls === 2) return Promise.reject(new Error('disk full')) as ReturnType<typeof realPut>;
      return realPut(...args);
    });
    await expect(store.importRosterResults(read(results('agent-a', '2026-12-03T10:00:00.000Z', [T1, T2, T3], 'Renamed')), 2000)).rejects.toThrow();
    expect(calls).toBe(2);
    expect(await tables(store)).toEqual(before);
  });

  it('lists one input per agent and pack, takes oldest first, without audio', async () => {
    const store = await freshStore();
    await store.importRosterResults(read(results('agent-b', '2026-12-01T10:00:00.000Z', [T3, T1], 'Bo')), 1000);
    await store.importRosterResults(read(results('agent-a', '2026-12-01T10:00:00.000Z', [{ ...T2, hasAudio: true }]), [['t2', new Uint8Array([1])]]), 1000);
    const inputs = await store.listRosterInputs();
    const byAgent = Object.fromEntries(inputs.map((i) => [i.agentId, { name: i.agentName, pack: i.pack.id, takes: i.takes.map((t) => t.takeId) }]));
    expect(byAgent).toEqual({ 'agent-a': { name: 'Alex', pack: 'onboarding', takes: ['t2'] }, 'agent-b': { name: 'Bo', pack: 'onboarding', takes: ['t1', 't3'] } });
    expect(inputs.find((i) => i.agentId === 'agent-b')?.takes[0]).toEqual(T1);
  });

  it('an agent’s takes on a drill with their audio, and deleting an agent leaves the others', async () => {
    const store = await freshStore();
    await store.importRosterResults(read(results('agent-a', '2026-12-01T10:00:00.000Z', [T2, T1])), 1000);
    await store.importRosterResults(read(results('agent-b', '2026-12-01T10:00:00.000Z', [T3], 'Bo')), 1000);
    expect((await store.rosterTakesFor('agent-a', 'onboarding', 'greet')).map((t) => [t.take.takeId, t.packVersion, t.audio])).toEqual([['t1', 2, null], ['t2', 2, null]]);
    expect(await store.rosterTakesFor('agent-a', 'onboarding', 'other')).toEqual([]);
    expect(await store.deleteRosterAgent('agent-a')).toBe(2);
    expect((await store.db.rosterTakes.toArray()).map((r) => r.agentId)).toEqual(['agent-b']);
    expect((await store.db.rosterPacks.toArray()).map((r) => r.agentId)).toEqual(['agent-b']);
  });
});
