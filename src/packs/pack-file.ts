/** The pack file (`.vdpack`, a zip of pack.json and model WAVs) (stub: the packs-core work fills it in). */
import type { PackJson, ReadPack, ReadResult } from './types.ts';

/** A pack file's pack and models, or one sentence. */
export function readPackFile(_bytes: Uint8Array): ReadResult<ReadPack> {
  return { ok: false, error: 'Reading pack files is not built yet.' };
}

/** The bytes of a pack file (models by drill id; hasModel is set from them). */
export function writePackFile(_pack: PackJson, _models: ReadonlyMap<string, Uint8Array>): Uint8Array {
  throw new Error('Writing pack files is not built yet.');
}
