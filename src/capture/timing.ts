/** Performance marks of the practice screen (read by the browser tests; visible in DevTools' Performance panel). */

/** Marked when a take is stopped (button, Space or auto-stop). */
export const STOP_MARK = 'voicedrill:stop';
/** Marked when the recording is released and its audio saved (the analysis starts). */
export const CAPTURED_MARK = 'voicedrill:captured';
/** Marked when the worker has returned the report. */
export const ANALYSED_MARK = 'voicedrill:analysed';
/** Marked when the scorecard of that take has been rendered. */
export const SCORECARD_MARK = 'voicedrill:scorecard';
/** The measure between the two, milliseconds. */
export const STOP_TO_SCORECARD = 'voicedrill:stop-to-scorecard';
