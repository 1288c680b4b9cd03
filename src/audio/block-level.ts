/**
 * The level of one captured block, computed where the block is made (the capture worklet) and used by
 * the live meter and the recording model. Pure (no DOM), so the worklet can import it.
 */

/** Level reported for digital silence, dBFS. */
export const SILENCE_DBFS = -120;

/** RMS level of a block in dBFS (a full-scale sine is −3.01 dBFS); SILENCE_DBFS for silence. */
export function blockLevelDbfs(block: ArrayLike<number>): number {
  if (block.length === 0) return SILENCE_DBFS;
  let sum = 0;
  for (let i = 0; i < block.length; i++) sum += block[i] * block[i];
  const ms = sum / block.length;
  return ms > 0 ? Math.max(SILENCE_DBFS, 10 * Math.log10(ms)) : SILENCE_DBFS;
}
