/** Paints the timeline canvas: the two lanes (turns shaded, waveform), the time axis and the pace lines. */
import { formatClock } from '../../../i18n/index.ts';
import type { CallTurn, Speaker } from './call-types.ts';
import { paceLinePixels, PACE_DRAW_ORDER, type PaceLines } from './pace-lines.ts';
import { laneColumns, spansInView, timeTicks, timeToX, type TimelineView } from './timeline-model.ts';

/** Heights of the canvas's bands, CSS px. */
export const LANE_HEIGHT_PX = 56;
export const AXIS_HEIGHT_PX = 18;
export const PACE_HEIGHT_PX = 64;
/** Total canvas height, CSS px. */
export const TIMELINE_HEIGHT_PX = 2 * LANE_HEIGHT_PX + AXIS_HEIGHT_PX + PACE_HEIGHT_PX;
/** Top of each band, CSS px. */
export const LANE_TOP_PX: Record<Speaker, number> = { agent: 0, customer: LANE_HEIGHT_PX };
const AXIS_TOP_PX = 2 * LANE_HEIGHT_PX;
const PACE_TOP_PX = AXIS_TOP_PX + AXIS_HEIGHT_PX;

/** Colours of the speakers (lines, waveform) and their turns (shading). */
export const SPEAKER_COLOUR: Record<Speaker, { wave: string; turn: string }> = {
  agent: { wave: '#1a5fd0', turn: 'rgba(26, 95, 208, 0.10)' },
  customer: { wave: '#7a3fa8', turn: 'rgba(122, 63, 168, 0.10)' },
};

/** What one paint needs. */
export interface TimelinePaint {
  view: TimelineView;
  widthPx: number;
  lanes: Record<Speaker, { min: Float32Array; max: Float32Array }>;
  peaksPerSec: number;
  turns: readonly CallTurn[];
  /** Longest turn, s (the look-back of the turns in view). */
  longestTurnSec: number;
  pace: PaceLines;
}

/** Paint the whole canvas (sized by the caller to widthPx × TIMELINE_HEIGHT_PX at the device pixel ratio). */
export function paintTimeline(ctx: CanvasRenderingContext2D, p: TimelinePaint, pixelRatio: number): void {
  const w = p.widthPx;
  ctx.setTransform(pixelRatio, 0, 0, pixelRatio, 0, 0);
  ctx.clearRect(0, 0, w, TIMELINE_HEIGHT_PX);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, w, TIMELINE_HEIGHT_PX);
  const bySpeaker: Record<Speaker, CallTurn[]> = { agent: [], customer: [] };
  for (const t of p.turns) bySpeaker[t.speaker].push(t);
  for (const speaker of ['agent', 'customer'] as const) {
    const top = LANE_TOP_PX[speaker];
    ctx.fillStyle = SPEAKER_COLOUR[speaker].turn;
    for (const s of spansInView(bySpeaker[speaker], p.view, w, p.longestTurnSec, 1)) ctx.fillRect(s.x, top, s.widthPx, LANE_HEIGHT_PX);
    const cols = laneColumns(p.lanes[speaker], p.peaksPerSec, p.view, w);
    const mid = top + LANE_HEIGHT_PX / 2;
    const half = LANE_HEIGHT_PX / 2 - 3;
    ctx.fillStyle = SPEAKER_COLOUR[speaker].wave;
    for (let x = 0; x < cols.min.length; x++) {
      if (Number.isNaN(cols.min[x])) continue;
      const y0 = mid - Math.min(1, cols.max[x]) * half;
      const y1 = mid - Math.max(-1, cols.min[x]) * half;
      ctx.fillRect(x, y0, 1, Math.max(1, y1 - y0));
    }
  }
  ctx.fillStyle = '#d9dee5';
  ctx.fillRect(0, LANE_HEIGHT_PX, w, 1);
  ctx.fillRect(0, AXIS_TOP_PX, w, 1);
  // Time axis.
  ctx.fillStyle = '#5a6472';
  ctx.font = '11px system-ui, sans-serif';
  ctx.textBaseline = 'middle';
  for (const tick of timeTicks(p.view, Math.max(2, Math.floor(w / 80)))) {
    const x = timeToX(tick, p.view, w);
    ctx.fillRect(x, AXIS_TOP_PX, 1, 4);
    ctx.fillText(formatClock(tick), x + 3, AXIS_TOP_PX + AXIS_HEIGHT_PX / 2);
  }
  // Pace lines, 0 at the bottom of the pace band.
  ctx.fillStyle = '#f4f6f9';
  ctx.fillRect(0, PACE_TOP_PX, w, PACE_HEIGHT_PX);
  ctx.fillStyle = '#5a6472';
  // The scale's top at the right edge: the band's name sits at the left.
  ctx.textAlign = 'right';
  ctx.fillText(String(p.pace.maxSyllablesPerSec), w - 3, PACE_TOP_PX + 7);
  ctx.fillText('0', w - 3, PACE_TOP_PX + PACE_HEIGHT_PX - 7);
  ctx.textAlign = 'left';
  ctx.lineWidth = 2;
  for (const speaker of PACE_DRAW_ORDER) {
    const pts = paceLinePixels(p.pace[speaker], p.view, w, PACE_HEIGHT_PX - 4, p.pace.maxSyllablesPerSec);
    ctx.strokeStyle = SPEAKER_COLOUR[speaker].wave;
    ctx.fillStyle = SPEAKER_COLOUR[speaker].wave;
    ctx.beginPath();
    pts.forEach((pt, i) => (i === 0 ? ctx.moveTo(pt.x, PACE_TOP_PX + 2 + pt.y) : ctx.lineTo(pt.x, PACE_TOP_PX + 2 + pt.y)));
    ctx.stroke();
    for (const pt of pts) ctx.fillRect(pt.x - 2, PACE_TOP_PX + pt.y, 4, 4);
  }
}
