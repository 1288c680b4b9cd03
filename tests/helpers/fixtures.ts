/** Access to ../shared/fixtures (developer set with Praat references): rows, transcripts, decoding. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import decode from 'audio-decode';
import type { AudioInput, Lang } from '../../src/analysis/index.ts';

/** Folder of the shared fixtures, beside the repository. */
export const FIXTURES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/fixtures');

/** True when the shared fixtures are present (they are not part of this repository). */
export const haveFixtures = existsSync(join(FIXTURES_DIR, 'reference.csv'));

/** One row of reference.csv: strings as read, numbers via num(). */
export type ReferenceRow = Record<string, string>;

/** Parse reference.csv (no quoted commas in it). */
export function readReference(): ReferenceRow[] {
  const [header, ...lines] = readFileSync(join(FIXTURES_DIR, 'reference.csv'), 'utf8').trim().split('\n');
  const keys = header.split(',');
  return lines.map((line) => {
    const cells = line.split(',');
    return Object.fromEntries(keys.map((k, i) => [k, cells[i] ?? '']));
  });
}

/** A numeric cell, or null when empty. */
export function num(row: ReferenceRow, key: string): number | null {
  const v = row[key];
  return v === undefined || v === '' ? null : Number(v);
}

interface ManifestItem { path: string; transcript: string | null; lang: string }

let transcripts: Map<string, ManifestItem> | null = null;

/** Transcript and language of a fixture by its path relative to the fixtures folder. */
export function manifestItem(path: string): ManifestItem | undefined {
  if (!transcripts) {
    const manifest = JSON.parse(readFileSync(join(FIXTURES_DIR, 'manifest.json'), 'utf8')) as { items: ManifestItem[] };
    transcripts = new Map(manifest.items.map((i) => [i.path, i]));
  }
  return transcripts.get(path);
}

/** Decode a fixture file into the analysis input. */
export async function decodeFixture(path: string): Promise<AudioInput> {
  const audio = await decode(readFileSync(join(FIXTURES_DIR, path)));
  return { channels: audio.channelData, sampleRateHz: audio.sampleRate };
}

/** Script language of a row. */
export function rowLang(row: ReferenceRow): Lang {
  return row.lang.startsWith('zh') ? 'zh' : 'en';
}

/** Clean speech rows judged against their own Praat row: real recordings, espeak renders, gain and padded copies. */
export function isCleanSpeech(row: ReferenceRow): boolean {
  if (row.expect_speech !== '1') return false;
  if (row.group === 'real') return true;
  return row.group === 'synth' && ['espeak', 'gain', 'pad_silence'].includes(row.variant);
}
