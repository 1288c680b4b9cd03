/**
 * The stereo call engine on planned calls (tests/helpers/planned-call.ts): synthetic speech with known
 * syllable rates on two channels, planned gaps, overtalk and dead air, −30 dB bleed each way.
 * Acceptance (issue 11): turn boundaries within 0.15 s; dead air and overtalk with precision and recall
 * ≥ 90 %; who started the overtalk; agent-to-customer pace ratio within 10 % of the plan.
 */
import { describe, expect, it } from 'vitest';
import { analyzeCall, type CallReport } from '../../src/analysis/calls/index.ts';
import { CALL_RULES_VERSION, DEFAULT_CALL_RULES } from '../../src/guidelines/call-rules.ts';
import { buildCall, inSequence, precisionRecall, scoreCall, type BuiltCall, type CallPlan, type CallScore, type EventMatch } from '../helpers/planned-call.ts';

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
  // Call 1 again with a louder, late bleed: −20 dB, 40 ms (a line echo).
  const call4: CallPlan = { ...call1, bleedDb: -20, bleedDelaySec: 0.04, seed: 13 };
  return [call1, call2, call3, call4];
}

const built: BuiltCall[] = plans().map(buildCall);
const reports: CallReport[] = built.map((b, k) => analyzeCall(b.input, { agentChannel: plans()[k].agentChannel, lang: 'zh' }));
const scores: CallScore[] = built.map((b, k) => scoreCall(reports[k], b));

function sum(key: 'deadAir' | 'overtalk'): EventMatch {
  return scores.reduce((m, s) => ({ tp: m.tp + s[key].tp, fp: m.fp + s[key].fp, fn: m.fn + s[key].fn }), { tp: 0, fp: 0, fn: 0 });
}

describe('analyzeCall on planned stereo calls with −30 dB bleed (16 and 8 kHz, a quiet agent under a loud customer) and a −20 dB bleed 40 ms late', () => {
  it('finds every planned turn with both boundaries within 0.15 s', () => {
    scores.forEach((s, k) => expect(s.boundaryErrorsSec, `call ${k + 1}: turn speakers differ`).not.toBeNull());
    const errors = scores.flatMap((s) => s.boundaryErrorsSec ?? []);
    console.log(`turn boundary error: max ${Math.max(...errors).toFixed(3)} s, mean ${(errors.reduce((a, x) => a + x, 0) / errors.length).toFixed(3)} s over ${errors.length} boundaries`);
    expect(Math.max(...errors)).toBeLessThanOrEqual(0.15);
  });

  it('finds dead air and overtalk with precision and recall ≥ 90 %, and who started each overtalk', () => {
    const dead = sum('deadAir');
    const over = sum('overtalk');
    const d = precisionRecall(dead);
    const o = precisionRecall(over);
    const starters = scores.reduce((a, s) => a + s.overtalkStarterRight, 0);
    console.log(`dead air P ${d.precision.toFixed(3)} R ${d.recall.toFixed(3)} ${JSON.stringify(dead)}; overtalk P ${o.precision.toFixed(3)} R ${o.recall.toFixed(3)} ${JSON.stringify(over)}; starter right ${starters}/${over.tp}`);
    expect(dead.tp + dead.fn).toBe(7);
    expect(over.tp + over.fn).toBe(8);
    expect(Math.min(d.precision, d.recall, o.precision, o.recall)).toBeGreaterThanOrEqual(0.9);
    expect(starters).toBe(over.tp);
  });

  it('measures the agent-to-customer pace ratio within 10 % of the plan, per exchange and over the call', () => {
    const errors = scores.flatMap((s) => s.exchangeRatioErrors);
    built.forEach((b, k) => {
      const rate = (who: 'agent' | 'customer'): number => b.utterances.find((u) => u.speaker === who)?.plannedSyllablesPerSec ?? NaN;
      errors.push((reports[k].pace.ratio as number) / (rate('agent') / rate('customer')) - 1);
      expect(reports[k].pace.exchanges.length).toBeGreaterThanOrEqual(3);
    });
    console.log(`pace ratio error: max ${(100 * Math.max(...errors.map(Math.abs))).toFixed(1)} % over ${errors.length} ratios`);
    expect(Math.max(...errors.map(Math.abs))).toBeLessThanOrEqual(0.1);
  });

  it('flags the planned slow responses and the pace mismatch of call 2 (agent 6 syl/s against 3.5)', () => {
    const slow = reports[0].findings.filter((f) => f.id === 'slowResponse');
    // The 3.6 s dead air after a customer turn is a slow response too.
    expect(slow.map((f) => Math.round(f.durationSec * 10) / 10)).toEqual([3.6, 2.6]);
    expect(reports[0].findings.some((f) => f.id === 'paceMismatch')).toBe(false);
    expect(reports[1].findings.filter((f) => f.id === 'paceMismatch').length).toBe(reports[1].pace.exchanges.length);
    expect(reports[1].findings.some((f) => f.id === 'rushing')).toBe(true);
  });
});

