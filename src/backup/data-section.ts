/**
 * The data section of a backup file, written and read in order: each run of bytes is placed after the
 * previous one and named in the manifest by offset, length and CRC-32 (format.ts BlobEntry); reading
 * checks all three. Also the little-endian form of typed arrays, and the restore step of a record read
 * from a backup. Pure.
 */
import { StorageError } from '../storage/index.ts';
import { crc32 } from './crc32.ts';
import { BackupError } from './errors.ts';
import { BYTES_PER_SAMPLE, type BlobEntry, type ChunkEncoding } from './format.ts';

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Bytes of a typed array in little-endian order (a view when the host is little-endian, as all browsers' hosts are). */
export function leBytes(pcm: Int16Array | Float32Array): Uint8Array {
  const bytes = new Uint8Array(pcm.buffer, pcm.byteOffset, pcm.byteLength);
  if (LITTLE_ENDIAN) return bytes;
  const out = new Uint8Array(bytes.length);
  const size = pcm.BYTES_PER_ELEMENT;
  for (let i = 0; i < bytes.length; i += size) for (let k = 0; k < size; k++) out[i + k] = bytes[i + size - 1 - k];
  return out;
}

/** Samples from little-endian bytes (copied, so they are aligned and own their buffer). */
export function fromLeBytes(bytes: Uint8Array, encoding: ChunkEncoding): Int16Array | Float32Array {
  const copy = bytes.slice();
  if (!LITTLE_ENDIAN) {
    const size = BYTES_PER_SAMPLE[encoding];
    for (let i = 0; i < copy.length; i += size) copy.subarray(i, i + size).reverse();
  }
  return encoding === 's16le' ? new Int16Array(copy.buffer) : new Float32Array(copy.buffer);
}

/** Collects the data section's parts, each placed after the last. */
export class DataWriter {
  /** The parts in file order (handed to encodeContainer). */
  readonly parts: (Uint8Array | Blob)[] = [];
  /** Bytes placed so far. */
  offsetBytes = 0;

  /** Place `bytes` next and say where they are. */
  place(bytes: Uint8Array): BlobEntry {
    const entry = { offset: this.offsetBytes, bytes: bytes.length, crc32: crc32(bytes) };
    this.parts.push(bytes);
    this.offsetBytes += bytes.length;
    return entry;
  }

  /** Place a part whose bytes are in a Blob (its length and CRC-32 already known) next and say where it is. */
  placeBlob(part: { byteLength: number; crc32: number; blob: Blob }): BlobEntry {
    const entry = { offset: this.offsetBytes, bytes: part.byteLength, crc32: part.crc32 };
    this.parts.push(part.blob);
    this.offsetBytes += part.byteLength;
    return entry;
  }
}

/**
 * The data section's bytes as the reader needs them: a Uint8Array holds them all; a backup read from
 * a file holds all but its calls' audio (read-file.ts), and refuses a range it does not hold.
 */
export interface SectionBytes {
  readonly length: number;
  subarray(start: number, end: number): Uint8Array;
}

/** Reads the data section's parts in the order they were placed, checking each. */
export class DataReader {
  private readonly data: SectionBytes;
  private readonly file: Blob | null;
  /** Where the next part must start. */
  offsetBytes: number;

  /** `file`: the data section as a Blob, whose parts `blob` hands on as slices (checked later: pack-calls.ts checkCallAudio). */
  constructor(data: SectionBytes, offsetBytes: number, file: Blob | null = null) {
    this.data = data;
    this.offsetBytes = offsetBytes;
    this.file = file;
  }

  // The part must start where the last ended and end inside the section.
  private locate(what: string, entry: BlobEntry): void {
    if (entry.offset !== this.offsetBytes) throw new BackupError('corrupt', `${capitalise(what)} is not where the table of contents says.`);
    if (entry.offset + entry.bytes > this.data.length) throw new BackupError('truncated', `The backup file ends inside ${what}.`);
  }

  /** The bytes of `entry` (a view), which must start where the last part ended; `what` names them in errors ("the audio of call "x""). */
  take(what: string, entry: BlobEntry): Uint8Array {
    this.locate(what, entry);
    const bytes = this.data.subarray(entry.offset, entry.offset + entry.bytes);
    if (crc32(bytes) !== entry.crc32) throw new BackupError('corrupt', `${capitalise(what)} is damaged (checksum mismatch).`);
    this.offsetBytes += entry.bytes;
    return bytes;
  }

  /**
   * The bytes of `entry` as a Blob, placed as take places them: a slice of the file when the reader has one
   * (its CRC-32 not read here), else a checked copy of the bytes.
   */
  blob(what: string, entry: BlobEntry): Blob {
    if (this.file === null) return new Blob([this.take(what, entry).slice()]);
    this.locate(what, entry);
    this.offsetBytes += entry.bytes;
    return this.file.slice(entry.offset, entry.offset + entry.bytes);
  }
}

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** A record read back through storage's restore step; its refusal becomes a BackupError ('newer-version' or 'corrupt'). */
export function restoreOrFail<T>(what: string, restore: () => T): T {
  try {
    return restore();
  } catch (e) {
    if (e instanceof StorageError && e.kind === 'newer-version') throw new BackupError('newer-version', e.message);
    throw new BackupError('corrupt', `The ${what} in the backup cannot be read: ${e instanceof Error ? e.message : String(e)}`);
  }
}
