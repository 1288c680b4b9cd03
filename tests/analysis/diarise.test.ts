/**
 * Mono calls: two real voices mixed on one channel (tests/helpers/mono-call.ts: each recording cut into
 * its phrases, turns of 1–3 phrases alternating with 0.2–1.3 s gaps, the agent opening, 2 seeds each),
 * diarised by the engine (diarise.ts via mono.ts). Attribution = planned speech time that lands in the
 * planned speaker's lane ÷ all planned speech time, with the engine's suggested agent (the voice that
 * opens the call), as the report would show it before the user changes anything.
 *
 * Voices: the Keele speakers (../shared/fixtures/truth, 5 female, 5 male, all reading the same text)
 * and the two English long reads of fixtures/real (wendy, polar).
 * Tuned on: pairs and single voices of f1 f2 f3 m1 m2 m3 (MIN_SEPARATION was set on these).
 * Held out: every pair with f4, f5, m4, m5 or the real long reads, and those single voices.
 * Honesty note: while choosing the features (3 s pieces, GMM resegmentation) the forced two-way labels
 * of all 45 Keele pairs were looked at, so only the real long reads are held out from every decision;
 * the extra starts and MIN_ALT_SEPARATION (diarise.ts) were chosen with every Keele pair and single voice
 * in view (3 seeds, 16 and 8 kHz), so nothing here is held out from that choice; so were the wide-band
 * features, MIN_SEPARATION_WIDE, the supervector start and MIN_MINOR_SEC (16 kHz, 3 seeds; a 5-minute
 * one-voice call from the MagicData utterances, never looked at before, scored 0.7–1.2 wide band, 1.2–1.7 at 8 kHz).
 *
 * The spectral starts (diarise-starts.ts) were chosen with every female Keele pair in view (3 seeds, 16
 * and 8 kHz); so was the telephone band's rank (diarise.ts Scored: the voices' models MAP-adapted from
 * the call's background, 8 kHz pairs and single voices, 3 seeds); the pairs of two women reading
 * different texts (MagicData's speaker and wendy against the Keele women) were first measured after
 * every choice here and are held out from all of them but one: the telephone band's linear-frequency cepstra
 * (diarise-features.ts) were chosen on the female Keele pairs at 8 kHz, and their lowest filter edge (100 Hz
 * against 200 and 300) with those pairs, the single voices and these in view.
 *
 * Measured (npm run bench:diarise, 3 seeds; attribution with the suggested agent, the whole mix as
 * the agent's when not told apart): 16 kHz (wide band) — female pairs told apart 30/30 (f2-f5 seed 1
 * since the spectral starts), ≥ 94.1 %; male 30/30 ≥ 94.6 %;
 * cross-gender 78/78 ≥ 92.3 %; long reads 3/3 ≥ 99.4 %; one voice alone 0/36 split (≤ 2.13 against
 * 3.0, apart from f4's livelier first sentence, 3.5–5.8 on 4.9 s, below MIN_MINOR_SEC). 8 kHz
 * (telephone band, linear-frequency cepstra, supervector starts) — female 30/30 told apart and ≥ 85 %,
 * ≥ 87.2 % (with mel cepstra 21 and 19, before the MAP rank 19 and 17; before the supervector starts 28/30:
 * f1-f3 seed 3 and f2-f5 seed 1, whose true labels score 4.2 and 5.0, were reached by no start; the Keele
 * women all read one passage, and a split by what is said can score as high), male 30/30 ≥ 92.4 %,
 * cross-gender 78/78 ≥ 88.7 %, one voice alone 0/36 (≤ 1.55; 2.28 with mel cepstra). The 8 kHz versions
 * of f4-m4, m4-m5, f1-f4, wendy-polar: 90.7–97 %. Two women reading different texts (bench:diarise --pairs
 * difftext, 10 pairs): 16 kHz 30/30 ≥ 96.4 %, 8 kHz 30/30 ≥ 88.2 % (before the supervector starts 29/30:
 * wendy-f3 seed 3 84.0 %; with mel cepstra 29/30 told apart, md-f3 seed 3 not, at 2.39).
 * The supervector starts of the telephone band and MIN_SUPERVECTOR_PIECES were chosen with all of these in
 * view (seeds 1–3), the different texts included; measured after the choice on seeds 4–6 (8 kHz): female
 * pairs 27 → 29/30 told apart and ≥ 85 % (f1-f2 seed 5 stays not told apart, at 1.19), male, cross-gender
 * and long reads unchanged at 30/30, 78/78, 3/3, different texts 30/30 (≥ 88.9 → 89.9 %).
 * Every mix the engine calls told apart at 16 kHz is ≥ 94 % right.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeCall } from '../../src/analysis/calls/index.ts';
import { cutPieces, isWideBand, type VoicePiece } from '../../src/analysis/calls/diarise-features.ts';
import { MIN_MINOR_SEC, MIN_SEPARATION, MIN_SEPARATION_WIDE, toldApart } from '../../src/analysis/calls/diarise.ts';
import { componentStats, mapAdaptMeans } from '../../src/analysis/calls/diarise-gmm.ts';
import { principalSplits, spectralSplits } from '../../src/analysis/calls/diarise-starts.ts';
import { highpass } from '../../src/analysis/dsp/highpass.ts';
import { readerOf, type SampleReader } from '../../src/analysis/types.ts';
import { resampleTo } from '../../src/analysis/dsp/resample.ts';
import { applyCorrections, type CallDiarisation } from '../../src/analysis/calls/mono.ts';
import { attribution, loadMagicDataPhrases, loadPhrases, mixAtRate, MONO_FS, monoSidesOf, planMonoCall } from '../helpers/mono-call.ts';
import type { BuiltCall } from '../helpers/planned-call.ts';
import { haveTruth } from '../helpers/truth.ts';

const TUNED: [string, string][] = [['f1', 'm1'], ['f2', 'm2'], ['f3', 'm3'], ['m1', 'm2'], ['m1', 'm3'], ['m2', 'm3'], ['f1', 'f2'], ['f1', 'f3'], ['f2', 'f3'], ['f2', 'f5']];
const HELD_OUT: [string, string][] = [
  ['f4', 'm4'], ['f5', 'm5'], ['f4', 'm5'], ['m4', 'f5'], ['m4', 'm5'], ['m2', 'm5'], ['f1', 'f4'], ['f3', 'f5'], ['f4', 'f5'], ['wendy', 'polar'], ['polar', 'f2'],
  ['f1', 'f5'], ['f3', 'f4'], ['m1', 'm4'], ['m3', 'm5'],
];
/**
 * Same-gender pairs the method does not tell apart on one of the two seeds: they must then say so (not
 * confident). f1-f2, m2-m3 and f4-f5 left this list with the other starts of the resegmentation
 * (diarise-starts.ts); f1-f3 and f2-f3 with the wide-band features and the supervector start.
 */
