/** Public surface of backups: export/import of everything (one .voicedrill file) and results as CSV. */
export { deleteAllData, exportBackup, importBackup, mergeBackup, readAll, readBackupFile, compareAnalysisVersions, type ExportOptions, type ImportOptions, type ImportResult, type PacksImportCounts } from './store-io.ts';
export { defaultProfileChoice, profileFromBackup, profileIsEmpty, profilesDiffer, type ProfileChoice, type ProfileOutcome } from './profile-choice.ts';
export { packBackup, unpackBackup, type BackupContents } from './pack.ts';
export { callAudioPart, type BackupCall, type CallAudioPart } from './pack-calls.ts';
export type { TrainerContents } from './pack-trainer.ts';
export { BackupError, isBackupError, type BackupErrorKind } from './errors.ts';
export { isAbort, type AudioWork } from './progress.ts';
export { CONTAINER_MAGIC, CONTAINER_VERSION, CONTAINER_HEADER_BYTES, decodeContainer, encodeContainer } from './container.ts';
export { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, BACKUP_FORMAT_VERSION_CALLS, BACKUP_FORMAT_VERSION_TAKES_ONLY } from './format.ts';
export { csvField, csvRow, csvHeader, csvTakeRow, takesToCsv, downloadName, localDateTime, UTF8_BOM, type CsvAgent } from './csv.ts';
export { CSV_FIGURES, type CsvFigure } from './csv-figures.ts';
