/**
 * The trainer's roster on this device (tables rosterTakes and rosterPacks, Dexie v6): agents' takes and packs
 * imported from results files. Importing a file is one transaction (a failure changes nothing) and is
 * idempotent: the same file twice writes nothing the second time.
 */
import type { ReadResults, ResultTake, ResultsJson } from '../packs/types.ts';
import type { RosterInput } from '../packs/roster.ts';
import type { VoiceDrillDb } from './db.ts';
import { StorageError } from './errors.ts';
import { PACK_RECORD_SCHEMA_VERSION, type RosterPackRecord, type RosterTakeRecord } from './pack-records.ts';
import { restoreReadable } from './restore.ts';

export type { RosterPackRecord, RosterTakeRecord };

/** What one results file added: takes new to the roster, and takes already there (rewritten only when they gained audio or changed). */
export interface RosterImportCounts {
  newTakes: number;
  alreadyPresent: number;
  /** Of alreadyPresent: records that were rewritten (audio added, or the file's take differs). */
  updated: number;
  /** True when the file's pack replaced (or became) the stored pack of this agent. */
  packStored: boolean;
}

/** A stored take of an agent, with its audio (drill-down). */
export interface RosterTakeWithAudio {
  take: ResultTake;
  packId: string;
  packVersion: number;
  audio: Uint8Array | null;
}

type Raw = Record<string, unknown>;
const asObject = (x: unknown): Raw | null => (typeof x === 'object' && x !== null && !Array.isArray(x) ? (x as Raw) : null);

function checkVersion(r: Raw, what: string): void {
  const v = r.schemaVersion;
  if (typeof v === 'number' && Number.isInteger(v) && v > PACK_RECORD_SCHEMA_VERSION) {
    throw new StorageError('newer-version', `The ${what} was saved by a newer version of VoiceDrill (schema ${v}; this version reads up to ${PACK_RECORD_SCHEMA_VERSION}). Reload the page to update the app; nothing was changed.`);
  }
  if (v !== PACK_RECORD_SCHEMA_VERSION) throw new StorageError('corrupt', `The ${what} is incomplete, so it was left out.`);
}

/** Check a stored roster take; throws StorageError 'corrupt' or 'newer-version'. */
export function restoreRosterTake(raw: unknown): RosterTakeRecord {
  const r = asObject(raw);
  if (r === null) throw new StorageError('corrupt', 'A stored roster take is not a record, so it was left out.');
  checkVersion(r, 'roster take');
  const take = asObject(r.take);
  if (typeof r.agentId !== 'string' || typeof r.agentName !== 'string' || typeof r.packId !== 'string' || typeof r.packVersion !== 'number'
    || take === null || typeof take.takeId !== 'string' || r.takeId !== take.takeId || typeof take.drillId !== 'string' || typeof take.createdAt !== 'string'
    || !Array.isArray(take.verdicts) || !(r.audio === null || r.audio instanceof Uint8Array) || typeof r.importedAt !== 'number') {
    throw new StorageError('corrupt', 'A stored roster take is incomplete, so it was left out.');
  }
  return raw as RosterTakeRecord;
}

/** Check a stored roster pack; throws StorageError 'corrupt' or 'newer-version'. */
export function restoreRosterPack(raw: unknown): RosterPackRecord {
  const r = asObject(raw);
  if (r === null) throw new StorageError('corrupt', 'A stored roster pack is not a record, so it was left out.');
  checkVersion(r, 'roster pack');
  const pack = asObject(r.pack);
  if (typeof r.agentId !== 'string' || typeof r.agentName !== 'string' || typeof r.packId !== 'string' || typeof r.exportedAt !== 'string'
    || pack === null || !Array.isArray(pack.drills)) {
    throw new StorageError('corrupt', 'A stored roster pack is incomplete, so it was left out.');
  }
  return raw as RosterPackRecord;
}