const KNOWN_HARD = new Set<string>([]);
const SEEDS = [1, 2];
const SINGLE_TUNED = ['f1', 'f2', 'f3', 'm1', 'm2', 'm3'];
const SINGLE_HELD_OUT = ['f4', 'f5', 'm4', 'm5', 'wendy', 'polar'];

const PATHS: Record<string, string> = { wendy: 'real/en_longread_wendy.wav', polar: 'real/en_longread_polar.wav' };
const pathOf = (voice: string): string => PATHS[voice] ?? `truth/keele/keele_${voice}.wav`;

interface Mix { name: string; heldOut: boolean; seed: number; built: BuiltCall; d: CallDiarisation; right: number }

/** The mix recorded at `rateHz` (default the telephone band's 8 kHz) through the mono sides: told apart and ≥ 85 % right; its line for the log. */
function expectToldApart(built: BuiltCall, name: string, rateHz = 8000): string {
  const sides = monoSidesOf(mixAtRate(built.input.channels[0], rateHz), rateHz);
  const right = attribution(built, { agent: sides.agentSpeech, customer: sides.customerSpeech });
  expect(sides.diarisation.confident, name).toBe(true);
  expect(right, name).toBeGreaterThanOrEqual(0.85);
  return `${name} ${(100 * right).toFixed(1)} % (separation ${sides.diarisation.separation.toFixed(2)})`;
}

