/** Validation of an untrusted results.json (stub: the results-core work fills it in). */
import type { ReadResult, ResultsJson } from './types.ts';

/** The results, or one sentence saying what is wrong. */
export function parseResultsJson(_input: unknown): ReadResult<ResultsJson> {
  return { ok: false, error: 'Reading results is not built yet.' };
}
