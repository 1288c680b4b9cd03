/** Validation of an untrusted pack.json (stub: the packs-core work fills it in). */
import type { PackJson, ReadResult } from './types.ts';

/** The pack, or one sentence saying what is wrong. */
export function parsePackJson(_input: unknown): ReadResult<PackJson> {
  return { ok: false, error: 'Reading packs is not built yet.' };
}
