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
import { analysePitch } from '../pitch-pass.ts';
import { finiteOrNull } from '../stats.ts';
import { ANALYSIS_RATE_HZ, type IntervalSec, type Lang, type SampleReader } from '../types.ts';
import { finding } from './events.ts';
import { flagRuns } from './runs.ts';
import type { CallFinding, CallTurn, PaceExchange, PaceStatus } from './report.ts';
import type { RawTurn } from './turns.ts';

/** A turn with less speech than this gets no rate, s: a word or two says little about pace. */
export const MIN_RATE_SPEECH_SEC = 1;
// English words from syllables, as rate.ts: 1.4 syllables per word.
const EN_SYLLABLES_PER_WORD = 1.4;

/** Signal read around each turn, s: the pitch path and the nuclei windows at the turn's edges see real samples. */
export const TURN_MARGIN_SEC = 0.5;
/**
 * A turn's slice starts on a multiple of this, s: the pitch first pass (20 ms hop), the nuclei frames
 * (10 ms) and the peak envelope (1 ms) then fall on the same instants as over the whole signal.
 */
export const TURN_ALIGN_SEC = 0.02;

/**
 * Each turn of one side measured on its channel (16 kHz high-passed, read one turn at a time with
 * TURN_MARGIN_SEC either side, so a call is never held whole): syllables (no-script estimate, over the pitch pass of the turn's speech)
 * and rate when it holds ≥ MIN_RATE_SPEECH_SEC of speech, active level (P.56 over the turn), pitch
 * variety (F0 SD in semitones over its voiced frames). The speaker-adaptive pitch range is the turn's
 * (it was the side's when the whole channel was analysed at once): per-turn counts moved by at most one
 * syllable on the planned calls, the nearest-frame voicing test at 10 ms peaks between 20 ms voicing
 * frames being that sensitive either way. `passed`, when given, is told after each turn's read the first sample
 * any later turn reads (Infinity after the last): the signal before it may be let go.
 */
export function measureTurns(signal: SampleReader, speech: readonly IntervalSec[], turns: readonly RawTurn[], onTurn?: () => void, passed?: (sample: number) => void): CallTurn[] {
  let first = 0; // turns and speech are in time order: the first speech interval that may reach the turn
  const rate = signal.sampleRateHz;
  const align = Math.round(TURN_ALIGN_SEC * rate);
  const fromOf = (t: RawTurn): number => Math.max(0, Math.floor(((t.startSec - TURN_MARGIN_SEC) * rate) / align) * align);
  // The first sample any turn from k on reads (for `passed`): what lies before it is not read again.
  const readsFrom = new Float64Array(turns.length + 1).fill(Infinity);
  if (passed) for (let k = turns.length - 1; k >= 0; k--) readsFrom[k] = Math.min(readsFrom[k + 1], fromOf(turns[k]));
  return turns.map((t, k) => {
    const from = fromOf(t);
    const to = Math.min(signal.length, Math.ceil((t.endSec + TURN_MARGIN_SEC) * rate));
    const x = signal.read(from, Math.max(from, to));
    passed?.(readsFrom[k + 1]);
    const shiftSec = from / rate;
    const local = { startSec: t.startSec - shiftSec, endSec: t.endSec - shiftSec };
    while (first < speech.length && speech[first].endSec <= t.startSec) first++;
    const own: IntervalSec[] = [];
    for (let k = first; k < speech.length && speech[k].startSec < t.endSec; k++) {
      own.push({ startSec: Math.max(speech[k].startSec, t.startSec) - shiftSec, endSec: Math.min(speech[k].endSec, t.endSec) - shiftSec });
    }
    const pitch = own.length > 0 && x.length > 0 ? analysePitch(x, own) : null;
    const count = pitch && t.speechSec >= MIN_RATE_SPEECH_SEC ? subbandNuclei(x, ANALYSIS_RATE_HZ, pitch.lenientVoicing, local).count : null;
    const spanSec = t.endSec - t.startSec;
    const measured = {
      ...t,
      syllables: count,
      syllablesPerSec: count !== null && spanSec > 0 ? count / spanSec : null,
      activeLevelDbfs: finiteOrNull(intervalLevelDbfs(x, ANALYSIS_RATE_HZ, local)),
      pitchSdSt: pitch?.track ? pitchStats(pitch.track, [local]).sdSt : null,
    };
    onTurn?.();
    return measured;
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
