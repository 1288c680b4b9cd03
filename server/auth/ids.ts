/** Short random ids for the rows the server makes (organisation, group, person, device, invite); each matches ID_PATTERN. */
import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/** `<prefix>-<12 random base32 characters>` (60 bits): `g-7k3m9qxd2hva`. */
export function newId(prefix: 'o' | 'g' | 'p' | 'd' | 'i'): string {
  const bytes = randomBytes(12);
  let out = '';
  for (const b of bytes) out += ALPHABET[b & 31];
  return `${prefix}-${out}`;
}
