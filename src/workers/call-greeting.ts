/**
 * The opening greeting of an imported call (issue 11 point 4), scored in the call worker as
 * `voicedrill call --greeting` scores it (cli/call-greeting.ts): the built-in greeting drill's language and
 * bands, the template filled by the app (its script), analyzeCallGreeting on the call's opening, the take
 * report rounded as a take's is stored (roundReport, what analyzeToJson gives without its file label) and
 * the span rounded to the millisecond as the CLI prints it.
 */
import { analyzeCallGreeting, roundReport, type AudioInput, type Baseline, type CallReport, type ScoredCallGreeting } from '../analysis/index.ts';
import { findBuiltInDrill } from '../drills/index.ts';

/** The greeting template chosen at import: a built-in greeting drill and its filled script. */
export interface CallGreetingChoice {
  drillId: string;
  /** The drill's template with the agent's name and company: what the greeting is scored against. */
  script: string;
  /** The agent's calibration, as a practice take is scored against it (effort, pitch level); absent or null: none (as the CLI). */
  baseline?: Baseline | null;
}

/** The greeting found and scored. */
export type CallGreetingResult = ScoredCallGreeting;

const ms = (x: number): number => Math.round(x * 1000) / 1000;

/**
 * Score the greeting of an analysed call against `choice`; null when the drill is not a built-in greeting
 * or the agent does not speak within `opening` (the call's first OPENING_SEC).
 */
export function scoreCallGreeting(opening: AudioInput, call: Pick<CallReport, 'turns' | 'agentChannel'>, choice: CallGreetingChoice): CallGreetingResult | null {
  const drill = findBuiltInDrill(choice.drillId);
  if (drill === null || (drill.kind !== 'greeting3' && drill.kind !== 'greeting4')) return null;
  const baseline = choice.baseline ?? null;
  const found = analyzeCallGreeting(opening, call, { lang: drill.lang, script: choice.script, bands: drill.bands, baseline });
  if (found === null) return null;
  return {
    drillId: drill.id, script: choice.script,
    startSec: ms(found.startSec), endSec: ms(found.endSec), sliceStartSec: ms(found.sliceStartSec),
    report: roundReport(found.report), baseline,
  };
}
