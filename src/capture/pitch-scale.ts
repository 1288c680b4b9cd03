/**
 * The live pitch trace's points and vertical scale: display helpers only. The F0 itself is computed in
 * the capture worklet (src/audio/worklets/live-pitch.ts), so this module imports no analysis code.
 */

/** One point of the trace: time since recording began and F0 (null when unvoiced). */
export interface PitchPoint {
  timeSec: number;
  hz: number | null;
}

/** Vertical position (0 = top, 1 = bottom) of a pitch on a log scale between minHz and maxHz. */
export function pitchY(hz: number, minHz: number, maxHz: number): number {
  const y = 1 - Math.log(hz / minHz) / Math.log(maxHz / minHz);
  return y < 0 ? 0 : y > 1 ? 1 : y;
}
