/** Backup errors: what went wrong with a file to import, as a kind the UI turns into a message (i18n `backup.error.<kind>`). */

/**
 * not-a-backup — the file is not a VoiceDrill backup at all (another app's file, a CSV, a picture);
 * newer-version — it was written by a newer VoiceDrill; truncated — it ends early (an interrupted
 * download or copy); corrupt — it is a VoiceDrill backup but some of it is damaged or inconsistent.
 */
export type BackupErrorKind = 'not-a-backup' | 'newer-version' | 'truncated' | 'corrupt';

/** A backup that cannot be imported; nothing was changed. `message` is an English sentence for logs. */
export class BackupError extends Error {
  override readonly name = 'BackupError';
  readonly kind: BackupErrorKind;

  constructor(kind: BackupErrorKind, message: string) {
    super(message);
    this.kind = kind;
  }
}

/** True when the error is a BackupError. */
export function isBackupError(error: unknown): error is BackupError {
  return error instanceof BackupError;
}
