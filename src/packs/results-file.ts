/**
 * The results file (`.vdresults`): a zip (zip.ts) of `results.json` and, for each take whose `hasAudio` is
 * true, `audio/<takeId>.wav` (a RIFF/WAVE PCM file). Read under the limits of PACK_LIMITS: nothing else may
 * be in the zip, every take with audio must have its WAV and every WAV its take; results.json is decoded as
 * strict UTF-8 and validated by parseResultsJson. Any refusal is one sentence.
 */
import { parseResultsJson, TAKE_ID_PATTERN } from './results-schema.ts';
import { PACK_LIMITS, type ReadResult, type ReadResults, type ResultsJson } from './types.ts';
import { readZip, writeZip } from './zip.ts';

const RESULTS_ENTRY = 'results.json';
const AUDIO_ENTRY = /^audio\/([^/]+)\.wav$/;
const WHAT = 'This results file';
/** Characters that cannot be shown inside a one-line sentence: control characters and line separators. */
// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

const audioEntry = (takeId: string): string => `audio/${takeId}.wav`;

function entryBytes(name: string): number | null {
  if (name === RESULTS_ENTRY) return PACK_LIMITS.resultsJsonBytes;
  const m = AUDIO_ENTRY.exec(name);
  return m !== null && TAKE_ID_PATTERN.test(m[1]) ? PACK_LIMITS.takeWavBytes : null;
}

const ascii = (b: Uint8Array, at: number): string => String.fromCharCode(b[at], b[at + 1], b[at + 2], b[at + 3]);

/**
 * Why these bytes are not a RIFF/WAVE PCM file whose audio is all there, or null. The same checks as
 * src/media/wav-layout.ts's readWavLayout (which reads asynchronously through a host) for the one
 * encoding VoiceDrill writes: integer PCM, also as WAVE_FORMAT_EXTENSIBLE.
 */
export function wavProblem(b: Uint8Array): string | null {
  if (b.length < 12 || ascii(b, 0) !== 'RIFF' || ascii(b, 8) !== 'WAVE') return 'it is not a WAV file (it has no RIFF/WAVE header)';
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let at = 12;
  let fmt: { code: number; channels: number; rateHz: number; blockAlign: number; bits: number } | null = null;
  for (let k = 0; k < 64 && at + 8 <= b.length; k++) {
    const chunk = ascii(b, at);
    const size = view.getUint32(at + 4, true);
    const body = at + 8;
    if (chunk === 'fmt ') {
      if (size < 16 || body + 16 > b.length) return 'its WAV format chunk is cut short';
      let code = view.getUint16(body, true);
      if (code === 0xfffe) code = size >= 26 && body + 26 <= b.length ? view.getUint16(body + 24, true) : -1;
      fmt = { code, channels: view.getUint16(body + 2, true), rateHz: view.getUint32(body + 4, true), blockAlign: view.getUint16(body + 12, true), bits: view.getUint16(body + 14, true) };
    } else if (chunk === 'data') {
      if (fmt === null) return 'its WAV audio comes before its format chunk';
      if (fmt.code !== 1 || ![8, 16, 24, 32].includes(fmt.bits)) return 'its WAV audio is not PCM';
      if (fmt.channels < 1 || fmt.channels > 8 || fmt.rateHz < 1000 || fmt.rateHz > 384000 || fmt.blockAlign !== fmt.channels * (fmt.bits / 8)) {
        return 'its WAV header contradicts itself';
      }
      if (size > b.length - body) return 'it is truncated (it ends before the audio its header declares)';
      if (size < fmt.blockAlign) return 'it holds no audio samples';
      return null;
    }
    at = body + size + (size % 2);
  }
  return 'it has no WAV audio chunk';
}

/** A results file's results and audio, or one sentence. */
export function readResultsFile(bytes: Uint8Array): ReadResult<ReadResults> {
  const zip = readZip(bytes, {
    fileBytes: PACK_LIMITS.resultsFileBytes,
    entries: PACK_LIMITS.takes + 1,
    entryBytes,
    totalBytes: PACK_LIMITS.resultsFileBytes,
    what: WHAT,
  });
  // readZip quotes entry names, which are untrusted: a control character there would break the sentence.
  if (!zip.ok) return { ok: false, error: zip.error.replace(UNPRINTABLE, '\uFFFD') };
  const jsonBytes = zip.value.get(RESULTS_ENTRY);
  if (jsonBytes === undefined) return { ok: false, error: `${WHAT} has no results.json.` };
  let jsonText: string;
  try {
    jsonText = new TextDecoder('utf-8', { fatal: true }).decode(jsonBytes);
  } catch {
    return { ok: false, error: 'results.json in this results file is not UTF-8 text.' };
  }
  let json: unknown;
  try {
    json = JSON.parse(jsonText);
  } catch {
    return { ok: false, error: 'results.json in this results file is not valid JSON.' };
  }
  const parsed = parseResultsJson(json);
  if (!parsed.ok) return parsed;
  const results = parsed.value;
  const audio = new Map<string, Uint8Array>();
  for (const take of results.takes) {
    if (!take.hasAudio) continue;
    const wav = zip.value.get(audioEntry(take.takeId));
    if (wav === undefined) return { ok: false, error: `${WHAT} says take "${take.takeId}" has audio, but ${audioEntry(take.takeId)} is not in it.` };
    const problem = wavProblem(wav);
    if (problem !== null) return { ok: false, error: `The audio of take "${take.takeId}" in this results file cannot be used: ${problem}.` };
    audio.set(take.takeId, wav);
  }
  for (const name of zip.value.keys()) {
    if (name === RESULTS_ENTRY) continue;
    const takeId = AUDIO_ENTRY.exec(name)?.[1] ?? name;
    if (!audio.has(takeId)) return { ok: false, error: `${WHAT} holds ${name}, which belongs to no take with audio.` };
  }
  return { ok: true, value: { results, audio } };
}

/**
 * The bytes of a results file. Each take's `hasAudio` is written as whether `audio` holds its WAV (so the
 * file always reads back); throws when the results would not read back (an invalid field, audio of a take
 * not in the results, a WAV that is not PCM): that is a bug of the caller, not the agent's input.
 */
export function writeResultsFile(results: ResultsJson, audio: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const takeIds = new Set(results.takes.map((t) => t.takeId));
  for (const takeId of audio.keys()) {
    if (!takeIds.has(takeId)) throw new Error(`Audio was given for take "${takeId}", which is not in the results.`);
  }
  const out: ResultsJson = { ...results, takes: results.takes.map((take) => ({ ...take, hasAudio: audio.has(take.takeId) })) };
  const checked = parseResultsJson(JSON.parse(JSON.stringify(out)) as unknown);
  if (!checked.ok) throw new Error(checked.error);
  const entries = new Map<string, Uint8Array>([[RESULTS_ENTRY, new TextEncoder().encode(JSON.stringify(out))]]);
  for (const take of out.takes) {
    const wav = audio.get(take.takeId);
    if (wav === undefined) continue;
    const problem = wavProblem(wav);
    if (problem !== null) throw new Error(`The audio of take "${take.takeId}" cannot be written: ${problem}.`);
    entries.set(audioEntry(take.takeId), wav);
  }
  return writeZip(entries);
}
