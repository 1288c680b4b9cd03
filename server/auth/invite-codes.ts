/** Invite codes: 12 random Crockford base32 characters, shown `XXXX-XXXX-XXXX`; only SHA-256 of the normalised code is stored. */
import { randomBytes } from 'node:crypto';
import { CROCKFORD_ALPHABET, INVITE_CODE_CHARS, formatInviteCode, normaliseInviteCode } from '../../src/sync/invite-code.ts';
import { sha256Hex } from './tokens.ts';

/** A new code as shown once, and the hash to store. */
export function newInviteCode(): { code: string; codeSha256: string } {
  const bytes = randomBytes(INVITE_CODE_CHARS);
  let raw = '';
  for (const b of bytes) raw += CROCKFORD_ALPHABET[b & 31];
  return { code: formatInviteCode(raw), codeSha256: sha256Hex(raw) };
}

/** The stored hash of a typed code (case, dashes, spaces, I/L/O forgiven), or null when it cannot be a code. */
export function inviteCodeHash(typed: string): string | null {
  const code = normaliseInviteCode(typed);
  return code === null ? null : sha256Hex(code);
}
