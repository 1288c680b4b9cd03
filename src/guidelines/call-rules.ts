/**
 * Default rules of the recorded-call findings (../shared/GUIDELINES.md "Recorded calls") as versioned
 * data, next to the bands. Every rule is a configurable default, like the bands.
 */

/** Version of this rule table; stored with every call report. */
export const CALL_RULES_VERSION = '2026-12-02.1';

/** Finding ids of a recorded call, fixed by GUIDELINES.md. */
export type CallFindingId =
  | 'rushing'
  | 'slow'
  | 'flat'
  | 'loud'
  | 'soft'
  | 'deadAir'
  | 'overtalk'
  | 'paceMismatch'
  | 'slowResponse'
  | 'monologue';

/** Every call finding id, in the order of GUIDELINES.md. */
export const CALL_FINDING_IDS: readonly CallFindingId[] = [
  'rushing', 'slow', 'flat', 'loud', 'soft', 'deadAir', 'overtalk', 'paceMismatch', 'slowResponse', 'monologue',
];

/** The thresholds of the call findings. */
export interface CallRules {
  version: string;
  /** Rushing / slow: the agent's rate beyond the rate band's fast / slow edge over at least this much agent speech, s. */
  rateMinAgentSpeechSec: number;
  /** Flat: pitch variety below the band's flat edge over at least this much agent speech, s. */
  flatMinAgentSpeechSec: number;
  /** Loud / soft: level against the agent's calibration (or the call's agent median) above loudAboveDb / below softBelowDb … */
  loudAboveDb: number;
  softBelowDb: number;
  /** … for at least this long, s. */
  levelMinSec: number;
  /** Dead air: both sides silent at least this long, s. */
  deadAirMinSec: number;
  /** Overtalk: both speaking at least this long, s. */
  overtalkMinSec: number;
  /** Slow response: the agent starts more than this after the customer stops, s. */
  slowResponseAboveSec: number;
  /** Monologue: one agent turn longer than this, s. */
  monologueAboveSec: number;
  /** Pace mismatch: |agent rate ÷ customer's preceding turn rate − 1| ≤ good is good; > flagged is a finding. */
  paceGoodWithinFraction: number;
  paceFlaggedBeyondFraction: number;
}

/** The defaults of GUIDELINES.md "Recorded calls". */
export const DEFAULT_CALL_RULES: CallRules = {
  version: CALL_RULES_VERSION,
  // A window long enough not to flag one quick phrase.
  rateMinAgentSpeechSec: 10,
  flatMinAgentSpeechSec: 10,
  // The effort band: soft < −3 dB, loud > +8 dB.
  loudAboveDb: 8,
  softBelowDb: -3,
  levelMinSec: 5,
  // Call-analytics practice: 3 s (MiiTel); 5 s in Google CCAI's silence share.
  deadAirMinSec: 3,
  // Call-analytics practice: ≥ 1 s (MiiTel).
  overtalkMinSec: 1,
  // Conversational turn gaps are ~0.2 s; > 1–2 s is felt as hesitation.
  slowResponseAboveSec: 2,
  // Call-coaching practice: the 40 s "steamroll".
  monologueAboveSec: 40,
  // Match the customer: tempo differences under ~10 % go unnoticed.
  paceGoodWithinFraction: 0.15,
  paceFlaggedBeyondFraction: 0.25,
};
