/**
 * Planned mono calls of two real voices: a recording cut into its phrases (speech between pauses,
 * segmentSpeech), the two speakers' phrases alternated in turns of 1–3 phrases with planned gaps
 * (planned-call.ts buildCall, no bleed), mixed down to one channel; and the attribution score.
 */
import { highpass } from '../../src/analysis/dsp/highpass.ts';
import { resampleTo } from '../../src/analysis/dsp/resample.ts';
import { segmentSpeech } from '../../src/analysis/segmentation.ts';
import type { IntervalSec, SampleReader } from '../../src/analysis/types.ts';
import type { Speaker } from '../../src/analysis/calls/index.ts';
import { segmentChannel, type CallChannel } from '../../src/analysis/calls/activity.ts';
import { createChannelFront } from '../../src/analysis/calls/channel-front.ts';
import { monoSides, monoSpeech } from '../../src/analysis/calls/mono.ts';
import { decodeFixture } from './fixtures.ts';
import { buildCall, type BuiltCall, type PlannedUtterance } from './planned-call.ts';
import { seededRandom } from './synth.ts';
import { readTruthCsv } from './truth.ts';

/** The call's rate. */
export const MONO_FS = 16000;

/** A recording's phrases at 16 kHz, each cut to its speech (pauses between them dropped). */
export async function loadPhrases(path: string, dir?: string): Promise<Float32Array[]> {
  const a = await decodeFixture(path, dir);
  const x = resampleTo(a.channels[0], a.sampleRateHz, MONO_FS);
  const seg = segmentSpeech({ samples: highpass(x, MONO_FS), sampleRateHz: MONO_FS });
  if (!seg.speechFound) throw new Error(`no speech in ${path}`);
  return seg.sounding.filter((s) => s.endSec - s.startSec >= 0.3).map((s) => x.slice(Math.round(s.startSec * MONO_FS), Math.round(s.endSec * MONO_FS)));
}

/**
 * The MagicData speaker (one woman, Mandarin customer-service sentences; ../shared/fixtures/truth) as one
 * voice: the phrases of her utterances in the corpus list's order. Her texts differ from every other
 * voice's, as a customer's differ from an agent's (the Keele voices all read the same passage).
 */
export async function loadMagicDataPhrases(): Promise<Float32Array[]> {
  const out: Float32Array[] = [];
  for (const row of readTruthCsv('magicdata/magicdata.csv')) out.push(...(await loadPhrases(`truth/${row.file}`)));
  return out;
}

/** The channels of a built call summed into one (its truth unchanged). */
export function mixToMono(built: BuiltCall): BuiltCall {
  const [a, b] = built.input.channels;
  const mono = new Float32Array(a.length);
  for (let i = 0; i < a.length; i++) mono[i] = a[i] + (b ? b[i] : 0);
  return { ...built, input: { channels: [mono], sampleRateHz: built.input.sampleRateHz } };
}

/** Options of a planned mono call. */
export interface MonoPlan {
  seed: number;
  /** Levels of the two voices, dBFS RMS of each phrase (default −24 agent, −20 customer). */
  agentLevelDbfs?: number;
  customerLevelDbfs?: number;
  /** Gaps between turns are drawn from [minGapSec, maxGapSec] (default 0.3–1.2 s). */
  minGapSec?: number;
  maxGapSec?: number;
}

/**
 * A mono call: the agent opens, then turns alternate, each 1–3 consecutive phrases of its speaker
 * (0.15–0.35 s apart), until either speaker runs out of phrases.
 */
export function planMonoCall(agent: readonly Float32Array[], customer: readonly Float32Array[], plan: MonoPlan): BuiltCall {
  const rnd = seededRandom(plan.seed);
  const utterances: PlannedUtterance[] = [];
  const next = { agent: 0, customer: 0 };
  const source = { agent, customer };
  let t = 0.6;
  let who: Speaker = 'agent';
  while (next[who] < source[who].length) {
    const count = 1 + Math.floor(rnd() * 3);
    for (let k = 0; k < count && next[who] < source[who].length; k++) {
      const samples = source[who][next[who]++];
      const levelDbfs = who === 'agent' ? plan.agentLevelDbfs ?? -24 : plan.customerLevelDbfs ?? -20;
      utterances.push({ speaker: who, startSec: t, syllables: 1, syllablesPerSec: 0, samples, levelDbfs });
      t += samples.length / MONO_FS + 0.15 + 0.2 * rnd();
    }
    const minGap = plan.minGapSec ?? 0.3;
    const maxGap = plan.maxGapSec ?? 1.2;
    t += minGap - 0.25 + (maxGap - minGap) * rnd();
    who = who === 'agent' ? 'customer' : 'agent';
  }
  return mixToMono(buildCall({ sampleRateHz: MONO_FS, durationSec: t + 1, agentChannel: 'left', utterances, bleedDb: -120, seed: plan.seed }));
}

function overlapSec(a: IntervalSec, list: readonly IntervalSec[]): number {
  let s = 0;
  for (const b of list) s += Math.max(0, Math.min(a.endSec, b.endSec) - Math.max(a.startSec, b.startSec));
  return s;
}

/** Attribution: planned speech time labelled with its planned speaker ÷ all planned speech time. */
export function attribution(built: BuiltCall, lanes: { agent: readonly IntervalSec[]; customer: readonly IntervalSec[] }): number {
  let right = 0;
  let total = 0;
  for (const u of built.utterances) {
    total += u.endSec - u.startSec;
    right += overlapSec(u, u.speaker === 'agent' ? lanes.agent : lanes.customer);
  }
  return total > 0 ? right / total : 0;
}

/** A mono call's sides as the engine makes them (front end, segmentation, speech, diarisation), hold sounds not split off. */
export function monoSidesOf(samples: Float32Array, sampleRateHz: number, agentSpeaker: 0 | 1 = 0): ReturnType<typeof monoSides> {
  const { ch, speech } = monoFrontOf(samples, sampleRateHz);
  return monoSides(ch, speech, agentSpeaker);
}

/** A mono call's front end as the engine runs it: its 16 kHz high-passed signal, segmented channel and speech. */
export function monoFrontOf(samples: Float32Array, sampleRateHz: number): { signal: SampleReader; ch: CallChannel; speech: IntervalSec[] } {
  const front = createChannelFront(sampleRateHz);
  front.push(samples);
  const { contour, signal } = front.finish();
  const ch = segmentChannel(signal, contour);
  return { signal, ch, speech: monoSpeech(ch, samples.length / sampleRateHz) };
}

/** A planned mix (MONO_FS) as recorded at `rateHz` (8000: the telephone band). */
export function mixAtRate(samples: Float32Array, rateHz: number): Float32Array {
  return rateHz === MONO_FS ? samples : resampleTo(samples, MONO_FS, rateHz);
}
