/** Pack links: the pack compressed into the URL fragment (stub: the packs-core work fills it in). */
import type { PackJson, ReadPack, ReadResult } from './types.ts';

/** The payload of `#/pack/<payload>` for a pack (models dropped, hasModel false). */
export function packLinkPayload(_pack: PackJson): string {
  throw new Error('Pack links are not built yet.');
}

/** The full link: the app's URL without its fragment + `#/pack/<payload>`. */
export function packLinkUrl(appUrl: string, pack: PackJson): string {
  return `${appUrl.split('#')[0]}#/pack/${packLinkPayload(pack)}`;
}

/** The pack in a link's payload, or one sentence. */
export function readPackLink(_payload: string): ReadResult<ReadPack> {
  return { ok: false, error: 'Reading pack links is not built yet.' };
}
