/**
 * The packs a trainer writes (table authoredPacks) and their drills' model recordings (table packModels, owner
 * 'authored'). Every record read or written passes the same check (restore…): an unreadable one is refused, never
 * misread. A pack being written may be a draft (no drills yet), so the check is the pack's shape with each drill
 * validated by parseDrill, not the stricter check of a pack arriving from outside (parsePackJson in src/packs).
 *
 * Versions: `pack.version` is the version the next export gets. Exporting records it as `exportedVersion`; the first
 * edit after that bumps `pack.version` once (editedPack), so an agent holding the exported version sees a newer one.
 * A drill's own version is bumped the same way, once after each export, when what it is scored on changes (template,
 * language, kind or bands): the agent's takes stay with the drill version they were made on.
 */
import type { AnalysisReport } from '../analysis/report.ts';
import type { Drill } from '../drills/types.ts';
import { parseDrill } from '../drills/schema.ts';
import { PACK_FORMAT, PACK_LIMITS, PACK_SCHEMA_VERSION, type PackDrill, type PackJson } from '../packs/types.ts';
import type { VoiceDrillDb } from './db.ts';
import { StorageError } from './errors.ts';
import { PACK_RECORD_SCHEMA_VERSION, type AuthoredPackRecord, type PackModelRecord } from './pack-records.ts';
import { looksLikeReport, restoreReadable } from './restore.ts';

/** An authored pack as this module keeps it: the record, and the drill versions of the last export (optional field). */
export interface AuthoredPack extends AuthoredPackRecord {
  /** Drill id → the drill's version in the last export (absent before the first export). */
  exportedDrillVersions?: Record<string, number>;
}

type Raw = Record<string, unknown>;
const asObject = (x: unknown): Raw | null => (typeof x === 'object' && x !== null && !Array.isArray(x) ? (x as Raw) : null);
const finite = (x: unknown): number | null => (typeof x === 'number' && Number.isFinite(x) ? x : null);
const wholeAtLeast = (x: unknown, min: number): x is number => typeof x === 'number' && Number.isInteger(x) && x >= min;
const PACK_ID_RE = /^[a-z0-9][a-z0-9-]{0,63}$/;
const DUE_RE = /^\d{4}-\d{2}-\d{2}$/;

function corrupt(what: string): StorageError {
  return new StorageError('corrupt', `The ${what} is incomplete, so it was left untouched.`);
}

function newer(what: string, version: number): StorageError {
  return new StorageError('newer-version', `The ${what} was saved by a newer version of VoiceDrill (pack schema ${version}; this version reads up to ${PACK_RECORD_SCHEMA_VERSION}). Reload the page to update the app; nothing was changed.`);
}

// Refuses a record saved by a newer app; returns the version found.
function checkVersion(r: Raw, what: string): unknown {
  const version = r.schemaVersion;
  if (typeof version === 'number' && Number.isInteger(version) && version > PACK_RECORD_SCHEMA_VERSION) throw newer(what, version);
  return version;
}

function restorePackDrill(raw: unknown, what: string): PackDrill {
  const r = asObject(raw);
  if (r === null) throw corrupt(what);
  const parsed = parseDrill(r.drill);
  const slowSpans = r.slowSpans;
  if (!parsed.ok || parsed.drill.builtIn || !wholeAtLeast(r.attemptsRequired, 1) || r.attemptsRequired > 50
    || !(r.dueDate === null || (typeof r.dueDate === 'string' && DUE_RE.test(r.dueDate)))
    || typeof r.notes !== 'string' || r.notes.length > PACK_LIMITS.notesChars
    || !Array.isArray(slowSpans) || !slowSpans.every((s): s is string => typeof s === 'string' && s !== '')
    || typeof r.hasModel !== 'boolean') {
    throw corrupt(what);
  }
  return {
    drill: parsed.drill, attemptsRequired: r.attemptsRequired, dueDate: r.dueDate, notes: r.notes, slowSpans: [...slowSpans], hasModel: r.hasModel,
  };
}

