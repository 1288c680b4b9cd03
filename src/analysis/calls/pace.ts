/**
 * Per-turn speaking rate from the no-script syllable estimate (nuclei-subband.ts, as analyze.ts uses it
 * without a script: the lenient voicing track of the pitch pass, the TCSSBC peaks over the span), the
 * agent's pace against the customer's preceding turn, and the rate findings.
 */
import type { GuidelineBands } from '../../guidelines/bands.ts';
import type { CallRules } from '../../guidelines/call-rules.ts';
import { subbandNuclei } from '../nuclei-subband.ts';
import { intervalLevelDbfs } from '../loudness.ts';
import { pitchStats } from '../pitch/index.ts';
import { analysePitch, type PitchResult } from '../pitch-pass.ts';
import { finiteOrNull } from '../stats.ts';
import { ANALYSIS_RATE_HZ, type IntervalSec, type Lang } from '../types.ts';
import { finding } from './events.ts';
import { flagRuns } from './runs.ts';
import type { CallFinding, CallTurn, PaceExchange, PaceStatus } from './report.ts';
import type { RawTurn } from './turns.ts';

/** A turn with less speech than this gets no rate, s: a word or two says little about pace. */
export const MIN_RATE_SPEECH_SEC = 1;
// English words from syllables, as rate.ts: 1.4 syllables per word.
const EN_SYLLABLES_PER_WORD = 1.4;

/** The pitch pass over one side's speech (null when it has none). */
export function sidePitch(hp: Float32Array, speech: readonly IntervalSec[]): PitchResult | null {
  return speech.length > 0 ? analysePitch(hp, speech) : null;
}

/**
 * Each turn of one side measured on its channel (16 kHz high-passed): syllables (no-script estimate) and
 * rate when it holds ≥ MIN_RATE_SPEECH_SEC of speech, active level (P.56 over the turn), pitch variety
 * (F0 SD in semitones over its voiced frames).
 */
export function measureTurns(hp: Float32Array, pitch: PitchResult | null, turns: readonly RawTurn[]): CallTurn[] {
  return turns.map((t) => {
    const count = pitch && t.speechSec >= MIN_RATE_SPEECH_SEC ? subbandNuclei(hp, ANALYSIS_RATE_HZ, pitch.lenientVoicing, t).count : null;
    const spanSec = t.endSec - t.startSec;
    return {
      ...t,
      syllables: count,
      syllablesPerSec: count !== null && spanSec > 0 ? count / spanSec : null,
      activeLevelDbfs: finiteOrNull(intervalLevelDbfs(hp, ANALYSIS_RATE_HZ, t)),
      pitchSdSt: pitch?.track ? pitchStats(pitch.track, [t]).sdSt : null,
    };
  });
}

/** Status of agent ÷ customer rate under the rules. */
export function paceStatus(ratio: number, rules: CallRules): PaceStatus {
  const off = Math.abs(ratio - 1);
  if (off <= rules.paceGoodWithinFraction) return 'good';
  return off > rules.paceFlaggedBeyondFraction ? 'mismatch' : 'borderline';
}

/** Each measured agent turn against the last measured customer turn that began before it. */
export function paceExchanges(turns: readonly CallTurn[], rules: CallRules): PaceExchange[] {
  const out: PaceExchange[] = [];
  let customer = -1;
  turns.forEach((t, k) => {
    if (t.syllablesPerSec === null) return;
    if (t.speaker === 'customer') customer = k;
    else if (customer >= 0 && (turns[customer].syllablesPerSec as number) > 0) {
      const customerSyllablesPerSec = turns[customer].syllablesPerSec as number;
      const ratio = t.syllablesPerSec / customerSyllablesPerSec;
      out.push({ customerTurn: customer, agentTurn: k, customerSyllablesPerSec, agentSyllablesPerSec: t.syllablesPerSec, ratio, status: paceStatus(ratio, rules) });
    }
  });
  return out;
}

/** paceMismatch findings: the agent turns of the exchanges beyond the flagged fraction. */
export function paceMismatches(turns: readonly CallTurn[], exchanges: readonly PaceExchange[]): CallFinding[] {
  return exchanges.filter((e) => e.status === 'mismatch').map((e) => finding('paceMismatch', turns[e.agentTurn], null, e.ratio));
}

/** Syllables ÷ turn seconds over one side's measured turns. */
export function sideRate(turns: readonly CallTurn[], speaker: CallTurn['speaker']): number | null {
  let syllables = 0, sec = 0;
  for (const t of turns) {
    if (t.speaker !== speaker || t.syllables === null) continue;
    syllables += t.syllables;
    sec += t.endSec - t.startSec;
  }
  return sec > 0 ? syllables / sec : null;
}

/** The band's rate unit (chars/min or wpm) from syllables/s. */
export function perMinute(syllablesPerSec: number, lang: Lang): number {
  return lang === 'zh' ? syllablesPerSec * 60 : (syllablesPerSec * 60) / EN_SYLLABLES_PER_WORD;
}

/**
 * rushing / slow: runs of consecutive measured agent turns whose rate is beyond the band's fast
 * (highAbove) / slow (lowBelow) edge, flagged when the run holds ≥ rateMinAgentSpeechSec of agent speech.
 */
export function rateFindings(turns: readonly CallTurn[], bands: GuidelineBands, lang: Lang, rules: CallRules): CallFinding[] {
  return flagRuns(turns.filter((t) => t.speaker === 'agent' && t.syllablesPerSec !== null), (t) => {
    const pm = perMinute(t.syllablesPerSec as number, lang);
    if (bands.rate.highAbove !== null && pm > bands.rate.highAbove) return 'rushing';
    if (bands.rate.lowBelow !== null && pm < bands.rate.lowBelow) return 'slow';
    return null;
  }, rules.rateMinAgentSpeechSec);
}
