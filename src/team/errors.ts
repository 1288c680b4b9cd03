/**
 * Team sync's errors: a stable `code` the screens turn into one sentence in the UI language, the HTTP status when
 * there was one, and the server's own English sentence (`detail`) for details.
 */

/**
 * bad-origin: the server address is not an http(s) origin; unreachable: no answer (offline, refused, timeout);
 * bad-invite: the invite code is unknown or malformed; invite-used / invite-expired: it was used or is too old;
 * revoked: this device's token was revoked (401); forbidden: the role may not do that (403); bad-response: the server
 * answered something the app cannot read; server-error: 5xx, 408, 429; refused: the server refused this content (any
 * other 4xx: too large, conflict, not found, bad request); upgrade-required: the server speaks a newer protocol (426);
 * not-joined: no server configured or the device has not joined yet.
 */
export type TeamErrorCode =
  | 'bad-origin' | 'unreachable' | 'bad-invite' | 'invite-used' | 'invite-expired' | 'revoked' | 'forbidden'
  | 'bad-response' | 'server-error' | 'refused' | 'upgrade-required' | 'not-joined';

export const TEAM_ERROR_CODES: readonly TeamErrorCode[] = [
  'bad-origin', 'unreachable', 'bad-invite', 'invite-used', 'invite-expired', 'revoked', 'forbidden',
  'bad-response', 'server-error', 'refused', 'upgrade-required', 'not-joined',
];

/** A team sync failure. `message` is an English sentence (logs, tests); screens show their own sentence for `code`. */
export class TeamError extends Error {
  override readonly name = 'TeamError';
  readonly code: TeamErrorCode;
  /** The HTTP status, when the server answered. */
  readonly status: number | null;
  /** The server's sentence (ErrorBody.error), when it gave one. */
  readonly detail: string | null;

  constructor(code: TeamErrorCode, message: string, options: { status?: number | null; detail?: string | null } = {}) {
    super(message);
    this.code = code;
    this.status = options.status ?? null;
    this.detail = options.detail ?? null;
  }
}

/** Whether a value is a TeamError. */
export function isTeamError(e: unknown): e is TeamError {
  return e instanceof TeamError;
}
