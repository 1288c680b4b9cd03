/**
 * Results as CSV for spreadsheets: one row per take (date, agent, drill, each guideline's value, unit
 * and result, then the report's raw figures with their units in the column names, csv-figures.ts).
 * RFC 4180 quoting, CRLF line ends, UTF-8 with a byte-order mark so Excel reads Chinese
 * correctly. Numbers are written exactly as stored, with a point as the decimal mark: the take's
 * length keeps its stored precision (its header says "unrounded"), where the screens show it to one
 * decimal by formatSeconds (src/i18n/format.ts) — a spreadsheet rounds for itself. Text cells
 * that a spreadsheet would run as a formula (starting with = + - @ tab or CR) get a leading
 * apostrophe (OWASP "CSV injection"); numbers are never changed. Pure.
 */
import type { AnalysisReport, GuidelineId } from '../analysis/index.ts';
import { drillOfTake } from '../drills/index.ts';
import { SCORED_GUIDELINES } from '../guidelines/bands.ts';
import { formatNumber, guidelineLabel, statusLabel, t, type UiLang } from '../i18n/index.ts';
import type { Profile, TakeRecord } from '../storage/index.ts';
import { CSV_FIGURES } from './csv-figures.ts';
import { takeOrder } from '../storage/index.ts';

/** The UTF-8 byte-order mark Excel needs to read the file as UTF-8. */
export const UTF8_BOM = '\uFEFF';

/** Guidelines, in column order. */
export const CSV_GUIDELINES: readonly GuidelineId[] = [...SCORED_GUIDELINES, 'warmth'];

/** One cell, quoted when it holds a comma, a quote, a line break or edge spaces; quotes doubled. */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? formatNumber(value) : '';
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One line of cells (without the line end). */
export function csvRow(cells: readonly (string | number | null)[]): string {
  return cells.map(csvField).join(',');
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** A time as the agent's local "YYYY-MM-DD HH:MM:SS" (spreadsheets read it as a date). */
export function localDateTime(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** The header cells in the UI language. */
export function csvHeader(lang: UiLang): string[] {
  const fixed = ['csv.date', 'csv.dateUtc', 'csv.agent', 'csv.company', 'csv.drill', 'csv.drillId', 'csv.takeName', 'csv.takeStatus', 'csv.analysisVersion', 'csv.durationSec', 'csv.takeId'] as const;
  const head = fixed.map((k) => t(lang, k));
  for (const g of CSV_GUIDELINES) {
    const guideline = guidelineLabel(lang, g);
    head.push(t(lang, 'csv.value', { guideline }), t(lang, 'csv.unit', { guideline }), t(lang, 'csv.result', { guideline }));
  }
  for (const figure of CSV_FIGURES) head.push(t(lang, figure.key));
  return head;
}

// A raw figure of a report; null when it is missing (an older report) or not a finite number.
function figureOf(report: AnalysisReport, read: (r: AnalysisReport) => number | null): number | null {
  try {
    const value = read(report);
    return typeof value === 'number' && Number.isFinite(value) ? value : null;
  } catch {
    return null; // a part of the report an older version did not write
  }
}

/** The agent the rows are about (the profile's name and company per script language); null cells when there is no profile. */
export type CsvAgent = Pick<Profile, 'fills'> | null;

/** The row of one take (guideline and figure cells empty when it has no results). */
export function csvTakeRow(take: TakeRecord, lang: UiLang, agent: CsvAgent = null): (string | number | null)[] {
  const drill = drillOfTake(take);
  // The name and company as the take's script read them (the fill of its script language).
  const fill = agent?.fills[drill?.lang ?? take.report?.lang ?? 'en'];
  const row: (string | number | null)[] = [
    localDateTime(take.createdAt), take.createdAt, fill?.name || null, fill?.company || null, drill?.title[lang] ?? take.drillId, take.drillId, take.name,
    take.status, take.analysisVersion, take.durationSec, take.id,
  ];
  for (const g of CSV_GUIDELINES) {
    const v = take.report?.verdicts.find((x) => x.guideline === g);
    row.push(v?.value ?? null, v?.unit ?? null, v ? statusLabel(lang, g, v.status) : null);
  }
  const report = take.report;
  for (const figure of CSV_FIGURES) row.push(report ? figureOf(report, figure.read) : null);
  return row;
}

/** The whole CSV text (BOM, header, one row per take oldest first, CRLF). */
export function takesToCsv(takes: readonly TakeRecord[], lang: UiLang, agent: CsvAgent = null): string {
  const sorted = [...takes].sort(takeOrder);
  const lines = [csvRow(csvHeader(lang)), ...sorted.map((tk) => csvRow(csvTakeRow(tk, lang, agent)))];
  return `${UTF8_BOM}${lines.join('\r\n')}\r\n`;
}

/** File names for downloads, dated on the local calendar: voicedrill-backup-2026-11-23.voicedrill / …-results-….csv. */
export function downloadName(kind: 'backup' | 'results', now: Date): string {
  const day = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  return kind === 'backup' ? `voicedrill-backup-${day}.voicedrill` : `voicedrill-results-${day}.csv`;
}
