/** Turn microphone and storage failures into the message keys the practice screen shows. Pure. */
import type { MicrophoneErrorKind } from '../audio/microphone-errors.ts';
import type { MessageKey } from '../i18n/index.ts';
import type { StorageErrorKind } from '../storage/errors.ts';

// Keyed by the capture layer's own classification (src/audio/microphone-errors.ts), so a new kind fails the build here.
const MIC_KEYS: Record<MicrophoneErrorKind, MessageKey[]> = {
  denied: ['mic.denied.title', 'mic.denied.body', 'mic.denied.howTo'],
  'no-microphone': ['mic.notFound'],
  busy: ['mic.busy'],
  insecure: ['mic.insecure'],
  unsupported: ['mic.unsupported'],
  unknown: ['mic.unknown'],
};

/** The messages for a microphone failure (MicrophoneError.kind): what happened and, when denied, how to allow it. */
export function micErrorMessages(kind: MicrophoneErrorKind): MessageKey[] {
  return MIC_KEYS[kind];
}

const STORAGE_KEYS: Record<StorageErrorKind, MessageKey> = {
  quota: 'storage.quota',
  blocked: 'storage.blocked',
  unavailable: 'storage.unavailable',
  'newer-version': 'storage.newerVersion',
  corrupt: 'storage.corrupt',
  'not-found': 'storage.notFound',
  unknown: 'storage.unknown',
};

/** The message key for a storage error kind (each says what happened, what to do, and that nothing saved was lost). */
export function storageErrorMessage(kind: StorageErrorKind): MessageKey {
  return STORAGE_KEYS[kind];
}
