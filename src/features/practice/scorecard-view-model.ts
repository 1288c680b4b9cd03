/**
 * What the scorecard view adds to the scorecard model: the attributes tests and tools read
 * (`data-value` exactly as the CLI prints the verdict value), signed deltas, and the comparison with
 * the previous take and the personal best as sentences. Pure.
 */
import type { Baseline } from '../../takes/index.ts';
import { differenceUnit, formatNumber, formatWhen, t, unitLabel, type UiLang } from '../../i18n/index.ts';
import { buildScorecard, type Scorecard, type ScorecardRow } from './scorecard-model.ts';
import { takeCounts, type AnalysedTake } from '../../takes/index.ts';

/** The `data-value` of a row: the report's number as the CLI's JSON prints it, '' for null. */
export function dataValue(value: number | null): string {
  return value === null ? '' : formatNumber(value);
}

/** A change as text with its sign and unit ("+1.2 dB", "−0.5 st", "0 s"), or null. */
export function deltaText(delta: number | null, unitLabel: string): string | null {
  if (delta === null) return null;
  const sign = delta > 0 ? '+' : delta < 0 ? '−' : '';
  return `${sign}${formatNumber(Math.abs(delta))} ${unitLabel}`;
}

/** The comparison lines of a row ("+1.2 dB vs previous", "−3 wpm vs best"); a level's change is in dB, not dBFS. */
export function rowComparisons(row: ScorecardRow, lang: UiLang): string[] {
  const out: string[] = [];
  const unit = unitLabel(lang, differenceUnit(row.unit));
  const prev = deltaText(row.deltaFromPrevious, unit);
  if (prev !== null) out.push(t(lang, 'scorecard.deltaPrevious', { delta: prev }));
  const best = deltaText(row.deltaFromBest, unit);
  if (best !== null) out.push(t(lang, 'scorecard.deltaBest', { delta: best }));
  return out;
}

/** The comparison with the previous take and the personal best, as sentences. */
export interface ComparisonView {
  /** "This is your first take of this drill." or the better/worse/unchanged counts against the previous take. */
  previousText: string;
  /** "A new personal best!", "Your personal best is the take of …", or null when there is no best yet. */
  bestText: string | null;
  newBest: boolean;
}

/** Sentences comparing a scorecard with the previous take and the best (their creation times for the text). */
export function comparisonView(card: Scorecard, lang: UiLang, previousAt: string | null, bestAt: string | null): ComparisonView {
  let previousText = t(lang, 'scorecard.firstTake');
  if (previousAt !== null) {
    const trends = card.rows.map((r) => r.trendFromPrevious);
    const count = (x: string): number => trends.filter((tr) => tr === x).length;
    previousText = t(lang, 'app.labelled', {
      label: t(lang, 'scorecard.vsPrevious'),
      text: t(lang, 'scorecard.summary', { better: count('better'), worse: count('worse'), same: count('same') }),
    });
  }
  let bestText: string | null = null;
  if (card.isNewBest) bestText = t(lang, 'scorecard.newBest');
  else if (bestAt !== null) bestText = t(lang, 'scorecard.bestFrom', { when: formatWhen(bestAt, lang) });
  return { previousText, bestText, newBest: card.isNewBest };
}

/** The scorecard of an analysed take in a UI language (the one place the view builds it). */
export function scorecardOf(analysed: AnalysedTake, uiLang: UiLang, baseline: Baseline | null): Scorecard {
  const { report, drill, take, comparison } = analysed;
  return buildScorecard({
    report, drill, uiLang, previous: comparison.previous?.report ?? null, best: comparison.best?.report ?? null, baseline, script: take.script,
    counts: takeCounts(take),
  });
}

/** What the status line says when the scorecard arrives: its title and headline. */
export function scorecardAnnouncement(card: Scorecard, lang: UiLang): string {
  return t(lang, 'app.labelled', { label: t(lang, 'scorecard.title'), text: card.headline.text });
}
