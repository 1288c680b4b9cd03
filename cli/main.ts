/** `voicedrill`: command dispatch, per-file error handling and exit status. */
import { readFileSync } from 'node:fs';
import { analysisLang, analyzeToJson, ANALYSIS_VERSION, type AnalyzeOptions, type FileReport } from './analysis.ts';
import { parseCommandLine, readScriptFile, toAnalyzeOptions, UsageError, type Command } from './args.ts';
import { parseBaselineArg, readBandsFile } from './config-files.ts';
import { decodeFile, DecodeError } from './decode-file.ts';
import { formatTable } from './format-table.ts';
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

/** Analyses one file; prints its error line and returns null when it fails. */
async function analyzeFile(file: string, options: AnalyzeOptions, out: CliOutput): Promise<FileReport | null> {
  let input;
  try {
    input = await decodeFile(file);
  } catch (err) {
    out.stderr(`voicedrill: ${file}: cannot decode: ${err instanceof DecodeError ? err.message : oneLine(err)}\n`);
    return null;
  }
  try {
    return analyzeToJson(input, options, file);
  } catch (err) {
    out.stderr(`voicedrill: ${file}: cannot analyse: ${oneLine(err)}\n`);
    return null;
  }
}

async function runAnalyze(command: Extract<Command, { kind: 'analyze' }>, out: CliOutput): Promise<number> {
  const script = command.scriptFile !== undefined ? await readScriptFile(command.scriptFile) : command.script;
  // Bands are merged for the language the analysis will run in (the same rule as analyzeRecording).
  const lang = analysisLang({ lang: command.lang, script });
  const bands = command.bandsFile !== undefined ? await readBandsFile(command.bandsFile, lang) : undefined;
  const baseline = command.baseline !== undefined ? await parseBaselineArg(command.baseline) : undefined;
  const options = toAnalyzeOptions(command, script, { bands, baseline });
  const reports: FileReport[] = [];
  let failed = false;
  for (const [i, file] of command.files.entries()) {
    const report = await analyzeFile(file, options, out);
    if (report === null) {
      failed = true;
      continue;
    }
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

/** Runs the CLI on argv (without node and the script path) and returns the exit status. */
export async function main(argv: string[], out: CliOutput = processOutput): Promise<number> {
  try {
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
