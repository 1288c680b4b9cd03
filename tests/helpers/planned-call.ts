/**
 * Planned stereo calls with known truth: utterances placed on the agent's and the customer's channel
 * with planned gaps, overtalk and dead air, each channel leaking into the other at `bleedDb` (the line's
 * cross-talk). An utterance is synthetic speech (synth.ts speechLike: n syllable humps at a known rate)
 * or given samples (e.g. a fixture utterance at the call's rate) with its known syllable count.
 * The truth is what the engine should find: turns (a side's gaps < TURN_MERGE_GAP_SEC joined, and gaps
 * < HOLD_FLOOR_GAP_SEC while the other side is silent), dead air and
 * overtalk by the default rules, and each utterance's planned rate.
 */
import { DEFAULT_CALL_RULES } from '../../src/guidelines/call-rules.ts';
import { HOLD_FLOOR_GAP_SEC, TURN_MERGE_GAP_SEC, type Speaker } from '../../src/analysis/calls/index.ts';
import type { AudioInput } from '../../src/analysis/index.ts';
import type { IntervalSec } from '../../src/analysis/types.ts';
import { seededRandom, speechLike } from './synth.ts';

/** One utterance of the plan. */
export interface PlannedUtterance {
  speaker: Speaker;
  startSec: number;
  syllables: number;
  /** Synthetic: humps per second (the utterance lasts syllables ÷ rate). Ignored when `samples` is given. */
  syllablesPerSec: number;
  /** Real speech at the call's sample rate, trimmed to its speech (its rate is syllables ÷ its length). */
  samples?: Float32Array;
  levelDbfs?: number;
  /** Synthetic: F0 glides from f0Hz + glideSt/2 down to f0Hz − glideSt/2 (default 10 st: pitch SD ≈ 2.9 st; 0 is a flat voice). */
  f0Hz?: number;
  glideSt?: number;
}

/** A whole planned call. */
export interface CallPlan {
  sampleRateHz: number;
  durationSec: number;
  agentChannel: 'left' | 'right';
  utterances: PlannedUtterance[];
  /** Level of each channel heard on the other, dB (default −30). */
  bleedDb?: number;
  /** Delay of the bleed, s (default 0; a line echo arrives tens of ms late). */
  bleedDelaySec?: number;
  /** White-noise floor of each channel, dBFS (default −70). */
  noiseDbfs?: number;
  seed?: number;
}

/** A planned overtalk: where both speak ≥ the rule's minimum, and who began. */
export interface PlannedOvertalk extends IntervalSec {
  startedBy: Speaker;
}

/** A turn of the plan. */
export interface PlannedTurn extends IntervalSec {
  speaker: Speaker;
}

/** The audio and the truth of a planned call. */
export interface BuiltCall {
  input: AudioInput;
  turns: PlannedTurn[];
  deadAir: IntervalSec[];
  overtalk: PlannedOvertalk[];
  /** Each utterance with its end and planned rate (syllables ÷ length). */
  utterances: (PlannedUtterance & { endSec: number; plannedSyllablesPerSec: number })[];
}

const DEFAULT_LEVEL_DBFS: Record<Speaker, number> = { agent: -24, customer: -20 };
const DEFAULT_F0_HZ: Record<Speaker, number> = { agent: 190, customer: 115 };
// A linear glide of g semitones has an SD of g/√12: 10 st gives ≈ 2.9 st, good for both languages' bands.
const DEFAULT_GLIDE_ST = 10;

/**
 * Utterances in sequence: each starts `gapSec` after the previous one ends (negative: overlaps it).
 * `sampleRateHz` is the call's rate, needed when an utterance is given as samples.
 */
export function inSequence(firstStartSec: number, steps: (Omit<PlannedUtterance, 'startSec'> & { gapSec: number })[], sampleRateHz?: number): PlannedUtterance[] {
  const out: PlannedUtterance[] = [];
  let end = firstStartSec;
  for (const [k, { gapSec, ...u }] of steps.entries()) {
    const startSec = k === 0 ? firstStartSec : end + gapSec;
    out.push({ ...u, startSec });
    end = startSec + utteranceSec(u, sampleRateHz);
  }
  return out;
}

function utteranceSec(u: Omit<PlannedUtterance, 'startSec'>, sampleRateHz?: number): number {
  if (u.samples) {
    if (!sampleRateHz) throw new Error('an utterance with samples needs the call rate');
    return u.samples.length / sampleRateHz;
  }
  return u.syllables / u.syllablesPerSec;
}

