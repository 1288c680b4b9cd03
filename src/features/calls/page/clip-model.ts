/** Playing a voice's sample: a few clips of the call in a row. Pure. */

/** One stretch of the call, s. */
export interface Clip {
  startSec: number;
  endSec: number;
}

/** What to do at playhead `timeSec` while clip `index` of `clips` plays. */
export type ClipStep =
  | { type: 'continue' }
  | { type: 'next'; index: number; seekSec: number }
  | { type: 'end' };

/** The step at `timeSec`: carry on inside the clip, jump to the next one at its end, or stop after the last. */
export function clipStep(clips: readonly Clip[], index: number, timeSec: number): ClipStep {
  const clip = clips[index];
  if (clip === undefined) return { type: 'end' };
  if (timeSec < clip.endSec) return { type: 'continue' };
  const next = clips[index + 1];
  return next === undefined ? { type: 'end' } : { type: 'next', index: index + 1, seekSec: next.startSec };
}
