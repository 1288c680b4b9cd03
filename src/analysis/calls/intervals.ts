/** Interval arithmetic on sorted, disjoint lists of IntervalSec (the calls engine's lanes). */
import type { IntervalSec } from '../types.ts';

/** Runs of true frames as intervals; frame f covers [t_f − hop/2, t_f + hop/2], clipped to [0, durationSec]. */
export function intervalsFromMask(mask: ArrayLike<boolean>, timesSec: ArrayLike<number>, hopSec: number, durationSec: number): IntervalSec[] {
  const out: IntervalSec[] = [];
  let start = -1;
  for (let f = 0; f <= mask.length; f++) {
    const on = f < mask.length && mask[f];
    if (on && start < 0) start = f;
    if (!on && start >= 0) {
      out.push({ startSec: Math.max(0, timesSec[start] - hopSec / 2), endSec: Math.min(durationSec, timesSec[f - 1] + hopSec / 2) });
      start = -1;
    }
  }
  return out;
}

/** Intervals shorter than minSec dropped. */
export function dropShort(list: readonly IntervalSec[], minSec: number): IntervalSec[] {
  return list.filter((x) => x.endSec - x.startSec >= minSec);
}

/** Neighbours joined across gaps shorter than maxGapSec. */
export function mergeGaps(list: readonly IntervalSec[], maxGapSec: number): IntervalSec[] {
  const out: IntervalSec[] = [];
  for (const x of list) {
    const last = out[out.length - 1];
    if (last && x.startSec - last.endSec < maxGapSec) last.endSec = Math.max(last.endSec, x.endSec);
    else out.push({ startSec: x.startSec, endSec: x.endSec });
  }
  return out;
}

/** Where both lists hold. */
export function intersect(a: readonly IntervalSec[], b: readonly IntervalSec[]): IntervalSec[] {
  const out: IntervalSec[] = [];
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    const startSec = Math.max(a[i].startSec, b[j].startSec);
    const endSec = Math.min(a[i].endSec, b[j].endSec);
    if (endSec > startSec) out.push({ startSec, endSec });
    if (a[i].endSec < b[j].endSec) i++;
    else j++;
  }
  return out;
}

/** Where either list holds. */
export function union(a: readonly IntervalSec[], b: readonly IntervalSec[]): IntervalSec[] {
  const all = [...a, ...b].sort((x, y) => x.startSec - y.startSec);
  const out: IntervalSec[] = [];
  for (const x of all) {
    const last = out[out.length - 1];
    if (last && x.startSec <= last.endSec) last.endSec = Math.max(last.endSec, x.endSec);
    else out.push({ startSec: x.startSec, endSec: x.endSec });
  }
  return out;
}

/** The gaps of `list` inside [fromSec, toSec]. */
export function gaps(list: readonly IntervalSec[], fromSec: number, toSec: number): IntervalSec[] {
  const out: IntervalSec[] = [];
  let t = fromSec;
  // Skip (binary search) the intervals that end before fromSec: they add no gap and move t nowhere.
  let lo = 0, hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].endSec < fromSec) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo; k < list.length; k++) {
    const x = list[k];
    if (x.startSec > t) out.push({ startSec: t, endSec: Math.min(x.startSec, toSec) });
    t = Math.max(t, x.endSec);
    if (t >= toSec) break;
  }
  if (t < toSec) out.push({ startSec: t, endSec: toSec });
  return out.filter((x) => x.endSec > x.startSec);
}

/** Total length, s. */
export function totalSec(list: readonly IntervalSec[]): number {
  return list.reduce((s, x) => s + x.endSec - x.startSec, 0);
}
