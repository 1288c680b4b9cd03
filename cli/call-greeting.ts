/**
 * The opening greeting of `voicedrill call`: the drill it is scored against (--greeting ID, default the
 * built-in four-part greeting of the call's language: a recorded service call opens with the company's
 * name), the greeting found by the core (analyzeCallGreeting) as a take report, and its table.
 * The template's {name} and {company} are filled with --name and --company, else the drill's sample profile
 * (the CLI has no agent profile): a name or company of another syllable count than the one spoken moves the
 * greeting's rate by that share.
 */
import { analyzeCallGreeting, roundReport, type AudioInput, type CallReport, type FileReport, type Lang } from './analysis.ts';
import { UsageError } from './args.ts';
import { formatClock } from './format-call.ts';
import { formatTable } from './format-table.ts';
import { BUILT_IN_GREETINGS, cleanFill, fillTemplate, findBuiltInDrill, SAMPLE_PROFILE, type Drill, type DrillProfile } from '../src/drills/index.ts';

/** The greeting of one call as `voicedrill call --json` prints it: the drill, the span, the take report. */
export interface GreetingJson {
  drill: string;
  /** The drill's template as filled: the script the greeting is scored against. */
  script: string;
  /** The agent's first phrase group in the call, s. */
  startSec: number;
  endSec: number;
  /** Where the analysed slice starts in the call: the report's times are from here, s. */
  sliceStartSec: number;
  report: FileReport;
}

/** The drill id used without --greeting: the four-part greeting of the call's language. */
export function defaultGreetingId(lang: Lang): string {
  return `${lang}-greeting4`;
}

/** The built-in greeting drill `id` (default: the call language's four-part one); throws UsageError. */
export function greetingDrill(id: string | undefined, lang: Lang): Drill {
  const drill = findBuiltInDrill(id ?? defaultGreetingId(lang));
  if (drill === null || (drill.kind !== 'greeting3' && drill.kind !== 'greeting4')) {
    throw new UsageError(`--greeting must be a built-in greeting drill (${BUILT_IN_GREETINGS.map((d) => d.id).join(', ')}), not '${id}'`);
  }
  return drill;
}

const ms = (x: number): number => Math.round(x * 1000) / 1000;

/** The greeting's script: the drill's template filled with the given name and company, else its sample ones. */
export function greetingScript(drill: Drill, fill: Partial<DrillProfile> = {}): string {
  const sample = SAMPLE_PROFILE[drill.lang];
  const given = (x: string | undefined): string | null => (x !== undefined && cleanFill(x) !== '' ? cleanFill(x) : null);
  return fillTemplate(drill.template, { name: given(fill.name) ?? sample.name, company: given(fill.company) ?? sample.company });
}

/** Find and score the greeting of an analysed call against `drill`; null when the agent never speaks. */
export function callGreeting(input: AudioInput, call: CallReport, drill: Drill, file: string, fill: Partial<DrillProfile> = {}): GreetingJson | null {
  const script = greetingScript(drill, fill);
  const found = analyzeCallGreeting(input, call, { lang: drill.lang, script, bands: drill.bands });
  if (found === null) return null;
  const label = `${file} greeting ${formatClock(found.startSec)}–${formatClock(found.endSec)}`;
  return {
    drill: drill.id, script, startSec: ms(found.startSec), endSec: ms(found.endSec), sliceStartSec: ms(found.sliceStartSec),
    report: { file: label, ...roundReport(found.report) },
  };
}

/** The greeting's section of the call table: its drill and span, then the take table with its verdicts. */
export function formatGreetingTable(greeting: GreetingJson | null): string {
  if (greeting === null) return '\nopening greeting: not found (the agent does not speak)\n';
  return `\nopening greeting (${greeting.drill}, the agent's first phrase group ${greeting.startSec}–${greeting.endSec} s; ` +
    `times below from ${greeting.sliceStartSec} s)\n` + formatTable(greeting.report);
}
