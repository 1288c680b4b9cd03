/**
 * The call timeline's geometry on a 60-minute call (180,000 peaks a lane, 600 turns, 300 findings): time of
 * one frame's columns (both lanes) and spans in view, whole call and zoomed, at 1,200 px.
 * Run: node --import tsx bench/call-timeline.ts
 */
import { fullView, laneColumns, longestSpanSec, spansInView, zoomView } from '../src/features/calls/page/timeline-model.ts';

const SEC = 3600;
const N = SEC * 50;
const lane = { min: new Float32Array(N), max: new Float32Array(N) };
for (let i = 0; i < N; i++) {
  const a = Math.abs(Math.sin(i / 37));
  lane.min[i] = -a;
  lane.max[i] = a;
}
const turns = Array.from({ length: 600 }, (_, k) => ({ startSec: k * 6, endSec: k * 6 + 5 }));
const flags = Array.from({ length: 300 }, (_, k) => ({ startSec: k * 12 + 5, endSec: k * 12 + 6.5 }));
const longest = Math.max(longestSpanSec(turns), longestSpanSec(flags));
let view = fullView(SEC);
for (let step = 0; step < 10; step++) {
  const reps = 50;
  const t0 = performance.now();
  let sink = 0;
  for (let r = 0; r < reps; r++) {
    sink += laneColumns(lane, 50, view, 1200).max[0] + laneColumns(lane, 50, view, 1200).max[1];
    sink += spansInView(turns, view, 1200, longest).length + spansInView(flags, view, 1200, longest).length;
  }
  const ms = (performance.now() - t0) / reps;
  console.log(`view ${view.spanSec.toFixed(1).padStart(7)} s: ${ms.toFixed(2)} ms a frame (both lanes, turns, flags)${Number.isNaN(sink) ? '' : ''}`);
  view = zoomView(view, 1, SEC / 2, SEC);
}