function diariseMix(built: BuiltCall): { d: CallDiarisation; right: number } {
  const sides = monoSidesOf(built.input.channels[0], built.input.sampleRateHz);
  return { d: sides.diarisation, right: attribution(built, { agent: sides.agentSpeech, customer: sides.customerSpeech }) };
}

describe.runIf(haveTruth)('mono calls of two real voices: speaker attribution', () => {
  const phrases = new Map<string, Float32Array[]>();
  const mixes: Mix[] = [];

  beforeAll(async () => {
    const voices = new Set([...TUNED, ...HELD_OUT].flat().concat(SINGLE_TUNED, SINGLE_HELD_OUT));
    for (const v of voices) phrases.set(v, await loadPhrases(pathOf(v)));
    for (const [list, heldOut] of [[TUNED, false], [HELD_OUT, true]] as const) {
      for (const [a, b] of list) {
        for (const seed of SEEDS) {
          const built = planMonoCall(phrases.get(a) as Float32Array[], phrases.get(b) as Float32Array[], { seed });
          mixes.push({ name: `${a}-${b}`, heldOut, seed, built, ...diariseMix(built) });
        }
      }
    }
    const table = mixes.map((m) => `${m.heldOut ? 'held-out' : 'tuned   '} ${m.name.padEnd(12)} seed ${m.seed}: ${(100 * m.right).toFixed(1)} % right, separation ${m.d.separation.toFixed(2)}${m.d.confident ? '' : ' (not told apart)'}`);
    console.log(`mono attribution with the suggested agent:\n${table.join('\n')}`);
  }, 600_000);

  it('every mix told apart has ≥ 85 % of its speech time on the right speaker, the suggested agent included', () => {
    for (const m of mixes.filter((x) => x.d.confident)) expect(m.right, `${m.name} seed ${m.seed}`).toBeGreaterThanOrEqual(0.85);
  });

  it('cross-gender and the other same-gender pairs are told apart, tuned and held out', () => {
    const expected = mixes.filter((m) => !KNOWN_HARD.has(m.name));
    expect(expected.filter((m) => m.heldOut).length).toBeGreaterThanOrEqual(24);
    for (const m of expected) {
      expect(m.d.confident, `${m.name} seed ${m.seed}: separation ${m.d.separation}`).toBe(true);
      expect(m.right, `${m.name} seed ${m.seed}`).toBeGreaterThanOrEqual(0.85);
    }
  });

  it('a 16 kHz mix is wide-band; its 8 kHz telephone version is not', () => {
    const mix = mixes.find((m) => m.name === 'f1-f2' && m.seed === 1) as Mix;
    const x = mix.built.input.channels[0];
    const speech = mix.built.utterances.map((u) => ({ startSec: u.startSec, endSec: u.endSec }));
    const hp = (y: Float32Array): SampleReader => readerOf({ samples: highpass(y, MONO_FS), sampleRateHz: MONO_FS });
    expect(isWideBand(hp(x), speech)).toBe(true);
    const tel = resampleTo(resampleTo(x, MONO_FS, 8000), 8000, MONO_FS);
    expect(isWideBand(hp(tel), speech)).toBe(false);
  });

  it('a mix not told apart is all the agent\'s and says so', () => {
    const not = mixes.filter((m) => !m.d.confident);
    for (const m of not) {
      expect(m.d.separation).toBeLessThan(MIN_SEPARATION_WIDE);
      expect(new Set(m.d.segments.map((s) => s.speaker))).toEqual(new Set([0]));
    }
  });

  it('one voice alone is not taken for two', () => {
    const lines: string[] = [];
    for (const v of [...SINGLE_TUNED, ...SINGLE_HELD_OUT]) {
      const p = phrases.get(v) as Float32Array[];
      // The same voice on both sides of the plan: its odd phrases answer its even ones.
      const built = planMonoCall(p.filter((_, i) => i % 2 === 0), p.filter((_, i) => i % 2 === 1), { seed: 1 });
      const { d } = diariseMix(built);
      lines.push(`${v}: separation ${d.separation.toFixed(2)}${d.confident ? ' (taken for two voices)' : ''}`);
      expect(d.confident || new Set(d.segments.map((s) => s.speaker)).size > 1, `${v}: separation ${d.separation}`).toBe(false);
    }
    console.log(`one voice alone: ${lines.join('; ')}`);
  });

  it('8 kHz telephone versions of held-out pairs are told apart, ≥ 85 % right', () => {
    const lines: string[] = [];
    for (const name of ['f4-m4', 'm4-m5', 'f1-f4', 'wendy-polar']) {
      const mix = mixes.find((m) => m.name === name && m.seed === 1) as Mix;
      lines.push(expectToldApart(mix.built, name));
    }
    console.log(`8 kHz: ${lines.join('; ')}`);
  }, 60_000);

  it('8 kHz, two women reading the same passage: told apart by voice, not by text (the background-adapted rank, linear-frequency cepstra)', () => {
    // Before the telephone band's rank (diarise.ts Scored) f2-f3 seed 1 was not told apart (63 %) and
    // f2-f4 seed 2 was told apart on a split by text (30 %); with it but before the telephone band's
    // linear-frequency cepstra (diarise-features.ts), f1-f3 seed 2, f2-f4 seed 3 and f2-f5 seed 2 were not
    // told apart (46, 62 and 57 %); before the telephone band's supervector starts (diarise.ts
    // fromSupervectorStart), f1-f3 seed 3 and f2-f5 seed 1 were not (46 and 62 %). All are in
    // bench:diarise's female pairs.
    const lines: string[] = [];
    for (const [a, b, seed] of [['f2', 'f3', 1], ['f2', 'f4', 2], ['f1', 'f3', 2], ['f2', 'f4', 3], ['f2', 'f5', 2], ['f1', 'f3', 3], ['f2', 'f5', 1]] as const) {
      const built = planMonoCall(phrases.get(a) as Float32Array[], phrases.get(b) as Float32Array[], { seed });
      lines.push(expectToldApart(built, `${a}-${b} seed ${seed}`));
    }
    console.log(`8 kHz, same passage: ${lines.join('; ')}`);
  }, 90_000);

  it('8 kHz, one voice alone in a short call (fewer pieces than MIN_SUPERVECTOR_PIECES): not taken for two', () => {
    // m2 seed 1 has 12 pieces; the supervector starts would split it at 3.39 (bench:diarise).
    const p = phrases.get('m2') as Float32Array[];
    const built = planMonoCall(p.filter((_, i) => i % 2 === 0), p.filter((_, i) => i % 2 === 1), { seed: 1 });
    const sides = monoSidesOf(mixAtRate(built.input.channels[0], 8000), 8000);
    expect(sides.diarisation.confident, `separation ${sides.diarisation.separation}`).toBe(false);
    expect(sides.diarisation.separation).toBeLessThan(MIN_SEPARATION);
  });

  it('two women reading different texts, telephone band: told apart, ≥ 85 % right', async () => {
    const md = await loadMagicDataPhrases();
    const voice = (v: string): Float32Array[] => (v === 'md' ? md : (phrases.get(v) as Float32Array[]));
    const lines: string[] = [];
    for (const [a, b, seed] of [['md', 'f1', 1], ['md', 'f3', 1], ['wendy', 'f2', 1], ['wendy', 'f4', 1], ['wendy', 'f5', 1], ['wendy', 'f3', 3]] as const) {
      lines.push(expectToldApart(planMonoCall(voice(a), voice(b), { seed }), `${a}-${b} seed ${seed}`));
    }
    console.log(`8 kHz, different texts: ${lines.join('; ')}`);
  }, 120_000);

  it('the agent opens with one short phrase and the customer answers at length: the suggested agent is still the one who opens', () => {
    // Before, the suggestion was the voice with most of the first 3 s of speech: these mixes gave the
    // customer's voice to the agent (0.0 % right each); bench:diarise seeds 7–9 had 121 such mixes.
    const lines: string[] = [];
    for (const [a, b, seed, rateHz] of [['f1', 'm1', 7, 16000], ['m1', 'm2', 8, 16000], ['wendy', 'polar', 9, 16000], ['f1', 'm1', 8, 8000]] as const) {
      const built = planMonoCall(phrases.get(a) as Float32Array[], phrases.get(b) as Float32Array[], { seed });
      const name = `${a}-${b} seed ${seed} ${rateHz / 1000} kHz`;
      // The planned speech in the first 3 s of speech: the agent's one phrase, then mostly the customer's.
      const firstSec = { agent: 0, customer: 0 };
      let left = 3;
      for (const u of built.utterances) {
        const d = Math.min(left, u.endSec - u.startSec);
        firstSec[u.speaker] += d;
        left -= d;
      }
      expect(built.utterances[0].speaker, name).toBe('agent');
      expect(built.utterances[1].speaker, name).toBe('customer');
      expect(firstSec.customer, name).toBeGreaterThan(firstSec.agent);
      lines.push(expectToldApart(built, name, rateHz));
    }
    console.log(`short opening phrase: ${lines.join('; ')}`);
  }, 60_000);

  it('analyzeCall mono: turns follow the voices, the report carries the diarisation; a correction moves a stretch to the other side', () => {
    const built = planMonoCall(phrases.get('f1') as Float32Array[], phrases.get('m1') as Float32Array[], { seed: 1 });
    const report = analyzeCall(built.input, { agentChannel: 'mono', lang: 'en' });
    expect(report.agentChannel).toBe('mono');
    expect(report.diarisation?.confident).toBe(true);
    const customerUtterances = built.utterances.filter((u) => u.speaker === 'customer');
    // Every planned customer utterance is mostly inside a customer turn.
    const inTurn = (u: { startSec: number; endSec: number }, who: 'agent' | 'customer'): number =>
      report.turns.filter((t) => t.speaker === who).reduce((s, t) => s + Math.max(0, Math.min(u.endSec, t.endSec) - Math.max(u.startSec, t.startSec)), 0) / (u.endSec - u.startSec);
    for (const u of customerUtterances) expect(inTurn(u, 'customer'), `customer at ${u.startSec}`).toBeGreaterThan(0.5);
    expect(report.pace.agentSyllablesPerSec).not.toBeNull();
    expect(report.pace.customerSyllablesPerSec).not.toBeNull();

    // The user says the first customer utterance was the agent.
    const first = customerUtterances[0];
    const corrected = analyzeCall(built.input, { agentChannel: 'mono', lang: 'en', speakerCorrections: [{ startSec: first.startSec - 0.05, endSec: first.endSec + 0.05, speaker: 0 }] });
    expect(corrected.diarisation?.corrections).toBe(1);
    expect(inTurn(first, 'agent')).toBeLessThan(0.5);
    expect(corrected.turns.filter((t) => t.speaker === 'agent').reduce((s, t) => s + Math.max(0, Math.min(first.endSec, t.endSec) - Math.max(first.startSec, t.startSec)), 0) / (first.endSec - first.startSec)).toBeGreaterThan(0.9);

    // Choosing the other voice as the agent swaps the sides.
    const swapped = analyzeCall(built.input, { agentChannel: 'mono', lang: 'en', agentSpeaker: 1 });
    expect(swapped.talkShare.agentSec).toBeCloseTo(report.talkShare.customerSec, 2);
    expect(swapped.talkShare.customerSec).toBeCloseTo(report.talkShare.agentSec, 2);
  }, 60_000);

  it('analyzeCall mono on one voice: not told apart, all speech the agent\'s, the report says so', () => {
    const p = phrases.get('m1') as Float32Array[];
    const built = planMonoCall(p.filter((_, i) => i % 2 === 0), p.filter((_, i) => i % 2 === 1), { seed: 1 });
    const report = analyzeCall(built.input, { agentChannel: 'mono', lang: 'en', agentSpeaker: 1 });
    expect(report.diarisation?.confident).toBe(false);
    expect(report.agentSpeechFound).toBe(true);
    expect(report.customerSpeechFound).toBe(false);
    expect(report.turns.every((t) => t.speaker === 'agent')).toBe(true);
  }, 60_000);
});

