/**
 * Device tokens `vdt.<orgId>.<deviceId>.<secret>` (protocol.ts): the secret is 32 random bytes in base64url; the server
 * keeps only its SHA-256 (hex) and compares in constant time. No passwords anywhere: a person joins a device with a
 * single-use invite code and the device then holds its own revocable token, so the "passwords (if used), hashed
 * with a memory-hard KDF" does not arise (nothing low-entropy is stored; both secrets are random and kept as SHA-256).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { DEVICE_TOKEN_PATTERN } from '../../src/sync/protocol-schema.ts';

/** SHA-256 of a text, hex. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** A new token for the device and the hash to store. */
export function newDeviceToken(orgId: string, deviceId: string): { token: string; secretSha256: string } {
  const secret = randomBytes(32).toString('base64url');
  return { token: `vdt.${orgId}.${deviceId}.${secret}`, secretSha256: sha256Hex(secret) };
}

/** The parts of a token, or null when it is not one. */
export function parseDeviceToken(token: string): { orgId: string; deviceId: string; secret: string } | null {
  const m = DEVICE_TOKEN_PATTERN.exec(token);
  return m === null ? null : { orgId: m[1], deviceId: m[2], secret: m[3] };
}

/** True when the secret hashes to the stored hex digest (constant time). */
export function secretMatches(secret: string, storedSha256: string): boolean {
  const given = createHash('sha256').update(secret, 'utf8').digest();
  const stored = Buffer.from(storedSha256, 'hex');
  return stored.length === given.length && timingSafeEqual(given, stored);
}
