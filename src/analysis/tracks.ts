/**
 * The report's time tracks: the pitch and intensity contours the analysis computed anyway, put on
 * the one 10 ms grid of TimeTrack (report.ts) so the review draws them from the stored report.
 */
import { TRACK_HOP_SEC, type TimeTrack } from './report.ts';
import type { IntensityContour, PitchTrack } from './types.ts';

/** Cells per second of the grid (1 / TRACK_HOP_SEC, kept an integer so the length has no float error). */
const TRACK_CELLS_PER_SEC = Math.round(1 / TRACK_HOP_SEC);

/** Number of grid cells that cover a file of `sampleCount` samples at `sampleRateHz`: ⌈sampleCount · 100 / rate⌉. */
export function trackLength(sampleCount: number, sampleRateHz: number): number {
  // sampleCount · 100 is an exact integer, so an exact multiple of 10 ms is not rounded up by float error.
  return Math.ceil((sampleCount * TRACK_CELLS_PER_SEC) / sampleRateHz);
}

/** Time of grid cell `i`, s: the centre of [i·hop, (i+1)·hop). */
export function trackTimeSec(i: number): number {
  return (i + 0.5) * TRACK_HOP_SEC;
}

function grid(values: (number | null)[]): TimeTrack {
  return { hopSec: TRACK_HOP_SEC, startSec: TRACK_HOP_SEC / 2, values };
}

/**
 * F0 on the grid: a frame per cell, the frame nearest the cell's centre within half a frame hop
 * (on the pitch pass's own 10 ms frames, centred at (f + 0.5)·10 ms, this is frame i for cell i);
 * unvoiced frames and cells without a frame are null, and a null track gives all null.
 */
export function pitchOnGrid(track: PitchTrack | null, length: number): TimeTrack {
  const values = new Array<number | null>(length).fill(null);
  if (track === null || track.timesSec.length === 0) return grid(values);
  const { timesSec, f0Hz, hopSec } = track;
  const t0 = timesSec[0];
  for (let i = 0; i < length; i++) {
    const t = trackTimeSec(i);
    const f = Math.round((t - t0) / hopSec);
    if (f < 0 || f >= timesSec.length || Math.abs(timesSec[f] - t) > hopSec / 2 + 1e-9) continue;
    if (f0Hz[f] > 0) values[i] = f0Hz[f];
  }
  return grid(values);
}

/**
 * Intensity on the grid: linear interpolation (in dB) between the two contour frames around each cell
 * centre, the first or last frame's level before or after them; all null when the contour is empty.
 */
export function intensityOnGrid(contour: IntensityContour, length: number): TimeTrack {
  const { timesSec, levelDbfs, hopSec } = contour;
  const n = timesSec.length;
  const values = new Array<number | null>(length).fill(null);
  if (n === 0) return grid(values);
  const t0 = timesSec[0];
  for (let i = 0; i < length; i++) {
    const t = trackTimeSec(i);
    const x = (t - t0) / hopSec;
    if (x <= 0) values[i] = levelDbfs[0];
    else if (x >= n - 1) values[i] = levelDbfs[n - 1];
    else {
      const k = Math.floor(x);
      const w = x - k;
      values[i] = levelDbfs[k] + w * (levelDbfs[k + 1] - levelDbfs[k]);
    }
  }
  return grid(values);
}
