/**
 * Microsoft ADPCM (WAVE format 0x2, 4 bits per sample), as Windows' ACM codec and many call recorders write
 * it: per block a header per channel — the predictor's index into the coefficient table (1 byte each), the
 * step (int16 each), then the two most recent samples (int16 each, the newer first; the older is played
 * first) — then nibbles, high nibble first, taking the channels in turn. Each nibble n (−8…7) gives
 * sample = ⌊(s1·c1 + s2·c2) / 256⌋ + n·step, clamped to 16 bits; the step then becomes
 * max(16, ⌊ADAPTATION[n]·step / 256⌋). The arithmetic is SoX's (adpcm.c), the reference of the tests. Pure.
 */

/** The step's adaptation per nibble (the nibble as 0…15). */
const ADAPTATION = [230, 230, 230, 230, 307, 409, 512, 614, 768, 614, 512, 409, 307, 230, 230, 230];

/** The seven predictor coefficient pairs every MS ADPCM file starts its table with (and the table of a header without one). */
export const MS_ADPCM_STANDARD_COEFFICIENTS: readonly (readonly [number, number])[] = [
  [256, 0], [512, -256], [0, 0], [192, 64], [240, 0], [460, -208], [392, -232],
];

/** Bytes of a block's header per channel: predictor index, step, two samples. */
const MS_ADPCM_HEADER_BYTES = 7;

/** Samples per block and channel that a block of `blockAlign` bytes holds (the header's two and 2 per data byte); 0 when the size cannot be a block. */
export function msAdpcmSamplesPerBlock(blockAlign: number, channelCount: number): number {
  const dataBytes = blockAlign - MS_ADPCM_HEADER_BYTES * channelCount;
  if (channelCount < 1 || dataBytes < 0 || (dataBytes * 2) % channelCount !== 0) return 0;
  return (dataBytes * 2) / channelCount + 2;
}

const int16 = (bytes: Uint8Array, at: number): number => ((bytes[at] | (bytes[at + 1] << 8)) << 16) >> 16;

/**
 * Decode `blocks` whole blocks of `bytes` (each `blockAlign` bytes, `samplesPerBlock` samples per channel) with
 * the coefficient table `coefficients` into `out` (one array per channel, at least blocks × samplesPerBlock
 * long), as −1…1. A predictor index beyond the table uses its first pair (as SoX does).
 */
export function decodeMsAdpcmBlocks(
  bytes: Uint8Array,
  blocks: number,
  blockAlign: number,
  samplesPerBlock: number,
  coefficients: readonly (readonly [number, number])[],
  out: Float32Array[],
): void {
  const n = out.length;
  const c1 = new Int32Array(n);
  const c2 = new Int32Array(n);
  const step = new Int32Array(n);
  const s1 = new Int32Array(n);
  const s2 = new Int32Array(n);
  for (let b = 0; b < blocks; b++) {
    const base = b * blockAlign;
    const first = b * samplesPerBlock;
    for (let c = 0; c < n; c++) {
      const pair = coefficients[bytes[base + c]] ?? coefficients[0];
      c1[c] = pair[0];
      c2[c] = pair[1];
      step[c] = int16(bytes, base + n + 2 * c);
      s1[c] = int16(bytes, base + 3 * n + 2 * c);
      s2[c] = int16(bytes, base + 5 * n + 2 * c);
      out[c][first] = s2[c] / 32768;
      out[c][first + 1] = s1[c] / 32768;
    }
    // Nibbles from the data's first byte, high nibble first, channel after channel.
    const data = base + MS_ADPCM_HEADER_BYTES * n;
    const nibbles = (samplesPerBlock - 2) * n;
    for (let k = 0; k < nibbles; k++) {
      const byte = bytes[data + (k >> 1)];
      const code = (k & 1) === 0 ? byte >> 4 : byte & 0x0f;
      const c = k % n;
      const predicted = Math.floor((s1[c] * c1[c] + s2[c] * c2[c]) / 256);
      let sample = predicted + (code - ((code & 8) << 1)) * step[c];
      if (sample > 32767) sample = 32767;
      else if (sample < -32768) sample = -32768;
      step[c] = Math.max(16, Math.floor((ADAPTATION[code] * step[c]) / 256));
      s2[c] = s1[c];
      s1[c] = sample;
      out[c][first + 2 + Math.floor(k / n)] = sample / 32768;
    }
  }
}
