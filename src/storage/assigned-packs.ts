/**
 * Packs assigned to this agent (table assignedPacks) and their model recordings (table packModels, owner
 * 'assigned'). An import merges by pack id and version, in one transaction over both tables (a failure changes
 * nothing): a new id is added; a newer version replaces the drills (the agent's takes are never touched: each keeps
 * the drill as recorded, `take.drill.version`); the same version changes nothing (except that a file brings the
 * model recordings a link could not carry); an older version is refused with one sentence.
 */
import type { AnalysisReport } from '../analysis/report.ts';
import { parseDrill } from '../drills/schema.ts';
import type { PackDrill, PackJson, ReadPack } from '../packs/types.ts';
import type { VoiceDrillDb } from './db.ts';
import { StorageError } from './errors.ts';
import { PACK_RECORD_SCHEMA_VERSION, type AssignedPackRecord, type PackModelRecord } from './pack-records.ts';
import { looksLikeReport, restoreReadable } from './restore.ts';

/** What an import did (or why it did nothing). */
export type PackMergeOutcome =
  | { kind: 'added'; record: AssignedPackRecord; modelsStored: number }
  | { kind: 'updated'; record: AssignedPackRecord; previousVersion: number; modelsStored: number }
  | { kind: 'unchanged'; record: AssignedPackRecord; modelsStored: number }
  | { kind: 'refused'; currentVersion: number; error: string };

type Raw = Record<string, unknown>;
const asObject = (x: unknown): Raw | null => (typeof x === 'object' && x !== null && !Array.isArray(x) ? (x as Raw) : null);
const finite = (x: unknown): number | null => (typeof x === 'number' && Number.isFinite(x) ? x : null);
const wholeAtLeast1 = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 1;

function newerRecord(version: unknown, what: string): void {
  if (typeof version === 'number' && Number.isInteger(version) && version > PACK_RECORD_SCHEMA_VERSION) {
    throw new StorageError('newer-version', `The ${what} was saved by a newer version of VoiceDrill (pack record schema ${version}; this version reads up to ${PACK_RECORD_SCHEMA_VERSION}). Reload the page to update the app; nothing was changed.`);
  }
}

// One stored pack drill, its drill checked as any drill from outside the app's code; null when unreadable.
function restorePackDrill(raw: unknown): PackDrill | null {
  const d = asObject(raw);
  if (d === null) return null;
  const parsed = parseDrill(d.drill);
  const attempts = d.attemptsRequired;
  const due = d.dueDate;
  if (!parsed.ok || parsed.drill.builtIn || !wholeAtLeast1(attempts) || !(due === null || (typeof due === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(due)))
    || typeof d.notes !== 'string' || !Array.isArray(d.slowSpans) || !d.slowSpans.every((s) => typeof s === 'string') || typeof d.hasModel !== 'boolean') {
    return null;
  }
  return { drill: parsed.drill, attemptsRequired: attempts, dueDate: due, notes: d.notes, slowSpans: [...d.slowSpans as string[]], hasModel: d.hasModel };
}

/** Check a stored assigned pack; throws StorageError 'corrupt' or 'newer-version'. */
export function restoreAssignedPack(raw: unknown): AssignedPackRecord {
  const r = asObject(raw);
  if (r === null) throw new StorageError('corrupt', 'A stored pack is not a record, so it was left untouched.');
  const what = typeof r.id === 'string' ? `pack "${r.id}"` : 'pack';
  newerRecord(r.schemaVersion, what);
  const p = asObject(r.pack);
  const drills = Array.isArray(p?.drills) ? p.drills.map(restorePackDrill) : null;
  const importedAt = finite(r.importedAt);
  if (r.schemaVersion !== PACK_RECORD_SCHEMA_VERSION || p === null || typeof r.id !== 'string' || p.id !== r.id || !wholeAtLeast1(r.version)
    || p.version !== r.version || typeof p.title !== 'string' || typeof p.author !== 'string' || typeof p.createdAt !== 'string'
    || drills === null || drills.some((d) => d === null) || (r.source !== 'file' && r.source !== 'link' && r.source !== 'server') || importedAt === null) {
    throw new StorageError('corrupt', `The ${what} is incomplete, so it was left untouched.`);
  }
  const pack: PackJson = {
    format: p.format as PackJson['format'], schemaVersion: finite(p.schemaVersion) ?? 1, id: r.id, version: r.version, title: p.title,
    author: p.author, createdAt: p.createdAt, drills: drills as PackDrill[],
  };
  return { schemaVersion: PACK_RECORD_SCHEMA_VERSION, id: r.id, version: r.version, pack, source: r.source, importedAt };
}

/** Check a stored model recording; throws StorageError 'corrupt' or 'newer-version'. */
export function restoreAssignedModel(raw: unknown): PackModelRecord {
  const r = asObject(raw);
  if (r === null) throw new StorageError('corrupt', 'A stored model recording is not a record, so it was left untouched.');
  const what = typeof r.drillId === 'string' ? `model recording of drill "${r.drillId}"` : 'model recording';
  newerRecord(r.schemaVersion, what);
  if (r.schemaVersion !== PACK_RECORD_SCHEMA_VERSION || (r.owner !== 'assigned' && r.owner !== 'authored') || typeof r.packId !== 'string'
    || typeof r.drillId !== 'string' || !wholeAtLeast1(r.drillVersion) || !(r.wav instanceof Uint8Array) || !(r.report === null || looksLikeReport(r.report))) {
    throw new StorageError('corrupt', `The ${what} is incomplete, so it was left untouched.`);
  }
  return { schemaVersion: PACK_RECORD_SCHEMA_VERSION, owner: r.owner, packId: r.packId, drillId: r.drillId, drillVersion: r.drillVersion, wav: r.wav, report: r.report };
}

