/**
 * IMA/DVI ADPCM (WAVE format 0x11, 4 bits per sample), the block layout of Microsoft's WAVE files: per block
 * and channel a 4-byte header (the first sample as int16, the step index, a reserved byte), then the channel's
 * nibbles, low nibble first; with two or more channels the data interleaves 4-byte words (8 samples) per
 * channel. Call recorders and telephone systems write it. Pure.
 */

const INDEX_TABLE = [-1, -1, -1, -1, 2, 4, 6, 8, -1, -1, -1, -1, 2, 4, 6, 8];

const STEP_TABLE = [
  7, 8, 9, 10, 11, 12, 13, 14, 16, 17, 19, 21, 23, 25, 28, 31, 34, 37, 41, 45, 50, 55, 60, 66, 73, 80, 88, 97, 107, 118,
  130, 143, 157, 173, 190, 209, 230, 253, 279, 307, 337, 371, 408, 449, 494, 544, 598, 658, 724, 796, 876, 963, 1060,
  1166, 1282, 1411, 1552, 1707, 1878, 2066, 2272, 2499, 2749, 3024, 3327, 3660, 4026, 4428, 4871, 5358, 5894, 6484,
  7132, 7845, 8630, 9493, 10442, 11487, 12635, 13899, 15289, 16818, 18500, 20350, 22385, 24623, 27086, 29794, 32767,
];

/**
 * Samples per block that a block of `blockAlign` bytes holds per channel (the header's sample and 2 per data
 * byte); 0 when the size cannot be a block (no data, or data not in whole 4-byte words per channel).
 */
export function imaSamplesPerBlock(blockAlign: number, channelCount: number): number {
  if (channelCount < 1 || blockAlign <= 4 * channelCount || (blockAlign - 4 * channelCount) % (4 * channelCount) !== 0) return 0;
  return ((blockAlign - 4 * channelCount) * 2) / channelCount + 1;
}

/**
 * Decode `blocks` whole blocks of `bytes` (each `blockAlign` bytes, `samplesPerBlock` samples per channel) into
 * `out` (one array per channel, at least blocks × samplesPerBlock long), as −1…1.
 */
export function decodeImaBlocks(bytes: Uint8Array, blocks: number, blockAlign: number, samplesPerBlock: number, out: Float32Array[]): void {
  const n = out.length;
  for (let b = 0; b < blocks; b++) {
    const base = b * blockAlign;
    const first = b * samplesPerBlock;
    for (let c = 0; c < n; c++) {
      const head = base + 4 * c;
      let predictor = (bytes[head] | (bytes[head + 1] << 8)) << 16 >> 16;
      let index = Math.min(88, bytes[head + 2]);
      const dest = out[c];
      dest[first] = predictor / 32768;
      let k = first + 1;
      const end = first + samplesPerBlock;
      // Channel c's 4-byte words: at data start + 4c, then every 4n bytes.
      for (let word = base + 4 * n + 4 * c; k < end; word += 4 * n) {
        for (let j = 0; j < 4 && k < end; j++) {
          const byte = bytes[word + j];
          for (let half = 0; half < 2 && k < end; half++) {
            const nibble = half === 0 ? byte & 0x0f : byte >> 4;
            const step = STEP_TABLE[index];
            let diff = step >> 3;
            if (nibble & 4) diff += step;
            if (nibble & 2) diff += step >> 1;
            if (nibble & 1) diff += step >> 2;
            predictor += nibble & 8 ? -diff : diff;
            if (predictor > 32767) predictor = 32767;
            else if (predictor < -32768) predictor = -32768;
            index += INDEX_TABLE[nibble];
            if (index < 0) index = 0;
            else if (index > 88) index = 88;
            dest[k++] = predictor / 32768;
          }
        }
      }
    }
  }
}
