/**
 * Deterministic speech-like test signals with known truth: a harmonic "vowel" (F0 glide, 1/k
 * harmonic amplitudes ≈ −6 dB/octave tilt) amplitude-modulated at a syllable rate, in phrases
 * separated by silences, over an optional seeded white-noise floor.
 */

/** One phrase: where it is, its pitch glide, its level and its syllable rate. */
export interface PhraseSpec {
  startSec: number;
  endSec: number;
  /** F0 at the start and at the end of the phrase (glide linear in semitones). */
  f0StartHz: number;
  f0EndHz: number;
  /** RMS level over the phrase, dBFS (RMS re full-scale square: a full-scale sine is −3.01 dBFS). */
  levelDbfs: number;
  /** Syllable humps per second; a phrase of n/rate seconds holds exactly n humps. */
  syllablesPerSec: number;
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
    const f0 = p.f0StartHz * 2 ** ((glideSt * (i / n)) / 12);
    phase += (2 * Math.PI * f0) / sampleRateHz;
    let x = 0;
    for (let k = 1; k * f0 < topHz; k++) x += Math.sin(k * phase) / k;
    const hump = Math.sin(Math.PI * p.syllablesPerSec * t) ** 2;
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

/** Phrases for consecutive script parts of the given syllable counts, separated by `pauseSec`. */
export function partsAt(
  firstStartSec: number,
  syllableCounts: number[],
  pauseSec: number,
  base: Omit<PhraseSpec, 'startSec' | 'endSec'>,
): PhraseSpec[] {
  const phrases: PhraseSpec[] = [];
  let t = firstStartSec;
  for (const count of syllableCounts) {
    const durationSec = count / base.syllablesPerSec;
    phrases.push({ ...base, startSec: t, endSec: t + durationSec });
    t += durationSec + pauseSec;
  }
  return phrases;
}
