/** Microphone failure kinds: pure, so models and workers can import them without the DOM. */

/** Why the microphone could not be opened. */
export type MicrophoneErrorKind = 'denied' | 'no-microphone' | 'busy' | 'insecure' | 'unsupported' | 'unknown';

/** A microphone failure with its kind; the UI turns the kind into guidance. */
export class MicrophoneError extends Error {
  constructor(readonly kind: MicrophoneErrorKind, message: string) {
    super(message);
    this.name = 'MicrophoneError';
  }
}

/** Map a getUserMedia rejection to a kind. */
export function classifyMicrophoneError(error: unknown): MicrophoneErrorKind {
  const name = typeof error === 'object' && error !== null && 'name' in error ? String(error.name) : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
    case 'PermissionDeniedError':
      return 'denied';
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'OverconstrainedError':
      return 'no-microphone';
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return 'busy';
    default:
      return 'unknown';
  }
}

