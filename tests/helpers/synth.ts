/**
 * Deterministic speech-like test signals with known truth: a harmonic "vowel" (F0 glide, 1/k
 * harmonic amplitudes ≈ −6 dB/octave tilt) amplitude-modulated at a syllable rate, in phrases
 * separated by silences, over an optional seeded white-noise floor. A phrase may carry a
 * prominence bump (SyllableBump): a run of its syllables higher, louder and longer, for emphasis tests.
 */

/**
 * A prominence bump on a run of syllables of one phrase. The bumped syllables last
 * `durationFactor` × 1/syllablesPerSec each; their humps (not the −20 dB floor between syllables, so
 * the envelope stays continuous) are `levelDb` louder, which puts the syllables ≈ levelDb louder; F0
 * is `pitchSt` higher across the run, reached through 30 ms raised-cosine ramps inside its edges.
 * The phrase-level RMS (levelDbfs) still holds for the whole phrase, bump included.
 */
export interface SyllableBump {
  /** First bumped syllable, 0-based, and how many. */
  firstSyllable: number;
  syllableCount: number;
  pitchSt: number;
  levelDb: number;
  durationFactor: number;
}

/** One phrase: where it is, its pitch glide, its level and its syllable rate. */
export interface PhraseSpec {
  startSec: number;
  endSec: number;
  /** F0 at the start and at the end of the phrase (glide linear in semitones). */
  f0StartHz: number;
  f0EndHz: number;
  /** RMS level over the phrase, dBFS (RMS re full-scale square: a full-scale sine is −3.01 dBFS). */
  levelDbfs: number;
  /** Syllable humps per second; a phrase of n/rate seconds holds exactly n humps (plus a bump's extra length). */
  syllablesPerSec: number;
  /** Optional prominence bump on some syllables (see SyllableBump). */
  bump?: SyllableBump;
}

/** A whole test signal. */
export interface SpeechLikeSpec {
  sampleRateHz: number;
  durationSec: number;
  phrases: PhraseSpec[];
  /** RMS of the white-noise floor in dBFS, or null for digital silence. */
  noiseDbfs: number | null;
  /** Seed of the noise generator. */
  seed: number;
}

/** mulberry32: a tiny seeded PRNG (public domain, Tommy Ettinger), uniform in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Syllable envelope floor: humps dip to 0.1 (−20 dB) between syllables, like consonant closures.
const ENVELOPE_FLOOR = 0.1;
// Phrase on/offset ramp, so that the phrase edges do not click.
const EDGE_RAMP_SEC = 0.01;
// Pitch ramp at the edges of a bump: the F0 step is spread over 30 ms inside the bumped run.
const BUMP_PITCH_RAMP_SEC = 0.03;

/** Seconds a bump adds to its phrase: (durationFactor − 1) × count / rate. */
export function bumpExtraSec(bump: SyllableBump | undefined, syllablesPerSec: number): number {
  return bump ? ((bump.durationFactor - 1) * bump.syllableCount) / syllablesPerSec : 0;
}

/** Hump (0…1), pitch offset (st) and hump gain at time t (s from the phrase start) of a bumped phrase. */
function bumpedAt(t: number, p: PhraseSpec, bump: SyllableBump): { hump: number; pitchSt: number; humpGain: number } {
  const d = 1 / p.syllablesPerSec;
  const t0 = bump.firstSyllable * d; // the run starts after the unbumped syllables before it
  const t1 = t0 + bump.syllableCount * bump.durationFactor * d;
  let u: number; // position in syllables
  if (t < t0) u = t / d;
  else if (t < t1) u = bump.firstSyllable + (t - t0) / (bump.durationFactor * d);
  else u = bump.firstSyllable + bump.syllableCount + (t - t1) / d;
  const inRun = t >= t0 && t < t1;
  const r = inRun ? Math.min(1, (t - t0) / BUMP_PITCH_RAMP_SEC, (t1 - t) / BUMP_PITCH_RAMP_SEC) : 0;
  return {
    hump: Math.sin(Math.PI * u) ** 2,
    pitchSt: bump.pitchSt * (0.5 - 0.5 * Math.cos(Math.PI * r)),
    humpGain: inRun ? 10 ** (bump.levelDb / 20) : 1,
  };
}

