/** The trainer's roster: agent × drill from agents' results (stub: the results-core work fills it in). */
import type { ResultTake, ResultsJson, RosterCell } from './types.ts';

/** One agent's takes on one pack, from a results file or the trainer's stored roster. */
export interface RosterInput {
  agentId: string;
  agentName: string;
  pack: ResultsJson['pack'];
  takes: ResultTake[];
}

/** Roster cells, one per agent and drill of their pack, sorted by agent name then drill order; `today` is `YYYY-MM-DD`. */
export function buildRoster(_inputs: readonly RosterInput[], _today: string): RosterCell[] {
  return [];
}

/** The roster as CSV (RFC 4180, a header row, one row per cell and guideline). */
export function rosterCsv(_cells: readonly RosterCell[]): string {
  return '';
}
