/**
 * Live pitch for the trace while recording: F0 of the most recent audio by the analysis core's YIN
 * (src/analysis/pitch/yin.ts), on a cheap ~8 kHz copy (box-car averaging: enough for a display up to
 * 500 Hz). One estimate per captured block (~50 ms), a few hundred multiply-adds each. Pure, and runs
 * in the capture worklet (audio thread), so no pitch code reaches the main-thread bundle.
 * The trace is a guide; the scorecard's pitch figures come from the full analysis.
 */
import { yinFrameHz } from '../../analysis/pitch/yin.ts';

/** Search range of the live trace, Hz (covers low male to high female speaking voices). */
export const LIVE_FLOOR_HZ = 60;
/** Upper end of the live search range, Hz. */
export const LIVE_CEILING_HZ = 500;
/** Blocks quieter than this (dBFS) are not analysed: breath and room noise give no pitch. */
export const LIVE_MIN_LEVEL_DBFS = -50;
/**
 * YIN's absolute threshold for the trace: more lenient than the analysis's 0.15 (de Cheveigné &
 * Kawahara use 0.1–0.15), because the crude 8 kHz copy blurs the dip and a gappy trace reads badly;
 * a stray point costs nothing here.
 */
export const LIVE_THRESHOLD = 0.25;
/** YIN integration window, seconds (≥ 1.5 periods of the floor). */
const WINDOW_SEC = 0.025;
const TARGET_RATE_HZ = 8000;

/** Keeps the last few tens of milliseconds at ~8 kHz and estimates F0 on them. */
export class LivePitch {
  /** Rate of the reduced copy, Hz. */
  readonly rateHz: number;
  private readonly factor: number;
  private readonly windowSamples: number;
  private readonly ring: Float32Array;
  private readonly frame: Float32Array;
  private write = 0;
  private filled = 0;
  private acc = 0;
  private accCount = 0;

  constructor(sampleRateHz: number) {
    this.factor = Math.max(1, Math.round(sampleRateHz / TARGET_RATE_HZ));
    this.rateHz = sampleRateHz / this.factor;
    this.windowSamples = Math.ceil(WINDOW_SEC * this.rateHz);
    this.frame = new Float32Array(this.windowSamples + Math.ceil(this.rateHz / LIVE_FLOOR_HZ) + 1);
    this.ring = new Float32Array(this.frame.length);
  }

  /** Add a block; returns the F0 of the latest frame in Hz, or null (unvoiced, too quiet, not enough audio). */
  push(block: ArrayLike<number>, levelDbfs: number): number | null {
    for (let i = 0; i < block.length; i++) {
      this.acc += block[i];
      if (++this.accCount === this.factor) {
        this.append(this.acc / this.factor);
        this.acc = 0;
        this.accCount = 0;
      }
    }
    if (this.filled < this.ring.length || levelDbfs < LIVE_MIN_LEVEL_DBFS) return null;
    // Unroll the ring, oldest sample first.
    const n = this.ring.length;
    this.frame.set(this.ring.subarray(this.write), 0);
    this.frame.set(this.ring.subarray(0, this.write), n - this.write);
    return yinFrameHz(this.frame, {
      sampleRateHz: this.rateHz, windowSamples: this.windowSamples, floorHz: LIVE_FLOOR_HZ, ceilingHz: LIVE_CEILING_HZ, threshold: LIVE_THRESHOLD,
    });
  }

  private append(x: number): void {
    this.ring[this.write] = x;
    this.write = (this.write + 1) % this.ring.length;
    if (this.filled < this.ring.length) this.filled++;
  }
}
