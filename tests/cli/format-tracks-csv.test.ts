/** The --tracks writer on crafted reports: exact rows, voicing, one row per 10 ms cell, the grid checked. */
import { describe, expect, it } from 'vitest';
import { reportTracksCsv, TRACKS_CSV_HEADER } from '../../cli/format-tracks-csv.ts';
import type { AnalysisReport, TimeTrack } from '../../src/analysis/index.ts';
import { gridTrack, makeReport } from '../app/report-fixture.ts';

const track = (values: (number | null)[]): TimeTrack => ({ hopSec: 0.01, startSec: 0.005, values });

function withTracks(pitch: TimeTrack | null, intensity: TimeTrack | null): AnalysisReport {
  const r = makeReport({});
  return { ...r, pitch: { ...r.pitch, track: pitch }, intensity: { track: intensity } };
}

describe('reportTracksCsv', () => {
  it('writes one row per cell: centre time, F0 (empty when unvoiced), intensity, voiced 0/1', () => {
    const csv = reportTracksCsv(withTracks(track([null, 150.2, 151, null, 0]), track([-60.5, -22.31, -21, -35.07, -0])));
    expect(csv).toBe([
      'time_s,f0_hz,intensity_db,voiced',
      '0.005,,-60.5,0',
      '0.015,150.2,-22.31,1',
      '0.025,151,-21,1',
      '0.035,,-35.07,0',
      '0.045,,0,0',
      '',
    ].join('\n'));
  });

  it('has ⌈duration / 10 ms⌉ rows on the grid of the report, times without float error', () => {
    const inSpeech = (t: number): boolean => t >= 0.5 && t < 3.9;
    const report = withTracks(gridTrack(4.2, (t) => (inSpeech(t) ? 215.3 : null)), gridTrack(4.2, (t) => (inSpeech(t) ? -22.35 : -70.2)));
    const rows = reportTracksCsv(report).trimEnd().split('\n');
    expect(rows[0]).toBe(TRACKS_CSV_HEADER);
    expect(rows).toHaveLength(1 + 420);
    rows.slice(1).forEach((row, i) => {
      const [time, f0, level, voiced] = row.split(',');
      expect(time).toBe(((i + 0.5) / 100).toFixed(3).replace(/0+$/, ''));
      expect(voiced).toBe(inSpeech((i + 0.5) / 100) ? '1' : '0');
      expect(f0).toBe(voiced === '1' ? '215.3' : '');
      expect(level).toBe(voiced === '1' ? '-22.35' : '-70.2');
    });
  });

  it('leaves the cells of a track an old report lacks empty, and refuses tracks on different grids', () => {
    expect(reportTracksCsv(withTracks(track([120, null]), null))).toBe('time_s,f0_hz,intensity_db,voiced\n0.005,120,,1\n0.015,,,0\n');
    expect(reportTracksCsv(withTracks(null, null))).toBe('time_s,f0_hz,intensity_db,voiced\n');
    expect(() => reportTracksCsv(withTracks(track([120]), { hopSec: 0.008, startSec: 0.004, values: [-20] }))).toThrow(/same grid/);
  });
});
