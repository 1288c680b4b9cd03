/**
 * The roster screen's pure model: which dropped or picked files are results files, the import message's
 * parts, filtering and sorting the roster's cells, the guideline columns, the sparkline's points and text,
 * and the CSV file's name and bytes.
 */
import type { GuidelineId } from '../../guidelines/ids.ts';
import type { RosterCell, ResultVerdict } from '../../packs/index.ts';
import type { UiLang } from '../../i18n/index.ts';

/** The extension of an agent's results file. */
export const RESULTS_EXTENSION = '.vdresults';

/** True when a file name is a results file's. */
export function isResultsFileName(name: string): boolean {
  return name.toLowerCase().endsWith(RESULTS_EXTENSION);
}

/** Files split into results files (read) and the count of others (skipped, said in the message). */
export function splitResultsFiles<T extends { name: string }>(files: readonly T[]): { results: T[]; skipped: number } {
  const results = files.filter((f) => isResultsFileName(f.name));
  return { results, skipped: files.length - results.length };
}

/** The outcome of one file of an import. */
export type FileOutcome =
  | { fileName: string; ok: true; newTakes: number; alreadyPresent: number }
  | { fileName: string; ok: false; error: string };

/** The totals of an import: files read, takes new and already here, and the files refused with their sentence. */
export interface ImportTotals {
  filesRead: number;
  newTakes: number;
  alreadyPresent: number;
  failures: Array<{ fileName: string; error: string }>;
  skipped: number;
}

/** Add up the outcomes of an import. */
export function importTotals(outcomes: readonly FileOutcome[], skipped: number): ImportTotals {
  const totals: ImportTotals = { filesRead: 0, newTakes: 0, alreadyPresent: 0, failures: [], skipped };
  for (const o of outcomes) {
    if (o.ok) {
      totals.filesRead++;
      totals.newTakes += o.newTakes;
      totals.alreadyPresent += o.alreadyPresent;
    } else {
      totals.failures.push({ fileName: o.fileName, error: o.error });
    }
  }
  return totals;
}

/** The order guideline columns appear in (GUIDELINES.md's order). */
export const GUIDELINE_ORDER: readonly GuidelineId[] = ['rate', 'volume', 'effort', 'steadiness', 'pitchLevel', 'pitchVariety', 'pauses', 'emphasis', 'warmth'];

/** The guidelines any cell has, in GUIDELINE_ORDER. */
export function guidelineColumns(cells: readonly RosterCell[]): GuidelineId[] {
  const seen = new Set<GuidelineId>();
  for (const c of cells) for (const g of c.guidelines) seen.add(g.guideline);
  return GUIDELINE_ORDER.filter((g) => seen.has(g));
}

/** What the table can be sorted by: a fixed column or a guideline's latest value. */
export type SortKey = 'agent' | 'drill' | 'attempts' | 'due' | 'overdue' | 'complete' | `latest:${GuidelineId}`;

/** A sort: column and direction. */
export interface RosterSort {
  key: SortKey;
  dir: 'asc' | 'desc';
}

/** The default order: buildRoster's (agent name, then drill order). */
export const DEFAULT_SORT: RosterSort = { key: 'agent', dir: 'asc' };

/** The next sort after a column header is pressed: the same column flips, another starts ascending. */
export function nextSort(current: RosterSort, key: SortKey): RosterSort {
  return current.key === key ? { key, dir: current.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: 'asc' };
}

/** aria-sort of a column. */
export function ariaSort(current: RosterSort, key: SortKey): 'ascending' | 'descending' | 'none' {
  if (current.key !== key) return 'none';
  return current.dir === 'asc' ? 'ascending' : 'descending';
}

/** Filter: text (agent or drill, either title language, case-insensitive) and the two toggles. */
export interface RosterFilter {
  text: string;
  overdueOnly: boolean;
  incompleteOnly: boolean;
}

/** No filter. */
export const NO_FILTER: RosterFilter = { text: '', overdueOnly: false, incompleteOnly: false };

/** The drill's title in the UI language (the other language, then the id, when empty). */
export function drillTitle(cell: RosterCell, lang: UiLang): string {
  const other: UiLang = lang === 'en' ? 'zh-CN' : 'en';
  return cell.drillTitle[lang] || cell.drillTitle[other] || cell.drillId;
}

/** The cells the filter keeps, in their order. */
export function filterCells(cells: readonly RosterCell[], filter: RosterFilter): RosterCell[] {
  const needle = filter.text.trim().toLocaleLowerCase();
  return cells.filter((c) => {
    if (filter.overdueOnly && !c.overdue) return false;
    if (filter.incompleteOnly && c.complete) return false;
    if (needle === '') return true;
    return [c.agentName, c.agentId, c.drillId, c.drillTitle.en, c.drillTitle['zh-CN']].some((s) => s.toLocaleLowerCase().includes(needle));
  });
}

