/** The call summary's figures, pure: talk share, pace, response gaps, longest monologue, findings by kind. */
import { CALL_FINDING_IDS, DEFAULT_CALL_RULES, type CallFindingId } from '../../../guidelines/call-rules.ts';
import type { CallFinding, CallReport } from './call-types.ts';

/** Whole percentages of agent : customer : silence that add up to 100 (largest remainder), and overlap. */
export interface TalkSharePercent {
  agent: number;
  customer: number;
  silence: number;
  /** Both speaking, % of the call (inside agent and customer). */
  overlap: number;
}

/**
 * Talk share as whole percentages. The report counts overlap in both sides; here it is split half to each
 * so the three parts add up to the call.
 */
export function talkSharePercent(share: CallReport['talkShare']): TalkSharePercent {
  const raw = [
    Math.max(0, share.agentFraction - share.overlapFraction / 2),
    Math.max(0, share.customerFraction - share.overlapFraction / 2),
    Math.max(0, share.silenceFraction),
  ];
  const total = raw.reduce((a, x) => a + x, 0) || 1;
  const scaled = raw.map((x) => (x / total) * 100);
  const floors = scaled.map(Math.floor);
  let left = 100 - floors.reduce((a, x) => a + x, 0);
  const order = scaled.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r);
  for (const { i } of order) {
    if (left <= 0) break;
    floors[i]++;
    left--;
  }
  return { agent: floors[0], customer: floors[1], silence: floors[2], overlap: Math.round(share.overlapFraction * 100) };
}

/** The response gaps in brief. */
export interface ResponseSummary {
  count: number;
  medianSec: number | null;
  maxSec: number | null;
  /** Answers slower than the slow-response rule. */
  slowCount: number;
  slowAboveSec: number;
}

/** Count, median, longest and slow answers of the agent's response gaps. */
export function responseSummary(responses: CallReport['responses'], slowAboveSec = DEFAULT_CALL_RULES.slowResponseAboveSec): ResponseSummary {
  const gaps = responses.map((r) => r.gapSec).filter(Number.isFinite).sort((a, b) => a - b);
  const n = gaps.length;
  const medianSec = n === 0 ? null : n % 2 ? gaps[(n - 1) / 2] : (gaps[n / 2 - 1] + gaps[n / 2]) / 2;
  return { count: n, medianSec, maxSec: n ? gaps[n - 1] : null, slowCount: gaps.filter((g) => g > slowAboveSec).length, slowAboveSec };
}

/** The findings of one kind. */
export interface FindingGroup {
  id: CallFindingId;
  count: number;
  totalSec: number;
  /** Indexes into report.findings, in time order. */
  indexes: number[];
}

/** Findings grouped by id in the order of GUIDELINES.md; kinds not found are left out. */
export function findingGroups(findings: readonly CallFinding[]): FindingGroup[] {
  return CALL_FINDING_IDS.map((id) => {
    const indexes = findings.map((f, i) => ({ f, i })).filter(({ f }) => f.id === id).sort((a, b) => a.f.startSec - b.f.startSec).map(({ i }) => i);
    return { id, count: indexes.length, totalSec: indexes.reduce((a, i) => a + findings[i].durationSec, 0), indexes };
  }).filter((g) => g.count > 0);
}

/** The longest agent turn, with its index, or null when the agent never spoke. */
export function longestAgentTurn(report: CallReport): { index: number; sec: number } | null {
  let best: { index: number; sec: number } | null = null;
  report.turns.forEach((t, index) => {
    const sec = t.endSec - t.startSec;
    if (t.speaker === 'agent' && (!best || sec > best.sec)) best = { index, sec };
  });
  return best;
}

/** Rounded to `digits` decimals, for display (null stays null). */
export function round(value: number | null, digits = 1): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