/** Check a pack's shape as a trainer's draft (each drill through parseDrill); throws StorageError 'corrupt'. */
export function restoreAuthoredPackJson(raw: unknown, what = 'pack'): PackJson {
  const p = asObject(raw);
  if (p === null || p.format !== PACK_FORMAT || p.schemaVersion !== PACK_SCHEMA_VERSION || typeof p.id !== 'string' || !PACK_ID_RE.test(p.id)
    || !wholeAtLeast(p.version, 1) || typeof p.title !== 'string' || p.title.length > PACK_LIMITS.titleChars
    || typeof p.author !== 'string' || p.author.length > PACK_LIMITS.titleChars || typeof p.createdAt !== 'string'
    || !Array.isArray(p.drills) || p.drills.length > PACK_LIMITS.drills) {
    throw corrupt(what);
  }
  const drills = p.drills.map((d) => restorePackDrill(d, what));
  if (new Set(drills.map((d) => d.drill.id)).size !== drills.length) throw corrupt(what);
  return { format: PACK_FORMAT, schemaVersion: PACK_SCHEMA_VERSION, id: p.id, version: p.version, title: p.title, author: p.author, createdAt: p.createdAt, drills };
}

/** Check a stored authored pack; throws StorageError 'corrupt' or 'newer-version'. */
export function restoreAuthoredPack(raw: unknown): AuthoredPack {
  const r = asObject(raw);
  if (r === null) throw new StorageError('corrupt', 'A stored pack is not a record, so it was left untouched.');
  const what = typeof r.id === 'string' ? `pack "${r.id}"` : 'pack';
  const version = checkVersion(r, what);
  const pack = restoreAuthoredPackJson(r.pack, what);
  const updatedAt = finite(r.updatedAt);
  const exported = r.exportedVersion;
  const exportedDrills = asObject(r.exportedDrillVersions);
  if (version !== PACK_RECORD_SCHEMA_VERSION || pack.id !== r.id || updatedAt === null
    || !(exported === null || wholeAtLeast(exported, 1))
    || (r.exportedDrillVersions !== undefined && (exportedDrills === null || !Object.values(exportedDrills).every((x) => wholeAtLeast(x, 1))))) {
    throw corrupt(what);
  }
  const record: AuthoredPack = { schemaVersion: PACK_RECORD_SCHEMA_VERSION, id: pack.id, pack, exportedVersion: exported, updatedAt };
  if (exportedDrills !== null) record.exportedDrillVersions = { ...(exportedDrills as Record<string, number>) };
  return record;
}

/** Check a stored model recording; throws StorageError 'corrupt' or 'newer-version'. */
export function restorePackModel(raw: unknown): PackModelRecord {
  const r = asObject(raw);
  if (r === null) throw new StorageError('corrupt', 'A stored model recording is not a record, so it was left untouched.');
  const what = typeof r.drillId === 'string' ? `model recording of drill "${r.drillId}"` : 'model recording';
  const version = checkVersion(r, what);
  if (version !== PACK_RECORD_SCHEMA_VERSION || (r.owner !== 'authored' && r.owner !== 'assigned') || typeof r.packId !== 'string' || r.packId === ''
    || typeof r.drillId !== 'string' || r.drillId === '' || !wholeAtLeast(r.drillVersion, 1) || !(r.wav instanceof Uint8Array)
    || r.wav.byteLength < 44 || r.wav.byteLength > PACK_LIMITS.modelWavBytes || !(r.report === null || looksLikeReport(r.report))) {
    throw corrupt(what);
  }
  return {
    schemaVersion: PACK_RECORD_SCHEMA_VERSION, owner: r.owner, packId: r.packId, drillId: r.drillId, drillVersion: r.drillVersion,
    wav: r.wav, report: r.report as AnalysisReport | null,
  };
}

/** A new, empty pack record (version 1, never exported). */
export function newAuthoredPack(id: string, title: string, author: string, now: number): AuthoredPack {
  return {
    schemaVersion: PACK_RECORD_SCHEMA_VERSION, id, exportedVersion: null, updatedAt: now,
    pack: { format: PACK_FORMAT, schemaVersion: PACK_SCHEMA_VERSION, id, version: 1, title, author, createdAt: new Date(now).toISOString(), drills: [] },
  };
}

// What a drill is scored on: a change here makes takes of the old and new drill incomparable.
function scoredContent(d: Drill): string {
  return JSON.stringify([d.template, d.lang, d.kind, d.bands]);
}

