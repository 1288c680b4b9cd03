/**
 * Syllable timing inside one mapped script part, for word-level measures (emphasis).
 * Acoustic when the syllable nuclei inside the part match its script syllables (or nearly): one
 * region per nucleus, cut at the intensity dip between neighbouring nuclei. Otherwise proportional:
 * equal shares of the part's sounding time (internal silences skipped).
 */
import type { IntervalSec } from './types.ts';
import { timeAtSoundingShare } from './parts.ts';

/** How a part's syllables were placed in time. */
export type SyllableLocation = 'nuclei' | 'proportional';

/** Syllable boundaries of one part: syllable i spans boundariesSec[i] … boundariesSec[i + 1]. */
export interface PartSyllables {
  located: SyllableLocation;
  /** syllables + 1 ascending times. */
  boundariesSec: number[];
}

/**
 * Nuclei count accepted as matching: within this share of the script syllables (at least 1). The
 * clean renders and read speech of ../shared/fixtures (reference.csv, nuclei_per_syllable) count
 * 0.91–1.11 nuclei per script syllable; the casual en_deepspeech_new_home (0.67) falls back.
 */
export const NUCLEI_COUNT_TOLERANCE = 0.15;
/**
 * Energy window of the dip search: shorter than a consonant closure (≥ 50 ms), longer than two
 * periods of a 100 Hz voice so the energy does not ripple with F0.
 */
const DIP_WINDOW_SEC = 0.02;
/** Step of the dip search. */
const DIP_HOP_SEC = 0.005;

/** Whether a nuclei count is close enough to the script syllables to time syllables by it. */
export function nucleiCountMatches(nucleiCount: number, syllables: number): boolean {
  const tolerance = Math.max(1, Math.round(NUCLEI_COUNT_TOLERANCE * syllables));
  return nucleiCount > 0 && syllables > 0 && Math.abs(nucleiCount - syllables) <= tolerance;
}

/** The sounding intervals clipped to a span. */
export function soundingIn(sounding: readonly IntervalSec[], span: IntervalSec): IntervalSec[] {
  const out: IntervalSec[] = [];
  for (const s of sounding) {
    const startSec = Math.max(s.startSec, span.startSec);
    const endSec = Math.min(s.endSec, span.endSec);
    if (endSec > startSec) out.push({ startSec, endSec });
  }
  return out;
}

/** Time of the lowest short-term energy of `samples` between two instants (the midpoint when too close). */
export function energyDipSec(samples: Float32Array, sampleRateHz: number, fromSec: number, toSec: number): number {
  const w = Math.max(1, Math.round(DIP_WINDOW_SEC * sampleRateHz));
  const hop = Math.max(1, Math.round(DIP_HOP_SEC * sampleRateHz));
  const first = Math.round(fromSec * sampleRateHz);
  const last = Math.round(toSec * sampleRateHz);
  let best = Infinity;
  let bestCentre = -1;
  for (let centre = first + hop; centre < last; centre += hop) {
    const lo = Math.max(0, centre - (w >> 1));
    const hi = Math.min(samples.length, lo + w);
    let e = 0;
    for (let i = lo; i < hi; i++) e += samples[i] * samples[i];
    if (hi > lo && e / (hi - lo) < best) {
      best = e / (hi - lo);
      bestCentre = centre;
    }
  }
  return bestCentre < 0 ? (fromSec + toSec) / 2 : bestCentre / sampleRateHz;
}

// Piecewise-linear value of ascending knots at a fractional index.
function atIndex(knots: readonly number[], index: number): number {
  const i = Math.min(knots.length - 2, Math.max(0, Math.floor(index)));
  return knots[i] + (index - i) * (knots[i + 1] - knots[i]);
}


/**
 * Boundaries of `syllables` syllables inside a part's span. Nuclei: the regions of the nuclei inside
 * the span (cut at the energy dip between consecutive nuclei, the span's edges outside), and when
 * the count is only close, syllable j ends at region index j·nuclei/syllables. Proportional: equal
 * shares of the span's sounding time.
 */
export function partSyllables(
  span: IntervalSec,
  syllables: number,
  nucleiSec: readonly number[],
  sounding: readonly IntervalSec[],
  samples: Float32Array,
  sampleRateHz: number,
): PartSyllables {
  const inside = nucleiSec.filter((t) => t >= span.startSec && t <= span.endSec);
  const audible = soundingIn(sounding, span);
  const edges = audible.length > 0 ? { startSec: audible[0].startSec, endSec: audible[audible.length - 1].endSec } : span;
  if (nucleiCountMatches(inside.length, syllables)) {
    const regions = [edges.startSec];
    for (let i = 0; i + 1 < inside.length; i++) regions.push(energyDipSec(samples, sampleRateHz, inside[i], inside[i + 1]));
    regions.push(edges.endSec);
    const scale = inside.length / syllables;
    const boundariesSec = Array.from({ length: syllables + 1 }, (_, j) => atIndex(regions, j * scale));
    return { located: 'nuclei', boundariesSec };
  }
  const totalSec = audible.reduce((s, iv) => s + iv.endSec - iv.startSec, 0);
  const boundariesSec = Array.from({ length: syllables + 1 }, (_, j) => (totalSec > 0
    ? timeAtSoundingShare(audible, totalSec, j / syllables)
    : span.startSec + ((span.endSec - span.startSec) * j) / syllables));
  return { located: 'proportional', boundariesSec };
}
