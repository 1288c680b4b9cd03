/**
 * The stereo call engine on planned calls (tests/helpers/planned-call.ts): synthetic speech with known
 * syllable rates on two channels, planned gaps, overtalk and dead air, −30 dB bleed each way.
 * Acceptance (issue 11): turn boundaries within 0.15 s; dead air and overtalk with precision and recall
 * ≥ 90 %; who started the overtalk; agent-to-customer pace ratio within 10 % of the plan.
 */
import { describe, expect, it } from 'vitest';
import { analyzeCall, type CallReport } from '../../src/analysis/calls/index.ts';
import type { IntervalSec } from '../../src/analysis/types.ts';
import { buildCall, inSequence, type BuiltCall, type CallPlan } from '../helpers/planned-call.ts';

const A = 'agent' as const;
const C = 'customer' as const;

/** Planned calls: (rate of agent, rate of customer) differ per call so the pace ratio varies. */
function plans(): CallPlan[] {
  const call1: CallPlan = {
    sampleRateHz: 16000, durationSec: 62, agentChannel: 'left',
    utterances: inSequence(0.6, [
      { speaker: A, syllables: 12, syllablesPerSec: 4, gapSec: 0 },
      { speaker: C, syllables: 15, syllablesPerSec: 5, gapSec: 0.3 },
      { speaker: A, syllables: 16, syllablesPerSec: 4, gapSec: 0.6 },
      { speaker: C, syllables: 20, syllablesPerSec: 5, gapSec: -1.5 }, // customer talks over the agent's end
      { speaker: A, syllables: 20, syllablesPerSec: 4, gapSec: 3.6 }, // dead air
      { speaker: C, syllables: 10, syllablesPerSec: 5, gapSec: 0.25 },
      { speaker: A, syllables: 24, syllablesPerSec: 4, gapSec: 2.6 }, // slow response
      { speaker: C, syllables: 25, syllablesPerSec: 5, gapSec: 0.5 },
      { speaker: A, syllables: 12, syllablesPerSec: 4, gapSec: -1.4 }, // the agent cuts in
      { speaker: C, syllables: 12, syllablesPerSec: 5, gapSec: 4.2 }, // dead air
      { speaker: A, syllables: 16, syllablesPerSec: 4, gapSec: 0.4 },
    ]),
  };
  const call2: CallPlan = {
    sampleRateHz: 8000, durationSec: 50, agentChannel: 'right', seed: 7,
    utterances: inSequence(1.0, [
      { speaker: C, syllables: 14, syllablesPerSec: 3.5, gapSec: 0 },
      { speaker: A, syllables: 30, syllablesPerSec: 6, gapSec: 0.5 },
      { speaker: C, syllables: 14, syllablesPerSec: 3.5, gapSec: -2 }, // customer cuts in
      { speaker: A, syllables: 18, syllablesPerSec: 6, gapSec: 0.3 },
      { speaker: C, syllables: 14, syllablesPerSec: 3.5, gapSec: 3.2 }, // dead air
      { speaker: A, syllables: 24, syllablesPerSec: 6, gapSec: -1.2 }, // agent cuts in
      { speaker: C, syllables: 10, syllablesPerSec: 3.5, gapSec: 5 }, // dead air
    ]),
  };
  const call3: CallPlan = {
    sampleRateHz: 16000, durationSec: 48, agentChannel: 'left', seed: 11, bleedDb: -30,
    utterances: inSequence(0.4, [
      { speaker: A, syllables: 15, syllablesPerSec: 5, gapSec: 0, levelDbfs: -30 }, // a quiet agent: bleed of a loud customer is above its threshold
      { speaker: C, syllables: 18, syllablesPerSec: 4.5, gapSec: 0.4, levelDbfs: -14 },
      { speaker: A, syllables: 20, syllablesPerSec: 5, gapSec: 0.8, levelDbfs: -30 },
      { speaker: C, syllables: 18, syllablesPerSec: 4.5, gapSec: -1.1, levelDbfs: -14 },
      { speaker: A, syllables: 15, syllablesPerSec: 5, gapSec: 3.3, levelDbfs: -30 },
      { speaker: C, syllables: 27, syllablesPerSec: 4.5, gapSec: 0.3, levelDbfs: -14 },
      { speaker: A, syllables: 20, syllablesPerSec: 5, gapSec: -1.6, levelDbfs: -30 },
    ]),
  };
  return [call1, call2, call3];
}

interface Matched { tp: number; fp: number; fn: number }

