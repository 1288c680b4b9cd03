/**
 * Access to ../shared/fixtures/truth (ground truth that does not come from Praat: Keele laryngograph F0,
 * ITU-T sv56 levels, MagicData syllable counts). Tests that use it run only when it is present.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv } from './csv.ts';
import { FIXTURES_DIR } from './fixtures.ts';

/** Folder of the ground-truth fixtures. */
export const TRUTH_DIR = join(FIXTURES_DIR, 'truth');

/** True when the ground-truth fixtures are present (CI has them). */
export const haveTruth = existsSync(join(TRUTH_DIR, 'README.md'));

/** Rows of a CSV under the truth folder as header → cell maps (RFC 4180 quotes allowed, LF or CRLF lines). */
export function readTruthCsv(path: string): Record<string, string>[] {
  const text = readFileSync(join(TRUTH_DIR, path), 'utf8').replace(/^\uFEFF/, '').replace(/\r?\n/g, '\r\n');
  const [header, ...body] = parseCsv(text).filter((row) => row.length > 1 || row[0] !== '');
  return body.map((cells) => Object.fromEntries(header.map((k, i) => [k, cells[i] ?? ''])));
}