function renderPhrase(out: Float32Array, p: PhraseSpec, sampleRateHz: number): void {
  const first = Math.round(p.startSec * sampleRateHz);
  const last = Math.min(out.length, Math.round(p.endSec * sampleRateHz));
  const n = last - first;
  if (n <= 0) return;
  const topHz = Math.min(4000, 0.45 * sampleRateHz);
  const glideSt = 12 * Math.log2(p.f0EndHz / p.f0StartHz);
  const phrase = new Float64Array(n);
  let phase = 0;
  for (let i = 0; i < n; i++) {
    const t = i / sampleRateHz;
    // Without a bump, the original formulas (bit-identical signals for the existing tests).
    const b = p.bump ? bumpedAt(t, p, p.bump) : null;
    const f0 = b ? p.f0StartHz * 2 ** ((glideSt * (i / n) + b.pitchSt) / 12) : p.f0StartHz * 2 ** ((glideSt * (i / n)) / 12);
    phase += (2 * Math.PI * f0) / sampleRateHz;
    let x = 0;
    for (let k = 1; k * f0 < topHz; k++) x += Math.sin(k * phase) / k;
    const hump = b ? b.hump * b.humpGain : Math.sin(Math.PI * p.syllablesPerSec * t) ** 2;
    const edge = Math.min(1, t / EDGE_RAMP_SEC, (n - 1 - i) / sampleRateHz / EDGE_RAMP_SEC);
    phrase[i] = x * (ENVELOPE_FLOOR + (1 - ENVELOPE_FLOOR) * hump) * edge;
  }
  let power = 0;
  for (let i = 0; i < n; i++) power += phrase[i] * phrase[i];
  const gain = 10 ** (p.levelDbfs / 20) / Math.sqrt(power / n);
  for (let i = 0; i < n; i++) out[first + i] += phrase[i] * gain;
}

/** The mono signal described by `spec`. Same spec, same samples. */
export function speechLike(spec: SpeechLikeSpec): Float32Array {
  const out = new Float32Array(Math.round(spec.durationSec * spec.sampleRateHz));
  if (spec.noiseDbfs !== null) {
    // Uniform noise on [−a, a] has RMS a/√3.
    const a = 10 ** (spec.noiseDbfs / 20) * Math.sqrt(3);
    const random = seededRandom(spec.seed);
    for (let i = 0; i < out.length; i++) out[i] = (2 * random() - 1) * a;
  }
  for (const p of spec.phrases) renderPhrase(out, p, spec.sampleRateHz);
  return out;
}

/**
 * Phrases for consecutive script parts of the given syllable counts, separated by `pauseSec`;
 * `bumps[k]`, when given, is part k's prominence bump (its phrase grows by the bump's extra length).
 */
export function partsAt(
  firstStartSec: number,
  syllableCounts: number[],
  pauseSec: number,
  base: Omit<PhraseSpec, 'startSec' | 'endSec'>,
  bumps: readonly (SyllableBump | null | undefined)[] = [],
): PhraseSpec[] {
  const phrases: PhraseSpec[] = [];
  let t = firstStartSec;
  for (const [k, count] of syllableCounts.entries()) {
    const bump = bumps[k] ?? undefined;
    const durationSec = count / base.syllablesPerSec + bumpExtraSec(bump, base.syllablesPerSec);
    phrases.push(bump ? { ...base, bump, startSec: t, endSec: t + durationSec } : { ...base, startSec: t, endSec: t + durationSec });
    t += durationSec + pauseSec;
  }
  return phrases;
}
