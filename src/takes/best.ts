/**
 * "Personal best" of a drill, as a pure ranking of reports:
 *   1. most scored guidelines (SCORED_GUIDELINES: warmth is not scored) with status 'good';
 *   2. then fewest 'low' or 'high' (the red statuses);
 *   3. then the earlier take (a later take must beat the best, not equal it).
 * Takes where no speech was found never count. 'unmeasured' and 'borderline' count for neither.
 * An incomplete take (recovered after an interruption) counts only when the agent chose to count it.
 */
import type { Verdict } from '../analysis/index.ts';
import type { TakeRecord } from '../storage/index.ts';
import { SCORED_GUIDELINES } from '../guidelines/bands.ts';

/** What a ranking reads of a report (an AnalysisReport, or a take summary's verdicts). */
export interface Rankable {
  verdicts: readonly Pick<Verdict, 'guideline' | 'status'>[];
}

/** The counts a report is ranked by. */
export interface ReportScore {
  good: number;
  lowOrHigh: number;
}

/** Count the good and the red scored verdicts of a report. */
export function reportScore(report: Rankable): ReportScore {
  let good = 0;
  let lowOrHigh = 0;
  for (const v of report.verdicts) {
    if (!SCORED_GUIDELINES.includes(v.guideline)) continue;
    if (v.status === 'good') good++;
    else if (v.status === 'low' || v.status === 'high') lowOrHigh++;
  }
  return { good, lowOrHigh };
}

/** Negative when `a` is better than `b`, positive when worse, 0 when they rank the same (then the earlier wins). */
export function compareReports(a: Rankable, b: Rankable): number {
  const sa = reportScore(a);
  const sb = reportScore(b);
  if (sa.good !== sb.good) return sb.good - sa.good;
  return sa.lowOrHigh - sb.lowOrHigh;
}

/**
 * True when a take (its record or its summary) counts on the progress charts and for the personal best:
 * speech found, and complete or counted by the agent.
 */
export function takeCounts(take: Pick<TakeRecord, 'incomplete' | 'countAnyway'> & ({ report: { speechFound: boolean } | null } | { speechFound: boolean | null })): boolean {
  const speechFound = 'report' in take ? take.report?.speechFound ?? null : take.speechFound;
  return speechFound === true && (!take.incomplete || take.countAnyway);
}
