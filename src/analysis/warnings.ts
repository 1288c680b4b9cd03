/** Warnings of a report: the analysis ran, but something about the input makes some numbers misleading. */
import type { ChannelMode } from './options.ts';

/** Why a report carries a warning. */
export type AnalysisWarningCode = 'scriptCoversPart' | 'channelMissing';

/** One warning: a code for hosts that translate, and an English sentence. */
export interface AnalysisWarning {
  code: AnalysisWarningCode;
  message: string;
}

/**
 * The script counts as covering only part of the speech when the syllable nuclei heard are at least
 * this many times its syllables and at least SCRIPT_SHORTFALL_MIN_SYLLABLES more. The nuclei estimate
 * is within ±25 % of the true count on the shared fixtures, so a factor of 2 is no estimation error.
 */
export const SCRIPT_COVERAGE_MAX_RATIO = 2;
/** Fewer missing syllables than this are never warned about (short takes, estimate noise). */
export const SCRIPT_SHORTFALL_MIN_SYLLABLES = 6;

/** What the warnings are computed from. */
export interface WarningInput {
  channels: number;
  channel: ChannelMode;
  /** The script's syllables (null without a script). */
  scriptSyllables: number | null;
  /** Syllable nuclei heard in the speech (null when not measured). */
  nuclei: number | null;
  perMinute: number | null;
  perMinuteUnit: string;
}

/** The warnings of one analysis, in a fixed order (empty when there is nothing to warn about). */
export function analysisWarnings(w: WarningInput): AnalysisWarning[] {
  const out: AnalysisWarning[] = [];
  if (w.channel === 'right' && w.channels < 2) {
    out.push({ code: 'channelMissing', message: 'the right channel was asked for, but the recording has one channel: its only channel was analysed' });
  }
  const s = w.scriptSyllables;
  if (s !== null && s > 0 && w.nuclei !== null && w.nuclei >= SCRIPT_COVERAGE_MAX_RATIO * s && w.nuclei - s >= SCRIPT_SHORTFALL_MIN_SYLLABLES) {
    const rate = w.perMinute === null ? '' : ` (${w.perMinute.toFixed(1)} ${w.perMinuteUnit})`;
    out.push({
      code: 'scriptCoversPart',
      message: `the script has ${s} syllables but about ${w.nuclei} were heard: it covers only part of the speech, ` +
        `so the rate${rate}, the parts and the pauses between them are not meaningful; give the whole text read, or no script`,
    });
  }
  return out;
}
