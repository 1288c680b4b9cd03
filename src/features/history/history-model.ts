/**
 * History as data: takes grouped by drill, then by day (the agent's local calendar), newest first,
 * each with its key figures as the scorecard shows them. Pure.
 */
import type { GuidelineId, VerdictStatus } from '../../takes/index.ts';
import { drillOfTake } from '../../drills/index.ts';
import { SCORED_GUIDELINES } from '../../guidelines/bands.ts';
import { formatNumber, formatSeconds, formatWhen, guidelineLabel, statusLabel, t, unitLabel, type MessageKey, type UiLang } from '../../i18n/index.ts';
import { needsReanalysis, TAKE_NAME_MAX_CHARS, type TakeRecord, type TakeStatus } from '../../storage/index.ts';
import { takeOrder } from '../../takes/index.ts';

/** Guidelines shown as a take's key figures in the list. */
export const KEY_FIGURES: readonly GuidelineId[] = ['rate', 'volume', 'pitchVariety', 'pauses'];

/** One key figure of a take. */
export interface KeyFigure {
  guideline: GuidelineId;
  label: string;
  valueText: string;
  status: VerdictStatus;
  statusText: string;
}

/** One take in the list. */
export interface TakeSummary {
  id: string;
  /** The agent's own name for the take, or null. */
  name: string | null;
  /** How the take is named in buttons and the undo bar: its name, or its drill and time. */
  label: string;
  createdAt: string;
  timeText: string;
  durationText: string;
  status: TakeStatus;
  /** What the status means when the take has no scores ('' when analysed). */
  statusText: string;
  figures: KeyFigure[];
  /** Scored guidelines measured good, and how many were measured at all. */
  goodCount: number;
  measuredCount: number;
  /** Analysed by another analysis version (open it to update). */
  stale: boolean;
  /** Analysed, but no speech was heard: an attempt without scores (never charted, never a best). */
  unscored: boolean;
  /** Recovered after an interruption: 'incomplete' (not counted), 'counted' (the agent counts it), or null for a whole take. */
  completeness: 'incomplete' | 'counted' | null;
}

/** The takes of one day. */
export interface DayGroup {
  dayKey: string;
  dayLabel: string;
  takes: TakeSummary[];
}

/** The takes of one drill. */
export interface DrillGroup {
  drillId: string;
  title: string;
  takeCount: number;
  days: DayGroup[];
}

const STATUS_KEYS: Record<Exclude<TakeStatus, 'analysed'>, MessageKey> = {
  recording: 'history.status.recording',
  recorded: 'history.status.recorded',
  failed: 'history.status.failed',
};

/** Local calendar day of an ISO time, as YYYY-MM-DD. */
export function localDayKey(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function drillTitle(take: TakeRecord, lang: UiLang): string {
  return drillOfTake(take)?.title[lang] ?? take.drillId;
}

/** The list entry of one take. */
export function summariseTake(take: TakeRecord, lang: UiLang): TakeSummary {
  const report = take.report;
  const figures: KeyFigure[] = [];
  let goodCount = 0;
  let measuredCount = 0;
  for (const v of report?.verdicts ?? []) {
    if (SCORED_GUIDELINES.includes(v.guideline) && v.status !== 'unmeasured') {
      measuredCount++;
      if (v.status === 'good') goodCount++;
    }
    if (!KEY_FIGURES.includes(v.guideline)) continue;
    figures.push({
      guideline: v.guideline,
      label: guidelineLabel(lang, v.guideline),
      valueText: v.value === null ? '—' : `${formatNumber(v.value)} ${unitLabel(lang, v.unit)}`,
      status: v.status,
      statusText: statusLabel(lang, v.guideline, v.status),
    });
  }
  const time = new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit' }).format(new Date(take.createdAt));
  return {
    id: take.id,
    name: take.name,
    label: takeLabel(take, lang),
    createdAt: take.createdAt,
    timeText: time,
    durationText: take.durationSec === null ? '—' : t(lang, 'history.seconds', { seconds: formatSeconds(take.durationSec) }),
    status: take.status,
    statusText: take.status === 'analysed' ? '' : t(lang, STATUS_KEYS[take.status]),
    figures,
    goodCount,
    measuredCount,
    stale: needsReanalysis(take),
    unscored: report !== null && !report.speechFound,
    completeness: take.incomplete ? (take.countAnyway ? 'counted' : 'incomplete') : null,
  };
}

/** Takes grouped by drill (most recently practised first), then by day and time, newest first. */
export function groupTakes(takes: readonly TakeRecord[], lang: UiLang): DrillGroup[] {
  const newestFirst = [...takes].sort((a, b) => takeOrder(b, a));
  const drills = new Map<string, DrillGroup>();
  const dayFormat = new Intl.DateTimeFormat(lang, { weekday: 'short', year: 'numeric', month: 'short', day: 'numeric' });
  for (const take of newestFirst) {
    let group = drills.get(take.drillId);
    if (!group) {
      group = { drillId: take.drillId, title: drillTitle(take, lang), takeCount: 0, days: [] };
      drills.set(take.drillId, group);
    }
    const dayKey = localDayKey(take.createdAt);
    let day = group.days.find((d) => d.dayKey === dayKey);
    if (!day) {
      day = { dayKey, dayLabel: dayFormat.format(new Date(take.createdAt)), takes: [] };
      group.days.push(day);
    }
    day.takes.push(summariseTake(take, lang));
    group.takeCount++;
  }
  return [...drills.values()];
}

/** How a take is named in buttons and the undo bar: its own name, or its drill and local date and time. */
export function takeLabel(take: TakeRecord, lang: UiLang): string {
  if (take.name) return take.name;
  return `${drillTitle(take, lang)}, ${formatWhen(take.createdAt, lang)}`;
}

/** What the rename field holds, checked: the name to store (null clears it), or why it cannot be stored. */
export type RenameInput = { ok: true; name: string | null } | { ok: false; error: string };

/** Check a name typed in the rename field (trimmed, inner whitespace collapsed, at most TAKE_NAME_MAX_CHARS). */
export function checkTakeName(raw: string, lang: UiLang): RenameInput {
  const clean = raw.replace(/\s+/g, ' ').trim();
  if ([...clean].length > TAKE_NAME_MAX_CHARS) return { ok: false, error: t(lang, 'history.renameTooLong', { max: TAKE_NAME_MAX_CHARS }) };
  return { ok: true, name: clean === '' ? null : clean };
}

/** The groups without the takes hidden by a delete (pending undo or done); empty days and drills drop out. */
export function withoutHidden(groups: readonly DrillGroup[], isHidden: (takeId: string) => boolean): DrillGroup[] {
  const out: DrillGroup[] = [];
  for (const group of groups) {
    const days = group.days
      .map((day) => ({ ...day, takes: day.takes.filter((take) => !isHidden(take.id)) }))
      .filter((day) => day.takes.length > 0);
    const takeCount = days.reduce((n, day) => n + day.takes.length, 0);
    if (takeCount > 0) out.push({ ...group, days, takeCount });
  }
  return out;
}
