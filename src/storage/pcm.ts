/**
 * PCM conversion between the Float32 samples of Web Audio and the Int16 we store.
 * The scale is asymmetric (negative × 32768, positive × 32767), the convention of the WAV decoder
 * the CLI uses (@audio/decode-wav via audio-decode), so a stored take exported as 16-bit WAV decodes
 * to exactly the samples the app analysed, and full scale (±1, clipping) survives the round trip.
 */

/** Float32 samples → Int16 (rounded to nearest, clamped to full scale; NaN becomes 0). */
export function floatToInt16(samples: Float32Array): Int16Array {
  const out = new Int16Array(samples.length);
  for (let i = 0; i < samples.length; i++) {
    const x = samples[i];
    if (Number.isNaN(x)) continue;
    const c = x < -1 ? -1 : x > 1 ? 1 : x;
    out[i] = c < 0 ? Math.round(c * 32768) : Math.round(c * 32767);
  }
  return out;
}

/** Int16 samples → Float32 in [−1, 1] (inverse of floatToInt16 within half an LSB). */
export function int16ToFloat(pcm: Int16Array, out: Float32Array = new Float32Array(pcm.length), offset = 0): Float32Array {
  for (let i = 0; i < pcm.length; i++) {
    const v = pcm[i];
    out[offset + i] = v < 0 ? v / 32768 : v / 32767;
  }
  return out;
}

/** Concatenate stored chunks (Int16 or Float32) into one Float32Array. */
export function concatChunks(chunks: readonly (Int16Array | Float32Array)[]): Float32Array {
  const total = chunks.reduce((n, c) => n + c.length, 0);
  const out = new Float32Array(total);
  let offset = 0;
  for (const c of chunks) {
    if (c instanceof Float32Array) out.set(c, offset);
    else int16ToFloat(c, out, offset);
    offset += c.length;
  }
  return out;
}
