/**
 * Keyword emphasis (GUIDELINES.md point 1, "raise the pitch on key words"; band "Emphasis"): each
 * word marked *like this* in the script is located inside its mapped part (syllable-times.ts) and
 * measured against its neighbours (emphasis-cues.ts): the rest of its part, or ±2 syllables on each
 * side when the part is long, or the edge syllables of the adjacent parts when the word is its whole
 * part (the company name of the four-part greeting). Verdicts per word follow the language's rule.
 */
import type { EmphasisLimits } from '../guidelines/bands.ts';
import { measureCues, type CueSignals, type SyllableStretch, type WordCues } from './emphasis-cues.ts';
import type { EmphasisStatus, EmphasisWordReport, ScriptPartReport } from './report.ts';
import { partWords, type PartWord, type ScriptPart } from './script.ts';
import { mean, standardDeviation } from './stats.ts';
import { partSyllables, soundingIn, type PartSyllables } from './syllable-times.ts';
import type { IntervalSec, Lang } from './types.ts';

/** What the emphasis measure needs from the analysis. */
export interface EmphasisInput {
  lang: Lang;
  /** The script's parts and their mapping onto the take (same order). */
  scriptParts: readonly ScriptPart[];
  mappedParts: readonly ScriptPartReport[];
  /** Syllable nuclei of the take, s. */
  nucleiSec: readonly number[];
  /** The sounding intervals the parts were mapped on. */
  sounding: readonly IntervalSec[];
  signals: CueSignals;
  limits: EmphasisLimits;
}

/** Neighbours per side in a long part (the brief: "±2 syllables on each side if the part is long"). */
export const NEIGHBOUR_SYLLABLES_PER_SIDE = 2;

interface Part {
  words: PartWord[];
  syllables: number;
  timing: PartSyllables | null;
}

interface Unit {
  part: number;
  word: PartWord;
}

/** Whether each cue reaches its limit (a cue that cannot be measured does not hold). */
export function cuesHeld(c: WordCues, limits: EmphasisLimits): { pitch: boolean; level: boolean; duration: boolean } {
  return {
    pitch: c.pitchGainSt !== null && c.pitchGainSt >= limits.minPitchGainSt,
    level: c.levelGainDb !== null && c.levelGainDb >= limits.minLevelGainDb,
    duration: c.durationRatio !== null && c.durationRatio >= limits.minDurationRatio,
  };
}

/**
 * Verdict of one word. Mandarin: good with pitch gain and duration ratio both at their limits;
 * English: good when ranked first in its part and ≥ minCues cues hold. Otherwise borderline when
 * some cue holds, low when none; unmeasured when the word has no voiced frames or no cue is measured.
 */
export function emphasisStatus(c: WordCues, rankedFirst: boolean, lang: Lang, limits: EmphasisLimits): EmphasisStatus {
  if (!c.wordVoiced || (c.pitchGainSt === null && c.levelGainDb === null && c.durationRatio === null)) return 'unmeasured';
  const held = cuesHeld(c, limits);
  const count = Number(held.pitch) + Number(held.level) + Number(held.duration);
  const good = lang === 'zh' ? held.pitch && held.duration : rankedFirst && count >= limits.minCues;
  if (good) return 'good';
  return count > 0 ? 'borderline' : 'low';
}

/** Prominence score of each word: the sum over the three cues of its z-score across the words (missing or constant cues add 0). */
export function prominenceScores(cues: readonly WordCues[]): number[] {
  const scores = cues.map(() => 0);
  const pick: ((c: WordCues) => number | null)[] = [(c) => c.pitchGainSt, (c) => c.levelGainDb, (c) => c.durationRatio];
  for (const get of pick) {
    const values = cues.map(get).filter((x): x is number => x !== null);
    if (values.length < 2) continue;
    const m = mean(values);
    const sd = standardDeviation(values);
    if (!(sd > 0)) continue;
    cues.forEach((c, i) => {
      const x = get(c);
      if (x !== null) scores[i] += (x - m) / sd;
    });
  }
  return scores;
}

class EmphasisMeter {
  private readonly parts: Part[];

  constructor(private readonly input: EmphasisInput) {
    const { scriptParts, mappedParts, nucleiSec, sounding, signals } = input;
    this.parts = scriptParts.map((p, k) => {
      const words = partWords(p);
      const syllables = words.reduce((s, w) => s + w.syllables, 0);
      const m = mappedParts[k];
      const placed = m?.found && m.startSec !== null && m.endSec !== null && m.endSec > m.startSec && syllables > 0;
      const timing = placed
        ? partSyllables({ startSec: m.startSec as number, endSec: m.endSec as number }, syllables, nucleiSec, sounding, signals.samples, signals.sampleRateHz)
        : null;
      return { words, syllables, timing };
    });
  }

  /** The report entries of every marked word, in script order. */
  report(): EmphasisWordReport[] {
    return this.input.scriptParts.flatMap((sp, k) => sp.emphasis.map((text, e) => {
      const word = this.parts[k].words.find((w) => w.emphasisIndex === e);
      return this.measureMarked(k, text, word);
    }));
  }

