/**
 * Packing stored data into a backup and unpacking it again, validating everything before anything is
 * written: the container, the manifest (valibot), every record through storage's own restore step,
 * and every audio chunk's place, length and CRC-32 (calls: pack-calls.ts). Pure: no IndexedDB.
 */
import * as v from 'valibot';
import { ANALYSIS_VERSION } from '../analysis/report.ts';
import type { Drill } from '../drills/types.ts';
import { CALL_SCHEMA_VERSION, restoreProfile, restoreTake, SCHEMA_VERSION, type AudioChunkRecord, type ProfileRecord, type TakeRecord } from '../storage/index.ts';
import { decodeContainer, encodeContainer } from './container.ts';
import { crc32 } from './crc32.ts';
import { DataReader, DataWriter, fromLeBytes, leBytes, restoreOrFail, type SectionBytes } from './data-section.ts';
import { BackupError } from './errors.ts';
import {
  BACKUP_FORMAT, BACKUP_FORMAT_VERSION, BACKUP_FORMAT_VERSION_CALLS, BACKUP_FORMAT_VERSION_TAKES_ONLY, BYTES_PER_SAMPLE, manifestSchema, validationProblems, type ChunkEntry, type Manifest,
} from './format.ts';
import { packCalls, unpackCalls, type BackupCall } from './pack-calls.ts';
import { hasTrainerContents, packTrainer, unpackTrainer, type TrainerContents } from './pack-trainer.ts';

/**
 * What a backup holds: the profile, each take with its audio chunks, each call with its kept audio (if any), and
 * (version 3) drills made from calls, trainer packs with their models and the roster — absent lists are empty.
 */
export interface BackupContents extends Partial<TrainerContents> {
  exportedAt: string;
  profile: ProfileRecord | null;
  takes: { record: TakeRecord; chunks: AudioChunkRecord[] }[];
  /** Distinct drill snapshots of the takes. */
  drills: Drill[];
  calls: BackupCall[];
}

/** The container parts of a backup (see container.ts for the layout, format.ts for the manifest). */
export function packBackup(contents: BackupContents): (Uint8Array<ArrayBuffer> | Blob)[] {
  const drills: Drill[] = [];
  const drillKeys = new Map<string, number>();
  const writer = new DataWriter();
  const takes = contents.takes.map(({ record, chunks }) => {
    const { drill, ...rest } = record;
    let drillIndex: number | null = null;
    if (drill) {
      const key = JSON.stringify(drill);
      drillIndex = drillKeys.get(key) ?? drills.push(drill) - 1;
      drillKeys.set(key, drillIndex);
    }
    const entries = [...chunks].sort((a, b) => a.seq - b.seq).map((c): ChunkEntry => ({
      seq: c.seq, encoding: c.pcm instanceof Int16Array ? 's16le' : 'f32le', ...writer.place(leBytes(c.pcm)), samples: c.pcm.length,
    }));
    return { record: { ...rest, drillIndex }, chunks: entries };
  });
  const calls = packCalls(contents.calls, writer);
  const trainer = packTrainer(contents, writer);
  // The oldest version that holds what is here, so an older app still reads a backup without newer sections.
  const formatVersion = hasTrainerContents(contents) ? BACKUP_FORMAT_VERSION : calls.length > 0 ? BACKUP_FORMAT_VERSION_CALLS : BACKUP_FORMAT_VERSION_TAKES_ONLY;
  const manifest = {
    format: BACKUP_FORMAT,
    formatVersion,
    exportedAt: contents.exportedAt,
    app: { analysisVersion: ANALYSIS_VERSION, schemaVersion: SCHEMA_VERSION },
    dataBytes: writer.offsetBytes,
    profile: contents.profile,
    drills,
    takes,
    ...(calls.length > 0 ? { calls } : {}),
    ...trainer,
  };
  return encodeContainer(manifest, writer.parts);
}

function asRecord(x: unknown): Record<string, unknown> | null {
  return typeof x === 'object' && x !== null && !Array.isArray(x) ? (x as Record<string, unknown>) : null;
}

// Format id and versions first, so a foreign or newer file gets the right message, not "damaged".
function checkIdentity(raw: unknown): void {
  const m = asRecord(raw);
  if (m === null || m.format !== BACKUP_FORMAT) throw new BackupError('not-a-backup', 'The file’s table of contents does not name the VoiceDrill backup format.');
  if (typeof m.formatVersion === 'number' && m.formatVersion > BACKUP_FORMAT_VERSION) {
    throw new BackupError('newer-version', `The backup is format version ${m.formatVersion}; this app reads up to version ${BACKUP_FORMAT_VERSION}.`);
  }
  const versions = [asRecord(m.profile)?.schemaVersion, ...(Array.isArray(m.takes) ? m.takes.map((tk) => asRecord(asRecord(tk)?.record)?.schemaVersion) : [])];
  if (versions.some((x) => typeof x === 'number' && x > SCHEMA_VERSION)) {
    throw new BackupError('newer-version', `The backup holds records of a newer schema than ${SCHEMA_VERSION}.`);
  }
  const callVersions = Array.isArray(m.calls) ? m.calls.map((c) => asRecord(asRecord(c)?.record)?.schemaVersion) : [];
  if (callVersions.some((x) => typeof x === 'number' && x > CALL_SCHEMA_VERSION)) {
    throw new BackupError('newer-version', `The backup holds calls of a newer schema than ${CALL_SCHEMA_VERSION}.`);
  }
}

