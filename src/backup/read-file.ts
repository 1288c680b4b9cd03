/**
 * Reading a backup file without holding it whole (a backup with calls' audio can be gigabytes): the header and
 * table of contents first, then every byte of the data section except the calls' audio (takes' audio,
 * timelines, models, roster audio: small), and the calls' audio as slices of the file, each read once here to
 * check its CRC-32 (one piece in memory at a time) and again when it is written (store-io.ts mergeBackup).
 */
import { CONTAINER_HEADER_BYTES, decodeContainer } from './container.ts';
import type { SectionBytes } from './data-section.ts';
import { BackupError } from './errors.ts';
import { parseManifest, unpackData, type BackupContents } from './pack.ts';
import { checkCallAudio } from './pack-calls.ts';
import type { AudioWork } from './progress.ts';

/** Where the manifest's length is in the header (container.ts). */
const MANIFEST_LENGTH_AT = 12;

async function bytesOf(file: Blob, start: number, end: number): Promise<Uint8Array> {
  return new Uint8Array(await file.slice(start, end).arrayBuffer());
}

/** The spans of [0, length) that `skipped` (places in the data section, any order, possibly bogus) leave, in order. */
export function heldSpans(length: number, skipped: readonly { offset: number; bytes: number }[]): [number, number][] {
  const clamp = (x: number): number => Math.max(0, Math.min(length, x));
  const cuts = skipped.map((s) => [clamp(s.offset), clamp(s.offset + s.bytes)]).filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0]);
  const out: [number, number][] = [];
  let at = 0;
  for (const [a, b] of cuts) {
    if (a > at) out.push([at, a]);
    at = Math.max(at, b);
  }
  if (at < length) out.push([at, length]);
  return out;
}

/** The data section's bytes held as spans read from the file; a range not inside one is not where the table of contents says. */
class HeldBytes implements SectionBytes {
  readonly length: number;
  private readonly spans: { start: number; bytes: Uint8Array }[];

  constructor(length: number, spans: { start: number; bytes: Uint8Array }[]) {
    this.length = length;
    this.spans = spans;
  }

  subarray(start: number, end: number): Uint8Array {
    if (end <= start) return new Uint8Array(0);
    const span = this.spans.find((s) => start >= s.start && end <= s.start + s.bytes.length);
    if (!span) throw new BackupError('corrupt', 'A part of the backup is not where its table of contents says.');
    return span.bytes.subarray(start - span.start, end - span.start);
  }
}

/** Read and validate a backup file completely, reading it by parts (nothing is written); throws BackupError. */
export async function readBackupBlob(file: Blob, work: AudioWork = {}): Promise<BackupContents> {
  const head = await bytesOf(file, 0, CONTAINER_HEADER_BYTES);
  const manifestBytes = head.length === CONTAINER_HEADER_BYTES ? new DataView(head.buffer).getUint32(MANIFEST_LENGTH_AT, true) : 0;
  const start = CONTAINER_HEADER_BYTES + manifestBytes;
  const m = parseManifest(decodeContainer(await bytesOf(file, 0, start)).manifest);
  const length = file.size - start;
  // Bytes past the declared end are not read (unpackData refuses the file for them).
  const spans: { start: number; bytes: Uint8Array }[] = [];
  for (const [a, b] of heldSpans(Math.min(length, m.dataBytes), (m.calls ?? []).flatMap((c) => c.audio))) {
    spans.push({ start: a, bytes: await bytesOf(file, start + a, start + b) });
  }
  const contents = unpackData(m, new HeldBytes(length, spans), file.slice(start));
  await checkCallAudio(contents.calls, work);
  return contents;
}
