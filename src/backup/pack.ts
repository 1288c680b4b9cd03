/**
 * Packing stored data into a backup and unpacking it again, validating everything before anything is
 * written: the container, the manifest (valibot), every record through storage's own restore step,
 * and every audio chunk's place, length and CRC-32. Pure: no IndexedDB.
 */
import * as v from 'valibot';
import { ANALYSIS_VERSION } from '../analysis/report.ts';
import type { Drill } from '../drills/types.ts';
import { restoreProfile, restoreTake, SCHEMA_VERSION, StorageError, type AudioChunkRecord, type ProfileRecord, type TakeRecord } from '../storage/index.ts';
import { decodeContainer, encodeContainer } from './container.ts';
import { crc32 } from './crc32.ts';
import { BackupError } from './errors.ts';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, BYTES_PER_SAMPLE, manifestSchema, validationProblems, type ChunkEncoding, type ChunkEntry, type Manifest } from './format.ts';

/** What a backup holds: the profile, and each take with its audio chunks. */
export interface BackupContents {
  exportedAt: string;
  profile: ProfileRecord | null;
  takes: { record: TakeRecord; chunks: AudioChunkRecord[] }[];
  /** Distinct drill snapshots of the takes. */
  drills: Drill[];
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

// Bytes of a typed array in little-endian order (a view when the host is little-endian, as all browsers' hosts are).
function leBytes(pcm: Int16Array | Float32Array): Uint8Array {
  const bytes = new Uint8Array(pcm.buffer, pcm.byteOffset, pcm.byteLength);
  if (LITTLE_ENDIAN) return bytes;
  const out = new Uint8Array(bytes.length);
  const size = pcm.BYTES_PER_ELEMENT;
  for (let i = 0; i < bytes.length; i += size) for (let k = 0; k < size; k++) out[i + k] = bytes[i + size - 1 - k];
  return out;
}

// Samples from little-endian bytes (copied, so they are aligned and own their buffer).
function fromLeBytes(bytes: Uint8Array, encoding: ChunkEncoding): Int16Array | Float32Array {
  const copy = bytes.slice();
  if (!LITTLE_ENDIAN) {
    const size = BYTES_PER_SAMPLE[encoding];
    for (let i = 0; i < copy.length; i += size) copy.subarray(i, i + size).reverse();
  }
  return encoding === 's16le' ? new Int16Array(copy.buffer) : new Float32Array(copy.buffer);
}

/** The container parts of a backup (see container.ts for the layout, format.ts for the manifest). */
export function packBackup(contents: BackupContents): Uint8Array<ArrayBuffer>[] {
  const drills: Drill[] = [];
  const drillKeys = new Map<string, number>();
  const data: Uint8Array[] = [];
  let offset = 0;
  const takes = contents.takes.map(({ record, chunks }) => {
    const { drill, ...rest } = record;
    let drillIndex: number | null = null;
    if (drill) {
      const key = JSON.stringify(drill);
      drillIndex = drillKeys.get(key) ?? drills.push(drill) - 1;
      drillKeys.set(key, drillIndex);
    }
    const entries = [...chunks].sort((a, b) => a.seq - b.seq).map((c): ChunkEntry => {
      const bytes = leBytes(c.pcm);
      data.push(bytes);
      const entry: ChunkEntry = { seq: c.seq, encoding: c.pcm instanceof Int16Array ? 's16le' : 'f32le', offset, bytes: bytes.length, samples: c.pcm.length, crc32: crc32(bytes) };
      offset += bytes.length;
      return entry;
    });
    return { record: { ...rest, drillIndex }, chunks: entries };
  });
  const manifest = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    exportedAt: contents.exportedAt,
    app: { analysisVersion: ANALYSIS_VERSION, schemaVersion: SCHEMA_VERSION },
    dataBytes: offset,
    profile: contents.profile,
    drills,
    takes,
  };
  return encodeContainer(manifest, data);
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
}

function restoreOrFail<T>(what: string, restore: () => T): T {
  try {
    return restore();
  } catch (e) {
    if (e instanceof StorageError && e.kind === 'newer-version') throw new BackupError('newer-version', e.message);
    throw new BackupError('corrupt', `The ${what} in the backup cannot be read: ${e instanceof Error ? e.message : String(e)}`);
  }
}

function unpackChunks(takeId: string, entries: readonly ChunkEntry[], data: Uint8Array, expectedOffset: number): { chunks: AudioChunkRecord[]; next: number } {
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

/** Validate a whole backup file and return its contents; throws BackupError, having read (not written) only. */
export function unpackBackup(bytes: Uint8Array): BackupContents {
  const { manifest: raw, data } = decodeContainer(bytes);
  checkIdentity(raw);
  const parsed = v.safeParse(manifestSchema, raw);
  if (!parsed.success) throw new BackupError('corrupt', `The backup’s table of contents is not valid: ${validationProblems(parsed.issues)}.`);
  // The parsed JSON itself, not valibot's output: the output rebuilds objects in schema key order, and
  // a stored report keeps its canonical key order (roundReport) through a round trip.
  const m = raw as Manifest;
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
  if (offset !== m.dataBytes) throw new BackupError('corrupt', 'The backup’s audio does not add up to its declared length.');
  const drills = m.drills as unknown as Drill[];
  return { exportedAt: m.exportedAt, profile, takes, drills };
}
