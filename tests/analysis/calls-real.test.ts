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
import { highpass } from '../../src/analysis/dsp/highpass.ts';
import { resampleTo } from '../../src/analysis/dsp/resample.ts';
import { segmentSpeech } from '../../src/analysis/segmentation.ts';
import { decodeFixture, readReference } from '../helpers/fixtures.ts';
import { buildCall, inSequence, precisionRecall, scoreCall, type BuiltCall, type CallScore, type PlannedUtterance } from '../helpers/planned-call.ts';
import { haveTruth, readTruthCsv } from '../helpers/truth.ts';

const FS = 16000;
// Utterances without a pause ≥ 0.3 s inside (a longer one could end a turn): the customer's the fastest
// (5.9–6.6 syllables/s), the agent's the slowest (4.7–5.2) of the set.
const CUSTOMER = ['md_000048', 'md_100026', 'md_100038', 'md_100033', 'md_000016', 'md_100030'];
const AGENT = ['md_300033', 'md_100003', 'md_200002', 'md_000029', 'md_100017'];

interface Utterance { samples: Float32Array; syllables: number }

/** An utterance at 16 kHz cut to its speech. */
async function utterance(path: string, syllables: number): Promise<Utterance> {
  const a = await decodeFixture(path);
  const x = resampleTo(a.channels[0], a.sampleRateHz, FS);
  const seg = segmentSpeech({ samples: highpass(x, FS), sampleRateHz: FS });
  if (seg.startSec === null || seg.endSec === null) throw new Error(`no speech in ${path}`);
  const cut = x.slice(Math.round(seg.startSec * FS), Math.round(seg.endSec * FS));
  return { samples: cut, syllables };
}

describe.runIf(haveTruth)('analyzeCall on planned calls of real speech (MagicData customer, slow MagicData and CosyVoice agent)', () => {
  const built: BuiltCall[] = [];
  const reports: CallReport[] = [];
  const scores: CallScore[] = [];

  beforeAll(async () => {
    const md = new Map(readTruthCsv('magicdata/magicdata.csv').map((r) => [r.id, r]));
    const load = (id: string): Promise<Utterance> => {
      const r = md.get(id);
      if (!r) throw new Error(`${id} is not in magicdata.csv`);
      return utterance(`truth/${r.file}`, Number(r.syllables));
    };
    const cosy = readReference().find((r) => r.id === 'zh_cosyvoice_zero_shot');
    const customer = await Promise.all(CUSTOMER.map((id) => load(id)));
    const agent = [...await Promise.all(AGENT.map((id) => load(id))), await utterance(cosy?.file ?? '', Number(cosy?.syllables))];
    const say = (who: 'agent' | 'customer', u: Utterance, gapSec: number, levelDbfs: number): Omit<PlannedUtterance, 'startSec'> & { gapSec: number } =>
      ({ speaker: who, samples: u.samples, syllables: u.syllables, syllablesPerSec: 0, gapSec, levelDbfs });
    const utterances = inSequence(0.8, [
      say('agent', agent[5], 0, -28),
      say('customer', customer[0], 0.4, -16),
      say('agent', agent[0], 0.6, -28),
      say('customer', customer[1], -1.3, -16), // customer cuts in
      say('agent', agent[1], 3.4, -28), // dead air, slow response
      say('customer', customer[2], 0.5, -16),
      say('agent', agent[2], -1.2, -28), // agent cuts in
      say('customer', customer[3], 4, -16), // dead air
      say('agent', agent[3], 0.7, -28),
      say('customer', customer[4], 0.45, -16),
      say('agent', agent[4], -1.5, -28), // agent cuts in
      say('customer', customer[5], 3.2, -16), // dead air
    ], FS);
    const last = utterances[utterances.length - 1];
    const call = buildCall({ sampleRateHz: FS, durationSec: last.startSec + (last.samples?.length ?? 0) / FS + 1, agentChannel: 'left', utterances, seed: 3 });
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
    const plannedRate = (b: BuiltCall, who: 'agent' | 'customer'): number => {
      const mine = b.utterances.filter((u) => u.speaker === who);
      return mine.reduce((s, u) => s + u.syllables, 0) / mine.reduce((s, u) => s + u.endSec - u.startSec, 0);
    };
    const callErrors = reports.map((r, k) => (r.pace.ratio as number) / (plannedRate(built[k], 'agent') / plannedRate(built[k], 'customer')) - 1);
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
