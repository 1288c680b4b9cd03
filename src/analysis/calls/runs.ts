/** Findings over runs of consecutive agent turns that share a fault (rushing, slow, flat, loud, soft). */
import type { CallFindingId } from '../../guidelines/call-rules.ts';
import { finding } from './events.ts';
import type { CallFinding, CallTurn } from './report.ts';

/**
 * Group consecutive `turns` (already filtered to the measured agent turns) by `classify`; a run whose
 * turns hold ≥ minSpeechSec of speech becomes one finding from its first turn's start to its last's end.
 */
export function flagRuns(turns: readonly CallTurn[], classify: (t: CallTurn) => CallFindingId | null, minSpeechSec: number): CallFinding[] {
  const out: CallFinding[] = [];
  let run: CallTurn[] = [];
  let runId: CallFindingId | null = null;
  const close = (): void => {
    if (runId && run.reduce((s, t) => s + t.speechSec, 0) >= minSpeechSec) {
      out.push(finding(runId, { startSec: run[0].startSec, endSec: run[run.length - 1].endSec }));
    }
    run = [];
    runId = null;
  };
  for (const t of turns) {
    const id = classify(t);
    if (id !== runId) close();
    if (id) {
      runId = id;
      run.push(t);
    }
  }
  close();
  return out;
}
