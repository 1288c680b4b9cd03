/**
 * The sections of format version 3: the agent's drills made from calls, packs assigned to the agent and packs the
 * trainer writes, their model recordings, and the trainer's roster (agents' takes and packs). Records go in the
 * manifest as the app stores them, except a model's WAV and a roster take's audio, which go in the data section
 * after the calls' bytes (models first, then roster audio, in manifest order), each with its place and CRC-32.
 * Reading passes every record through storage's own restore function and refuses duplicates and models of a pack
 * the backup does not hold. Pure.
 */
import {
  restoreAssignedModel, restoreAssignedPack, restoreAuthoredPack, restorePackModel, restoreRosterPack, restoreRosterTake, restoreUserDrill,
  type AssignedPackRecord, type AuthoredPack, type PackModelRecord, type RosterPackRecord, type RosterTakeRecord, type UserDrillRecord,
} from '../storage/index.ts';
import { restoreOrFail, type DataReader, type DataWriter } from './data-section.ts';
import { BackupError } from './errors.ts';
import type { Manifest, ManifestModel, ManifestRosterTake } from './format.ts';

/** What a backup holds beyond takes, profile and calls (each list may be empty). */
export interface TrainerContents {
  userDrills: UserDrillRecord[];
  assignedPacks: AssignedPackRecord[];
  authoredPacks: AuthoredPack[];
  /** Model recordings of the packs above (owner 'assigned' or 'authored'). */
  packModels: PackModelRecord[];
  rosterTakes: RosterTakeRecord[];
  rosterPacks: RosterPackRecord[];
}

/** The manifest sections of version 3 (only the non-empty ones). */
export type TrainerSections = Pick<Manifest, 'userDrills' | 'assignedPacks' | 'authoredPacks' | 'packModels' | 'rosterTakes' | 'rosterPacks'>;

/** True when any of the version 3 tables has a row to back up. */
export function hasTrainerContents(c: Partial<TrainerContents>): boolean {
  return [c.userDrills, c.assignedPacks, c.authoredPacks, c.packModels, c.rosterTakes, c.rosterPacks].some((list) => list !== undefined && list.length > 0);
}

/** The version 3 sections of `contents`, their bytes placed in `writer` (models' WAVs, then roster audio). */
export function packTrainer(contents: Partial<TrainerContents>, writer: DataWriter): TrainerSections {
  const packModels = (contents.packModels ?? []).map(({ wav, ...record }): ManifestModel => ({ record, wav: writer.place(wav) }));
  const rosterTakes = (contents.rosterTakes ?? []).map(({ audio, ...record }): ManifestRosterTake => ({ record, audio: audio === null ? null : writer.place(audio) }));
  const sections: Record<string, unknown[]> = {
    userDrills: contents.userDrills ?? [], assignedPacks: contents.assignedPacks ?? [], authoredPacks: contents.authoredPacks ?? [],
    packModels, rosterTakes, rosterPacks: contents.rosterPacks ?? [],
  };
  return Object.fromEntries(Object.entries(sections).filter(([, list]) => list.length > 0)) as TrainerSections;
}

// Refuses a key seen before in the same section.
function once(seen: Set<string>, key: unknown[], what: string): void {
  const k = JSON.stringify(key);
  if (seen.has(k)) throw new BackupError('corrupt', `The ${what} appears twice in the backup.`);
  seen.add(k);
}

/** The version 3 sections of a manifest, their bytes read from `reader` in order and every record checked; throws BackupError. */
export function unpackTrainer(m: TrainerSections, reader: DataReader): TrainerContents {
  const drillIds = new Set<string>();
  const userDrills = (m.userDrills ?? []).map((raw) => {
    once(drillIds, [raw.id], `drill "${raw.id}"`);
    return restoreOrFail(`drill "${raw.id}"`, () => restoreUserDrill(raw));
  });
  const assignedIds = new Set<string>();
  const assignedPacks = (m.assignedPacks ?? []).map((raw) => {
    once(assignedIds, [raw.id], `assigned pack "${raw.id}"`);
    return restoreOrFail(`assigned pack "${raw.id}"`, () => restoreAssignedPack(raw));
  });
  const authoredIds = new Set<string>();
  const authoredPacks = (m.authoredPacks ?? []).map((raw) => {
    once(authoredIds, [raw.id], `pack "${raw.id}"`);
    return restoreOrFail(`pack "${raw.id}"`, () => restoreAuthoredPack(raw));
  });
  const packIds = { assigned: new Set(assignedPacks.map((p) => p.id)), authored: new Set(authoredPacks.map((p) => p.id)) };
  const modelKeys = new Set<string>();
  const packModels = (m.packModels ?? []).map(({ record, wav }) => {
    const what = `model recording of drill "${record.drillId}" of pack "${record.packId}"`;
    once(modelKeys, [record.owner, record.packId, record.drillId], what);
    if (!packIds[record.owner].has(record.packId)) {
      throw new BackupError('corrupt', `The ${what} belongs to a pack the backup does not hold.`);
    }
    // A copy that owns its buffer: IndexedDB stores the whole buffer behind a view.
    const bytes = reader.take(`the ${what}`, wav).slice();
    const restore = record.owner === 'assigned' ? restoreAssignedModel : restorePackModel;
    return restoreOrFail(what, () => restore({ ...record, wav: bytes }));
  });
  const rosterKeys = new Set<string>();
  const rosterTakes = (m.rosterTakes ?? []).map(({ record, audio }) => {
    const what = `roster take "${record.takeId}" of agent "${record.agentId}"`;
    once(rosterKeys, [record.agentId, record.takeId], what);
    const bytes = audio === null ? null : reader.take(`the audio of ${what}`, audio).slice();
    return restoreOrFail(what, () => restoreRosterTake({ ...record, audio: bytes }));
  });
  const rosterPackKeys = new Set<string>();
  const rosterPacks = (m.rosterPacks ?? []).map((raw) => {
    const what = `roster pack "${raw.packId}" of agent "${raw.agentId}"`;
    once(rosterPackKeys, [raw.agentId, raw.packId], what);
    return restoreOrFail(what, () => restoreRosterPack(raw));
  });
  return { userDrills, assignedPacks, authoredPacks, packModels, rosterTakes, rosterPacks };
}