describe('mono call pieces and corrections (pure)', () => {
  it('cuts long speech runs into equal pieces of at most 3 s, joined inside a run', () => {
    const pieces = cutPieces([{ startSec: 1, endSec: 2 }, { startSec: 3, endSec: 10 }]);
    expect(pieces.map((p) => [+p.startSec.toFixed(6), +p.endSec.toFixed(6), p.joinsNext])).toEqual([
      [1, 2, false], [3, 5.333333, true], [5.333333, 7.666667, true], [7.666667, 10, false],
    ]);
  });

  it('a correction overrides the labels inside its span, cutting segments at its edges; later ones win', () => {
    const segments = [{ startSec: 0, endSec: 2, speaker: 0 as const }, { startSec: 2, endSec: 4, speaker: 1 as const }, { startSec: 5, endSec: 6, speaker: 0 as const }];
    expect(applyCorrections(segments, [{ startSec: 1, endSec: 3, speaker: 1 }, { startSec: 5.5, endSec: 9, speaker: 1 }, { startSec: 2.5, endSec: 3, speaker: 0 }])).toEqual([
      { startSec: 0, endSec: 1, speaker: 0 }, { startSec: 1, endSec: 2, speaker: 1 }, { startSec: 2, endSec: 2.5, speaker: 1 },
      { startSec: 2.5, endSec: 3, speaker: 0 }, { startSec: 3, endSec: 4, speaker: 1 }, { startSec: 5, endSec: 5.5, speaker: 0 }, { startSec: 5.5, endSec: 6, speaker: 1 },
    ]);
  });

  it('two voices are told apart only from the band\'s threshold, with the minor voice ≥ 8 % and ≥ MIN_MINOR_SEC of the speech', () => {
    const piece = (startSec: number, endSec: number): VoicePiece => ({ startSec, endSec, mfcc: new Float64Array(24), frames: new Float32Array(0), log2F0: null, joinsNext: false });
    // 40 s of speech in 2 s pieces; the minor voice holds the first k pieces.
    const pieces = Array.from({ length: 20 }, (_, i) => piece(2 * i, 2 * i + 2));
    const labels = (k: number): number[] => pieces.map((_, i) => (i < k ? 1 : 0));
    expect(MIN_MINOR_SEC).toBe(6);
    expect(toldApart(pieces, labels(3), MIN_SEPARATION, false)).toBe(true); // 6 s, 15 %
    expect(toldApart(pieces, labels(2), 20, true)).toBe(false); // 4 s: too little to model
    expect(toldApart(pieces, labels(10), MIN_SEPARATION - 0.01, false)).toBe(false);
    expect(toldApart(pieces, labels(10), MIN_SEPARATION, true)).toBe(false); // wide band: its own threshold
    expect(toldApart(pieces, labels(10), MIN_SEPARATION_WIDE, true)).toBe(true);
    const long = Array.from({ length: 100 }, (_, i) => piece(2 * i, 2 * i + 2));
    expect(toldApart(long, long.map((_, i) => (i < 4 ? 1 : 0)), 20, false)).toBe(false); // 8 s but 4 % of 200 s
  });

  it('a spectral start follows two long chains of pieces that the first principal axis cuts across', () => {
    // Two voices, each a chain of 20 pieces along the same long arc (what is said), 0.6 apart across
    // it (who says it); centred as supervector rows are.
    const rows = [0.3, -0.3].flatMap((z) => Array.from({ length: 20 }, (_, i) => Float64Array.of(Math.cos((1.2 * i) / 19), Math.sin((1.2 * i) / 19), z)));
    const mean = [0, 1, 2].map((j) => rows.reduce((a, r) => a + r[j], 0) / rows.length);
    for (const r of rows) for (let j = 0; j < 3; j++) r[j] -= mean[j];
    const truth = rows.map((_, i) => (i < 20 ? 0 : 1));
    const agrees = (labels: number[]): number => Math.max(...[0, 1].map((flip) => labels.filter((l, i) => (l ^ flip) === truth[i]).length)) / labels.length;
    expect(agrees(spectralSplits(rows, [0.1])[0])).toBe(1);
    expect(agrees(principalSplits(rows, 1)[0])).toBeLessThan(0.75); // the long axis: along the chains
  });

  it('MAP adaptation moves each background mean toward its frames\' mean by n / (n + 16); weights and variances stay', () => {
    const means = [Float64Array.of(0, 0), Float64Array.of(10, 10)];
    const variances = [Float64Array.of(1, 1), Float64Array.of(1, 1)];
    const weights = Float64Array.of(0.5, 0.5);
    const logNorm = Float64Array.from(means, (_, m) => Math.log(weights[m]) - Math.log(2 * Math.PI));
    const background = { weights, means, variances, logNorm };
    // 48 frames at (1, 1): all of them the first component's (the second is 9 SD away), so n = 48 and the
    // mean moves 48 / 64 of the way; the second component sees (next to) nothing and stays.
    const frames = new Float32Array(96).fill(1);
    const adapted = mapAdaptMeans(background, frames, 2);
    expect(Array.from(adapted.means[0]).map((v) => +v.toFixed(9))).toEqual([0.75, 0.75]);
    expect(Array.from(adapted.means[1]).map((v) => +v.toFixed(6))).toEqual([10, 10]);
    expect(adapted.variances).toBe(variances);
    expect(adapted.weights).toBe(weights);
    // Frames between the two components split their weight by posterior: n0 + n1 = the frame count.
    const stats = componentStats(background, Float32Array.of(5, 5, 1, 1, 9, 9), 2);
    expect(stats.n[0] + stats.n[1]).toBeCloseTo(3, 12);
    expect(stats.n[0]).toBeCloseTo(1.5, 6); // (5, 5): half each; (1, 1) and (9, 9): all to the near one
  });

  it('a stereo call has no diarisation; a mono call needs one channel', () => {
    const x = new Float32Array(MONO_FS);
    expect(() => analyzeCall({ channels: [x, x], sampleRateHz: MONO_FS }, { agentChannel: 'mono', lang: 'en' })).toThrow(/mono call needs 1 channel, not 2/);
    expect(() => analyzeCall({ channels: [x], sampleRateHz: MONO_FS }, { agentChannel: 'left', lang: 'en' })).toThrow(/stereo call needs 2 channels, not 1/);
    expect(analyzeCall({ channels: [x, x], sampleRateHz: MONO_FS }, { agentChannel: 'left', lang: 'en' }).diarisation).toBeNull();
  });
});
