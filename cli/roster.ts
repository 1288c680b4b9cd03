/**
 * `voicedrill roster RESULTS... [--csv]`: the trainer's roster from agents' results files (issue 12), for QA
 * teams working in spreadsheets. Reads every file through the app's own reader (src/packs): a bad file
 * gets one line on stderr naming it and why, the others are still read, and the exit status is 1.
 */
import { readFile, stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { buildRoster, PACK_LIMITS, readResultsFile, rosterCsv, type RosterCell, type RosterInput } from '../src/packs/index.ts';
import { GUIDELINE_IDS } from '../src/packs/results-schema.ts';
import { UsageError } from './args.ts';

/** Where the roster command writes (the CLI's streams). */
export interface RosterOutput {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** The help text of the roster command (also in `voicedrill --help`). */
export const ROSTER_USAGE = `  voicedrill roster RESULTS... [--csv]
                            the trainer's roster from agents' results files (.vdresults): a row per
                            agent and drill with attempts/required, due date, overdue and the
                            latest status per guideline; --csv prints one row per agent, drill and
                            guideline (latest and best value and status, trend, model comparison)
`;

/** Today on this machine's calendar, as `YYYY-MM-DD` (the due dates are the agent's local days). */
function localToday(now = new Date()): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Columns a character takes in a terminal: East Asian wide and full-width characters take two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(ch) ? 2 : 1;
  return width;
}

const padText = (text: string, width: number): string => text + ' '.repeat(Math.max(0, width - displayWidth(text)));
/** Texts from results files are on one line in the table (the reader already refused other control characters). */
const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** The roster as a table: a row per agent and drill, the latest status per guideline measured in any row. */
export function formatRosterTable(cells: readonly RosterCell[]): string {
  if (cells.length === 0) return 'No agents: the results files hold no drills.\n';
  const present = new Set(cells.flatMap((c) => c.guidelines.map((g) => g.guideline)));
  const guidelines = GUIDELINE_IDS.filter((g) => present.has(g));
  const header = ['Agent', 'Agent id', 'Pack', 'Drill', 'Attempts', 'Due', 'Overdue', ...guidelines];
  const rows = cells.map((c) => [
    oneLine(c.agentName) || '–', c.agentId, c.packId, c.drillId, `${c.attempts}/${c.attemptsRequired}${c.complete ? ' done' : ''}`,
    c.dueDate ?? '–', c.overdue ? 'OVERDUE' : '', ...guidelines.map((g) => c.guidelines.find((x) => x.guideline === g)?.latest?.status ?? '–'),
  ]);
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i]))));
  const line = (cols: string[]): string => cols.map((col, i) => padText(col, widths[i])).join('  ').trimEnd() + '\n';
  return line(header) + rows.map(line).join('');
}

/** One results file as roster input, or the sentence why not. */
async function readInput(file: string): Promise<RosterInput | string> {
  let bytes: Uint8Array;
  try {
    // A file too big is refused before it is read into memory.
    if ((await stat(file)).size > PACK_LIMITS.resultsFileBytes) return `it is larger than ${PACK_LIMITS.resultsFileBytes / 1024 / 1024} MB, the most VoiceDrill reads`;
    bytes = new Uint8Array(await readFile(file));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder, not a results file' : `cannot read it (${code ?? 'unknown error'})`;
  }
  const read = readResultsFile(bytes);
  if (!read.ok) return read.error.replace(/\.$/, '');
  const { agent, pack, takes } = read.value.results;
  return { agentId: agent.id, agentName: agent.name, pack, takes };
}

/** Runs `voicedrill roster` on its arguments (after the word roster); returns the exit status (throws UsageError). */
export async function runRoster(argv: string[], out: RosterOutput, today: string = localToday()): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, strict: true, allowPositionals: true, options: { csv: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  } catch (err) {
    // Node's message goes on with advice about '--' that does not fit here: its first sentence only.
    throw new UsageError(`roster: ${(err as Error).message.split(/\.(?:\s|$)/)[0].replace(/^./, (c) => c.toLowerCase())}`);
  }
  if (parsed.values.help) {
    out.stdout(`Usage:\n${ROSTER_USAGE}`);
    return 0;
  }
  const files = parsed.positionals;
  if (files.length === 0) throw new UsageError('roster needs at least one results file; try: voicedrill roster results/*.vdresults');
  const inputs: RosterInput[] = [];
  let failed = false;
  for (const file of files) {
    const input = await readInput(file);
    if (typeof input === 'string') {
      out.stderr(`voicedrill: ${file}: cannot read results: ${input}\n`);
      failed = true;
    } else inputs.push(input);
  }
  const cells = buildRoster(inputs, today);
  if (parsed.values.csv) out.stdout(rosterCsv(cells));
  else if (inputs.length > 0) out.stdout(formatRosterTable(cells));
  return failed ? 1 : 0;
}
