/**
 * Storage errors: every Dexie/IndexedDB failure becomes a StorageError whose `kind` the UI turns into
 * a message (i18n key `storage.<kind>` in camelCase). The `message` is an English sentence for logs.
 */

/**
 * What went wrong, as the UI needs to know it:
 * quota — the disk or the origin's quota is full; blocked — another tab holds an older version of the
 * database open, or closed ours by upgrading; unavailable — no IndexedDB (private window, site data
 * blocked); newer-version — the data was written by a newer app; corrupt — a record cannot be read;
 * not-found — the take is gone; unknown — anything else.
 */
export type StorageErrorKind = 'quota' | 'blocked' | 'unavailable' | 'newer-version' | 'corrupt' | 'not-found' | 'unknown';

/** A storage failure with its kind and, when it wraps one, the original error. */
export class StorageError extends Error {
  override readonly name = 'StorageError';
  readonly kind: StorageErrorKind;
  override readonly cause: unknown;

  constructor(kind: StorageErrorKind, message: string, cause?: unknown) {
    super(message);
    this.kind = kind;
    this.cause = cause;
  }
}

const QUOTA_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED', 'NS_ERROR_FILE_NO_DEVICE_SPACE']);
const UNAVAILABLE_NAMES = new Set(['MissingAPIError', 'InvalidStateError', 'SecurityError', 'NotSupportedError']);

export interface ErrorLike { name?: unknown; message?: unknown; inner?: unknown; cause?: unknown }

/** The error and the errors it wraps (Dexie puts the IDB error in `inner`; AbortError wraps the cause). */
export function errorChain(error: unknown): ErrorLike[] {
  const out: ErrorLike[] = [];
  let e: unknown = error;
  while (typeof e === 'object' && e !== null && out.length < 8) {
    const like = e as ErrorLike;
    out.push(like);
    e = like.inner ?? like.cause;
  }
  return out;
}

function classify(errors: ErrorLike[]): StorageErrorKind {
  const names = errors.map((e) => String(e.name ?? ''));
  const messages = errors.map((e) => String(e.message ?? ''));
  if (names.some((n) => QUOTA_NAMES.has(n)) || messages.some((m) => /quota|no space|disk.*full/i.test(m))) return 'quota';
  if (names.includes('VersionError')) return 'newer-version';
  if (names.includes('DatabaseClosedError') || names.includes('BlockedError')) return 'blocked';
  if (names.some((n) => UNAVAILABLE_NAMES.has(n)) || names.includes('OpenFailedError')) return 'unavailable';
  return 'unknown';
}

const SENTENCES: Record<StorageErrorKind, string> = {
  quota: 'the device is out of storage space for this site',
  blocked: 'another tab holds an older version of the VoiceDrill database open, or upgraded it; close the other tabs and reload',
  unavailable: 'this browser does not let the site store data (private window or site data blocked)',
  'newer-version': 'the data was written by a newer version of VoiceDrill; reload the page to update the app',
  corrupt: 'a stored record could not be read',
  'not-found': 'the record does not exist',
  unknown: 'the browser reported an unexpected storage error',
};

/** Wrap any error thrown by Dexie/IndexedDB into a StorageError; `action` says what was being done. */
export function toStorageError(error: unknown, action: string): StorageError {
  // A StorageError thrown inside a Dexie transaction may come back wrapped: keep its kind.
  const own = errorChain(error).find((e): e is StorageError => e instanceof StorageError);
  if (own) return own;
  const kind = classify(errorChain(error));
  const detail = error instanceof Error ? ` (${error.name}: ${error.message})` : '';
  return new StorageError(kind, `Could not ${action}: ${SENTENCES[kind]}.${detail}`, error);
}

/** True when the error is a StorageError of the given kind. */
export function isStorageError(error: unknown, kind?: StorageErrorKind): error is StorageError {
  return error instanceof StorageError && (kind === undefined || error.kind === kind);
}
