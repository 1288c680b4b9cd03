/** Messages between the capture worklet (audio thread) and the Recorder (page). Types only. */

/** One ~50 ms block of mono PCM with its RMS level and the live F0, both computed in the worklet. */
export interface CapturedBlock {
  type: 'block';
  samples: Float32Array;
  levelDbfs: number;
  /** F0 of the latest audio, Hz; null when unvoiced, too quiet or not enough audio yet. */
  pitchHz: number | null;
}

/** The worklet has posted its last block after a 'stop'. */
export interface CaptureStopped {
  type: 'stopped';
}

/** What the worklet posts to the page. */
export type CaptureMessage = CapturedBlock | CaptureStopped;

/** What the page posts to the worklet: stop capturing and let the node be collected. */
export interface CaptureControl {
  type: 'stop';
}
