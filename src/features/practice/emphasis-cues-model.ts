/**
 * The measure a key word's verdict is made of (GUIDELINES.md, Emphasis): its cues against the
 * neighbouring syllables, each against its limit, only the cues the script language's rule uses
 * (Mandarin: pitch and length, both; English: ≥ minCues of pitch, loudness and length, and the most
 * prominent word of its part). Pure.
 */
import type { EmphasisWordReport } from '../../takes/index.ts';
import type { Drill } from '../../drills/types.ts';
import { formatNumber, t, unitLabel, type UiLang } from '../../i18n/index.ts';

/** One cue of a key word: its value against its limit. */
export interface EmphasisCue {
  cue: 'pitch' | 'level' | 'duration';
  /** The report's number (null when it could not be measured). */
  value: number | null;
  /** Whether it reached its limit (a cue not measured does not hold). */
  held: boolean;
  /** "pitch +3.08 st ✓" */
  text: string;
}

const signed = (x: number): string => `${x > 0 ? '+' : ''}${formatNumber(x)}`;

/** The cues the rule of the drill's language uses, and why a word whose cues held is still not good. */
export function emphasisCues(m: EmphasisWordReport | null, drill: Drill, lang: UiLang): { cues: EmphasisCue[]; note: string | null } {
  if (m === null || m.status === 'unmeasured') return { cues: [], note: null };
  const lim = drill.bands.emphasis;
  const make = (cue: EmphasisCue['cue'], value: number | null, min: number, show: (x: number) => string): EmphasisCue => {
    const held = value !== null && value >= min;
    const mark = held ? '✓' : '✗';
    return { cue, value, held, text: t(lang, `emphasis.cue.${cue}`, { value: value === null ? '—' : show(value), mark }) };
  };
  const pitch = make('pitch', m.pitchGainSt, lim.minPitchGainSt, (x) => `${signed(x)} ${unitLabel(lang, 'st')}`);
  const level = make('level', m.levelGainDb, lim.minLevelGainDb, (x) => `${signed(x)} ${unitLabel(lang, 'dB')}`);
  const duration = make('duration', m.durationRatio, lim.minDurationRatio, (x) => `${formatNumber(x)}×`);
  if (drill.lang === 'zh') return { cues: [pitch, duration], note: null };
  const cues = [pitch, level, duration];
  const enough = cues.filter((c) => c.held).length >= lim.minCues;
  return { cues, note: enough && m.status !== 'good' ? t(lang, 'emphasis.notMostProminent') : null };
}

/** The rule key words are judged by, for the drill's language, in the UI language. */
export function emphasisRuleText(drill: Drill, lang: UiLang): string {
  const lim = drill.bands.emphasis;
  const params = { pitch: formatNumber(lim.minPitchGainSt), level: formatNumber(lim.minLevelGainDb), ratio: formatNumber(lim.minDurationRatio), cues: lim.minCues };
  return t(lang, drill.lang === 'zh' ? 'scorecard.emphasisRule.zh' : 'scorecard.emphasisRule.en', params);
}
