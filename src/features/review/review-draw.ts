/**
 * Drawing the pitch contour and the loudness envelope over the waveform: pure pixel mapping plus a
 * painter over the few 2D-context calls it needs (a CanvasRenderingContext2D satisfies it).
 */
import type { LoudnessEnvelope, PitchContour } from '../../takes/index.ts';

/** The vertical range of the contour, semitones. */
export interface SemitoneScale {
  minSt: number;
  maxSt: number;
}

/** The 2D-context calls the painter uses. */
export interface Canvas2DLike {
  clearRect(x: number, y: number, w: number, h: number): void;
  beginPath(): void;
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  stroke(): void;
  fillText(text: string, x: number, y: number): void;
  setLineDash(segments: number[]): void;
  lineWidth: number;
  strokeStyle: unknown;
  fillStyle: unknown;
  font: string;
}

/** Smallest half-range shown, st: a flat take still shows a readable ±6 st (half an octave) scale. */
const MIN_HALF_RANGE_ST = 6;
/** Largest half-range, st: octave errors beyond two octaves are clipped rather than squashing the rest. */
const MAX_HALF_RANGE_ST = 24;
/** Envelope floor and ceiling, dBFS: −60 dBFS is below any usable speech (GUIDELINES: good −28…−16). */
export const ENVELOPE_FLOOR_DBFS = -60;
/** Top of the envelope scale, dBFS (full scale). */
export const ENVELOPE_TOP_DBFS = 0;

/** A scale centred on 0 st (the reference) that holds the contour's voiced values. */
export function semitoneScale(contour: PitchContour): SemitoneScale {
  let extent = 0;
  for (const st of contour.semitones) if (st !== null) extent = Math.max(extent, Math.abs(st));
  const half = Math.min(MAX_HALF_RANGE_ST, Math.max(MIN_HALF_RANGE_ST, Math.ceil(extent + 1)));
  return { minSt: -half, maxSt: half };
}

/** x (px) of a time on a waveform `widthPx` wide showing `durationSec`. */
export function timeToX(timeSec: number, durationSec: number, widthPx: number): number {
  return durationSec > 0 ? (timeSec / durationSec) * widthPx : 0;
}

/** y (px, 0 at the top) of a semitone value. */
export function semitoneToY(st: number, scale: SemitoneScale, heightPx: number): number {
  const clamped = Math.min(scale.maxSt, Math.max(scale.minSt, st));
  return ((scale.maxSt - clamped) / (scale.maxSt - scale.minSt)) * heightPx;
}

/** y (px) of a level on the envelope scale. */
export function levelToY(levelDbfs: number, heightPx: number): number {
  const c = Math.min(ENVELOPE_TOP_DBFS, Math.max(ENVELOPE_FLOOR_DBFS, levelDbfs));
  return ((ENVELOPE_TOP_DBFS - c) / (ENVELOPE_TOP_DBFS - ENVELOPE_FLOOR_DBFS)) * heightPx;
}

/** The contour as runs of consecutive voiced frames, in pixels; an unvoiced frame breaks the line. */
export function contourRuns(contour: PitchContour, durationSec: number, widthPx: number, heightPx: number, scale: SemitoneScale): [number, number][][] {
  const runs: [number, number][][] = [];
  let run: [number, number][] = [];
  for (let i = 0; i < contour.timesSec.length; i++) {
    const st = contour.semitones[i];
    if (st === null) {
      if (run.length > 0) runs.push(run);
      run = [];
      continue;
    }
    run.push([timeToX(contour.timesSec[i], durationSec, widthPx), semitoneToY(st, scale, heightPx)]);
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

/** Colours and labels of the overlay. */
export interface OverlayStyle {
  contourColor: string;
  envelopeColor: string;
  referenceColor: string;
  /** Label of the 0 st line, e.g. "your baseline". */
  referenceLabel: string;
  font: string;
}

/** Paint the envelope, the 0 st reference line and the contour on a canvas of the given CSS size. */
export function paintOverlay(
  ctx: Canvas2DLike,
  widthPx: number,
  heightPx: number,
  signals: { durationSec: number; contour: PitchContour; envelope: LoudnessEnvelope },
  style: OverlayStyle,
): void {
  ctx.clearRect(0, 0, widthPx, heightPx);
  const { durationSec, contour, envelope } = signals;
  ctx.setLineDash([]);
  ctx.lineWidth = 1.5;
  ctx.strokeStyle = style.envelopeColor;
  ctx.beginPath();
  for (let i = 0; i < envelope.timesSec.length; i++) {
    const x = timeToX(envelope.timesSec[i], durationSec, widthPx);
    const y = levelToY(envelope.levelDbfs[i], heightPx);
    if (i === 0) ctx.moveTo(x, y);
    else ctx.lineTo(x, y);
  }
  ctx.stroke();
  const scale = semitoneScale(contour);
  const zeroY = semitoneToY(0, scale, heightPx);
  ctx.strokeStyle = style.referenceColor;
  ctx.lineWidth = 1;
  ctx.setLineDash([4, 4]);
  ctx.beginPath();
  ctx.moveTo(0, zeroY);
  ctx.lineTo(widthPx, zeroY);
  ctx.stroke();
  ctx.setLineDash([]);
  ctx.fillStyle = style.referenceColor;
  ctx.font = style.font;
  ctx.fillText(`0 st · ${style.referenceLabel}`, 4, Math.max(10, zeroY - 4));
  ctx.fillText(`+${scale.maxSt} st`, 4, 12);
  ctx.fillText(`${scale.minSt} st`, 4, heightPx - 4);
  ctx.strokeStyle = style.contourColor;
  ctx.lineWidth = 2.5;
  for (const run of contourRuns(contour, durationSec, widthPx, heightPx, scale)) {
    ctx.beginPath();
    ctx.moveTo(run[0][0], run[0][1]);
    // A single voiced frame still shows as a short dash.
    if (run.length === 1) ctx.lineTo(run[0][0] + 2, run[0][1]);
    for (let k = 1; k < run.length; k++) ctx.lineTo(run[k][0], run[k][1]);
    ctx.stroke();
  }
}
