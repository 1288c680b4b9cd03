/**
 * Calls in a backup (format version 2): each call's record goes in the manifest without its timeline
 * peaks, which go in the data section as f32le tracks, followed by the pieces of its kept file when the
 * backup carries call audio. Reading checks every part's place and CRC-32, rebuilds the record and passes
 * it through storage's restoreCall, and checks the audio adds up to what the record says.
 *
 * A call's kept file can be hundreds of MB, so its pieces travel as Blobs (CallAudioPart), never as one
 * array: an export wraps each stored piece in a Blob as it reads it (the browser keeps Blob bytes outside
 * the page's heap, on disk when large), and a backup file read from disk hands each piece on as a slice of
 * the file, its CRC-32 checked by checkCallAudio before anything is written. No IndexedDB here.
 */
import { restoreCall, type CallRecord } from '../storage/index.ts';
import { crc32 } from './crc32.ts';
import { fromLeBytes, leBytes, restoreOrFail, type DataReader, type DataWriter } from './data-section.ts';
import { BackupError } from './errors.ts';
import type { ManifestCall } from './format.ts';
import { AudioProgress, type AudioWork } from './progress.ts';

/** One piece of a call's kept file: its place in the file (index from 0), length, CRC-32, and its bytes as a Blob. */
export interface CallAudioPart {
  index: number;
  byteLength: number;
  crc32: number;
  blob: Blob;
}

/** A call as a backup holds it: the record, and its file's pieces (none for analysis only). */
export interface BackupCall {
  record: CallRecord;
  audio: CallAudioPart[];
}

/** Piece `index` of a call's file as a part (its CRC-32 computed here; the Blob takes a copy, so `bytes` can go). */
export function callAudioPart(index: number, bytes: Uint8Array<ArrayBuffer>): CallAudioPart {
  return { index, byteLength: bytes.length, crc32: crc32(bytes), blob: new Blob([bytes]) };
}

/** The bytes of a part, read and checked against its CRC-32; throws BackupError (the file changed or is damaged). */
export async function readCallAudioPart(callId: string, part: CallAudioPart): Promise<ArrayBuffer> {
  const bytes = await part.blob.arrayBuffer();
  if (bytes.byteLength !== part.byteLength) throw new BackupError('truncated', `The backup file ends inside the audio of call "${callId}".`);
  if (crc32(new Uint8Array(bytes)) !== part.crc32) throw new BackupError('corrupt', `The audio of call "${callId}" is damaged (checksum mismatch).`);
  return bytes;
}

/** Bytes of kept audio the calls carry. */
export function audioBytesOf(calls: readonly BackupCall[]): number {
  return calls.reduce((a, c) => a + c.audio.reduce((b, part) => b + part.byteLength, 0), 0);
}

/** Read every call's audio parts once, checking each (one piece in memory at a time); throws BackupError, or an AbortError when `work.signal` stops it. */
export async function checkCallAudio(calls: readonly BackupCall[], work: AudioWork = {}): Promise<void> {
  const progress = new AudioProgress(work, audioBytesOf(calls));
  for (const call of calls) {
    for (const part of call.audio) {
      progress.check();
      await readCallAudioPart(call.record.id, part);
      progress.add(part.byteLength);
    }
  }
}

/** The manifest entries of `calls`, their bytes placed in `writer` (peaks, then audio, call by call). */
export function packCalls(calls: readonly BackupCall[], writer: DataWriter): ManifestCall[] {
  return calls.map(({ record, audio }) => {
    const { peaks, ...rest } = record;
    const channels = peaks.channels.map((c) => ({ min: writer.place(leBytes(c.min)), max: writer.place(leBytes(c.max)) }));
    const pieces = [...audio].sort((a, b) => a.index - b.index).map((a) => ({ index: a.index, ...writer.placeBlob(a) }));
    return { record: rest, peaks: { peaksPerSec: peaks.peaksPerSec, channels }, audio: pieces };
  });
}

function track(reader: DataReader, what: string, entry: ManifestCall['peaks']['channels'][number]['min']): Float32Array {
  if (entry.bytes % Float32Array.BYTES_PER_ELEMENT !== 0) throw new BackupError('corrupt', `The length of ${what} is not a whole number of values.`);
  return fromLeBytes(reader.take(what, entry), 'f32le') as Float32Array;
}

/** The calls of a manifest, read from `reader` in order and checked; throws BackupError. */
export function unpackCalls(entries: readonly ManifestCall[], reader: DataReader): BackupCall[] {
  const ids = new Set<string>();
  return entries.map((entry) => {
    const id = entry.record.id;
    if (ids.has(id)) throw new BackupError('corrupt', `Call "${id}" appears twice in the backup.`);
    ids.add(id);
    const timeline = `the timeline of call "${id}"`;
    const channels = entry.peaks.channels.map((c) => ({ min: track(reader, timeline, c.min), max: track(reader, timeline, c.max) }));
    const record = restoreOrFail(`call "${id}"`, () => restoreCall({ ...entry.record, peaks: { peaksPerSec: entry.peaks.peaksPerSec, channels } }));
    let audioBytes = 0;
    const audio = entry.audio.map((piece, k): CallAudioPart => {
      if (piece.index !== k) throw new BackupError('corrupt', `The audio of call "${id}" is listed out of order.`);
      audioBytes += piece.bytes;
      return { index: piece.index, byteLength: piece.bytes, crc32: piece.crc32, blob: reader.blob(`the audio of call "${id}"`, piece) };
    });
    if (audioBytes !== (record.keepAudio ? record.audioBytes : 0)) {
      throw new BackupError('corrupt', `The audio of call "${id}" does not add up to the ${record.keepAudio ? record.audioBytes : 0} bytes its record says.`);
    }
    return { record, audio };
  });
}
