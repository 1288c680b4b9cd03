/**
 * The zip container of pack and results files (fflate), read under limits: the file's size, the number of
 * entries, each entry's declared and actual uncompressed size, and only the entry names the caller expects.
 * Anything else is refused with one sentence; nothing is inflated beyond the limits (a zip bomb stops at
 * its declared size, checked before inflating).
 */
import { unzipSync, zipSync, type Zippable } from 'fflate';
import type { ReadResult } from './types.ts';

/** What readZip accepts. */
export interface ZipLimits {
  /** The whole file. */
  fileBytes: number;
  entries: number;
  /** Uncompressed size allowed for an entry of this name (null: the entry is not expected, refuse the file). */
  entryBytes: (name: string) => number | null;
  /** Uncompressed bytes of all entries together. */
  totalBytes: number;
  /** How the file is named in messages ("This pack file", "This results file"). */
  what: string;
}

const MIB = 1024 * 1024;
// An entry name as it may be quoted in a message: control characters shown as U+FFFD, at most 80 characters.
// eslint-disable-next-line no-control-regex
const nameText = (name: string): string => name.slice(0, 80).replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ud800-\udfff]/g, '\ufffd');
const sizeText = (bytes: number): string => (bytes >= MIB ? `${Math.round(bytes / MIB)} MB` : `${Math.round(bytes / 1024)} KB`);

/** The entries of a zip by name, or one sentence. */
export function readZip(bytes: Uint8Array, limits: ZipLimits): ReadResult<Map<string, Uint8Array>> {
  if (bytes.length === 0) return { ok: false, error: `${limits.what} is empty.` };
  if (bytes.length > limits.fileBytes) return { ok: false, error: `${limits.what} is larger than ${sizeText(limits.fileBytes)}, the most VoiceDrill reads.` };
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) return { ok: false, error: `${limits.what} is not a VoiceDrill file (it is not a zip container).` };
  let problem: string | null = null;
  let count = 0;
  let total = 0;
  const seen = new Set<string>();
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, {
      filter: (file) => {
        if (problem !== null) return false;
        count += 1;
        const allowed = limits.entryBytes(file.name);
        if (count > limits.entries) problem = `${limits.what} holds more than ${limits.entries} entries.`;
        else if (seen.has(file.name)) problem = `${limits.what} holds "${nameText(file.name)}" twice.`;
        else if (allowed === null) problem = `${limits.what} holds an unexpected entry "${nameText(file.name)}".`;
        else if (file.compression !== 0 && file.compression !== 8) problem = `${limits.what} uses a compression VoiceDrill does not read.`;
        else if (file.originalSize > allowed) problem = `"${file.name}" in ${limits.what.toLowerCase()} is larger than ${sizeText(allowed)}.`;
        else if ((total += file.originalSize) > limits.totalBytes) problem = `${limits.what} unpacks to more than ${sizeText(limits.totalBytes)}.`;
        seen.add(file.name);
        return problem === null;
      },
    });
  } catch {
    return { ok: false, error: `${limits.what} is damaged (its zip container cannot be read).` };
  }
  if (problem !== null) return { ok: false, error: problem };
  const out = new Map<string, Uint8Array>();
  for (const [name, data] of Object.entries(entries)) {
    const allowed = limits.entryBytes(name);
    if (allowed === null || data.length > allowed) return { ok: false, error: `${limits.what} is damaged ("${nameText(name)}" is not the size it declares).` };
    out.set(name, data);
  }
  return { ok: true, value: out };
}

/** A zip of the given entries (JSON entries deflated, WAV entries stored: PCM barely compresses). */
export function writeZip(entries: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const zippable: Zippable = Object.create(null) as Zippable;
  for (const [name, data] of entries) zippable[name] = [data, { level: name.endsWith('.wav') ? 0 : 6 }];
  return zipSync(zippable, { mtime: new Date('2000-01-01T00:00:00Z') });
}
