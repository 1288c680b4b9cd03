/**
 * The live level meter: the zone and the shown level of each captured block (measured in the worklet). Pure.
 * Zones follow the drill's recording-level band (by default GUIDELINES.md's good −28 … −16 dBFS). A ~50 ms block's
 * RMS is not the P.56 active speech level the scorecard reports (it swings a few dB around it from
 * syllable to syllable), so the meter is a guide while speaking; the scorecard is the measurement.
 */

import { DEFAULT_BANDS, type Band } from '../guidelines/bands.ts';

/** The good zone of the meter, dBFS. */
export interface MeterBand {
  goodMinDbfs: number;
  goodMaxDbfs: number;
}

/** The meter's zone from a drill's volume band (its open edges fall back to the default band's). */
export function meterBandOf(volume: Band): MeterBand {
  const fallback = DEFAULT_BANDS.en.volume;
  return { goodMinDbfs: volume.goodMin ?? fallback.goodMin ?? -28, goodMaxDbfs: volume.goodMax ?? fallback.goodMax ?? -16 };
}

/** The default good zone (GUIDELINES.md: good −28 … −16 dBFS), for recordings without a drill (calibration). */
export const DEFAULT_METER_BAND: MeterBand = meterBandOf(DEFAULT_BANDS.en.volume);
/** Bottom of the meter's scale, dBFS (quieter shows as empty). */
export const METER_FLOOR_DBFS = -60;
/** How fast the shown level falls back, dB per second (peak-meter style release). */
export const RELEASE_DB_PER_SEC = 24;

/** Zone of a level: below, inside or above the good band. */
export type LevelZone = 'soft' | 'good' | 'loud';

/** Block level and silence value: computed in the worklet, shared from src/audio (one function). */
export { blockLevelDbfs, SILENCE_DBFS } from '../audio/block-level.ts';

/** The zone of a level against the good band. */
export function levelZone(levelDbfs: number, band: MeterBand = DEFAULT_METER_BAND): LevelZone {
  if (levelDbfs < band.goodMinDbfs) return 'soft';
  if (levelDbfs > band.goodMaxDbfs) return 'loud';
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
