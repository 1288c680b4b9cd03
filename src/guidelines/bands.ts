/**
 * Target bands of ../shared/GUIDELINES.md ("Initial target bands") as versioned data.
 * Every band is a configurable default: trainers may override it per drill.
 */
import type { GuidelineId, Lang } from './ids.ts';

/** Version of this band table; stored with every verdict. */
export const GUIDELINES_VERSION = '2026-11-23.1';

/**
 * A four-edge band: below lowBelow → low; lowBelow…goodMin → borderline; goodMin…goodMax → good;
 * goodMax…highAbove → borderline; above highAbove → high. A null edge is open.
 */
export interface Band {
  lowBelow: number | null;
  goodMin: number | null;
  goodMax: number | null;
  highAbove: number | null;
  unit: string;
}

/** Extra limits of the volume (recording level) guideline. */
export interface VolumeLimits {
  goodPeakMaxDbfs: number;
  hotPeakAboveDbfs: number;
  goodSnrMinDb: number;
}

/** Limits of the pauses guideline. */
export interface PauseLimits {
  betweenPartsMinSec: number;
  betweenPartsMaxSec: number;
  longestMaxSec: number;
  maxPausesInsidePart: number;
}

/** Limits of the steadiness guideline. */
export interface SteadinessLimits {
  maxPhraseSdDb: number;
  maxFinalDropDb: number;
}

/** Limits of the experimental warmth guideline (shown, not scored). */
export interface WarmthLimits {
  minDeltaSt: number;
  minBrightnessGainFraction: number;
}

/** Limits of the emphasis guideline. */
export interface EmphasisLimits {
  minPitchGainSt: number;
  minDurationRatio: number;
  minLevelGainDb: number;
  /** English: how many of the three cues must hold. */
  minCues: number;
}

/** All bands for one script language. */
export interface GuidelineBands {
  version: string;
  lang: Lang;
  /** Rate in characters/min (zh) or words/min (en). */
  rate: Band;
  volume: Band;
  volumeLimits: VolumeLimits;
  effort: Band;
  steadiness: SteadinessLimits;
  pitchLevel: Band;
  pitchVariety: Band;
  pauses: PauseLimits;
  emphasis: EmphasisLimits;
  warmth: WarmthLimits;
}

const shared = {
  version: GUIDELINES_VERSION,
  // Recording level: too quiet < −30, good −28…−16 dBFS (ITU-T P.56 −26 dBov; RFC 7874 −22 ± 6 dBFS).
  volume: { lowBelow: -30, goodMin: -28, goodMax: -16, highAbove: null, unit: 'dBFS' },
  volumeLimits: { goodPeakMaxDbfs: -3, hotPeakAboveDbfs: -1, goodSnrMinDb: 25 },
  // Effort against the agent's own calibration level.
  effort: { lowBelow: -3, goodMin: -2, goodMax: 4, highAbove: 8, unit: 'dB' },
  steadiness: { maxPhraseSdDb: 3, maxFinalDropDb: 6 },
  // Pitch level against the agent's own baseline median; smiled speech raises F0 slightly.
  pitchLevel: { lowBelow: -1, goodMin: 0, goodMax: 2, highAbove: 4, unit: 'st' },
  // 250 ms silent-pause threshold; ~0.6 s at sentence ends sounds most natural.
  pauses: { betweenPartsMinSec: 0.15, betweenPartsMaxSec: 0.8, longestMaxSec: 1.2, maxPausesInsidePart: 1 },
  warmth: { minDeltaSt: 1, minBrightnessGainFraction: 0.03 },
} as const;

/** Default bands per script language, from GUIDELINES.md. */
export const DEFAULT_BANDS: Record<Lang, GuidelineBands> = {
  zh: {
    ...shared,
    lang: 'zh',
    // 字/min: read Mandarin ≈ 210–220 syllables/min; newscasters 4.3 chars/s most intelligible.
    rate: { lowBelow: 160, goodMin: 180, goodMax: 240, highAbove: 270, unit: 'chars/min' },
    // Tone languages have a larger raw F0 SD (Hincks; open-source coaches flag < 1.2–2 st).
    pitchVariety: { lowBelow: 2.0, goodMin: 2.5, goodMax: 5.5, highAbove: 7, unit: 'st' },
    // Mandarin prominence: pitch range and length lead.
    emphasis: { minPitchGainSt: 2, minDurationRatio: 1.2, minLevelGainDb: 2, minCues: 2 },
  },
  en: {
    ...shared,
    lang: 'en',
    // English coaching ranges 120–160 wpm.
    rate: { lowBelow: 110, goodMin: 120, goodMax: 160, highAbove: 175, unit: 'wpm' },
    pitchVariety: { lowBelow: 1.5, goodMin: 2.0, goodMax: 4.5, highAbove: 6, unit: 'st' },
    // English prominence: loudness and duration lead; ≥ 2 of the three cues.
    emphasis: { minPitchGainSt: 2, minDurationRatio: 1.2, minLevelGainDb: 2, minCues: 2 },
  },
};

/** Which guidelines are scored, and which are only shown. */
export const SCORED_GUIDELINES: readonly GuidelineId[] = [
  'rate', 'volume', 'effort', 'steadiness', 'pitchLevel', 'pitchVariety', 'pauses', 'emphasis',
];
