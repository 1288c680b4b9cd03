/**
 * The greeting template a call's opening greeting is scored against (issue 11 point 4): a built-in greeting
 * drill of the call's language, three-part or four-part (default four-part, as `voicedrill call`: a service
 * call opens with the company's name), filled with the agent's name and company as the practice screen fills
 * it (renderDrill: the profile's values, else the drill's sample ones) — the same script the CLI builds from
 * --name and --company.
 */
import type { Lang } from '../analysis/index.ts';
import { cleanFill, findBuiltInDrill, renderDrill, type Drill, type DrillProfile } from '../drills/index.ts';
import type { CallGreetingChoice } from '../workers/call-greeting.ts';

/** The two standard greetings (GUIDELINES.md point 2). */
export type GreetingKind = 'greeting3' | 'greeting4';

export const GREETING_KINDS: readonly GreetingKind[] = ['greeting3', 'greeting4'];

/** The greeting scored when the agent has not chosen: the four-part one (what `voicedrill call` uses without --greeting). */
export const DEFAULT_GREETING_KIND: GreetingKind = 'greeting4';

/** The built-in greeting drill of `kind` in `lang`. */
export function greetingDrillOf(lang: Lang, kind: GreetingKind): Drill {
  const drill = findBuiltInDrill(`${lang}-${kind}`);
  if (drill === null) throw new RangeError(`there is no built-in ${kind} drill for ${lang}`);
  return drill;
}

/** Does the template of `kind` use {name} / {company}? (The three-part greeting names no company.) */
export function greetingNeeds(lang: Lang, kind: GreetingKind): { name: boolean; company: boolean } {
  const { template } = greetingDrillOf(lang, kind);
  return { name: template.includes('{name}'), company: template.includes('{company}') };
}

/** The first of the given values that is not empty once cleaned, else ''. */
export function firstFill(...values: (string | null | undefined)[]): string {
  return values.map((v) => cleanFill(v ?? '')).find((v) => v !== '') ?? '';
}

/** The drill and its filled script; an empty name or company gets the drill's sample (as on the practice screen and in the CLI). */
export function greetingChoice(lang: Lang, kind: GreetingKind, fill: Partial<DrillProfile>): CallGreetingChoice {
  const drill = greetingDrillOf(lang, kind);
  return { drillId: drill.id, script: renderDrill(drill, fill).script };
}

export type { CallGreetingChoice };