/**
 * The record after an edit: `pack` is the edited pack (id unchanged). The pack's version is bumped once when the
 * current version was exported; a drill whose scored content changed gets its version bumped once after the export
 * it was in (a drill never exported keeps its version).
 */
export function editedPack(record: AuthoredPack, pack: PackJson, now: number): AuthoredPack {
  const before = new Map(record.pack.drills.map((d) => [d.drill.id, d.drill]));
  const exportedDrills = record.exportedDrillVersions ?? {};
  const drills = pack.drills.map((pd) => {
    const old = before.get(pd.drill.id);
    const exportedAt = exportedDrills[pd.drill.id];
    if (old === undefined) return pd;
    const changed = scoredContent(old) !== scoredContent(pd.drill);
    const version = changed && exportedAt !== undefined && old.version <= exportedAt ? exportedAt + 1 : old.version;
    return version === pd.drill.version ? pd : { ...pd, drill: { ...pd.drill, version } };
  });
  const bump = record.exportedVersion !== null && record.pack.version <= record.exportedVersion;
  const version = bump ? (record.exportedVersion ?? 0) + 1 : record.pack.version;
  return { ...record, pack: { ...pack, id: record.id, version, drills }, updatedAt: now };
}

/** The record once its current version is exported (the pack as written to the file, with createdAt of the export). */
export function exportedPack(record: AuthoredPack, exported: PackJson, now: number): AuthoredPack {
  return {
    ...record, pack: exported, exportedVersion: exported.version, updatedAt: now,
    exportedDrillVersions: Object.fromEntries(exported.drills.map((d) => [d.drill.id, d.drill.version])),
  };
}

/** Store (or replace) an authored pack, checked as restore would read it back. */
export async function putAuthoredPack(db: VoiceDrillDb, record: AuthoredPack): Promise<AuthoredPack> {
  const checked = restoreAuthoredPack(record);
  await db.authoredPacks.put(checked);
  return checked;
}

/** Every readable authored pack, most recently changed first (unreadable ones are skipped). */
export async function listAuthoredPacks(db: VoiceDrillDb): Promise<AuthoredPack[]> {
  const rows = await db.authoredPacks.orderBy('updatedAt').reverse().toArray();
  return restoreReadable(rows, restoreAuthoredPack);
}

/** One authored pack, or null. */
export async function getAuthoredPack(db: VoiceDrillDb, packId: string): Promise<AuthoredPack | null> {
  const raw = await db.authoredPacks.get(packId);
  return raw === undefined ? null : restoreAuthoredPack(raw);
}

/** Delete an authored pack and its model recordings, in one transaction. */
export async function deleteAuthoredPack(db: VoiceDrillDb, packId: string): Promise<void> {
  await db.transaction('rw', db.authoredPacks, db.packModels, async () => {
    await db.packModels.where('[owner+packId]').equals(['authored', packId]).delete();
    await db.authoredPacks.delete(packId);
  });
}

/** Store (or replace) a drill's model recording of an authored pack. */
export async function putAuthoredModel(db: VoiceDrillDb, record: Omit<PackModelRecord, 'owner' | 'schemaVersion'>): Promise<PackModelRecord> {
  const checked = restorePackModel({ ...record, owner: 'authored', schemaVersion: PACK_RECORD_SCHEMA_VERSION });
  await db.packModels.put(checked);
  return checked;
}

/** A drill's model recording of an authored pack, or null. */
export async function getAuthoredModel(db: VoiceDrillDb, packId: string, drillId: string): Promise<PackModelRecord | null> {
  const raw = await db.packModels.get(['authored', packId, drillId]);
  return raw === undefined ? null : restorePackModel(raw);
}

/** Every readable model recording of an authored pack. */
export async function listAuthoredModels(db: VoiceDrillDb, packId: string): Promise<PackModelRecord[]> {
  const rows = await db.packModels.where('[owner+packId]').equals(['authored', packId]).toArray();
  return restoreReadable(rows, restorePackModel);
}

/** Remove a drill's model recording of an authored pack (nothing happens when there is none). */
export async function deleteAuthoredModel(db: VoiceDrillDb, packId: string, drillId: string): Promise<void> {
  await db.packModels.delete(['authored', packId, drillId]);
}