function joinTurns(list: IntervalSec[], maxGapSec: number, other: readonly IntervalSec[] = [], holdGapSec = 0): IntervalSec[] {
  const out: IntervalSec[] = [];
  for (const x of [...list].sort((a, b) => a.startSec - b.startSec)) {
    const last = out[out.length - 1];
    const gap = last ? x.startSec - last.endSec : Infinity;
    const otherSilent = last ? !other.some((o) => o.startSec < x.startSec && o.endSec > last.endSec) : false;
    if (last && (gap < maxGapSec || (gap < holdGapSec && otherSilent))) last.endSec = Math.max(last.endSec, x.endSec);
    else out.push({ ...x });
  }
  return out;
}

/** Render the plan: two channels (agent on plan.agentChannel) and the truth. */
export function buildCall(plan: CallPlan): BuiltCall {
  const fs = plan.sampleRateHz;
  const n = Math.round(plan.durationSec * fs);
  const utterances = plan.utterances.map((u) => {
    const endSec = u.startSec + utteranceSec(u, fs);
    return { ...u, endSec, plannedSyllablesPerSec: u.syllables / (endSec - u.startSec) };
  });
  const side = (speaker: Speaker, seed: number): Float32Array => {
    const mine = utterances.filter((u) => u.speaker === speaker);
    const out = speechLike({
      sampleRateHz: fs,
      durationSec: plan.durationSec,
      noiseDbfs: null,
      seed,
      phrases: mine.filter((u) => !u.samples).map((u) => ({
        startSec: u.startSec, endSec: u.endSec, syllablesPerSec: u.syllablesPerSec,
        levelDbfs: u.levelDbfs ?? DEFAULT_LEVEL_DBFS[speaker],
        f0StartHz: (u.f0Hz ?? DEFAULT_F0_HZ[speaker]) * 2 ** ((u.glideSt ?? DEFAULT_GLIDE_ST) / 24),
        f0EndHz: (u.f0Hz ?? DEFAULT_F0_HZ[speaker]) * 2 ** (-(u.glideSt ?? DEFAULT_GLIDE_ST) / 24),
      })),
    });
    for (const u of mine) {
      if (!u.samples) continue;
      const first = Math.round(u.startSec * fs);
      const gain = u.levelDbfs === undefined ? 1 : 10 ** (u.levelDbfs / 20) / rms(u.samples);
      for (let i = 0; i < u.samples.length && first + i < n; i++) out[first + i] += u.samples[i] * gain;
    }
    return out;
  };
  const seed = plan.seed ?? 1;
  const agent = side('agent', seed);
  const customer = side('customer', seed + 1);
  const bleed = 10 ** ((plan.bleedDb ?? -30) / 20);
  const noiseA = 10 ** ((plan.noiseDbfs ?? -70) / 20) * Math.sqrt(3);
  const rnd = seededRandom(seed + 2);
  const agentCh = new Float32Array(n);
  const customerCh = new Float32Array(n);
  const lag = Math.round((plan.bleedDelaySec ?? 0) * fs);
  for (let i = 0; i < n; i++) {
    agentCh[i] = agent[i] + (i >= lag ? bleed * customer[i - lag] : 0) + (2 * rnd() - 1) * noiseA;
    customerCh[i] = customer[i] + (i >= lag ? bleed * agent[i - lag] : 0) + (2 * rnd() - 1) * noiseA;
  }
  const channels = plan.agentChannel === 'left' ? [agentCh, customerCh] : [customerCh, agentCh];

  const speech = (s: Speaker): IntervalSec[] => utterances.filter((u) => u.speaker === s).map((u) => ({ startSec: u.startSec, endSec: u.endSec }));
  const lane = (s: Speaker): IntervalSec[] => joinTurns(speech(s), TURN_MERGE_GAP_SEC, speech(s === 'agent' ? 'customer' : 'agent'), HOLD_FLOOR_GAP_SEC);
  const agentTurns = lane('agent');
  const customerTurns = lane('customer');
  const turns: PlannedTurn[] = [
    ...agentTurns.map((t) => ({ ...t, speaker: 'agent' as const })),
    ...customerTurns.map((t) => ({ ...t, speaker: 'customer' as const })),
  ].sort((a, b) => a.startSec - b.startSec);
  const overtalk: PlannedOvertalk[] = [];
  for (const a of agentTurns) {
    for (const c of customerTurns) {
      const startSec = Math.max(a.startSec, c.startSec);
      const endSec = Math.min(a.endSec, c.endSec);
      if (endSec - startSec >= DEFAULT_CALL_RULES.overtalkMinSec) overtalk.push({ startSec, endSec, startedBy: a.startSec > c.startSec ? 'agent' : 'customer' });
    }
  }
  const all = joinTurns([...agentTurns, ...customerTurns], 0);
  const deadAir: IntervalSec[] = [];
  for (let k = 1; k < all.length; k++) {
    if (all[k].startSec - all[k - 1].endSec >= DEFAULT_CALL_RULES.deadAirMinSec) deadAir.push({ startSec: all[k - 1].endSec, endSec: all[k].startSec });
  }
  return { input: { channels, sampleRateHz: fs }, turns, deadAir, overtalk: overtalk.sort((a, b) => a.startSec - b.startSec), utterances };
}

