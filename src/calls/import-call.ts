/**
 * Import one recorded call: analyse it (the call worker, given as `analyse`), then store the record and,
 * when the agent chose "keep the audio too" and it fits, the original file's bytes in 4 MB chunks.
 * Quota: navigator.storage.estimate is checked before the audio is written; a call that would not fit,
 * or a QuotaExceededError while writing, is kept as analysis only and the caller is told why. On any
 * failure nothing saved before changes: chunks already written for this call are removed again.
 */
import { ANALYSIS_VERSION } from '../analysis/report.ts';
import type { Lang } from '../analysis/index.ts';
import { CALL_AUDIO_CHUNK_BYTES, CALL_SCHEMA_VERSION, isStorageError, type CallRecord, type VoiceDrillStore } from '../storage/index.ts';
import { defaultStorageManager, type StorageManagerLike } from '../storage/quota.ts';
import type { CallAnalysis, CallAnalysisOptions, CallProgress } from '../workers/call-client.ts';
import type { CallGreetingChoice } from '../workers/call-greeting.ts';

/** Runs the analysis of a file (analyseCallInWorker with the app's worker factory). */
export type CallAnalyser = (file: File, options: CallAnalysisOptions, onProgress: (p: CallProgress) => void, signal?: AbortSignal) => Promise<CallAnalysis>;

/** What importCall needs. */
export interface ImportCallArgs {
  store: VoiceDrillStore;
  file: File;
  agentChannel: 'left' | 'right';
  lang: Lang;
  keepAudio: boolean;
  calibrationLevelDbfs: number | null;
  /** The greeting template the opening greeting is scored against (greeting-choice.ts); absent or null: not scored. */
  greeting?: CallGreetingChoice | null;
  analyse: CallAnalyser;
  onProgress: (p: CallProgress) => void;
  signal?: AbortSignal;
  /** Default: navigator.storage. */
  storageManager?: StorageManagerLike | null;
  /** Default: now. */
  now?: () => number;
}

/** The stored call, and why its audio was not kept when the agent asked for it ('quota'). */
export interface ImportedCall {
  call: CallRecord;
  audioNotKept: 'quota' | null;
}

/** Space left free beyond the audio itself: the record, its peaks and the browser's own overhead. */
export const CALL_AUDIO_HEADROOM_BYTES = 32 * 1024 * 1024;

const MIME_BY_EXTENSION: Readonly<Record<string, string>> = {
  wav: 'audio/wav', mp3: 'audio/mpeg', m4a: 'audio/mp4', aac: 'audio/aac', ogg: 'audio/ogg', opus: 'audio/ogg', webm: 'audio/webm', flac: 'audio/flac',
};

/** The file's MIME type as the browser gave it, else from its extension ('' when neither says). */
export function callMimeType(file: Pick<File, 'name' | 'type'>): string {
  if (file.type) return file.type;
  return MIME_BY_EXTENSION[/\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase() ?? ''] ?? '';
}

function newCallId(): string {
  const c = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  return `call-${c?.randomUUID ? c.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`}`;
}

/** True when the browser says `bytes` more would not fit in the origin's quota (unknown: assume it fits; writing will tell). */
export async function audioWouldNotFit(bytes: number, manager: StorageManagerLike | null): Promise<boolean> {
  try {
    const e = await manager?.estimate?.();
    if (typeof e?.quota !== 'number' || typeof e.usage !== 'number') return false;
    return e.quota - e.usage < bytes + CALL_AUDIO_HEADROOM_BYTES;
  } catch {
    return false;
  }
}

function abortError(): Error {
  return Object.assign(new Error('The call import was cancelled.'), { name: 'AbortError' });
}

// Write the file's bytes in chunks; 'quota' when the storage is full (what was written is removed again).
async function storeAudio(store: VoiceDrillStore, callId: string, file: File, signal?: AbortSignal): Promise<'kept' | 'quota'> {
  try {
    for (let index = 0, at = 0; at < file.size; index++, at += CALL_AUDIO_CHUNK_BYTES) {
      if (signal?.aborted) throw abortError();
      const bytes = await file.slice(at, Math.min(file.size, at + CALL_AUDIO_CHUNK_BYTES)).arrayBuffer();
      await store.putCallAudioChunk(callId, index, bytes);
    }
    return 'kept';
  } catch (e) {
    await store.deleteCallAudio(callId).catch(() => undefined);
    if (isStorageError(e, 'quota')) return 'quota';
    throw e;
  }
}

/** Analyse and store a call; rejects with the analysis's error (the file's problem), AbortError or a StorageError. */
export async function importCall(args: ImportCallArgs): Promise<ImportedCall> {
  const { store, file, signal } = args;
  const options: CallAnalysisOptions = { agentChannel: args.agentChannel, lang: args.lang, calibrationLevelDbfs: args.calibrationLevelDbfs, ...(args.greeting ? { greeting: args.greeting } : {}) };
  const analysis = await args.analyse(file, options, args.onProgress, signal);
  if (signal?.aborted) throw abortError();
  const id = newCallId();
  let audio: 'kept' | 'quota' | 'not asked' = 'not asked';
  if (args.keepAudio) {
    const manager = args.storageManager === undefined ? defaultStorageManager() : args.storageManager;
    audio = await audioWouldNotFit(file.size, manager) ? 'quota' : await storeAudio(store, id, file, signal);
  }
  const call: CallRecord = {
    schemaVersion: CALL_SCHEMA_VERSION,
    id,
    createdAt: (args.now ?? Date.now)(),
    fileName: file.name,
    fileBytes: file.size,
    mimeType: callMimeType(file),
    durationSec: analysis.durationSec,
    sampleRateHz: analysis.sampleRateHz,
    channelCount: analysis.channelCount,
    agentChannel: analysis.agentChannel,
    lang: args.lang,
    analysisVersion: ANALYSIS_VERSION,
    report: analysis.report,
    peaks: analysis.peaks,
    keepAudio: audio === 'kept',
    audioBytes: audio === 'kept' ? file.size : 0,
    reflection: null,
    bookmarks: [],
    drillIds: [],
    greeting: analysis.greeting ?? null,
  };
  try {
    if (signal?.aborted) throw abortError();
    const stored = await store.putCall(call);
    return { call: stored, audioNotKept: audio === 'quota' ? 'quota' : null };
  } catch (e) {
    if (audio === 'kept') await store.deleteCallAudio(id).catch(() => undefined);
    throw e;
  }
}
