/**
 * The --tracks export of `voicedrill analyze`: the report's 10 ms pitch and intensity tracks as CSV,
 * one row per grid cell, for spreadsheets and scripts. Pure: report in, text out.
 */
import type { AnalysisReport, TimeTrack } from './analysis.ts';

/** The header row. */
export const TRACKS_CSV_HEADER = 'time_s,f0_hz,intensity_db,voiced';

// Cell times are printed to 0.1 ms: the grid's centres (0.005, 0.015, …) need 3 decimals, and
// a fourth keeps them exact should the hop ever change.
const TIME_DECIMALS = 4;

const cell = (x: number | null | undefined): string => (x === null || x === undefined || !Number.isFinite(x) ? '' : String(x === 0 ? 0 : x));

/**
 * The tracks CSV of a report (rounded as --json prints it): time_s the centre of each cell, f0_hz
 * empty where unvoiced (no F0, or 0 Hz), intensity_db in dBFS, voiced 1 where there is an F0 and 0 elsewhere. Both
 * tracks share one grid (report.ts TimeTrack); a track missing from an old report gives empty cells.
 */
export function reportTracksCsv(report: AnalysisReport): string {
  const pitch: TimeTrack | null = report.pitch.track;
  const intensity: TimeTrack | null = report.intensity.track;
  const grid = pitch ?? intensity;
  if (grid === null) return TRACKS_CSV_HEADER + '\n';
  if (pitch && intensity && (pitch.hopSec !== intensity.hopSec || pitch.startSec !== intensity.startSec)) {
    throw new RangeError('the pitch and intensity tracks of the report are not on the same grid');
  }
  const cells = Math.max(pitch?.values.length ?? 0, intensity?.values.length ?? 0);
  const rows = [TRACKS_CSV_HEADER];
  for (let i = 0; i < cells; i++) {
    const timeSec = Number((grid.startSec + i * grid.hopSec).toFixed(TIME_DECIMALS));
    const f0Hz = pitch?.values[i] ?? null;
    const voiced = f0Hz !== null && f0Hz > 0; // 0 Hz is unvoiced, as in the pitch tracks of src/analysis
    rows.push(`${timeSec},${voiced ? cell(f0Hz) : ''},${cell(intensity?.values[i])},${voiced ? 1 : 0}`);
  }
  return rows.join('\n') + '\n';
}
