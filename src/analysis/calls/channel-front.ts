/**
 * The streaming front end of one call channel: what the take path does to a whole signal (resample to
 * 16 kHz, zero-phase 80 Hz high-pass, 100 Hz intensity contour), done as the chunks arrive, keeping the
 * high-passed signal compactly (signal-store.ts) for the per-turn measures at the end.
 *
 * Resampling streams exactly (dsp/resample.ts createResampler: the output equals resampling the whole
 * signal, bit for bit). The zero-phase high-pass cannot stream as such, since its backward pass starts
 * at the end of the signal. Its forward pass is causal and runs with its state carried across chunks;
 * the backward pass runs per fixed HP_BLOCK_SAMPLES block, starting HP_MARGIN_SAMPLES past the block's
 * end from a zero state. The filter's slowest pole decays at ω₀/(2Q) = 2π·80/(2·1.307) ≈ 192 s⁻¹, so
 * after the 0.5 s margin the difference from the whole-signal backward state is e^−96 of it, far below
 * float precision: block-wise zero-phase equals whole-signal zero-phase (tests/analysis/call-front.test.ts
 * measures the streamed contour 0 dB from intensityContour's frames on the whole-signal high-pass, and
 * the stored signal within its 16-bit rounding of it). The last block starts its backward pass at the
 * true end, as the whole-signal filter does. The contour's frame grid is anchored at the start
 * (intensity.ts createIntensityStream), up to 4 ms from the take's centred grid. A causal high-pass
 * was the alternative: its phase lag (several ms at 100–200 Hz) would shift the contour and the
 * refined speech edges against the take path, for no saving.
 *
 * Blocks are fixed in the 16 kHz stream, not set by the chunks fed, so any chunking gives the same
 * samples, the same contour and so the same report.
 */
import { cascade, highpassSections, HIGHPASS_HZ, newCascadeState } from '../dsp/highpass.ts';
import { createResampler } from '../dsp/resample.ts';
import { createIntensityStream, SEGMENTATION_MIN_PITCH_HZ } from '../intensity.ts';
import { ANALYSIS_RATE_HZ, type IntensityContour, type SampleReader } from '../types.ts';
import { createSignalStore, type ScratchFile } from './signal-store.ts';

/** Block of the backward high-pass pass, samples at 16 kHz (8 s). */
export const HP_BLOCK_SAMPLES = 8 * ANALYSIS_RATE_HZ;
/** Run-in of each block's backward pass, samples at 16 kHz (0.5 s). */
export const HP_MARGIN_SAMPLES = ANALYSIS_RATE_HZ / 2;

/** One channel fed chunk by chunk. */
export interface ChannelFront {
  /** The next chunk at the input rate. */
  push(samples: Float32Array): void;
  /** The end: the 100 Hz contour of the high-passed 16 kHz signal and the signal itself. */
  finish(): { contour: IntensityContour; signal: SampleReader };
  /** Let the stored signal's pages before sample `sample` go (signal-store.ts discardBefore; Infinity: all). */
  discardBefore(sample: number): void;
  /** Bytes held by the stored signal (when sealed). */
  readonly storedBytes: number;
}

/** A channel fed at `sampleRateHz`; with `scratch`, its stored signal's full pages are kept in that file (signal-store.ts). */
export function createChannelFront(sampleRateHz: number, scratch?: ScratchFile): ChannelFront {
  const resampler = createResampler(sampleRateHz, ANALYSIS_RATE_HZ);
  const [a, b] = highpassSections(HIGHPASS_HZ, ANALYSIS_RATE_HZ);
  const forwardState = newCascadeState();
  const contour = createIntensityStream(ANALYSIS_RATE_HZ, SEGMENTATION_MIN_PITCH_HZ);
  const store = createSignalStore(ANALYSIS_RATE_HZ, scratch);
  // Forward-filtered samples from global index fwdStart (the start of the next block).
  let fwd = new Float32Array(2 * (HP_BLOCK_SAMPLES + HP_MARGIN_SAMPLES));
  let fwdHeld = 0;
  const back = new Float32Array(HP_BLOCK_SAMPLES + HP_MARGIN_SAMPLES);

  const deliver = (hp: Float32Array): void => {
    contour.push(hp);
    store.append(hp);
  };
  /** Backward pass over fwd[0 .. runIn), keep [0, blockLength), drop it from fwd. */
  const block = (blockLength: number, runIn: number): void => {
    const y = runIn <= back.length ? back.subarray(0, runIn) : new Float32Array(runIn);
    y.set(fwd.subarray(0, runIn));
    cascade(y, a, b, runIn - 1, -1, -1, newCascadeState());
    deliver(y.subarray(0, blockLength));
    fwd.copyWithin(0, blockLength, fwdHeld);
    fwdHeld -= blockLength;
  };
  const take = (x16k: Float32Array): void => {
    if (fwdHeld + x16k.length > fwd.length) {
      const bigger = new Float32Array(Math.max(fwdHeld + x16k.length, 2 * fwd.length));
      bigger.set(fwd.subarray(0, fwdHeld));
      fwd = bigger;
    }
    fwd.set(x16k, fwdHeld);
    cascade(fwd, a, b, fwdHeld, fwdHeld + x16k.length, 1, forwardState);
    fwdHeld += x16k.length;
    while (fwdHeld >= HP_BLOCK_SAMPLES + HP_MARGIN_SAMPLES) block(HP_BLOCK_SAMPLES, HP_BLOCK_SAMPLES + HP_MARGIN_SAMPLES);
  };

  return {
    push(samples) {
      take(resampler.push(samples));
    },
    finish() {
      take(resampler.finish());
      if (fwdHeld > 0) block(fwdHeld, fwdHeld);
      store.seal();
      return { contour: contour.finish(), signal: store.reader };
    },
    discardBefore: store.discardBefore,
    get storedBytes() {
      return store.bytes;
    },
  };
}
