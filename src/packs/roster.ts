/**
 * The trainer's roster: agent × drill from agents' results (issue 12), and its CSV. Pure: the same inputs
 * give the same cells, and an input given twice changes nothing.
 */
import type { GuidelineId, VerdictStatus } from '../guidelines/ids.ts';
import { GUIDELINE_IDS } from './results-schema.ts';
import type { ResultPackDrill, ResultTake, ResultVerdict, ResultsJson, RosterCell } from './types.ts';

/** One agent's takes on one pack, from a results file or the trainer's stored roster. */
export interface RosterInput {
  agentId: string;
  agentName: string;
  pack: ResultsJson['pack'];
  takes: ResultTake[];
}

/**
 * How near a status is to the good band, for "best": good, then borderline, then low or high (outside the
 * band: the results carry no bands, so a value's distance from one cannot be measured here), then
 * unmeasured, which is never best.
 */
export const BEST_STATUS_RANK: Readonly<Record<VerdictStatus, number>> = { good: 3, borderline: 2, low: 1, high: 1, unmeasured: 0 };

const timeOf = (take: ResultTake): number => Date.parse(take.createdAt);

/** Oldest first: by createdAt, then by take id (two takes in the same millisecond keep one order). */
function byTime(a: ResultTake, b: ResultTake): number {
  return timeOf(a) - timeOf(b) || (a.takeId < b.takeId ? -1 : a.takeId > b.takeId ? 1 : 0);
}

const compareText = (a: string, b: string): number => a.localeCompare(b, 'en') || (a < b ? -1 : a > b ? 1 : 0);

interface AgentPack {
  agentId: string;
  agentName: string;
  pack: ResultsJson['pack'];
  /** The agent's takes on this pack by take id. */
  takes: Map<string, ResultTake>;
}

/** The pack drill info to show: the newest pack version wins; of equal versions, the one with more drills, then the later input. */
function newerPack(a: ResultsJson['pack'], b: ResultsJson['pack']): boolean {
  return b.version > a.version || (b.version === a.version && b.drills.length >= a.drills.length);
}

/** The cell of one agent on one drill (the takes are that drill's, oldest first). */
function cellOf(group: AgentPack, drill: ResultPackDrill, takes: ResultTake[], today: string): RosterCell {
  const counted = takes.filter((t) => t.speechFound);
  const attempts = counted.length;
  const present = new Set<GuidelineId>(counted.flatMap((t) => t.verdicts.map((x) => x.guideline)));
  const guidelines = GUIDELINE_IDS.filter((g) => present.has(g)).map((guideline) => {
    const verdicts = counted.map((t) => t.verdicts.find((x) => x.guideline === guideline) ?? null);
    let best: ResultVerdict | null = null;
    // Later takes come later, so `>=` makes the latest of equally ranked verdicts the best.
    for (const verdict of verdicts) {
      if (verdict !== null && verdict.status !== 'unmeasured' && (best === null || BEST_STATUS_RANK[verdict.status] >= BEST_STATUS_RANK[best.status])) best = verdict;
    }
    return { guideline, latest: verdicts[verdicts.length - 1] ?? null, best, trend: verdicts.map((x) => x?.value ?? null) };
  });
  return {
    agentId: group.agentId,
    agentName: group.agentName,
    packId: group.pack.id,
    drillId: drill.id,
    drillTitle: drill.title,
    attempts,
    attemptsRequired: drill.attemptsRequired,
    dueDate: drill.dueDate,
    overdue: attempts < drill.attemptsRequired && drill.dueDate !== null && drill.dueDate < today,
    complete: attempts >= drill.attemptsRequired,
    guidelines,
    latestModel: counted.length > 0 ? counted[counted.length - 1].model : null,
    takeIds: takes.map((t) => t.takeId),
  };
}

