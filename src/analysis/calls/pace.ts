/**
 * Per-turn speaking rate from the no-script syllable estimate (nuclei-subband.ts, as analyze.ts uses it
 * without a script: the lenient voicing track of the pitch pass, the TCSSBC peaks over the span), the
 * agent's pace against the customer's preceding turn, and the rate findings.
 */
import type { GuidelineBands } from '../../guidelines/bands.ts';
import type { CallRules } from '../../guidelines/call-rules.ts';
import { subbandNuclei } from '../nuclei-subband.ts';
import { analysePitch } from '../pitch-pass.ts';
import { ANALYSIS_RATE_HZ, type IntervalSec, type Lang } from '../types.ts';
import { finding } from './events.ts';
import type { CallFinding, CallTurn, PaceExchange, PaceStatus } from './report.ts';
import type { RawTurn } from './turns.ts';

/** A turn with less speech than this gets no rate, s: a word or two says little about pace. */
export const MIN_RATE_SPEECH_SEC = 1;
// English words from syllables, as rate.ts: 1.4 syllables per word.
const EN_SYLLABLES_PER_WORD = 1.4;

/** Syllables of each turn of one side, measured on its channel (16 kHz high-passed). */
export function measureTurns(hp: Float32Array, speech: readonly IntervalSec[], turns: readonly RawTurn[]): CallTurn[] {
  const measured = turns.filter((t) => t.speechSec >= MIN_RATE_SPEECH_SEC);
  const voicing = measured.length > 0 ? analysePitch(hp, speech).lenientVoicing : null;
  return turns.map((t) => {
    const count = voicing && t.speechSec >= MIN_RATE_SPEECH_SEC ? subbandNuclei(hp, ANALYSIS_RATE_HZ, voicing, t).count : null;
    const spanSec = t.endSec - t.startSec;
    return { ...t, syllables: count, syllablesPerSec: count !== null && spanSec > 0 ? count / spanSec : null };
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
  const out: CallFinding[] = [];
  const side = (t: CallTurn): 'rushing' | 'slow' | null => {
    if (t.syllablesPerSec === null) return null;
    const pm = perMinute(t.syllablesPerSec, lang);
    if (bands.rate.highAbove !== null && pm > bands.rate.highAbove) return 'rushing';
    if (bands.rate.lowBelow !== null && pm < bands.rate.lowBelow) return 'slow';
    return null;
  };
  let run: CallTurn[] = [];
  let runId: 'rushing' | 'slow' | null = null;
  const close = (): void => {
    if (runId && run.reduce((s, t) => s + t.speechSec, 0) >= rules.rateMinAgentSpeechSec) {
      out.push(finding(runId, { startSec: run[0].startSec, endSec: run[run.length - 1].endSec }));
    }
    run = [];
    runId = null;
  };
  for (const t of turns) {
    if (t.speaker !== 'agent' || t.syllablesPerSec === null) continue;
    const id = side(t);
    if (id !== runId) close();
    if (id) {
      runId = id;
      run.push(t);
    }
  }
  close();
  return out;
}
