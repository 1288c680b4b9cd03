/**
 * Why a call file cannot be analysed, as the UI needs to know it (i18n key `calls.error.<kind>`, with
 * the file's name and, for `channels`, its channel count). The message is an English sentence for logs.
 */

/**
 * empty — zero bytes; truncated — the file ends before its audio does; corrupt — the container or its
 * audio cannot be read; notAudio — no audio in a format we read; channels — 3 or more channels; mono —
 * one channel (not analysed yet); codec — audio in a codec this browser cannot decode; unknown — anything else.
 */
export type CallFileErrorKind = 'empty' | 'truncated' | 'corrupt' | 'notAudio' | 'channels' | 'codec' | 'unknown';

/** Every kind, for checks of the UI's messages. */
export const CALL_FILE_ERROR_KINDS: readonly CallFileErrorKind[] = ['empty', 'truncated', 'corrupt', 'notAudio', 'channels', 'codec', 'unknown'];

/** A call file that cannot be analysed, with the reason's kind. */
export class CallFileError extends Error {
  override readonly name = 'CallFileError';
  readonly kind: CallFileErrorKind;
  /** The file's channel count when known (for `channels`). */
  readonly channelCount: number | null;

  constructor(kind: CallFileErrorKind, message: string, channelCount: number | null = null) {
    super(message);
    this.kind = kind;
    this.channelCount = channelCount;
  }
}