/**
 * Roster cells, one per agent and drill of their pack, sorted by agent name then drill order; `today` is `YYYY-MM-DD`.
 *
 * - Inputs of the same agent (agentId) and pack (pack id) are merged; the pack's drills are those of the
 *   input with the newest pack version. Takes are keyed by agentId + takeId: a take seen twice counts once
 *   (the copy of the later input is kept, as the stored roster's put does), so the same results imported
 *   twice change nothing. Takes of a drill no longer in the pack get no cell.
 * - An attempt is a take on the drill, of any drill version, in which speech was found (`speechFound`);
 *   a take without speech is listed in `takeIds` (drill-down) but is not an attempt and has no values.
 * - Over the attempts, oldest first (createdAt, then take id): per guideline seen in them (in the
 *   guidelines' order), `latest` is the latest attempt's verdict, `best` the verdict of highest
 *   BEST_STATUS_RANK (ties: the latest; null when none was measured), `trend` the values (null where an
 *   attempt has no value or no verdict of that guideline); `latestModel` is the latest attempt's.
 * - complete: attempts ≥ required; overdue: attempts < required and the due date is before `today`.
 */
export function buildRoster(inputs: readonly RosterInput[], today: string): RosterCell[] {
  const groups = new Map<string, AgentPack>();
  const owner = new Map<string, AgentPack>();
  for (const input of inputs) {
    const key = JSON.stringify([input.agentId, input.pack.id]);
    let group = groups.get(key);
    if (group === undefined) {
      group = { agentId: input.agentId, agentName: input.agentName, pack: input.pack, takes: new Map() };
      groups.set(key, group);
    } else if (newerPack(group.pack, input.pack)) {
      group.pack = input.pack;
      group.agentName = input.agentName;
    }
    for (const take of input.takes) {
      const takeKey = JSON.stringify([input.agentId, take.takeId]);
      owner.get(takeKey)?.takes.delete(take.takeId);
      group.takes.set(take.takeId, take);
      owner.set(takeKey, group);
    }
  }
  const sorted = [...groups.values()].sort((a, b) => compareText(a.agentName, b.agentName) || compareText(a.agentId, b.agentId) || compareText(a.pack.id, b.pack.id));
  return sorted.flatMap((group) => {
    const takes = [...group.takes.values()].sort(byTime);
    return group.pack.drills.map((drill) => cellOf(group, drill, takes.filter((t) => t.drillId === drill.id), today));
  });
}

/** The header of rosterCsv. */
export const ROSTER_CSV_HEADER = [
  'agent', 'agent_id', 'pack', 'drill_id', 'drill_title', 'attempts', 'required', 'due', 'overdue', 'complete', 'guideline',
  'latest_value', 'latest_status', 'best_value', 'best_status', 'trend', 'model_rate_ratio', 'model_pitch_variety_ratio', 'model_contour_distance_st',
].join(',');

const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?(?:e[+-]?\d+)?$/i;

/**
 * One CSV field: a text a spreadsheet would run as a formula (starting with = + - @, tab or carriage
 * return; OWASP "CSV Injection") gets a leading `'`, plain numbers excepted; then RFC 4180 quoting when
 * it holds a comma, quote or line break.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const num = (x: number | null | undefined): string => (x === null || x === undefined ? '' : String(x));

/**
 * The roster as CSV (RFC 4180: CRLF line ends, a header row, one row per cell and guideline; a cell with
 * no attempts yet has one row with the guideline fields empty). Booleans are `yes`/`no`, a missing value
 * is empty, and in the trend (values oldest first, joined by a space) a missing value is `NA`.
 */
export function rosterCsv(cells: readonly RosterCell[]): string {
  const rows = [ROSTER_CSV_HEADER];
  for (const cell of cells) {
    const head = [cell.agentName, cell.agentId, cell.packId, cell.drillId, cell.drillTitle.en, String(cell.attempts), String(cell.attemptsRequired),
      cell.dueDate ?? '', cell.overdue ? 'yes' : 'no', cell.complete ? 'yes' : 'no'];
    const model = [num(cell.latestModel?.rateRatio), num(cell.latestModel?.pitchVarietyRatio), num(cell.latestModel?.contourDistanceSt)];
    const lines = cell.guidelines.length > 0
      ? cell.guidelines.map((g) => [g.guideline, num(g.latest?.value), g.latest?.status ?? '', num(g.best?.value), g.best?.status ?? '',
        g.trend.map((x) => (x === null ? 'NA' : String(x))).join(' ')])
      : [['', '', '', '', '', '']];
    for (const line of lines) rows.push([...head, ...line, ...model].map(csvField).join(','));
  }
  return rows.join('\r\n') + '\r\n';
}
