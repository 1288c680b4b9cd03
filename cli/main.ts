/** `voicedrill`: command dispatch, per-file error handling and exit status. */
import { readFileSync } from 'node:fs';
import { analysisLang, analyzeToJson, ANALYSIS_VERSION, callChannelsRefusal, type AnalyzeOptions, type CallReport, type FileReport } from './analysis.ts';
import { feedCallFile, NotACallError, type FedCall } from './call-input.ts';
import { parseCommandLine, readScriptFile, toAnalyzeOptions, UsageError, type Command } from './args.ts';
import { callTextGridTarget, checkCallExport, writeCallExport } from './call-exports.ts';
import { callGreeting, formatGreetingTable, greetingDrill, type GreetingJson } from './call-greeting.ts';
import { parseBaselineArg, readBandsFile } from './config-files.ts';
import { decodeFile, DecodeError } from './decode-file.ts';
import { checkExportTarget, writeExport, type ExportTarget } from './exports.ts';
import { CALL_CSV_HEADER, callCsvRows, formatCallTable } from './format-call.ts';
import { formatTable } from './format-table.ts';
import { runPack } from './pack.ts';
import { reportTextGrid, textGridNotes } from './format-textgrid.ts';
import { reportTracksCsv } from './format-tracks-csv.ts';
import { runRoster } from './roster.ts';
import { usageText } from './usage.ts';

/** Exit status: every file analysed. */
export const EXIT_OK = 0;
/** Exit status: at least one file could not be read or analysed. */
export const EXIT_FILE_FAILED = 1;
/** Exit status: the command line is wrong; nothing was analysed. */
export const EXIT_USAGE = 2;

/** Where the CLI writes; the process streams by default. */
export interface CliOutput {
  stdout(text: string): void;
  stderr(text: string): void;
}

const processOutput: CliOutput = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
};

/** The version of the voicedrill package, from its package.json. */
export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: string };
  return pkg.version ?? 'unknown';
}

function oneLine(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.replace(/\s+/g, ' ').trim() || 'unknown error';
}

/** A file's report and its exact duration (the report's is rounded to 1 ms), s. */
interface Analysed {
  report: FileReport;
  durationSec: number;
}

/** Decodes one file; prints its error line and returns null when it cannot be read. */
async function decodeOrSay(file: string, out: CliOutput): Promise<Awaited<ReturnType<typeof decodeFile>> | null> {
  try {
    return await decodeFile(file);
  } catch (err) {
    out.stderr(`voicedrill: ${file}: cannot decode: ${err instanceof DecodeError ? err.message : oneLine(err)}\n`);
    return null;
  }
}

/** Analyses one file; prints its error line and returns null when it fails. */
async function analyzeFile(file: string, options: AnalyzeOptions, out: CliOutput): Promise<Analysed | null> {
  const input = await decodeOrSay(file, out);
  if (input === null) return null;
  try {
    const durationSec = input.channels[0].length / input.sampleRateHz;
    return { report: analyzeToJson(input, options, file), durationSec };
  } catch (err) {
    out.stderr(`voicedrill: ${file}: cannot analyse: ${oneLine(err)}\n`);
    return null;
  }
}

// The exports the command line asks for (one recording: parseCommandLine made sure).
function exportTargets(command: Extract<Command, { kind: 'analyze' }>): ExportTarget[] {
  const targets: ExportTarget[] = [];
  if (command.textGridFile !== undefined) targets.push({ flag: '--textgrid', what: 'TextGrid', path: command.textGridFile });
  if (command.tracksFile !== undefined) targets.push({ flag: '--tracks', what: 'tracks CSV', path: command.tracksFile });
  return targets;
}

// Writes the exports of one analysed file; false when one could not be written (its error is printed).
async function writeExports(targets: ExportTarget[], { report, durationSec }: Analysed, out: CliOutput): Promise<boolean> {
  let ok = true;
  for (const target of targets) {
    const text = target.flag === '--textgrid' ? reportTextGrid(report, durationSec) : reportTracksCsv(report);
    const error = await writeExport(target, text);
    if (error !== null) {
      out.stderr(`voicedrill: ${error}\n`);
      ok = false;
    } else if (target.flag === '--textgrid') {
      for (const note of textGridNotes(report)) out.stderr(`voicedrill: ${target.path}: note: ${note}\n`);
    }
  }
  return ok;
}

async function runAnalyze(command: Extract<Command, { kind: 'analyze' }>, out: CliOutput): Promise<number> {
  const targets = exportTargets(command);
  const inputs = [...command.files, command.scriptFile, command.bandsFile, command.baseline].filter((x): x is string => x !== undefined);
  for (const target of targets) await checkExportTarget(target, inputs);
  const script = command.scriptFile !== undefined ? await readScriptFile(command.scriptFile) : command.script;
  // Bands are merged for the language the analysis will run in (the same rule as analyzeRecording).
  const lang = analysisLang({ lang: command.lang, script });
  const bands = command.bandsFile !== undefined ? await readBandsFile(command.bandsFile, lang) : undefined;
  const baseline = command.baseline !== undefined ? await parseBaselineArg(command.baseline) : undefined;
  const options = toAnalyzeOptions(command, script, { bands, baseline });
  const reports: FileReport[] = [];
  let failed = false;
  for (const [i, file] of command.files.entries()) {
    const analysed = await analyzeFile(file, options, out);
    if (analysed === null) {
      failed = true;
      continue;
    }
    const { report } = analysed;
    if (!(await writeExports(targets, analysed, out))) failed = true;
    // The table shows its warnings; with --json they also go to stderr, where a person sees them.
    if (command.json) {
      reports.push(report);
      for (const w of report.warnings) out.stderr(`voicedrill: ${file}: warning: ${w.message}\n`);
    } else out.stdout((i > 0 ? '\n' : '') + formatTable(report));
  }
  if (command.json) {
    // The shape follows the command line, not the outcome: several files give an array, even if some failed.
    if (command.files.length > 1) out.stdout(JSON.stringify(reports, null, 2) + '\n');
    else if (reports.length === 1) out.stdout(JSON.stringify(reports[0], null, 2) + '\n');
  }
  return failed ? EXIT_FILE_FAILED : EXIT_OK;
}

