/** The --textgrid export of `voicedrill call`: checked before any call is analysed, written after each. */
import type { CallReport } from './analysis.ts';
import type { Command } from './args.ts';
import { checkExportTarget, writeExport, type ExportTarget } from './exports.ts';
import { callReportTextGrid } from './format-call-textgrid.ts';

/** The TextGrid target of a call command, or null without --textgrid. */
export function callTextGridTarget(command: Extract<Command, { kind: 'call' }>): ExportTarget | null {
  return command.textGridFile !== undefined ? { flag: '--textgrid', what: 'TextGrid', path: command.textGridFile } : null;
}

/** Throws a UsageError when the target cannot be written or is one of the calls (see checkExportTarget). */
export async function checkCallExport(target: ExportTarget | null, files: readonly string[]): Promise<void> {
  if (target !== null) await checkExportTarget(target, files);
}

/** Writes the TextGrid of one analysed call; returns null, or the sentence saying why it could not be written. */
export async function writeCallExport(target: ExportTarget | null, report: CallReport): Promise<string | null> {
  return target === null ? null : writeExport(target, callReportTextGrid(report));
}
