/**
 * The timeline's geometry, pure: the visible window (zoom and scroll), the two lanes' columns from the
 * precomputed peaks (only the visible peaks are read, so a 60-minute call draws as fast as a short one),
 * and the turns and findings in view as pixel spans.
 */
import type { CallPeaks, Speaker, TimeSpan } from './call-types.ts';

/** The visible part of the call, s. */
export interface TimelineView {
  startSec: number;
  spanSec: number;
}

/** Shortest window shown, s (a few words: peaks at 50/s still give 2–3 px each on a phone). */
export const MIN_SPAN_SEC = 5;
/** Each zoom step shows this factor less (in) or more (out). */
export const ZOOM_FACTOR = 2;

/** The whole call in view. */
export function fullView(durationSec: number): TimelineView {
  return { startSec: 0, spanSec: Math.max(durationSec, 1e-3) };
}

/** A view kept inside the call: span in [min(MIN_SPAN_SEC, duration), duration], start in [0, duration − span]. */
export function clampView(view: TimelineView, durationSec: number): TimelineView {
  const d = Math.max(durationSec, 1e-3);
  const spanSec = Math.min(d, Math.max(Math.min(MIN_SPAN_SEC, d), view.spanSec));
  const startSec = Math.min(Math.max(0, view.startSec), d - spanSec);
  return { startSec, spanSec };
}

/** Zoom in (+1) or out (−1) around `anchorSec`, which keeps its place on screen. */
export function zoomView(view: TimelineView, step: 1 | -1, anchorSec: number, durationSec: number): TimelineView {
  const spanSec = step === 1 ? view.spanSec / ZOOM_FACTOR : view.spanSec * ZOOM_FACTOR;
  const at = (anchorSec - view.startSec) / view.spanSec;
  return clampView({ startSec: anchorSec - at * spanSec, spanSec }, durationSec);
}

/** The view moved so `timeSec` is inside it (a page forward when it ran off the right edge); unchanged when visible. */
export function followView(view: TimelineView, timeSec: number, durationSec: number): TimelineView {
  if (timeSec >= view.startSec && timeSec <= view.startSec + view.spanSec) return view;
  // The moment lands a tenth in from the left edge: what follows it is in view.
  return clampView({ startSec: timeSec - view.spanSec * 0.1, spanSec: view.spanSec }, durationSec);
}

/** x in px of a time in a view `widthPx` wide. */
export function timeToX(timeSec: number, view: TimelineView, widthPx: number): number {
  return ((timeSec - view.startSec) / view.spanSec) * widthPx;
}

/** The time at x px in a view `widthPx` wide. */
export function xToTime(xPx: number, view: TimelineView, widthPx: number): number {
  return view.startSec + (xPx / Math.max(1, widthPx)) * view.spanSec;
}

/** One lane's columns: min and max amplitude (−1…1) per pixel column; NaN where the call has no peaks. */
export interface LaneColumns {
  min: Float32Array;
  max: Float32Array;
}

/**
 * The lane's columns for `widthPx` columns of `view`: each column the min and max of the peaks it covers
 * (zoomed in past one peak per column, the peak under the column). Reads only the visible peaks.
 */
export function laneColumns(lane: { min: Float32Array; max: Float32Array }, peaksPerSec: number, view: TimelineView, widthPx: number): LaneColumns {
  const n = Math.max(0, Math.floor(widthPx));
  const min = new Float32Array(n).fill(NaN);
  const max = new Float32Array(n).fill(NaN);
  const count = lane.min.length;
  const peaksPerPx = (view.spanSec * peaksPerSec) / Math.max(1, n);
  const first = view.startSec * peaksPerSec;
  for (let x = 0; x < n; x++) {
    const a = Math.floor(first + x * peaksPerPx);
    const b = Math.max(a + 1, Math.floor(first + (x + 1) * peaksPerPx));
    const lo = Math.max(0, a);
    const hi = Math.min(count, b);
    if (lo >= hi) continue;
    let mn = Infinity;
    let mx = -Infinity;
    for (let i = lo; i < hi; i++) {
      if (lane.min[i] < mn) mn = lane.min[i];
      if (lane.max[i] > mx) mx = lane.max[i];
    }
    min[x] = mn;
    max[x] = mx;
  }
  return { min, max };
}

/** The channel index of each lane: the agent's side above, the customer's below (a mono mix: the mix in both). */
export function laneChannels(agentChannel: 'left' | 'right' | 'mono', channelCount: number): Record<Speaker, number> {
  if (channelCount < 2 || agentChannel === 'mono') return { agent: 0, customer: 0 };
  return agentChannel === 'left' ? { agent: 0, customer: 1 } : { agent: 1, customer: 0 };
}

/** The peaks of each lane. */
export function lanePeaks(peaks: CallPeaks, agentChannel: 'left' | 'right' | 'mono'): Record<Speaker, { min: Float32Array; max: Float32Array }> {
  const idx = laneChannels(agentChannel, peaks.channels.length);
  return { agent: peaks.channels[idx.agent], customer: peaks.channels[idx.customer] };
}

/** A span in view, in px (clipped to the canvas), with the index of what it shows. */
export interface PixelSpan {
  index: number;
  x: number;
  widthPx: number;
}

/** First index of a list sorted by startSec whose start is ≥ t (binary search). */
function firstStartAtOrAfter(spans: readonly TimeSpan[], t: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].startSec < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The spans (sorted by startSec) that show in view, as pixels at least `minWidthPx` wide (a 1 s overtalk
 * stays visible zoomed out). `maxLengthSec` bounds how far before the view a visible span can start.
 */
export function spansInView(spans: readonly TimeSpan[], view: TimelineView, widthPx: number, maxLengthSec: number, minWidthPx = 2): PixelSpan[] {
  const out: PixelSpan[] = [];
  const end = view.startSec + view.spanSec;
  for (let i = firstStartAtOrAfter(spans, view.startSec - maxLengthSec); i < spans.length && spans[i].startSec <= end; i++) {
    const s = spans[i];
    if (s.endSec < view.startSec) continue;
    const x0 = Math.max(0, timeToX(s.startSec, view, widthPx));
    const x1 = Math.min(widthPx, timeToX(s.endSec, view, widthPx));
    out.push({ index: i, x: x0, widthPx: Math.max(minWidthPx, x1 - x0) });
  }
  return out;
}

/** The longest span of a list, s (the look-back spansInView needs). */
export function longestSpanSec(spans: readonly TimeSpan[]): number {
  let m = 0;
  for (const s of spans) m = Math.max(m, s.endSec - s.startSec);
  return m;
}

/** Tick marks for the time axis: a round step giving about `targetCount` ticks in view. */
export function timeTicks(view: TimelineView, targetCount: number): number[] {
  const steps = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800];
  const raw = view.spanSec / Math.max(1, targetCount);
  const step = steps.find((s) => s >= raw) ?? 3600;
  const out: number[] = [];
  for (let t = Math.ceil(view.startSec / step) * step; t <= view.startSec + view.spanSec; t += step) out.push(t);
  return out;
}