/** Events matched when they overlap by half the shorter one. */
function matchEvents(found: readonly IntervalSec[], planned: readonly IntervalSec[]): Matched & { pairs: [IntervalSec, IntervalSec][] } {
  const used = new Set<number>();
  const pairs: [IntervalSec, IntervalSec][] = [];
  for (const f of found) {
    const k = planned.findIndex((p, i) => !used.has(i) && Math.min(f.endSec, p.endSec) - Math.max(f.startSec, p.startSec) >= 0.5 * Math.min(f.endSec - f.startSec, p.endSec - p.startSec));
    if (k >= 0) {
      used.add(k);
      pairs.push([f, planned[k]]);
    }
  }
  return { tp: pairs.length, fp: found.length - pairs.length, fn: planned.length - pairs.length, pairs };
}

const built: BuiltCall[] = plans().map(buildCall);
const reports: CallReport[] = built.map((b, k) => analyzeCall(b.input, { agentChannel: plans()[k].agentChannel, lang: 'zh' }));

describe('analyzeCall on planned stereo calls with −30 dB bleed', () => {
  it('finds every planned turn with both boundaries within 0.15 s', () => {
    const errors: number[] = [];
    built.forEach((b, k) => {
      const found = reports[k].turns;
      expect(found.map((t) => t.speaker)).toEqual(b.turns.map((t) => t.speaker));
      b.turns.forEach((t, i) => errors.push(Math.abs(found[i].startSec - t.startSec), Math.abs(found[i].endSec - t.endSec)));
    });
    console.log(`turn boundary error: max ${Math.max(...errors).toFixed(3)} s, mean ${(errors.reduce((s, x) => s + x, 0) / errors.length).toFixed(3)} s over ${errors.length} boundaries`);
    expect(Math.max(...errors)).toBeLessThanOrEqual(0.15);
  });

  it('finds dead air and overtalk with precision and recall ≥ 90 %, and who started each overtalk', () => {
    const total = { deadAir: { tp: 0, fp: 0, fn: 0 }, overtalk: { tp: 0, fp: 0, fn: 0 } };
    let starterRight = 0, starterAll = 0;
    built.forEach((b, k) => {
      const f = reports[k].findings;
      const dead = matchEvents(f.filter((x) => x.id === 'deadAir'), b.deadAir);
      const over = matchEvents(f.filter((x) => x.id === 'overtalk'), b.overtalk);
      for (const key of ['tp', 'fp', 'fn'] as const) {
        total.deadAir[key] += dead[key];
        total.overtalk[key] += over[key];
      }
      for (const [found, planned] of over.pairs) {
        starterAll++;
        if ((found as CallReport['findings'][number]).startedBy === (planned as BuiltCall['overtalk'][number]).startedBy) starterRight++;
      }
    });
    const pr = (m: Matched): [number, number] => [m.tp / Math.max(1, m.tp + m.fp), m.tp / Math.max(1, m.tp + m.fn)];
    const [dp, dr] = pr(total.deadAir);
    const [op, or] = pr(total.overtalk);
    console.log(`dead air P ${dp.toFixed(3)} R ${dr.toFixed(3)} (${JSON.stringify(total.deadAir)}); overtalk P ${op.toFixed(3)} R ${or.toFixed(3)} (${JSON.stringify(total.overtalk)}); starter ${starterRight}/${starterAll}`);
    expect(total.deadAir.tp + total.deadAir.fn).toBeGreaterThanOrEqual(5);
    expect(total.overtalk.tp + total.overtalk.fn).toBeGreaterThanOrEqual(6);
    expect(Math.min(dp, dr, op, or)).toBeGreaterThanOrEqual(0.9);
    expect(starterRight).toBe(starterAll);
  });

  it('measures the agent-to-customer pace ratio within 10 % of the plan, per exchange and over the call', () => {
    const errors: number[] = [];
    built.forEach((b, k) => {
      const r = reports[k];
      const planned = (s: 'agent' | 'customer'): number => b.utterances.find((u) => u.speaker === s)?.plannedSyllablesPerSec ?? NaN;
      const plannedRatio = planned('agent') / planned('customer');
      expect(r.pace.exchanges.length).toBeGreaterThanOrEqual(3);
      for (const e of r.pace.exchanges) errors.push(Math.abs(e.ratio / plannedRatio - 1));
      errors.push(Math.abs((r.pace.ratio as number) / plannedRatio - 1));
      console.log(`call ${k + 1}: planned ratio ${plannedRatio.toFixed(3)}, call ${r.pace.ratio}, exchanges ${r.pace.exchanges.map((e) => e.ratio).join(' ')}`);
    });
    console.log(`pace ratio error: max ${(100 * Math.max(...errors)).toFixed(1)} %`);
    expect(Math.max(...errors)).toBeLessThanOrEqual(0.1);
  });
});
