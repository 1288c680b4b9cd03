/** The results file (`.vdresults`, a zip of results.json and optional take WAVs) (stub: the results-core work fills it in). */
import type { ReadResult, ReadResults, ResultsJson } from './types.ts';

/** A results file's results and audio, or one sentence. */
export function readResultsFile(_bytes: Uint8Array): ReadResult<ReadResults> {
  return { ok: false, error: 'Reading results files is not built yet.' };
}

/** The bytes of a results file (audio by take id; hasAudio must match). */
export function writeResultsFile(_results: ResultsJson, _audio: ReadonlyMap<string, Uint8Array>): Uint8Array {
  throw new Error('Writing results files is not built yet.');
}
