/** Public surface of storage: open the store, the record types, errors, restore and PCM helpers. */
export { openStore, defaultProfile, onReportSaved, VoiceDrillStore, type OpenStoreOptions, type ReportSavedListener } from './store.ts';
export type { NewTake, InterruptedTake, TakeFilter } from './takes.ts';
export { TAKE_NAME_MAX_CHARS } from './takes.ts';
export { takeOrder, type TakeKey } from './order.ts';
export { DB_NAME, SCHEMA_VERSION, SUMMARY_SCHEMA_VERSION, TAKE_STATUSES } from './records.ts';
export type { AudioChunkRecord, Profile, ProfileRecord, ScriptFill, StoredBaseline, SummaryVerdict, TakeRecord, TakeStatus, TakeSummaryRecord } from './records.ts';
export { errorChain, StorageError, isStorageError, toStorageError, type StorageErrorKind } from './errors.ts';
export { baselineIsStale, looksLikeReport, needsReanalysis, restoreProfile, restoreSummary, restoreTake } from './restore.ts';
export { putSummaries, summarise } from './summaries.ts';
export { concatChunks, floatToInt16, int16ToFloat } from './pcm.ts';
export { CALL_SCHEMA_VERSION, type AgentChannel, type CallAudioChunkRecord, type CallBookmark, type CallGreetingRecord, type CallRecord, type CallReflection } from './call-records.ts';
export { CALL_AUDIO_CHUNK_BYTES, type CallPatch, type CallStorageUse } from './calls.ts';
export { restoreCall } from './restore-call.ts';
export { CALL_SUMMARY_SCHEMA_VERSION, restoreCallSummary, summariseCall, type CallSummaryRecord } from './call-summaries.ts';
export { USER_DRILL_SCHEMA_VERSION, restoreUserDrill, type UserDrillRecord } from './user-drills.ts';
export { restoreAssignedPack, restoreAssignedModel, type PackMergeOutcome } from './assigned-packs.ts';
export { restoreRosterPack, restoreRosterTake, type RosterImportCounts, type RosterTakeWithAudio } from './roster-store.ts';
export type { RosterPackRecord, RosterTakeRecord } from './roster-store.ts';
export {
  editedPack, exportedPack, newAuthoredPack, restoreAuthoredPack, restoreAuthoredPackJson, restorePackModel, type AuthoredPack,
} from './authored-packs.ts';
export { PACK_RECORD_SCHEMA_VERSION, type AssignedPackRecord, type AuthoredPackRecord, type PackModelRecord, type PackModelOwner } from './pack-records.ts';
export { SYNC_ORIGIN_STORAGE_KEY, SYNC_RECORD_SCHEMA_VERSION, type OutboxPayload, type OutboxRecord, type SyncConfigRecord } from './sync-records.ts';
export { deleteSyncConfigAndOutbox, getSyncConfig, putSyncConfig, restoreSyncConfig, updateSyncConfig } from './sync-config.ts';
export { countOutbox, deleteOutboxItems, enqueueOutbox, hasOutboxItem, listOutbox, markOutboxFailed, restoreOutboxItem } from './sync-outbox.ts';
export { clearFirstPaints, type FirstPaintStorage } from './first-paint-cache.ts';
