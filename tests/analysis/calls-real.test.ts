/**
 * The stereo call engine on planned calls of real speech: MagicData customer-service utterances (known
 * syllable counts, ../shared/fixtures/truth): its fastest utterances as the customer, its slowest and the
 * CosyVoice zero-shot sentence (another voice) as the agent, 12 dB quieter than the customer (the customer's
 * −30 dB bleed is then above the agent channel's threshold);
 * each utterance cut to its speech (segmentSpeech on the isolated utterance), −30 dB bleed each way,
 * at 16 kHz and again resampled to 8 kHz (telephone).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeCall, type CallReport } from '../../src/analysis/calls/index.ts';
import { resampleTo } from '../../src/analysis/dsp/resample.ts';
import { precisionRecall, scoreCall, type BuiltCall, type CallScore } from '../helpers/planned-call.ts';
import { buildRealCall, plannedSideRate } from '../helpers/real-call.ts';
import { haveTruth } from '../helpers/truth.ts';

const FS = 16000;

describe.runIf(haveTruth)('analyzeCall on planned calls of real speech (MagicData customer, slow MagicData and CosyVoice agent)', () => {
  const built: BuiltCall[] = [];
  const reports: CallReport[] = [];
  const scores: CallScore[] = [];

  beforeAll(async () => {
    const call = await buildRealCall(FS);
    // The same call at 8 kHz (telephone): the truth does not change.
    const narrow: BuiltCall = { ...call, input: { channels: call.input.channels.map((c) => resampleTo(c, FS, 8000)), sampleRateHz: 8000 } };
    for (const b of [call, narrow]) {
      const r = analyzeCall(b.input, { agentChannel: 'left', lang: 'zh' });
      built.push(b);
      reports.push(r);
      scores.push(scoreCall(r, b));
    }
  }, 60_000);

  it('finds every planned turn with both boundaries within 0.15 s', () => {
    scores.forEach((s, k) => expect(s.boundaryErrorsSec, `call ${k + 1}: ${JSON.stringify(reports[k].turns.map((t) => [t.speaker, t.startSec, t.endSec]))}`).not.toBeNull());
    const errors = scores.flatMap((s) => s.boundaryErrorsSec ?? []);
    console.log(`real speech, 16 and 8 kHz: turn boundary error max ${Math.max(...errors).toFixed(3)} s, mean ${(errors.reduce((a, x) => a + x, 0) / errors.length).toFixed(3)} s over ${errors.length} boundaries`);
    expect(Math.max(...errors)).toBeLessThanOrEqual(0.15);
  });

  it('finds dead air and overtalk with precision and recall ≥ 90 %, and who started each overtalk', () => {
    for (const key of ['deadAir', 'overtalk'] as const) {
      const m = scores.reduce((a, s) => ({ tp: a.tp + s[key].tp, fp: a.fp + s[key].fp, fn: a.fn + s[key].fn }), { tp: 0, fp: 0, fn: 0 });
      const { precision, recall } = precisionRecall(m);
      console.log(`real speech ${key}: P ${precision.toFixed(3)} R ${recall.toFixed(3)} ${JSON.stringify(m)}`);
      expect(m.tp + m.fn).toBe(6);
      expect(Math.min(precision, recall)).toBeGreaterThanOrEqual(0.9);
    }
    const starters = scores.reduce((a, s) => a + s.overtalkStarterRight, 0);
    expect(starters).toBe(scores.reduce((a, s) => a + s.overtalk.tp, 0));
  });

  it('measures the agent-to-customer pace ratio within 10 % of the plan over the call, and per exchange', () => {
    const callErrors = reports.map((r, k) => (r.pace.ratio as number) / (plannedSideRate(built[k], 'agent') / plannedSideRate(built[k], 'customer')) - 1);
    const exchangeErrors = scores.flatMap((s) => s.exchangeRatioErrors);
    const pct = (xs: number[]): string => xs.map((x) => (100 * x).toFixed(1)).join(' ');
    console.log(`real speech pace ratio error over the call (16k, 8k): ${pct(callErrors)} %; per exchange: ${pct(exchangeErrors)} %`);
    expect(Math.max(...callErrors.map(Math.abs))).toBeLessThanOrEqual(0.1);
    expect(exchangeErrors.length).toBeGreaterThanOrEqual(8);
    // One exchange is two 2.5–5 s turns: the no-script estimate is off by up to ~13 % on one of them.
    const abs = exchangeErrors.map(Math.abs).sort((a, b) => a - b);
    expect(abs[Math.floor(abs.length / 2)]).toBeLessThanOrEqual(0.1);
    expect(abs[abs.length - 1]).toBeLessThanOrEqual(0.15);
  });
});
