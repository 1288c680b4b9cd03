/** Messages between the call worker and its side worker (call-side.worker.ts): one call side, steps answered in order. */
import type { CallTurn, IntervalSec, RawTurn, SideSpeech, SideSummary } from '../analysis/index.ts';

/** What the call worker asks of the side worker. */
export type SideRequest =
  | { type: 'start'; sampleRateHz: number }
  | { type: 'push'; samples: Float32Array }
  | { type: 'summary' }
  | { type: 'speech'; other: SideSummary; durationSec: number }
  | { type: 'measure'; turns: RawTurn[]; speech: IntervalSec[] };

/** The side worker's answers, one per request except 'start', in order; or why it stopped. */
export type SideResponse =
  /** The chunk taken; its array handed back (transferred) for the reader to fill again, when it was transferred. */
  | { type: 'pushed'; samples?: Float32Array }
  | { type: 'summary'; summary: SideSummary }
  | { type: 'speech'; speech: SideSpeech }
  | { type: 'measured'; turns: CallTurn[] }
  | { type: 'error'; message: string };
