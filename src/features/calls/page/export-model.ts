/**
 * The call's exports, pure: the report as JSON (the agent's reflection only when asked for) and the
 * findings as CSV, one row per finding (RFC 4180, CRLF, UTF-8 with BOM like the results CSV).
 */
import { csvRow, UTF8_BOM } from '../../../backup/index.ts';
import { t, type UiLang } from '../../../i18n/index.ts';
import type { CallRecord } from '../../../storage/call-records.ts';
import { flagsInOrder } from './flag-nav.ts';

/** Format name and version of the JSON export. */
export const CALL_EXPORT_FORMAT = 'voicedrill-call-report';
export const CALL_EXPORT_VERSION = 1;

/** The JSON export of a call: its facts, report and bookmarks; the reflection only when `includeReflection`. Peaks and audio never. */
export function callReportJson(call: CallRecord, includeReflection: boolean): string {
  const out = {
    format: CALL_EXPORT_FORMAT,
    version: CALL_EXPORT_VERSION,
    fileName: call.fileName,
    importedAt: new Date(call.createdAt).toISOString(),
    durationSec: call.durationSec,
    sampleRateHz: call.sampleRateHz,
    channelCount: call.channelCount,
    agentChannel: call.agentChannel,
    lang: call.lang,
    analysisVersion: call.analysisVersion,
    report: call.report,
    bookmarks: call.bookmarks.map(({ atSec, note }) => ({ atSec, note })),
    ...(includeReflection && call.reflection ? { reflection: call.reflection } : {}),
  };
  return JSON.stringify(out, null, 2);
}

/** The CSV export: a header, then one row per finding in time order (times in s as stored). */
export function findingsCsv(call: CallRecord, lang: UiLang): string {
  const header = ['call.csv.finding', 'call.csv.name', 'call.csv.startSec', 'call.csv.endSec', 'call.csv.durationSec', 'call.csv.startedBy', 'call.csv.ratio', 'call.csv.change'] as const;
  const rows = [csvRow(header.map((k) => t(lang, k)))];
  for (const f of flagsInOrder(call.report.findings)) {
    rows.push(csvRow([
      f.id,
      t(lang, `call.finding.${f.id}.name`),
      f.startSec,
      f.endSec,
      f.durationSec,
      f.startedBy === null ? null : t(lang, `call.speaker.${f.startedBy}`),
      f.ratio,
      t(lang, `call.finding.${f.id}.change`),
    ]));
  }
  return `${UTF8_BOM}${rows.join('\r\n')}\r\n`;
}

/** A download name from the call's file name: "<name>-call-report.<ext>", unsafe characters replaced. */
export function exportFileName(fileName: string, ext: 'json' | 'csv'): string {
  const base = [...fileName.replace(/\.[A-Za-z0-9]{1,5}$/, '')].map((c) => (c < ' ' || '\\/:*?"<>|'.includes(c) ? '_' : c)).join('').trim() || 'call';
  return `${base}-call-report.${ext}`;
}
