/** Options of one analysis run. */
import type { GuidelineBands } from '../guidelines/bands.ts';
import { guessLang } from './script.ts';
import type { Lang } from './types.ts';

/** Which channel(s) of a multichannel file to analyse. */
export type ChannelMode = 'mix' | 'left' | 'right';

/** The agent's own calibration, against which pitch level and effort are measured. */
export interface Baseline {
  medianHz: number;
  activeLevelDbfs: number;
  /** Spectral brightness of the neutral reading; enables the experimental warmth verdict. */
  brightnessHz?: number | null;
}

/** Input audio: one Float32Array per channel, all the same length. */
export interface AudioInput {
  channels: Float32Array[];
  sampleRateHz: number;
}

/** Options of analyzeRecording. */
export interface AnalyzeOptions {
  /** Script language; default: guessed from the script, else 'en'. */
  lang?: Lang;
  /** The text read aloud, if any; parts split at ，,。.?？ or '|'. */
  script?: string;
  channel?: ChannelMode;
  baseline?: Baseline | null;
  /**
   * Bands every verdict (and the emphasis limits) is judged against; default DEFAULT_BANDS[lang].
   * Plain data (it is posted to the worker); its lang must be the analysis language.
   */
  bands?: GuidelineBands;
}

/** The language an analysis runs in: options.lang, else guessed from the script, else 'en'. */
export function analysisLang(options: Pick<AnalyzeOptions, 'lang' | 'script'>): Lang {
  return options.lang ?? (options.script && options.script.trim() ? guessLang(options.script) : 'en');
}
