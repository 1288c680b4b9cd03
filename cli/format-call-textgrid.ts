/**
 * The --textgrid export of `voicedrill call`: a Praat TextGrid (long text format, UTF-8, as
 * format-textgrid.ts writes it) with interval tiers "agent turns", "customer turns" and "findings".
 * A turn is labelled with its speaker; a finding with its id (GUIDELINES.md, Recorded calls), an overtalk
 * also with who started it: "overtalk (customer)". Findings can overlap (a monologue that is also
 * rushing); an interval tier cannot, so the findings tier is cut at every finding's start and end and
 * each piece is labelled with all the findings it is in, joined by " + ". Pure: report in, text out.
 */
import type { CallFinding, CallReport } from './analysis.ts';
import { coverDuration, formatTextGrid, type Tier, type TierInterval } from './format-textgrid.ts';

/** Tier names, in the order the TextGrid lists them. */
export const CALL_TIER_NAMES = { agent: 'agent turns', customer: 'customer turns', findings: 'findings' } as const;

/** Joins the labels of findings that overlap. */
export const FINDINGS_JOINER = ' + ';

/** A finding's label: its id, and for overtalk who started it. */
export function findingLabel(f: Pick<CallFinding, 'id' | 'startedBy'>): string {
  return f.startedBy !== null ? `${f.id} (${f.startedBy})` : f.id;
}

/** Findings as non-overlapping intervals: cut at every start and end, each piece labelled with the findings it is in. */
export function findingIntervals(findings: readonly CallFinding[]): TierInterval[] {
  const cuts = [...new Set(findings.flatMap((f) => [f.startSec, f.endSec]))].sort((a, b) => a - b);
  const out: TierInterval[] = [];
  for (let k = 0; k + 1 < cuts.length; k++) {
    const [startSec, endSec] = [cuts[k], cuts[k + 1]];
    const inside = findings.filter((f) => f.startSec <= startSec && f.endSec >= endSec);
    if (inside.length > 0) out.push({ startSec, endSec, text: inside.map(findingLabel).join(FINDINGS_JOINER) });
  }
  return out;
}

/** The tiers of a call report over 0…durationSec. */
export function callTextGridTiers(report: CallReport, durationSec: number = report.durationSec): Tier[] {
  const turns = (speaker: 'agent' | 'customer'): TierInterval[] =>
    report.turns.filter((t) => t.speaker === speaker).map((t) => ({ startSec: t.startSec, endSec: t.endSec, text: speaker }));
  return [
    { kind: 'interval', name: CALL_TIER_NAMES.agent, intervals: coverDuration(turns('agent'), durationSec) },
    { kind: 'interval', name: CALL_TIER_NAMES.customer, intervals: coverDuration(turns('customer'), durationSec) },
    { kind: 'interval', name: CALL_TIER_NAMES.findings, intervals: coverDuration(findingIntervals(report.findings), durationSec) },
  ];
}

/** The TextGrid text of a call report (see callTextGridTiers). */
export function callReportTextGrid(report: CallReport, durationSec: number = report.durationSec): string {
  return formatTextGrid(callTextGridTiers(report, durationSec), durationSec);
}