function rms(x: Float32Array): number {
  let s = 0;
  for (const v of x) s += v * v;
  return Math.sqrt(s / Math.max(1, x.length)) || 1;
}

/** What a call report got right against the plan. */
export interface CallScore {
  /** |found − planned| of every turn boundary, s; null when the turn sequence (speakers) differs. */
  boundaryErrorsSec: number[] | null;
  deadAir: EventMatch;
  overtalk: EventMatch;
  /** Matched overtalks whose starter is right. */
  overtalkStarterRight: number;
  /** Each measured exchange's ratio against the planned ratio of its two turns (found ÷ planned − 1). */
  exchangeRatioErrors: number[];
}

/** True and false positives and misses of one event kind. */
export interface EventMatch {
  tp: number;
  fp: number;
  fn: number;
}

/** The events a report shows, as the fields the score reads. */
interface FoundEvent extends IntervalSec {
  id: string;
  startedBy: Speaker | null;
}

/** The parts of a CallReport the score reads. */
export interface ScoredReport {
  turns: (IntervalSec & { speaker: Speaker })[];
  findings: FoundEvent[];
  pace: { exchanges: { agentTurn: number; customerTurn: number; ratio: number }[] };
}

/** Found events matched to planned ones when they overlap by half the shorter one. */
export function matchEvents<P extends IntervalSec, F extends IntervalSec>(found: readonly F[], planned: readonly P[]): EventMatch & { pairs: [F, P][] } {
  const used = new Set<number>();
  const pairs: [F, P][] = [];
  for (const f of found) {
    const k = planned.findIndex((p, i) => !used.has(i) && Math.min(f.endSec, p.endSec) - Math.max(f.startSec, p.startSec) >= 0.5 * Math.min(f.endSec - f.startSec, p.endSec - p.startSec));
    if (k >= 0) {
      used.add(k);
      pairs.push([f, planned[k]]);
    }
  }
  return { tp: pairs.length, fp: found.length - pairs.length, fn: planned.length - pairs.length, pairs };
}

/** Planned rate of a turn: syllables ÷ seconds of the utterances inside it. */
function plannedTurnRate(built: BuiltCall, turn: IntervalSec & { speaker: Speaker }): number {
  const inside = built.utterances.filter((u) => u.speaker === turn.speaker && u.startSec < turn.endSec && u.endSec > turn.startSec);
  const syllables = inside.reduce((s, u) => s + u.syllables, 0);
  const sec = inside.reduce((s, u) => s + u.endSec - u.startSec, 0);
  return sec > 0 ? syllables / sec : NaN;
}

/** Score a report against its plan. */
export function scoreCall(report: ScoredReport, built: BuiltCall): CallScore {
  const same = report.turns.length === built.turns.length && report.turns.every((t, i) => t.speaker === built.turns[i].speaker);
  const boundaryErrorsSec = same ? built.turns.flatMap((t, i) => [Math.abs(report.turns[i].startSec - t.startSec), Math.abs(report.turns[i].endSec - t.endSec)]) : null;
  const deadAir = matchEvents(report.findings.filter((f) => f.id === 'deadAir'), built.deadAir);
  const overtalk = matchEvents(report.findings.filter((f) => f.id === 'overtalk'), built.overtalk);
  const exchangeRatioErrors = report.pace.exchanges.map((e) => {
    const planned = plannedTurnRate(built, report.turns[e.agentTurn]) / plannedTurnRate(built, report.turns[e.customerTurn]);
    return e.ratio / planned - 1;
  });
  return {
    boundaryErrorsSec,
    deadAir: { tp: deadAir.tp, fp: deadAir.fp, fn: deadAir.fn },
    overtalk: { tp: overtalk.tp, fp: overtalk.fp, fn: overtalk.fn },
    overtalkStarterRight: overtalk.pairs.filter(([f, p]) => f.startedBy === p.startedBy).length,
    exchangeRatioErrors,
  };
}

/** Precision and recall of summed matches (1 when there is nothing to find or nothing found). */
export function precisionRecall(m: EventMatch): { precision: number; recall: number } {
  return { precision: m.tp + m.fp ? m.tp / (m.tp + m.fp) : 1, recall: m.tp + m.fn ? m.tp / (m.tp + m.fn) : 1 };
}
