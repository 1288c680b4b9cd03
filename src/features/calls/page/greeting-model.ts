/**
 * The call's opening greeting on the call page (issue 11 point 4): the stored greeting as the take the
 * practice scorecard shows (ScorecardView reads an AnalysedTake), and its one-line verdict for the printed
 * report. Pure.
 */
import { findBuiltInDrill, type Drill } from '../../../drills/index.ts';
import { SCORED_GUIDELINES } from '../../../guidelines/bands.ts';
import { guidelineLabel, statusLabel, t, type UiLang } from '../../../i18n/index.ts';
import { SCHEMA_VERSION, type CallGreetingRecord, type CallRecord } from '../../../storage/index.ts';
import type { AnalysedTake } from '../../../takes/index.ts';

/** The stored greeting with its drill, or null when there is none (or its drill is not a built-in one). */
export function greetingOf(call: Pick<CallRecord, 'greeting'>): { greeting: CallGreetingRecord; drill: Drill } | null {
  const greeting = call.greeting ?? null;
  const drill = greeting === null ? null : findBuiltInDrill(greeting.drillId);
  return greeting === null || drill === null ? null : { greeting, drill };
}

/**
 * The greeting as a take for the scorecard: never stored as a take (its id starts 'unsaved-', so the card
 * offers no take actions), recorded when the call was imported, as long as the analysed slice.
 */
export function greetingTake(call: Pick<CallRecord, 'id' | 'createdAt' | 'sampleRateHz'>, greeting: CallGreetingRecord, drill: Drill): AnalysedTake {
  const take = {
    schemaVersion: SCHEMA_VERSION, id: `unsaved-greeting-${call.id}`, drillId: drill.id, drill, script: greeting.script,
    createdAt: new Date(call.createdAt).toISOString(), status: 'analysed' as const, sampleRateHz: call.sampleRateHz,
    durationSec: greeting.report.durationSec, report: greeting.report, analysisVersion: greeting.report.analysisVersion,
    name: null, failure: null, incomplete: false, countAnyway: false,
  };
  return { take, drill, report: { file: take.id, ...greeting.report }, comparison: { previous: null, best: null }, saved: Promise.resolve(take) };
}

/** The greeting's overall verdict: scored guidelines measured and good, and the ones to change (too low / too high). */
export interface GreetingVerdict {
  good: number;
  total: number;
  toChange: string[];
}

/** The verdict line's numbers in a UI language. */
export function greetingVerdict(greeting: CallGreetingRecord, lang: UiLang): GreetingVerdict {
  const scored = greeting.report.verdicts.filter((v) => SCORED_GUIDELINES.includes(v.guideline) && v.status !== 'unmeasured');
  return {
    good: scored.filter((v) => v.status === 'good').length,
    total: scored.length,
    toChange: scored.filter((v) => v.status === 'low' || v.status === 'high')
      .map((v) => t(lang, 'headline.item', { guideline: guidelineLabel(lang, v.guideline), status: statusLabel(lang, v.guideline, v.status) })),
  };
}