describe("analyzeCall flags the agent's delivery over runs of turns", () => {
  const N = { speaker: A, syllables: 16, syllablesPerSec: 4 };
  const customer = { speaker: C, syllables: 10, syllablesPerSec: 5, gapSec: 0.5 };
  const plan: CallPlan = {
    sampleRateHz: 16000, durationSec: 80, agentChannel: 'left', seed: 5,
    utterances: inSequence(0.5, [
      { ...N, gapSec: 0 }, customer,
      { ...N, glideSt: 0, gapSec: 0.5 }, customer, { ...N, glideSt: 0, gapSec: 0.5 }, customer, { ...N, glideSt: 0, gapSec: 0.5 }, customer, // flat, 12 s
      { ...N, gapSec: 0.5 }, customer,
      { ...N, syllables: 12, levelDbfs: -14, gapSec: 0.5 }, customer, { ...N, syllables: 12, levelDbfs: -14, gapSec: 0.5 }, customer, // loud, 6 s
      { ...N, gapSec: 0.5 }, customer,
      { ...N, syllables: 24, levelDbfs: -29, gapSec: 0.5 }, customer, // soft, 6 s
      { ...N, gapSec: 0.5 }, customer, { ...N, gapSec: 0.5 },
    ]),
  };
  const b = buildCall(plan);
  const r = analyzeCall(b.input, { agentChannel: 'left', lang: 'zh' });
  const agentUtterances = b.utterances.filter((u) => u.speaker === 'agent');

  it('flat over the three flat turns, loud over the two loud ones, soft over the soft one, nothing else', () => {
    const found = r.findings.filter((f) => ['flat', 'loud', 'soft'].includes(f.id)).map((f) => [f.id, f.startSec, f.endSec]);
    console.log(`delivery findings ${JSON.stringify(found)}; agent turn SD ${r.turns.filter((t) => t.speaker === 'agent').map((t) => t.pitchSdSt).join(' ')} st`);
    const span = (first: number, last: number): [number, number] => [agentUtterances[first].startSec, agentUtterances[last].endSec];
    const expected: [string, [number, number]][] = [['flat', span(1, 3)], ['loud', span(5, 6)], ['soft', span(8, 8)]];
    expect(found.map((f) => f[0])).toEqual(expected.map((e) => e[0]));
    expected.forEach(([, [startSec, endSec]], k) => {
      expect(Math.abs((found[k][1] as number) - startSec)).toBeLessThanOrEqual(0.15);
      expect(Math.abs((found[k][2] as number) - endSec)).toBeLessThanOrEqual(0.15);
    });
  });

  it('against a calibration level, every turn louder than it by > 8 dB is loud', () => {
    const calibrated = analyzeCall(b.input, { agentChannel: 'left', lang: 'zh', calibrationLevelDbfs: -40 });
    expect(calibrated.agentReferenceLevelDbfs).toBe(-40);
    expect(calibrated.findings.filter((f) => f.id === 'loud').length).toBeGreaterThanOrEqual(1);
    expect(calibrated.findings.some((f) => f.id === 'soft')).toBe(false);
  });
});

