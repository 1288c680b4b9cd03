/**
 * Invite codes (issue 13): 12 characters of Crockford base32 (60 bits), shown `XXXX-XXXX-XXXX`. People type them, so
 * reading is forgiving: case-insensitive, dashes and spaces ignored, I and L read as 1, O as 0 (Crockford's rules).
 * Pure: the server normalises before hashing, the app before sending.
 */

/** Crockford's base32 alphabet (no I, L, O, U). */
export const CROCKFORD_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** Characters of an invite code without its dashes. */
export const INVITE_CODE_CHARS = 12;
/** An invite code as the server shows it. */
export const INVITE_CODE_PATTERN = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

/** The 12 canonical characters of a typed code, or null when it cannot be one. */
export function normaliseInviteCode(typed: string): string | null {
  if (typed.length > 64) return null;
  const code = typed.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  if (code.length !== INVITE_CODE_CHARS) return null;
  for (const c of code) if (!CROCKFORD_ALPHABET.includes(c)) return null;
  return code;
}

/** `XXXX-XXXX-XXXX` from the 12 canonical characters. */
export function formatInviteCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8, 12)}`;
}
