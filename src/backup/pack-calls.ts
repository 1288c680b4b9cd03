/**
 * Calls in a backup (format version 2): each call's record goes in the manifest without its timeline
 * peaks, which go in the data section as f32le tracks, followed by the pieces of its kept file when the
 * backup carries call audio. Reading checks every part's place and CRC-32, rebuilds the record and passes
 * it through storage's restoreCall, and checks the audio adds up to what the record says. Pure.
 */
import { restoreCall, type CallAudioChunkRecord, type CallRecord } from '../storage/index.ts';
import { fromLeBytes, leBytes, restoreOrFail, type DataReader, type DataWriter } from './data-section.ts';
import { BackupError } from './errors.ts';
import type { ManifestCall } from './format.ts';

/** A call as a backup holds it: the record, and its file's pieces (none for analysis only). */
export interface BackupCall {
  record: CallRecord;
  audio: CallAudioChunkRecord[];
}

/** The manifest entries of `calls`, their bytes placed in `writer` (peaks, then audio, call by call). */
export function packCalls(calls: readonly BackupCall[], writer: DataWriter): ManifestCall[] {
  return calls.map(({ record, audio }) => {
    const { peaks, ...rest } = record;
    const channels = peaks.channels.map((c) => ({ min: writer.place(leBytes(c.min)), max: writer.place(leBytes(c.max)) }));
    const pieces = [...audio].sort((a, b) => a.index - b.index).map((a) => ({ index: a.index, ...writer.place(new Uint8Array(a.bytes)) }));
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
    const audio = entry.audio.map((piece, k): CallAudioChunkRecord => {
      if (piece.index !== k) throw new BackupError('corrupt', `The audio of call "${id}" is listed out of order.`);
      audioBytes += piece.bytes;
      // A copy that owns its buffer: IndexedDB stores the whole buffer behind a view.
      return { callId: id, index: piece.index, bytes: reader.take(`the audio of call "${id}"`, piece).slice().buffer };
    });
    if (audioBytes !== (record.keepAudio ? record.audioBytes : 0)) {
      throw new BackupError('corrupt', `The audio of call "${id}" does not add up to the ${record.keepAudio ? record.audioBytes : 0} bytes its record says.`);
    }
    return { record, audio };
  });
}
