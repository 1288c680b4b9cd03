/**
 * Access to ../shared/fixtures/truth (ground truth that does not come from Praat: Keele laryngograph F0,
 * ITU-T sv56 levels, MagicData syllable counts). Tests that use it run only when it is present.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES_DIR } from './fixtures.ts';

/** Folder of the ground-truth fixtures. */
export const TRUTH_DIR = join(FIXTURES_DIR, 'truth');

/** True when the ground-truth fixtures are present (CI has them). */
export const haveTruth = existsSync(join(TRUTH_DIR, 'README.md'));

/** Rows of a CSV under the truth folder as header → cell maps (RFC 4180 quotes allowed). */
export function readTruthCsv(path: string): Record<string, string>[] {
  const text = readFileSync(join(TRUTH_DIR, path), 'utf8').replace(/^\uFEFF/, '');
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell); cell = '';
      if (row.length > 1 || row[0] !== '') rows.push(row);
      row = [];
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) { row.push(cell); rows.push(row); }
  const [header, ...body] = rows;
  return body.map((cells) => Object.fromEntries(header.map((k, i) => [k, cells[i] ?? ''])));
}
