/**
 * Map the sounding stretches of a take onto the parts of its script.
 * Part boundaries go at silent gaps whose position in sounding time best matches the parts'
 * share of the script's syllables (dynamic programming); a boundary with no gap near it is placed
 * at the proportional position inside speech, with a pause of 0 s ("said in one breath").
 */
import type { ScriptPartReport } from './report.ts';
import type { ScriptPart } from './script.ts';
import type { IntervalSec } from './types.ts';

/** Result of mapping a take onto its script parts. */
export interface PartMapping {
  parts: ScriptPartReport[];
  /** Silence between consecutive parts (0 when none was left). */
  partGapsSec: number[];
  /** Pauses ≥ the pause threshold inside each part. */
  pausesInsideParts: number[];
}

// Cost of a boundary with no silent gap, in units of "fraction of the sounding time off target".
const VIRTUAL_BOUNDARY_COST = 0.12;
// Longer gaps are likelier part boundaries; the bonus saturates at 0.5 s.
const GAP_BONUS_PER_SEC = 0.1;
// A part shorter than this share of its expected duration counts as not found.
const MIN_FOUND_SHARE = 0.35;

interface Candidate {
  /** Position in sounding time, 0…1. */
  u: number;
  startSec: number;
  endSec: number;
  bonus: number;
  virtual: boolean;
}

function gapCandidates(sounding: IntervalSec[], totalSec: number): Candidate[] {
  const out: Candidate[] = [];
  let cumulative = 0;
  for (let i = 0; i < sounding.length - 1; i++) {
    cumulative += sounding[i].endSec - sounding[i].startSec;
    const gapSec = sounding[i + 1].startSec - sounding[i].endSec;
    out.push({ u: cumulative / totalSec, startSec: sounding[i].endSec, endSec: sounding[i + 1].startSec,
      bonus: GAP_BONUS_PER_SEC * Math.min(gapSec, 0.5), virtual: false });
  }
  return out;
}

/** Time at a share (0…1) of the sounding time of the intervals (their total is `totalSec`). */
export function timeAtSoundingShare(intervals: readonly IntervalSec[], totalSec: number, share: number): number {
  let remaining = share * totalSec;
  for (const s of intervals) {
    const d = s.endSec - s.startSec;
    if (remaining <= d) return s.startSec + remaining;
    remaining -= d;
  }
  return intervals[intervals.length - 1].endSec;
}

/** Place the part boundaries; returns one boundary candidate per part boundary. */
function placeBoundaries(targets: number[], gaps: Candidate[], sounding: IntervalSec[], totalSec: number): Candidate[] {
  const n = targets.length;
  // Candidate k's list: every gap, plus its own virtual boundary at the target.
  const lists = targets.map((c) => {
    const t = timeAtSoundingShare(sounding, totalSec, c);
    return [...gaps, { u: c, startSec: t, endSec: t, bonus: -VIRTUAL_BOUNDARY_COST, virtual: true }];
  });
  const cost: number[][] = [];
  const from: number[][] = [];
  for (let k = 0; k < n; k++) {
    cost.push([]);
    from.push([]);
    lists[k].forEach((cand, j) => {
      const local = Math.abs(cand.u - targets[k]) - cand.bonus;
      if (k === 0) {
        cost[k][j] = local;
        from[k][j] = -1;
        return;
      }
      let best = Infinity;
      let arg = -1;
      lists[k - 1].forEach((prev, i) => {
        // Boundaries must advance in time; a gap can serve only one boundary.
        if (prev.endSec > cand.startSec || (prev === cand && !cand.virtual)) return;
        if (!prev.virtual && !cand.virtual && prev.startSec >= cand.startSec) return;
        if (cost[k - 1][i] < best) { best = cost[k - 1][i]; arg = i; }
      });
      cost[k][j] = best + local;
      from[k][j] = arg;
    });
  }
  let j = cost[n - 1].indexOf(Math.min(...cost[n - 1]));
  const chosen: Candidate[] = new Array<Candidate>(n);
  for (let k = n - 1; k >= 0; k--) {
    chosen[k] = lists[k][j];
    j = from[k][j];
  }
  return chosen;
}

/** Map sounding intervals (fine segmentation) onto script parts; pauses are the ≥ 250 ms ones. */
export function mapParts(parts: ScriptPart[], sounding: IntervalSec[], pauses: IntervalSec[]): PartMapping {
  const totalSyllables = parts.reduce((s, p) => s + p.syllables, 0);
  const totalSec = sounding.reduce((s, i) => s + (i.endSec - i.startSec), 0);
  if (parts.length === 0 || sounding.length === 0 || totalSec <= 0 || totalSyllables === 0) {
    return {
      parts: parts.map((p) => ({ index: p.index, text: p.text, syllables: p.syllables, startSec: null, endSec: null, found: false, pauseBeforeSec: null })),
      partGapsSec: [],
      pausesInsideParts: parts.map(() => 0),
    };
  }
  const targets: number[] = [];
  let cumulative = 0;
  for (const p of parts.slice(0, -1)) {
    cumulative += p.syllables;
    targets.push(cumulative / totalSyllables);
  }
  const boundaries = targets.length > 0 ? placeBoundaries(targets, gapCandidates(sounding, totalSec), sounding, totalSec) : [];
  const speechStart = sounding[0].startSec;
  const speechEnd = sounding[sounding.length - 1].endSec;
  const reports: ScriptPartReport[] = [];
  const pausesInsideParts: number[] = [];
  parts.forEach((p, k) => {
    const startSec = k === 0 ? speechStart : boundaries[k - 1].endSec;
    const endSec = k === parts.length - 1 ? speechEnd : boundaries[k].startSec;
    const expectedSec = (p.syllables / totalSyllables) * totalSec;
    const found = endSec - startSec >= MIN_FOUND_SHARE * expectedSec;
    const pauseBeforeSec = k === 0 ? null : boundaries[k - 1].endSec - boundaries[k - 1].startSec;
    reports.push({ index: p.index, text: p.text, syllables: p.syllables, startSec, endSec, found, pauseBeforeSec });
    pausesInsideParts.push(pauses.filter((q) => q.startSec >= startSec && q.endSec <= endSec).length);
  });
  return { parts: reports, partGapsSec: boundaries.map((b) => b.endSec - b.startSec), pausesInsideParts };
}
