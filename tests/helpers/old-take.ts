/** The take record stored by analysis 1.2.0 (tests/fixtures/take-record-analysis-1.2.0.json), and a store holding it. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { floatToInt16, putSummaries, restoreTake, type VoiceDrillStore } from '../../src/storage/index.ts';
import { REPO_ROOT } from './cli.ts';
import { decodeFixture } from './fixtures.ts';

/** A stored record as plain JSON. */
export type Raw = Record<string, unknown>;

/** The record exactly as analysis 1.2.0 stored it (a fresh copy for each caller to change). */
export const OLD_TAKE: Raw = JSON.parse(readFileSync(join(REPO_ROOT, 'tests/fixtures/take-record-analysis-1.2.0.json'), 'utf8')) as Raw;

/** Its id. */
export const OLD_TAKE_ID = OLD_TAKE.id as string;

/**
 * Write the old record as an older app left it, with the summary the database upgrade wrote for it
 * (storage-summaries.test.ts) and its audio (tests/fixtures/synth/greeting-zh.wav); returns that audio.
 */
export async function putOldTake(store: VoiceDrillStore): Promise<{ samples: Float32Array; sampleRateHz: number }> {
  const { channels, sampleRateHz } = await decodeFixture('greeting-zh.wav', join(REPO_ROOT, 'tests/fixtures/synth'));
  await store.db.takes.put(structuredClone(OLD_TAKE) as never);
  await putSummaries(store.db, [restoreTake(structuredClone(OLD_TAKE))]);
  store.invalidateSummaries();
  await store.db.audioChunks.put({ takeId: OLD_TAKE_ID, seq: 0, pcm: floatToInt16(channels[0]) });
  return { samples: channels[0], sampleRateHz };
}
