/** `voicedrill analyze --json` prints the report's time tracks, rounded by their unit; the table does not. */
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli } from '../helpers/cli.ts';

const WAV = 'tests/fixtures/synth/vowel150-two-phrases.wav'; // 4.1 s at 16 kHz: 410 cells

// The number literals of the JSON array printed under `"key": {` … `"values": [` (as printed, before parsing).
function printedValues(stdout: string, section: 'pitch' | 'intensity'): string[] {
  const start = stdout.indexOf('"values": [', stdout.indexOf('"track": {', stdout.indexOf(`"${section}": {`)));
  const body = stdout.slice(start + '"values": ['.length, stdout.indexOf(']', start));
  return body.split(',').map((s) => s.trim());
}

describe('time tracks in the CLI output', { timeout: 60_000 }, () => {
  it('--json has pitch.track and intensity.track on the 10 ms grid, Hz to 1 and dB to 2 decimals', async () => {
    const run = await runCli(['analyze', WAV, '--lang', 'en', '--json'], REPO_ROOT);
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as { durationSec: number; pitch: { track: unknown }; intensity: { track: unknown } };
    for (const track of [report.pitch.track, report.intensity.track]) {
      expect(track).toMatchObject({ hopSec: 0.01, startSec: 0.005 });
      expect((track as { values: unknown[] }).values).toHaveLength(410);
    }
    const hz = printedValues(run.stdout, 'pitch');
    const db = printedValues(run.stdout, 'intensity');
    expect(hz).toHaveLength(410);
    expect(db).toHaveLength(410);
    expect(hz.filter((s) => s !== 'null').length).toBeGreaterThan(200);
    for (const s of hz) expect(s).toMatch(/^(null|\d+(\.\d)?)$/);
    for (const s of db) expect(s).toMatch(/^-?\d+(\.\d{1,2})?$/);
    expect(db.some((s) => /\.\d\d$/.test(s))).toBe(true);
    // The keys in their canonical place: the track closes pitch, intensity follows it.
    expect(Object.keys(report).slice(Object.keys(report).indexOf('pitch'), Object.keys(report).indexOf('pitch') + 3)).toEqual(['pitch', 'intensity', 'timbre']);
    expect(Object.keys(report.pitch as object).at(-1)).toBe('track');
  });

  it('the table does not print the tracks', async () => {
    const run = await runCli(['analyze', WAV, '--lang', 'en'], REPO_ROOT);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/median F0/);
    expect(run.stdout).not.toMatch(/track|values/i);
    expect(run.stdout.split('\n').length).toBeLessThan(60);
  });
});
