/**
 * The backup container, version 1 (file extension .voicedrill), a zip-free binary layout:
 *
 *   offset  size  content
 *   0       8     magic, ASCII "VDBACKUP"
 *   8       4     container version, uint32 little-endian (1)
 *   12      4     manifest length M in bytes, uint32 LE
 *   16      4     CRC-32 of the manifest bytes, uint32 LE
 *   20      M     manifest: UTF-8 JSON (format.ts: format id and version, profile, drills, takes)
 *   20+M    D     data: each take's PCM chunks back to back, in manifest order, then each call's
 *                 peaks tracks (f32le) and kept file pieces, then (format 3) each model recording's WAV
 *                 and each roster take's audio; the manifest gives every part's offset
 *                 (from 20+M), length and CRC-32 (and a chunk's sample encoding)
 *
 * The file is exactly 20 + M + D bytes (D = manifest.dataBytes): a shorter one was cut off.
 * Audio stays raw PCM (no base64), so a month of takes does not hit the browser's string limits.
 */
import { BackupError } from './errors.ts';
import { crc32 } from './crc32.ts';

/** The first eight bytes of every backup. */
export const CONTAINER_MAGIC = 'VDBACKUP';
/** The container layout version this app writes and reads. */
export const CONTAINER_VERSION = 1;
/** Bytes before the manifest. */
export const CONTAINER_HEADER_BYTES = 20;

/** The parts of a container file, to hand to `new Blob(parts)` (no single huge copy; a Blob part stays a Blob). */
export function encodeContainer<P extends Uint8Array | Blob>(manifest: unknown, data: readonly P[]): (Uint8Array<ArrayBuffer> | Exclude<P, Uint8Array>)[] {
  const json = new TextEncoder().encode(JSON.stringify(manifest));
  const header = new Uint8Array(CONTAINER_HEADER_BYTES);
  for (let i = 0; i < CONTAINER_MAGIC.length; i++) header[i] = CONTAINER_MAGIC.charCodeAt(i);
  const view = new DataView(header.buffer);
  view.setUint32(8, CONTAINER_VERSION, true);
  view.setUint32(12, json.length, true);
  view.setUint32(16, crc32(json), true);
  // Views over an ArrayBuffer are handed on as they are: a copy of a call's kept audio would double the export's memory.
  const kept = (d: P): Uint8Array<ArrayBuffer> | Exclude<P, Uint8Array> => (d instanceof Blob || d.buffer instanceof ArrayBuffer ? d as Uint8Array<ArrayBuffer> | Exclude<P, Uint8Array> : new Uint8Array(d));
  return [header, new Uint8Array(json), ...data.map(kept)];
}

/** A container split into its manifest (parsed JSON, not yet validated) and its audio data. */
export interface DecodedContainer {
  manifest: unknown;
  /** The audio data section (a view into the file's bytes). */
  data: Uint8Array;
}

/** Split a container file; throws BackupError when it is not one, is newer, or is cut off or damaged. */
export function decodeContainer(bytes: Uint8Array): DecodedContainer {
  const magic = String.fromCharCode(...bytes.subarray(0, CONTAINER_MAGIC.length));
  if (bytes.length > 0 && bytes.length < CONTAINER_MAGIC.length && CONTAINER_MAGIC.startsWith(magic)) {
    throw new BackupError('truncated', 'The backup file ends inside its header.');
  }
  if (magic !== CONTAINER_MAGIC) {
    throw new BackupError('not-a-backup', 'The file does not start with the VoiceDrill backup mark, so it is not a VoiceDrill backup.');
  }
  if (bytes.length < CONTAINER_HEADER_BYTES) throw new BackupError('truncated', 'The backup file ends inside its header.');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(8, true);
  if (version > CONTAINER_VERSION) {
    throw new BackupError('newer-version', `The backup uses container version ${version}; this app reads up to version ${CONTAINER_VERSION}.`);
  }
  if (version < 1) throw new BackupError('corrupt', `The backup's container version (${version}) is not valid.`);
  const manifestBytes = view.getUint32(12, true);
  const end = CONTAINER_HEADER_BYTES + manifestBytes;
  if (bytes.length < end) throw new BackupError('truncated', 'The backup file ends inside its table of contents.');
  const json = bytes.subarray(CONTAINER_HEADER_BYTES, end);
  if (crc32(json) !== view.getUint32(16, true)) throw new BackupError('corrupt', 'The backup’s table of contents is damaged (checksum mismatch).');
  let manifest: unknown;
  try {
    manifest = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(json));
  } catch {
    throw new BackupError('corrupt', 'The backup’s table of contents is not readable JSON.');
  }
  return { manifest, data: bytes.subarray(end) };
}
