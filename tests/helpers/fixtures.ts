/** Access to ../shared/fixtures (developer set with Praat references): rows, transcripts, decoding, preprocessing. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import decode from 'audio-decode';
import { highpass } from '../../src/analysis/dsp/highpass.ts';
import { mixdown } from '../../src/analysis/dsp/mixdown.ts';
import { resampleTo } from '../../src/analysis/dsp/resample.ts';
import type { AudioInput, ChannelMode, Lang } from '../../src/analysis/index.ts';
import { ANALYSIS_RATE_HZ, type MonoSignal } from '../../src/analysis/types.ts';

/** Folder of the shared fixtures, beside the repository. */
export const FIXTURES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/fixtures');

/** True when `path` (relative to the fixtures folder `dir`) exists. */
export function hasFixture(path: string, dir: string = FIXTURES_DIR): boolean {
  return existsSync(join(dir, path));
}

/** True when the shared fixtures are present (they are not part of this repository). */
export const haveFixtures = hasFixture('reference.csv');

/** One row of reference.csv: strings as read, numbers via num(). */
export type ReferenceRow = Record<string, string>;

/** Parse reference.csv (no quoted commas in it); `dir` is another copy of the fixtures folder. */
export function readReference(dir: string = FIXTURES_DIR): ReferenceRow[] {
  const [header, ...lines] = readFileSync(join(dir, 'reference.csv'), 'utf8').trim().split('\n');
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

/** Decode a fixture file into the analysis input: every channel as decoded, at the file's own rate. */
export async function decodeFixture(path: string, dir: string = FIXTURES_DIR): Promise<AudioInput> {
  const audio = await decode(readFileSync(join(dir, path)));
  return { channels: audio.channelData, sampleRateHz: audio.sampleRate };
}

/**
 * A fixture as the analysis stages see it, the preprocessing analyzeRecording applies: channels
 * mixed down (`channel`, default the average of all), resampled to 16 kHz, 80 Hz high-pass.
 */
export async function fixtureSignal(path: string, channel: ChannelMode = 'mix'): Promise<MonoSignal> {
  const { channels, sampleRateHz } = await decodeFixture(path);
  const mono = resampleTo(mixdown(channels, channel), sampleRateHz, ANALYSIS_RATE_HZ);
  return { samples: highpass(mono, ANALYSIS_RATE_HZ), sampleRateHz: ANALYSIS_RATE_HZ };
}

/**
 * `sec` seconds at `rateHz` of the given pieces played in turn and repeated, the last one cut short
 * (speed benchmarks: a short fixture stretched to 10 minutes).
 */
export function tile(pieces: readonly Float32Array[], rateHz: number, sec: number): Float32Array {
  if (!pieces.some((p) => p.length > 0)) throw new RangeError('tile: no samples to repeat');
  const out = new Float32Array(Math.round(sec * rateHz));
  for (let at = 0, k = 0; at < out.length; k = (k + 1) % pieces.length) {
    const piece = pieces[k].subarray(0, Math.min(pieces[k].length, out.length - at));
    out.set(piece, at);
    at += piece.length;
  }
  return out;
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
