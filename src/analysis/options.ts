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

/** Lowest and highest sample rate the engine accepts, Hz. */
export const MIN_INPUT_RATE_HZ = 8000;
export const MAX_INPUT_RATE_HZ = 192000;

/**
 * Refuses audio the engine cannot analyse (RangeError with a one-line reason): no channels, a sample rate
 * outside 8–192 kHz, channels of different lengths.
 */
export function validateAudioInput(input: AudioInput): void {
  if (input.channels.length === 0) throw new RangeError('the audio has no channels');
  if (!(input.sampleRateHz >= MIN_INPUT_RATE_HZ && input.sampleRateHz <= MAX_INPUT_RATE_HZ)) {
    throw new RangeError(`unsupported sample rate ${input.sampleRateHz} Hz (8–192 kHz)`);
  }
  const n = input.channels[0].length;
  if (input.channels.some((c) => c.length !== n)) throw new RangeError('the channels differ in length');
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
