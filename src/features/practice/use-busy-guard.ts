/** Holds the app's busy guard (src/pwa/busy.ts) while a take is recorded or analysed, so no update reloads the page then. */
import { useEffect } from 'react';
import { holdBusy } from '../../pwa/busy.ts';
import type { PracticeState } from './practice-model.ts';

const BUSY_PHASES: readonly PracticeState['phase'][] = ['asking', 'countIn', 'recording', 'finishing', 'analysing'];

/** Hold the guard while the state is in a busy phase. */
export function useBusyGuard(state: PracticeState, reason: string): void {
  const busy = BUSY_PHASES.includes(state.phase);
  useEffect(() => (busy ? holdBusy(reason) : undefined), [busy, reason]);
}