// The model records an import brings: one per drill that has a WAV in the file.
function modelsOf(read: ReadPack): PackModelRecord[] {
  const out: PackModelRecord[] = [];
  for (const d of read.pack.drills) {
    const wav = read.models.get(d.drill.id);
    if (wav === undefined) continue;
    out.push({ schemaVersion: PACK_RECORD_SCHEMA_VERSION, owner: 'assigned', packId: read.pack.id, drillId: d.drill.id, drillVersion: d.drill.version, wav, report: null });
  }
  return out;
}

/**
 * Merge an imported pack (already validated by its reader) with what is stored, in one transaction.
 * A newer version keeps a stored model only for a drill whose id and version are unchanged and for which the
 * import brings none (a link carries no models); every other model of the older version is removed.
 */
export async function mergeAssignedPack(db: VoiceDrillDb, read: ReadPack, now: number): Promise<PackMergeOutcome> {
  const incoming = read.pack;
  return db.transaction('rw', db.assignedPacks, db.packModels, async (): Promise<PackMergeOutcome> => {
    const raw = await db.assignedPacks.get(incoming.id);
    const stored = raw === undefined ? null : restoreAssignedPack(raw);
    const models = modelsOf(read);
    const record: AssignedPackRecord = {
      schemaVersion: PACK_RECORD_SCHEMA_VERSION, id: incoming.id, version: incoming.version, pack: incoming, source: read.source, importedAt: now,
    };
    if (stored === null) {
      await db.assignedPacks.put(record);
      await db.packModels.bulkPut(models);
      return { kind: 'added', record, modelsStored: models.length };
    }
    if (incoming.version < stored.version) {
      return {
        kind: 'refused', currentVersion: stored.version,
        error: `This is version ${incoming.version} of “${incoming.title}”, older than version ${stored.version} you already have, so nothing was changed.`,
      };
    }
    const oldModels = (await db.packModels.where('[owner+packId]').equals(['assigned', incoming.id]).toArray()).map(restoreAssignedModel);
    if (incoming.version === stored.version) {
      // Nothing changes, except models a file brings for drills that have none yet (the same version came by link first).
      const missing = models.filter((m) => !oldModels.some((o) => o.drillId === m.drillId && o.drillVersion === m.drillVersion));
      const hasModel = new Set(missing.map((m) => m.drillId));
      if (missing.length === 0) return { kind: 'unchanged', record: stored, modelsStored: 0 };
      const updated: AssignedPackRecord = {
        ...stored, pack: { ...stored.pack, drills: stored.pack.drills.map((d) => (hasModel.has(d.drill.id) ? { ...d, hasModel: true } : d)) },
      };
      await db.packModels.bulkPut(missing);
      await db.assignedPacks.put(updated);
      return { kind: 'unchanged', record: updated, modelsStored: missing.length };
    }
    const bringing = new Set(models.map((m) => m.drillId));
    const keep = oldModels.filter((o) => !bringing.has(o.drillId)
      && incoming.drills.some((d) => d.drill.id === o.drillId && d.drill.version === o.drillVersion));
    const kept = new Set(keep.map((m) => m.drillId));
    const replaced: AssignedPackRecord = kept.size === 0 ? record : {
      ...record, pack: { ...incoming, drills: incoming.drills.map((d) => (kept.has(d.drill.id) ? { ...d, hasModel: true } : d)) },
    };
    await db.packModels.bulkDelete(oldModels.filter((o) => !kept.has(o.drillId)).map((o) => [o.owner, o.packId, o.drillId] as [string, string, string]));
    await db.packModels.bulkPut(models);
    await db.assignedPacks.put(replaced);
    return { kind: 'updated', record: replaced, previousVersion: stored.version, modelsStored: models.length };
  });
}

/** Every readable assigned pack, newest import first (unreadable ones are skipped). */
export async function listAssignedPacks(db: VoiceDrillDb): Promise<AssignedPackRecord[]> {
  const rows = await db.assignedPacks.orderBy('importedAt').reverse().toArray();
  return restoreReadable(rows, restoreAssignedPack);
}

/** One assigned pack, or null. */
export async function getAssignedPack(db: VoiceDrillDb, packId: string): Promise<AssignedPackRecord | null> {
  const raw = await db.assignedPacks.get(packId);
  return raw === undefined ? null : restoreAssignedPack(raw);
}

/** Remove an assigned pack and its model recordings, in one transaction (the agent's takes stay). */
export async function deleteAssignedPack(db: VoiceDrillDb, packId: string): Promise<void> {
  await db.transaction('rw', db.assignedPacks, db.packModels, async () => {
    await db.packModels.where('[owner+packId]').equals(['assigned', packId]).delete();
    await db.assignedPacks.delete(packId);
  });
}

/** The readable model recordings of an assigned pack. */
export async function listAssignedModels(db: VoiceDrillDb, packId: string): Promise<PackModelRecord[]> {
  const rows = await db.packModels.where('[owner+packId]').equals(['assigned', packId]).toArray();
  return restoreReadable(rows, restoreAssignedModel);
}

/**
 * Store the analysis of an assigned model recording (null: no speech was found); false when the model is gone or is
 * now of another drill version (a newer pack arrived meanwhile), and nothing was written.
 */
export async function saveAssignedModelReport(db: VoiceDrillDb, packId: string, drillId: string, drillVersion: number, report: AnalysisReport | null): Promise<boolean> {
  return db.transaction('rw', db.packModels, async () => {
    const raw = await db.packModels.get(['assigned', packId, drillId]);
    if (raw === undefined) return false;
    const model = restoreAssignedModel(raw);
    if (model.drillVersion !== drillVersion) return false;
    await db.packModels.put({ ...model, report });
    return true;
  });
}
