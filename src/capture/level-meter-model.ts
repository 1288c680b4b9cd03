/**
 * The live level meter: the level of each captured block and its zone. Pure.
 * Zones follow the recording-level band of GUIDELINES.md (good −28 … −16 dBFS). A ~50 ms block's
 * RMS is not the P.56 active speech level the scorecard reports (it swings a few dB around it from
 * syllable to syllable), so the meter is a guide while speaking; the scorecard is the measurement.
 */

/** Lower edge of the good zone, dBFS (GUIDELINES.md: good −28 … −16). */
export const GOOD_MIN_DBFS = -28;
/** Upper edge of the good zone, dBFS. */
export const GOOD_MAX_DBFS = -16;
/** Bottom of the meter's scale, dBFS (quieter shows as empty). */
export const METER_FLOOR_DBFS = -60;
/** Level reported for digital silence, dBFS. */
export const SILENCE_DBFS = -120;
/** How fast the shown level falls back, dB per second (peak-meter style release). */
export const RELEASE_DB_PER_SEC = 24;

/** Zone of a level: below, inside or above the good band. */
export type LevelZone = 'soft' | 'good' | 'loud';

/** RMS level of a block in dBFS (a full-scale sine is −3.01 dBFS); SILENCE_DBFS for silence. */
export function blockLevelDbfs(block: ArrayLike<number>): number {
  if (block.length === 0) return SILENCE_DBFS;
  let sum = 0;
  for (let i = 0; i < block.length; i++) sum += block[i] * block[i];
  const ms = sum / block.length;
  return ms > 0 ? Math.max(SILENCE_DBFS, 10 * Math.log10(ms)) : SILENCE_DBFS;
}

/** The zone of a level. */
export function levelZone(levelDbfs: number): LevelZone {
  if (levelDbfs < GOOD_MIN_DBFS) return 'soft';
  if (levelDbfs > GOOD_MAX_DBFS) return 'loud';
  return 'good';
}

/** Position of a level on the meter, 0 (METER_FLOOR_DBFS or below) to 1 (0 dBFS). */
export function meterFraction(levelDbfs: number): number {
  const f = (levelDbfs - METER_FLOOR_DBFS) / -METER_FLOOR_DBFS;
  return f < 0 ? 0 : f > 1 ? 1 : f;
}

/** The level to show: jumps up at once, falls back at RELEASE_DB_PER_SEC (readable while speaking). */
export function smoothLevelDbfs(shownDbfs: number, blockDbfs: number, blockSec: number): number {
  if (blockDbfs >= shownDbfs) return blockDbfs;
  return Math.max(blockDbfs, shownDbfs - RELEASE_DB_PER_SEC * blockSec);
}
