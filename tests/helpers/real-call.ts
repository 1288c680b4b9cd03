/**
 * A planned stereo call of real speech (needs ../shared/fixtures/truth: run under runIf(haveTruth)):
 * MagicData customer-service utterances with known syllable counts, its fastest as the customer, its
 * slowest and the CosyVoice zero-shot sentence (another voice) as the agent, 12 dB quieter than the
 * customer; each utterance cut to its speech (segmentSpeech on the isolated utterance), −30 dB bleed
 * each way; three dead airs, three overtalks (customer and agent cutting in), a slow response.
 */
import { highpass } from '../../src/analysis/dsp/highpass.ts';
import { resampleTo } from '../../src/analysis/dsp/resample.ts';
import { segmentSpeech } from '../../src/analysis/segmentation.ts';
import { decodeFixture, readReference } from './fixtures.ts';
import { buildCall, inSequence, type BuiltCall, type PlannedUtterance } from './planned-call.ts';
import { readTruthCsv } from './truth.ts';

// Utterances without a pause ≥ 0.3 s inside (a longer one could end a turn): the customer's the fastest
// (5.9–6.6 syllables/s), the agent's the slowest (4.7–5.2) of the set.
const CUSTOMER = ['md_000048', 'md_100026', 'md_100038', 'md_100033', 'md_000016', 'md_100030'];
const AGENT = ['md_300033', 'md_100003', 'md_200002', 'md_000029', 'md_100017'];

/** Real speech cut to its speech, with its syllable count. */
export interface Utterance { samples: Float32Array; syllables: number }

/** A fixture utterance at `rateHz` cut to its speech. */
export async function speechUtterance(path: string, syllables: number, rateHz: number): Promise<Utterance> {
  const a = await decodeFixture(path);
  const x = resampleTo(a.channels[0], a.sampleRateHz, rateHz);
  const seg = segmentSpeech({ samples: highpass(x, rateHz), sampleRateHz: rateHz });
  if (seg.startSec === null || seg.endSec === null) throw new Error(`no speech in ${path}`);
  return { samples: x.slice(Math.round(seg.startSec * rateHz), Math.round(seg.endSec * rateHz)), syllables };
}

/** The real-speech call at `rateHz` (16 kHz in the tests), agent on the left. */
export async function buildRealCall(rateHz: number): Promise<BuiltCall> {
  const md = new Map(readTruthCsv('magicdata/magicdata.csv').map((r) => [r.id, r]));
  const load = (id: string): Promise<Utterance> => {
    const r = md.get(id);
    if (!r) throw new Error(`${id} is not in magicdata.csv`);
    return speechUtterance(`truth/${r.file}`, Number(r.syllables), rateHz);
  };
  const cosy = readReference().find((r) => r.id === 'zh_cosyvoice_zero_shot');
  const customer = await Promise.all(CUSTOMER.map((id) => load(id)));
  const agent = [...await Promise.all(AGENT.map((id) => load(id))), await speechUtterance(cosy?.file ?? '', Number(cosy?.syllables), rateHz)];
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
  ], rateHz);
  const last = utterances[utterances.length - 1];
  return buildCall({ sampleRateHz: rateHz, durationSec: last.startSec + (last.samples?.length ?? 0) / rateHz + 1, agentChannel: 'left', utterances, seed: 3 });
}

/** Each side's planned rate over the call: its syllables ÷ its utterances' seconds. */
export function plannedSideRate(b: BuiltCall, who: 'agent' | 'customer'): number {
  const mine = b.utterances.filter((u) => u.speaker === who);
  return mine.reduce((s, u) => s + u.syllables, 0) / mine.reduce((s, u) => s + u.endSec - u.startSec, 0);
}