describe('analyzeCall reads its thresholds from the rules', () => {
  it('with dead air at ≥ 4 s instead of 3 s, call 1 keeps only its 4.2 s dead air', () => {
    const rules = { ...DEFAULT_CALL_RULES, deadAirMinSec: 4 };
    const r = analyzeCall(built[0].input, { agentChannel: 'left', lang: 'zh', rules });
    expect(r.findings.filter((f) => f.id === 'deadAir').map((f) => Math.round(f.durationSec * 10) / 10)).toEqual([4.2]);
    expect(r.callRulesVersion).toBe(CALL_RULES_VERSION);
  });
});

describe('analyzeCall finds monologues', () => {
  it('a 45 s agent turn is a monologue; a 50 s one split by a customer backchannel is not', () => {
    const b = buildCall({
      sampleRateHz: 16000, durationSec: 112, agentChannel: 'left', seed: 17,
      utterances: [
        ...inSequence(0.5, [
          { speaker: C, syllables: 10, syllablesPerSec: 5, gapSec: 0 },
          { speaker: A, syllables: 180, syllablesPerSec: 4, gapSec: 0.5 }, // 45 s
          { speaker: C, syllables: 10, syllablesPerSec: 5, gapSec: 0.5 },
          { speaker: A, syllables: 200, syllablesPerSec: 4, gapSec: 0.5 }, // 50 s
        ]),
        { speaker: C, startSec: 80, syllables: 3, syllablesPerSec: 5 }, // "嗯嗯嗯" in the middle of it
      ],
    });
    const r = analyzeCall(b.input, { agentChannel: 'left', lang: 'zh' });
    const mono = r.findings.filter((f) => f.id === 'monologue');
    expect(mono.length).toBe(1);
    expect(Math.abs(mono[0].startSec - b.utterances[1].startSec)).toBeLessThanOrEqual(0.15);
    expect(Math.abs(mono[0].durationSec - 45)).toBeLessThanOrEqual(0.3);
    expect(r.longestAgentTurnSec).toBeGreaterThan(49.7);
  });
});

describe('analyzeCall on calls with one side or nobody', () => {
  it('a silent call (noise floor only) has no turns, no events, all silence', () => {
    const b = buildCall({ sampleRateHz: 16000, durationSec: 12, agentChannel: 'left', utterances: [] });
    const r = analyzeCall(b.input, { agentChannel: 'left', lang: 'en' });
    expect(r.turns).toEqual([]);
    expect(r.findings).toEqual([]);
    expect(r.agentSpeechFound || r.customerSpeechFound).toBe(false);
    expect(r.talkShare.silenceFraction).toBe(1);
    expect(r.pace.ratio).toBeNull();
  });

  it("a one-sided call: the customer's bleed on the agent's channel is not agent speech", () => {
    const b = buildCall({
      sampleRateHz: 16000, durationSec: 30, agentChannel: 'right', bleedDb: -24,
      utterances: inSequence(1, [
        { speaker: C, syllables: 20, syllablesPerSec: 5, gapSec: 0 },
        { speaker: C, syllables: 15, syllablesPerSec: 5, gapSec: 4 },
        { speaker: C, syllables: 25, syllablesPerSec: 5, gapSec: 1 },
      ]),
    });
    const r = analyzeCall(b.input, { agentChannel: 'right', lang: 'zh' });
    expect(r.agentSpeechFound).toBe(false);
    // The 1 s gap with nobody else speaking stays inside the customer's turn (HOLD_FLOOR_GAP_SEC); the 4 s one ends it.
    expect(r.turns.map((t) => t.speaker)).toEqual(['customer', 'customer']);
    expect(r.findings.map((f) => f.id)).toEqual(['deadAir']);
    expect(r.pace.exchanges).toEqual([]);
    expect(r.talkShare.agentSec).toBe(0);
  });

  it('refuses anything but two channels of the same length', () => {
    const x = new Float32Array(16000);
    expect(() => analyzeCall({ channels: [x], sampleRateHz: 16000 }, { agentChannel: 'left', lang: 'en' })).toThrow(/2 channels/);
    expect(() => analyzeCall({ channels: [x, x, x], sampleRateHz: 16000 }, { agentChannel: 'left', lang: 'en' })).toThrow(/2 channels/);
    expect(() => analyzeCall({ channels: [x, x.subarray(1)], sampleRateHz: 16000 }, { agentChannel: 'left', lang: 'en' })).toThrow(/length/);
  });
});
