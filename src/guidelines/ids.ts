/** The keys the guideline tables are indexed by: guideline ids (fixed by GUIDELINES.md), script languages and verdict statuses. */

/** Script language. */
export type Lang = 'zh' | 'en';

/** Guideline ids, fixed by GUIDELINES.md. */
export type GuidelineId =
  | 'rate'
  | 'volume'
  | 'effort'
  | 'steadiness'
  | 'pitchLevel'
  | 'pitchVariety'
  | 'pauses'
  | 'emphasis'
  | 'warmth';

/** Verdict of one guideline. */
export type VerdictStatus = 'low' | 'borderline' | 'good' | 'high' | 'unmeasured';