const latestValue = (c: RosterCell, g: GuidelineId): number | null => c.guidelines.find((x) => x.guideline === g)?.latest?.value ?? null;

// Compare two values of one column ascending; null (no value, no due date) sorts last in both directions.
function compareValues(a: string | number | null, b: string | number | null, lang: UiLang): number {
  if (a === null || b === null) return 0;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), lang);
}

function columnValue(c: RosterCell, key: SortKey, lang: UiLang): string | number | null {
  switch (key) {
    case 'agent': return c.agentName || c.agentId;
    case 'drill': return drillTitle(c, lang);
    case 'attempts': return c.attempts;
    case 'due': return c.dueDate;
    case 'overdue': return c.overdue ? 1 : 0;
    case 'complete': return c.complete ? 1 : 0;
    default: return latestValue(c, key.slice('latest:'.length) as GuidelineId);
  }
}

/** The cells sorted by a column (stable: equal values keep buildRoster's order; empty values last either way). */
export function sortCells(cells: readonly RosterCell[], sort: RosterSort, lang: UiLang): RosterCell[] {
  const indexed = cells.map((cell, i) => ({ cell, i, v: columnValue(cell, sort.key, lang) }));
  const sign = sort.dir === 'asc' ? 1 : -1;
  indexed.sort((a, b) => {
    if (a.v === null && b.v !== null) return 1;
    if (b.v === null && a.v !== null) return -1;
    return sign * compareValues(a.v, b.v, lang) || a.i - b.i;
  });
  return indexed.map((x) => x.cell);
}

/** The id a row is known by (data-testid `roster-row-<agentId>-<drillId>`; a pack's drill ids are unique). */
export function rowKey(cell: RosterCell): string {
  return `${cell.agentId}-${cell.drillId}`;
}

/** A sparkline's polyline points in a width × height box (x by attempt, y by value, higher up); null values break the line into runs. */
export function sparklineRuns(values: readonly (number | null)[], width: number, height: number, pad = 2): string[] {
  const finite = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (finite.length === 0) return [];
  const min = Math.min(...finite);
  const max = Math.max(...finite);
  const span = max - min;
  const stepX = values.length > 1 ? (width - 2 * pad) / (values.length - 1) : 0;
  const y = (v: number): number => (span === 0 ? height / 2 : pad + (1 - (v - min) / span) * (height - 2 * pad));
  const r = (n: number): string => String(Math.round(n * 10) / 10);
  const runs: string[] = [];
  let run: string[] = [];
  values.forEach((v, i) => {
    if (v === null || !Number.isFinite(v)) {
      if (run.length > 0) runs.push(run.join(' '));
      run = [];
      return;
    }
    run.push(`${r(values.length > 1 ? pad + i * stepX : width / 2)},${r(y(v))}`);
  });
  if (run.length > 0) runs.push(run.join(' '));
  return runs;
}

/** A verdict's value as text with its unit, e.g. "4.2 syl/s" ('—' when not measured); `unit` is the unit's label. */
export function valueText(verdict: ResultVerdict | null, unitLabel: string): string {
  if (verdict === null || verdict.value === null) return '—';
  return unitLabel === '' ? String(verdict.value) : `${String(verdict.value)} ${unitLabel}`;
}

/** A ratio or distance for the model comparison, to two decimals ('—' when missing). */
export function comparisonText(value: number | null): string {
  return value === null || !Number.isFinite(value) ? '—' : (Math.round(value * 100) / 100).toFixed(2);
}

/** Today as `YYYY-MM-DD` in local time (buildRoster's `today`, the CSV's name). */
export function localDay(date: Date): string {
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${p(date.getMonth() + 1)}-${p(date.getDate())}`;
}

/** The CSV download's name. */
export function csvFileName(day: string): string {
  return `roster-${day}.csv`;
}

/** The CSV's bytes as Excel reads them: UTF-8 with a byte-order mark (Chinese titles and names stay readable). */
export function csvBytes(csv: string): Uint8Array {
  const body = new TextEncoder().encode(csv);
  const out = new Uint8Array(body.length + 3);
  out.set([0xef, 0xbb, 0xbf]);
  out.set(body, 3);
  return out;
}

/** The agents on the roster (id and name), by name, for "delete an agent's results". */
export function rosterAgents(cells: readonly RosterCell[], lang: UiLang): Array<{ agentId: string; agentName: string }> {
  const byId = new Map<string, string>();
  for (const c of cells) if (!byId.has(c.agentId)) byId.set(c.agentId, c.agentName);
  return [...byId].map(([agentId, agentName]) => ({ agentId, agentName }))
    .sort((a, b) => (a.agentName || a.agentId).localeCompare(b.agentName || b.agentId, lang) || (a.agentId < b.agentId ? -1 : 1));
}