/** A call's report labelled with its file, as `voicedrill call --json` prints it. */
export type CallFileReport = { file: string } & CallReport & { greeting: GreetingJson | null };

// Why a decoded file does not fit --agent (stereo: two channels; mono: one), or null when it does.
function wrongChannels(channelCount: number, agent: Extract<Command, { kind: 'call' }>['agent']): string | null {
  if (agent === 'mono') return channelCount === 1 ? null : `--agent mono needs a one-channel file, this file has ${channelCount}; give --agent left or right for a stereo call`;
  if (channelCount === 1) return 'the call needs two channels (agent and customer), this file has one; give --agent mono for a mono call';
  if (channelCount !== 2) return callChannelsRefusal(channelCount);
  return null;
}

/** Analyses one call; prints its error line and returns null when it fails. */
async function analyzeCallFile(file: string, command: Extract<Command, { kind: 'call' }>, out: CliOutput): Promise<CallFileReport | null> {
  let fed: FedCall;
  try {
    fed = await feedCallFile(file, (channelCount) => wrongChannels(channelCount, command.agent));
  } catch (err) {
    const reason = err instanceof DecodeError || err instanceof NotACallError ? err.message : oneLine(err);
    out.stderr(`voicedrill: ${file}: ${err instanceof NotACallError ? 'cannot analyse' : 'cannot decode'}: ${reason}\n`);
    return null;
  }
  try {
    const lang = analysisLang({ lang: command.lang });
    const { report, opening } = fed.stream.finish({ agentChannel: command.agent, lang, agentSpeaker: command.agentVoice === 'second' ? 1 : 0 });
    return { file, ...report, greeting: callGreeting(opening, report, greetingDrill(command.greeting, lang), file, command) };
  } catch (err) {
    out.stderr(`voicedrill: ${file}: cannot analyse: ${oneLine(err)}\n`);
    return null;
  } finally {
    fed.release();
  }
}

async function runCall(command: Extract<Command, { kind: 'call' }>, out: CliOutput): Promise<number> {
  const reports: CallFileReport[] = [];
  let failed = false;
  const textGrid = callTextGridTarget(command);
  await checkCallExport(textGrid, command.files);
  greetingDrill(command.greeting, analysisLang({ lang: command.lang }));
  if (command.format === 'csv') out.stdout(CALL_CSV_HEADER + '\n');
  for (const file of command.files) {
    const report = await analyzeCallFile(file, command, out);
    if (report === null) {
      failed = true;
      continue;
    }
    const exportError = await writeCallExport(textGrid, report);
    if (exportError !== null) {
      out.stderr(`voicedrill: ${exportError}\n`);
      failed = true;
    }
    if (command.format === 'csv') {
      for (const line of callCsvRows(file, report)) out.stdout(line + '\n');
    } else if (command.format === 'table') {
      out.stdout((reports.length > 0 ? '\n' : '') + formatCallTable(file, report) + formatGreetingTable(report.greeting));
    }
    reports.push(report);
  }
  if (command.format === 'json') {
    // As for analyze: several files give an array, even if some failed.
    if (command.files.length > 1) out.stdout(JSON.stringify(reports, null, 2) + '\n');
    else if (reports.length === 1) out.stdout(JSON.stringify(reports[0], null, 2) + '\n');
  }
  return failed ? EXIT_FILE_FAILED : EXIT_OK;
}

/** Runs the CLI on argv (without node and the script path) and returns the exit status. */
export async function main(argv: string[], out: CliOutput = processOutput): Promise<number> {
  try {
    if (argv[0] === 'roster') return await runRoster(argv.slice(1), out);
    // `voicedrill pack validate|link …` has its own arguments (cli/pack.ts).
    if (argv[0] === 'pack') return (await runPack(argv.slice(1), out)) ? EXIT_OK : EXIT_FILE_FAILED;
    const command = parseCommandLine(argv);
    switch (command.kind) {
      case 'help':
        out.stdout(usageText());
        return EXIT_OK;
      case 'version':
        out.stdout(`voicedrill ${packageVersion()} (analysis ${ANALYSIS_VERSION})\n`);
        return EXIT_OK;
      case 'analyze':
        return await runAnalyze(command, out);
      case 'call':
        return await runCall(command, out);
    }
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    out.stderr(`voicedrill: ${err.message}\nRun 'voicedrill --help' for usage.\n`);
    return EXIT_USAGE;
  }
}

/** Entry point of bin/voicedrill.mjs: runs main on process.argv and sets process.exitCode. */
export async function runCli(): Promise<void> {
  // A closed pipe (voicedrill … | head) is not an error worth a stack trace.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? EXIT_OK);
    throw err;
  });
  process.exitCode = await main(process.argv.slice(2));
}
