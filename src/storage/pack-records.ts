/**
 * The records of trainer packs on this device (Dexie version 6, issue 12): packs assigned to the agent
 * (imported from a file or link), packs the trainer authors, model recordings of both, and the trainer's
 * roster built from imported results files. Each table's reader and writer live in its own module
 * (assigned-packs.ts, authored-packs.ts, roster-store.ts); this file only names the shapes.
 */
import type { AnalysisReport } from '../analysis/report.ts';
import type { PackJson, ResultTake, ResultsJson } from '../packs/types.ts';

/** Version of the pack records' shapes; restore refuses anything newer. */
export const PACK_RECORD_SCHEMA_VERSION = 1;

/** A pack assigned to this agent (table assignedPacks, key id): the newest version imported. */
export interface AssignedPackRecord {
  schemaVersion: number;
  /** The pack's id. */
  id: string;
  version: number;
  pack: PackJson;
  /** 'server': pulled from the team sync server (issue 13), which carries no model recordings. */
  source: 'file' | 'link' | 'server';
  /** ms since epoch. */
  importedAt: number;
}

/** A pack the trainer is writing (table authoredPacks, key id); `pack.version` is the version the next export gets. */
export interface AuthoredPackRecord {
  schemaVersion: number;
  id: string;
  pack: PackJson;
  /** The last version exported (null before the first export): editing after an export bumps the version. */
  exportedVersion: number | null;
  /** ms since epoch. */
  updatedAt: number;
}

/** Whose pack a model recording belongs to. */
export type PackModelOwner = 'assigned' | 'authored';

/** A drill's model recording (table packModels, key [owner+packId+drillId]) and its analysis on this device. */
export interface PackModelRecord {
  schemaVersion: number;
  owner: PackModelOwner;
  packId: string;
  drillId: string;
  /** The drill version the model was recorded or imported for. */
  drillVersion: number;
  /** 16-bit PCM mono WAV. */
  wav: Uint8Array;
  /** The analysis of the WAV with the drill's bands (null until analysed, or when it found no speech). */
  report: AnalysisReport | null;
}

/** One take of an agent's results, imported by the trainer (table rosterTakes, key [agentId+takeId]). */
export interface RosterTakeRecord {
  schemaVersion: number;
  agentId: string;
  agentName: string;
  /** The take's id, equal to take.takeId: the table's key path [agentId+takeId] needs it at the top of the record. */
  takeId: string;
  packId: string;
  packVersion: number;
  take: ResultTake;
  /** The take's WAV when the agent included audio, else null. */
  audio: Uint8Array | null;
  /** ms since epoch. */
  importedAt: number;
}

/** What the trainer knows of an agent's pack from its latest results file (table rosterPacks, key [agentId+packId]). */
export interface RosterPackRecord {
  schemaVersion: number;
  agentId: string;
  agentName: string;
  packId: string;
  pack: ResultsJson['pack'];
  /** ISO 8601 of the results file this came from (an older file does not replace a newer one). */
  exportedAt: string;
}
