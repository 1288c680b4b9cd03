/** Speaking and articulation rate: from the script's syllables when there is a script, else from nuclei. */
import type { AnalysisReport } from './report.ts';
import { SCRIPT_SYLLABLES_METHOD, type ParsedScript } from './script.ts';
import type { Lang } from './types.ts';

// Without a script, English words are estimated from syllables at 1.4 syllables per word, a typical
// figure for conversational English (everyday words are mostly one syllable); the estimate is marked.
const EN_SYLLABLES_PER_WORD = 1.4;

/** The name of the no-script syllable count in the report (rate.syllablesMethod): nuclei-subband.ts (Wang & Narayanan 2007 sub-band correlation). */
export const NUCLEI_SYLLABLES_METHOD = 'nuclei:subband-wang-narayanan-2007';

/** Inputs of the rate. */
export interface RateInput {
  lang: Lang;
  script: ParsedScript | null;
  nucleiCount: number | null;
  /** Times of the nuclei counted (empty when none were sought). */
  nucleiSec: readonly number[];
  spanSec: number | null;
  soundingSec: number | null;
}

/** The report's `rate` block. */
export function buildRate(r: RateInput): AnalysisReport['rate'] {
  const fromScript = r.script !== null && r.script.syllables > 0;
  const syllables = fromScript ? (r.script as ParsedScript).syllables : r.nucleiCount;
  const words = fromScript ? (r.script as ParsedScript).words : null;
  const perSec = (n: number | null, sec: number | null): number | null => (n !== null && sec !== null && sec > 0 ? n / sec : null);
  const syllablesPerSec = perSec(syllables, r.spanSec);
  // chars/min: Mandarin counts one character per syllable; wpm: words over the same span.
  const units = r.lang === 'zh' ? syllables : words ?? (syllables !== null ? syllables / EN_SYLLABLES_PER_WORD : null);
  const perMinuteRaw = perSec(units, r.spanSec);
  return {
    syllables,
    syllablesSource: fromScript ? 'script' : 'estimate',
    syllablesMethod: fromScript ? SCRIPT_SYLLABLES_METHOD : NUCLEI_SYLLABLES_METHOD,
    nuclei: r.nucleiCount,
    nucleiSec: [...r.nucleiSec],
    words,
    syllablesPerSec,
    articulationSyllablesPerSec: perSec(syllables, r.soundingSec),
    perMinute: perMinuteRaw === null ? null : perMinuteRaw * 60,
    perMinuteUnit: r.lang === 'zh' ? 'chars/min' : 'wpm',
  };
}
