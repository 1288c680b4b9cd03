/**
 * The pack file (`.vdpack`): a zip of `pack.json` and, per drill with a model recording, `models/<drillId>.wav`.
 * Read under the limits of PACK_LIMITS (zip.ts checks sizes before inflating); every drill that says it has a
 * model must bring its WAV (16-bit PCM mono), and no other entry is accepted.
 */
import { parsePackJson } from './pack-schema.ts';
import { modelWavProblem } from './model-wav.ts';
import { PACK_LIMITS, type PackJson, type ReadPack, type ReadResult } from './types.ts';
import { readZip, writeZip } from './zip.ts';

const WHAT = 'This pack file';
const MODEL_ENTRY = /^models\/([a-z0-9][a-z0-9-]{0,63})\.wav$/;

/** The entry name of a drill's model recording. */
export const modelEntryName = (drillId: string): string => `models/${drillId}.wav`;

/** pack.json's bytes as a parsed, validated pack, or one sentence (`what` names the source in messages). */
export function readPackJsonBytes(bytes: Uint8Array, what: string): ReadResult<PackJson> {
  if (bytes.length > PACK_LIMITS.packJsonBytes) return { ok: false, error: `${what} is larger than ${PACK_LIMITS.packJsonBytes / 1024} KB, the most VoiceDrill reads.` };
  let textOf: string;
  try {
    textOf = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, error: `${what} is not UTF-8 text.` };
  }
  let json: unknown;
  try {
    json = JSON.parse(textOf);
  } catch {
    return { ok: false, error: `${what} is not valid JSON.` };
  }
  return parsePackJson(json);
}

/** A pack file's pack and models, or one sentence. */
export function readPackFile(bytes: Uint8Array): ReadResult<ReadPack> {
  const zip = readZip(bytes, {
    fileBytes: PACK_LIMITS.packFileBytes,
    entries: PACK_LIMITS.zipEntries,
    entryBytes: (name) => (name === 'pack.json' ? PACK_LIMITS.packJsonBytes : MODEL_ENTRY.test(name) ? PACK_LIMITS.modelWavBytes : null),
    // Models are stored, not deflated: a real pack unpacks to about its own size.
    totalBytes: PACK_LIMITS.packFileBytes + PACK_LIMITS.packJsonBytes,
    what: WHAT,
  });
  if (!zip.ok) return zip;
  const json = zip.value.get('pack.json');
  if (json === undefined) return { ok: false, error: `${WHAT} has no pack.json.` };
  const parsed = readPackJsonBytes(json, 'The pack.json of this pack file');
  if (!parsed.ok) return parsed;
  const pack = parsed.value;
  const models = new Map<string, Uint8Array>();
  for (const [name, data] of zip.value) {
    const m = MODEL_ENTRY.exec(name);
    if (m === null) continue;
    const drill = pack.drills.find((d) => d.drill.id === m[1]);
    if (drill === undefined) return { ok: false, error: `${WHAT} holds a model recording for drill "${m[1]}", which is not in the pack.` };
    if (!drill.hasModel) return { ok: false, error: `${WHAT} holds a model recording for drill "${m[1]}", whose hasModel is false.` };
    const problem = modelWavProblem(data);
    if (problem !== null) return { ok: false, error: `The model recording ${name} ${problem}.` };
    models.set(m[1], data);
  }
  const missing = pack.drills.find((d) => d.hasModel && !models.has(d.drill.id));
  if (missing !== undefined) return { ok: false, error: `${WHAT} lacks the model recording of drill "${missing.drill.id}" (${modelEntryName(missing.drill.id)}).` };
  return { ok: true, value: { pack, models, source: 'file' } };
}

/**
 * The bytes of a pack file (models by drill id; hasModel is set from them, models of drills not in the pack are
 * left out). Throws an Error with one sentence when the pack or a model would be refused by readPackFile.
 */
export function writePackFile(pack: PackJson, models: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const withModels: PackJson = { ...pack, drills: pack.drills.map((d) => ({ ...d, hasModel: models.has(d.drill.id) })) };
  const checked = parsePackJson(withModels);
  if (!checked.ok) throw new Error(checked.error);
  const json = new TextEncoder().encode(JSON.stringify(checked.value));
  if (json.length > PACK_LIMITS.packJsonBytes) throw new Error(`The pack's pack.json would be larger than ${PACK_LIMITS.packJsonBytes / 1024} KB, the most VoiceDrill reads.`);
  const entries = new Map<string, Uint8Array>([['pack.json', json]]);
  for (const d of checked.value.drills) {
    const wav = models.get(d.drill.id);
    if (wav === undefined) continue;
    const problem = modelWavProblem(wav);
    if (problem !== null) throw new Error(`The model recording of drill "${d.drill.id}" ${problem}.`);
    if (wav.length > PACK_LIMITS.modelWavBytes) throw new Error(`The model recording of drill "${d.drill.id}" is larger than ${PACK_LIMITS.modelWavBytes / 1024 / 1024} MB.`);
    entries.set(modelEntryName(d.drill.id), wav);
  }
  const bytes = writeZip(entries);
  if (bytes.length > PACK_LIMITS.packFileBytes) throw new Error(`The pack file would be larger than ${PACK_LIMITS.packFileBytes / 1024 / 1024} MB, the most VoiceDrill reads.`);
  return bytes;
}