/** Structural equality of plain data as IndexedDB stores it (objects, arrays, typed arrays, primitives). */
export function sameData(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (a instanceof Uint8Array || b instanceof Uint8Array) {
    if (!(a instanceof Uint8Array && b instanceof Uint8Array) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
    return true;
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!(Array.isArray(a) && Array.isArray(b)) || a.length !== b.length) return false;
    return a.every((x, i) => sameData(x, b[i]));
  }
  const oa = asObject(a);
  const ob = asObject(b);
  if (oa === null || ob === null) return false;
  const ka = Object.keys(oa).filter((k) => oa[k] !== undefined);
  const kb = Object.keys(ob).filter((k) => ob[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => Object.prototype.hasOwnProperty.call(ob, k) && sameData(oa[k], ob[k]));
}

const timeOf = (iso: string): number => {
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? ms : -Infinity;
};

/** The pack record a results file gives. */
function packRecord(results: ResultsJson): RosterPackRecord {
  return {
    schemaVersion: PACK_RECORD_SCHEMA_VERSION, agentId: results.agent.id, agentName: results.agent.name,
    packId: results.pack.id, pack: results.pack, exportedAt: results.exportedAt,
  };
}

/**
 * Import one read results file in one transaction: each take is put unless an identical record is stored
 * (a stored take keeps its audio when this file has none); the pack is stored unless a newer export of it is.
 */
export async function importRosterResults(db: VoiceDrillDb, read: ReadResults, nowMs: number): Promise<RosterImportCounts> {
  const { results, audio } = read;
  const agentId = results.agent.id;
  return db.transaction('rw', db.rosterTakes, db.rosterPacks, async () => {
    const counts: RosterImportCounts = { newTakes: 0, alreadyPresent: 0, updated: 0, packStored: false };
    const keys = results.takes.map((t): [string, string] => [agentId, t.takeId]);
    const stored = await db.rosterTakes.bulkGet(keys);
    for (let i = 0; i < results.takes.length; i++) {
      const take = results.takes[i];
      const before = stored[i];
      const fileAudio = take.hasAudio ? audio.get(take.takeId) ?? null : null;
      const keptAudio = fileAudio ?? (before?.audio instanceof Uint8Array ? before.audio : null);
      const record: RosterTakeRecord = {
        schemaVersion: PACK_RECORD_SCHEMA_VERSION, agentId, agentName: results.agent.name, takeId: take.takeId, packId: results.pack.id,
        packVersion: results.pack.version,
        // A take kept with audio from an earlier file says so even when this file came without it.
        take: keptAudio !== null && !take.hasAudio ? { ...take, hasAudio: true } : take,
        audio: keptAudio, importedAt: before?.importedAt ?? nowMs,
      };
      if (before === undefined) {
        counts.newTakes++;
        await db.rosterTakes.put(record);
        continue;
      }
      counts.alreadyPresent++;
      if (!sameData(before, record)) {
        counts.updated++;
        await db.rosterTakes.put(record);
      }
    }
    const pack = packRecord(results);
    const storedPack = await db.rosterPacks.get([agentId, results.pack.id]);
    if (storedPack === undefined || (timeOf(storedPack.exportedAt) <= timeOf(pack.exportedAt) && !sameData(storedPack, pack))) {
      await db.rosterPacks.put(pack);
      counts.packStored = true;
    }
    return counts;
  });
}

/** The roster's inputs: one per agent and pack, takes oldest first (without audio, which buildRoster does not need). */
export async function listRosterInputs(db: VoiceDrillDb): Promise<RosterInput[]> {
  return db.transaction('r', db.rosterTakes, db.rosterPacks, async () => {
    const packs = restoreReadable(await db.rosterPacks.toArray(), restoreRosterPack);
    const byKey = new Map<string, ResultTake[]>();
    const key = (agentId: string, packId: string): string => JSON.stringify([agentId, packId]);
    // One record at a time, so the takes' audio need not be held all at once.
    await db.rosterTakes.each((raw) => {
      let r: RosterTakeRecord;
      try {
        r = restoreRosterTake(raw);
      } catch (e) {
        if (e instanceof StorageError && e.kind === 'corrupt') return;
        throw e;
      }
      const k = key(r.agentId, r.packId);
      const list = byKey.get(k) ?? [];
      list.push(r.take);
      byKey.set(k, list);
    });
    return packs.map((p) => ({
      agentId: p.agentId, agentName: p.agentName, pack: p.pack,
      takes: (byKey.get(key(p.agentId, p.packId)) ?? []).sort((a, b) => timeOf(a.createdAt) - timeOf(b.createdAt) || (a.takeId < b.takeId ? -1 : a.takeId > b.takeId ? 1 : 0)),
    }));
  });
}

/** An agent's takes on a drill of a pack, oldest first, with their audio. */
export async function rosterTakesFor(db: VoiceDrillDb, agentId: string, packId: string, drillId: string): Promise<RosterTakeWithAudio[]> {
  const rows = restoreReadable(await db.rosterTakes.where('agentId').equals(agentId).toArray(), restoreRosterTake);
  return rows
    .filter((r) => r.packId === packId && r.take.drillId === drillId)
    .sort((a, b) => timeOf(a.take.createdAt) - timeOf(b.take.createdAt) || (a.take.takeId < b.take.takeId ? -1 : 1))
    .map((r) => ({ take: r.take, packId: r.packId, packVersion: r.packVersion, audio: r.audio }));
}

/** Delete everything of one agent (takes, audio and packs) in one transaction; returns the takes deleted. */
export async function deleteRosterAgent(db: VoiceDrillDb, agentId: string): Promise<number> {
  return db.transaction('rw', db.rosterTakes, db.rosterPacks, async () => {
    const n = await db.rosterTakes.where('agentId').equals(agentId).delete();
    await db.rosterPacks.where('agentId').equals(agentId).delete();
    return n;
  });
}