  private measureMarked(k: number, text: string, word: PartWord | undefined): EmphasisWordReport {
    const timing = this.parts[k].timing;
    const unlocated: EmphasisWordReport = { word: text, partIndex: k, startSec: null, endSec: null, located: null,
      pitchGainSt: null, levelGainDb: null, durationRatio: null, status: 'unmeasured' };
    if (!word || word.syllables === 0 || !timing) return unlocated;
    const own = this.stretch(k, word.firstSyllable, word.firstSyllable + word.syllables);
    const b = timing.boundariesSec;
    const startSec = own.intervals.length > 0 ? own.intervals[0].startSec : b[word.firstSyllable];
    const endSec = own.intervals.length > 0 ? own.intervals[own.intervals.length - 1].endSec : b[word.firstSyllable + word.syllables];
    const cues = this.cues({ part: k, word });
    const rankedFirst = this.input.lang === 'en' ? this.ranksFirst({ part: k, word }, cues) : true;
    return { ...unlocated, startSec, endSec, located: timing.located, pitchGainSt: cues.pitchGainSt,
      levelGainDb: cues.levelGainDb, durationRatio: cues.durationRatio, status: emphasisStatus(cues, rankedFirst, this.input.lang, this.input.limits) };
  }

  // Syllables [from, to) of part k as a sounding stretch.
  private stretch(k: number, from: number, to: number): SyllableStretch {
    const b = (this.parts[k].timing as PartSyllables).boundariesSec;
    return { intervals: to > from ? soundingIn(this.input.sounding, { startSec: b[from], endSec: b[to] }) : [], syllables: Math.max(0, to - from) };
  }

  // The neighbours of a unit and whether its duration ratio means anything (see the module comment).
  private neighbours(u: Unit): { stretch: SyllableStretch; durationKnown: boolean } {
    const part = this.parts[u.part];
    const from = u.word.firstSyllable;
    const to = from + u.word.syllables;
    const rest = part.syllables - u.word.syllables;
    const side = NEIGHBOUR_SYLLABLES_PER_SIDE;
    const pieces: SyllableStretch[] = [];
    if (rest > 0) {
      const long = rest > 2 * side;
      pieces.push(this.stretch(u.part, long ? Math.max(0, from - side) : 0, from));
      pieces.push(this.stretch(u.part, to, long ? Math.min(part.syllables, to + side) : part.syllables));
    } else {
      const prev = this.parts[u.part - 1];
      const next = this.parts[u.part + 1];
      if (prev?.timing) pieces.push(this.stretch(u.part - 1, Math.max(0, prev.syllables - side), prev.syllables));
      if (next?.timing) pieces.push(this.stretch(u.part + 1, 0, Math.min(side, next.syllables)));
    }
    const stretch = { intervals: pieces.flatMap((p) => p.intervals), syllables: pieces.reduce((s, p) => s + p.syllables, 0) };
    // Inside a proportionally timed part every syllable gets the same time: the ratio would be 1 by construction.
    const durationKnown = rest === 0 || part.timing?.located === 'nuclei';
    return { stretch, durationKnown };
  }

  private cues(u: Unit): WordCues {
    const own = this.stretch(u.part, u.word.firstSyllable, u.word.firstSyllable + u.word.syllables);
    const { stretch, durationKnown } = this.neighbours(u);
    return measureCues(this.input.signals, own, stretch, durationKnown);
  }

  // English: the marked word against the unmarked words of its part (or, for a word that is its whole
  // part, the unmarked words its neighbour syllables belong to), by prominence score.
  private ranksFirst(u: Unit, cues: WordCues): boolean {
    const part = this.parts[u.part];
    const rivals: Unit[] = [];
    if (part.syllables > u.word.syllables) {
      for (const w of part.words) if (w.emphasisIndex === null) rivals.push({ part: u.part, word: w });
    } else {
      const side = NEIGHBOUR_SYLLABLES_PER_SIDE;
      const prev = this.parts[u.part - 1];
      const next = this.parts[u.part + 1];
      for (const w of prev?.timing ? prev.words : []) {
        if (w.emphasisIndex === null && w.firstSyllable + w.syllables > prev.syllables - side) rivals.push({ part: u.part - 1, word: w });
      }
      for (const w of next?.timing ? next.words : []) {
        if (w.emphasisIndex === null && w.firstSyllable < side) rivals.push({ part: u.part + 1, word: w });
      }
    }
    if (rivals.length === 0) return true;
    const scores = prominenceScores([cues, ...rivals.map((r) => this.cues(r))]);
    return scores.slice(1).every((s) => s <= scores[0]);
  }
}

/** Locate and measure every word marked for emphasis in the script; empty when none is marked. */
export function measureEmphasis(input: EmphasisInput): EmphasisWordReport[] {
  if (!input.scriptParts.some((p) => p.emphasis.length > 0)) return [];
  return new EmphasisMeter(input).report();
}