function unpackChunks(takeId: string, entries: readonly ChunkEntry[], data: SectionBytes, expectedOffset: number): { chunks: AudioChunkRecord[]; next: number } {
  const seen = new Set<number>();
  const chunks: AudioChunkRecord[] = [];
  let next = expectedOffset;
  for (const c of entries) {
    if (seen.has(c.seq)) throw new BackupError('corrupt', `Take "${takeId}" lists audio chunk ${c.seq} twice.`);
    seen.add(c.seq);
    if (c.offset !== next || c.bytes !== c.samples * BYTES_PER_SAMPLE[c.encoding]) {
      throw new BackupError('corrupt', `The audio of take "${takeId}" is not where the table of contents says.`);
    }
    if (c.offset + c.bytes > data.length) throw new BackupError('truncated', `The backup file ends inside the audio of take "${takeId}".`);
    const bytes = data.subarray(c.offset, c.offset + c.bytes);
    if (crc32(bytes) !== c.crc32) throw new BackupError('corrupt', `The audio of take "${takeId}" is damaged (checksum mismatch).`);
    chunks.push({ takeId, seq: c.seq, pcm: fromLeBytes(bytes, c.encoding) });
    next = c.offset + c.bytes;
  }
  return { chunks, next };
}

/** The manifest of a decoded container, checked (identity first, then the schema); throws BackupError. */
export function parseManifest(raw: unknown): Manifest {
  checkIdentity(raw);
  const parsed = v.safeParse(manifestSchema, raw);
  if (!parsed.success) throw new BackupError('corrupt', `The backup’s table of contents is not valid: ${validationProblems(parsed.issues)}.`);
  // The parsed JSON itself, not valibot's output: the output rebuilds objects in schema key order, and
  // a stored report keeps its canonical key order (roundReport) through a round trip.
  return raw as Manifest;
}

/**
 * The contents a checked manifest names in its data section `data`, every part's place and CRC-32 checked;
 * with `file` (the data section as a Blob, read-file.ts), the calls' audio is handed on as slices of it
 * whose CRC-32 the caller checks (pack-calls.ts checkCallAudio). Throws BackupError.
 */
export function unpackData(m: Manifest, data: SectionBytes, file: Blob | null = null): BackupContents {
  if (data.length < m.dataBytes) throw new BackupError('truncated', `The backup file is ${m.dataBytes - data.length} bytes shorter than it should be.`);
  if (data.length > m.dataBytes) throw new BackupError('corrupt', 'The backup file has unexpected bytes after its audio.');
  const profile = m.profile === null ? null : restoreOrFail('profile', () => restoreProfile(m.profile));
  const ids = new Set<string>();
  let offset = 0;
  const takes = m.takes.map(({ record, chunks: entries }) => {
    if (ids.has(record.id)) throw new BackupError('corrupt', `Take "${record.id}" appears twice in the backup.`);
    ids.add(record.id);
    const { drillIndex, ...rest } = record;
    if (drillIndex !== null && drillIndex >= m.drills.length) throw new BackupError('corrupt', `Take "${record.id}" refers to a drill the backup does not hold.`);
    const restored = restoreOrFail(`take "${record.id}"`, () => restoreTake({ ...rest, drill: drillIndex === null ? null : m.drills[drillIndex] }));
    if (record.report !== null && restored.report === null) throw new BackupError('corrupt', `The results of take "${record.id}" cannot be read.`);
    const unpacked = unpackChunks(record.id, entries, data, offset);
    offset = unpacked.next;
    return { record: restored, chunks: unpacked.chunks };
  });
  const reader = new DataReader(data, offset, file);
  const calls = unpackCalls(m.calls ?? [], reader);
  const trainer = unpackTrainer(m, reader);
  if (reader.offsetBytes !== m.dataBytes) throw new BackupError('corrupt', 'The backup’s audio does not add up to its declared length.');
  const drills = m.drills as unknown as Drill[];
  return { exportedAt: m.exportedAt, profile, takes, drills, calls, ...trainer };
}

/** Validate a whole backup file held in memory and return its contents; throws BackupError, having read (not written) only. */
export function unpackBackup(bytes: Uint8Array): BackupContents {
  const { manifest, data } = decodeContainer(bytes);
  return unpackData(parseManifest(manifest), data);
}
