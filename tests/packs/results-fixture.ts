/** A valid results object and small WAVs for the results-file and roster tests (hand-made, known values). */
import type { ResultTake, ResultsJson } from '../../src/packs/types.ts';
import { encodeWav } from '../helpers/wav.ts';

/** A take of drill `drillId` with the given rate value and status (and a volume verdict). */
export function take(takeId: string, drillId: string, createdAt: string, rate: number | null, status: ResultTake['verdicts'][number]['status'], extra: Partial<ResultTake> = {}): ResultTake {
  return {
    takeId, drillId, drillVersion: 1, createdAt, analysisVersion: '1.5.0', lang: 'en', durationSec: 4.25, speechFound: true,
    verdicts: [
      { guideline: 'rate', value: rate, unit: 'wpm', status },
      { guideline: 'volume', value: -21.5, unit: 'dBFS', status: 'good' },
    ],
    model: null, hasAudio: false, ...extra,
  };
}

/** A results file's JSON: agent a-1 ("Li Na") on pack "greetings" v2 with drills hello (2 attempts, due 2026-12-01) and bye. */
export function validResults(takes: ResultTake[] = [
  take('take-1', 'hello', '2026-12-01T09:00:00.000Z', 150, 'good', { model: { rateRatio: 1.1, pitchVarietyRatio: 0.8, contourDistanceSt: 1.5 } }),
  take('take-2', 'bye', '2026-12-01T09:05:00.000Z', 180, 'high'),
]): ResultsJson {
  return {
    format: 'voicedrill-results',
    schemaVersion: 1,
    agent: { id: 'a-1', name: 'Li Na' },
    pack: {
      id: 'greetings', version: 2, title: 'Greetings', author: 'Coach Wu',
      drills: [
        { id: 'hello', version: 1, title: { 'zh-CN': '问候', en: 'Hello' }, attemptsRequired: 2, dueDate: '2026-12-01' },
        { id: 'bye', version: 3, title: { 'zh-CN': '再见', en: 'Bye' }, attemptsRequired: 1, dueDate: null },
      ],
    },
    exportedAt: '2026-12-02T10:00:00.000Z',
    takes,
  };
}

/** A 0.1 s 16 kHz mono 16-bit PCM WAV (a 440 Hz tone). */
export function smallWav(): Uint8Array {
  const samples = new Float32Array(1600).map((_, i) => 0.25 * Math.sin((2 * Math.PI * 440 * i) / 16000));
  return encodeWav([samples], 16000);
}
