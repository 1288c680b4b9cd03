/**
 * The agent's delivery over the call, per turn: flat (pitch variety below the band's flat edge) and
 * loud / soft (active level against the agent's calibration, else the median of the agent's turns).
 * Each is flagged over runs of consecutive agent turns holding enough speech (runs.ts).
 */
import type { GuidelineBands } from '../../guidelines/bands.ts';
import type { CallRules } from '../../guidelines/call-rules.ts';
import { quantile } from '../stats.ts';
import type { CallFinding, CallTurn } from './report.ts';
import { flagRuns } from './runs.ts';

/** flat: agent turns with pitch variety below bands.pitchVariety.lowBelow, over ≥ flatMinAgentSpeechSec. */
export function flatFindings(turns: readonly CallTurn[], bands: GuidelineBands, rules: CallRules): CallFinding[] {
  const edge = bands.pitchVariety.lowBelow;
  if (edge === null) return [];
  return flagRuns(turns.filter((t) => t.speaker === 'agent' && t.pitchSdSt !== null), (t) => ((t.pitchSdSt as number) < edge ? 'flat' : null), rules.flatMinAgentSpeechSec);
}

/** The level loud / soft are judged against: the calibration's, else the median of the agent's turn levels. */
export function agentReferenceDbfs(turns: readonly CallTurn[], calibrationDbfs: number | null): number | null {
  if (calibrationDbfs !== null) return calibrationDbfs;
  const levels = turns.filter((t) => t.speaker === 'agent' && t.activeLevelDbfs !== null).map((t) => t.activeLevelDbfs as number);
  return levels.length ? quantile(levels, 0.5) : null;
}

/** loud / soft: agent turns above reference + loudAboveDb / below reference + softBelowDb, over ≥ levelMinSec. */
export function levelFindings(turns: readonly CallTurn[], referenceDbfs: number | null, rules: CallRules): CallFinding[] {
  if (referenceDbfs === null) return [];
  return flagRuns(turns.filter((t) => t.speaker === 'agent' && t.activeLevelDbfs !== null), (t) => {
    const d = (t.activeLevelDbfs as number) - referenceDbfs;
    if (d > rules.loudAboveDb) return 'loud';
    return d < rules.softBelowDb ? 'soft' : null;
  }, rules.levelMinSec);
}
