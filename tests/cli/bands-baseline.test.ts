/** `voicedrill analyze` with a drill's own bands (--bands), a calibration (--baseline), and its warnings. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli, stderrLines } from '../helpers/cli.ts';

// The four-part English greeting read at ≈ 138 wpm (good against the default 120–160 wpm band).
const TAKE = join(REPO_ROOT, 'tests/fixtures/synth/e2e-en-greeting4.wav');
const SCRIPT = join(REPO_ROOT, 'tests/fixtures/synth/e2e-en-greeting4.txt');

// Reports are read as untyped JSON here.
type Report = any; // eslint-disable-line @typescript-eslint/no-explicit-any
const verdict = (r: Report, g: string): Report => r.verdicts.find((v: Report) => v.guideline === g);

let dir = '';
let plain: Report;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'voicedrill-bands-'));
  const write = (name: string, text: string) => writeFileSync(join(dir, name), text);
  write('slow.json', JSON.stringify({ rate: { lowBelow: 15, goodMin: 20, goodMax: 30, highAbove: 40 } }));
  write('per-lang.json', JSON.stringify({ zh: { rate: { goodMin: 200 } }, en: { pauses: { longestMaxSec: 0.2 } } }));
  write('malformed.json', '{"rate": {"goodMin": 20,}');
  write('bad-field.json', JSON.stringify({ rate: { goodMin: 'fast' } }));
  write('unit.json', JSON.stringify({ rate: { unit: 'chars/min' } }));
  write('baseline.json', JSON.stringify({ medianHz: 90, activeLevelDbfs: -30 }));
  const run = await runCli(['analyze', TAKE, '--script-file', SCRIPT, '--json']);
  expect(run.status, run.stderr).toBe(0);
  plain = JSON.parse(run.stdout);
  // The calibration file is the take's own --json report.
  write('calibration.json', run.stdout);
  write('two-reports.json', JSON.stringify([plain, plain]));
}, 60_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('voicedrill analyze --bands', { timeout: 60_000 }, () => {
  it('judges against the file\'s bands: a 138 wpm take is good by default and high against 20–30 wpm', async () => {
    expect(verdict(plain, 'rate')).toMatchObject({ status: 'good', measure: 'perMinute' });
    const run = await runCli(['analyze', TAKE, '--script-file', SCRIPT, '--bands', join(dir, 'slow.json'), '--json']);
    expect(run.status, run.stderr).toBe(0);
    const r = JSON.parse(run.stdout);
    expect(r.rate.perMinute).toBe(plain.rate.perMinute);
    expect(verdict(r, 'rate')).toMatchObject({ status: 'high', value: plain.rate.perMinute, band: { lowBelow: 15, goodMin: 20, goodMax: 30, highAbove: 40 } });
  });

  it('takes per-language bands for the language of the analysis', async () => {
    const run = await runCli(['analyze', TAKE, '--script-file', SCRIPT, '--bands', join(dir, 'per-lang.json'), '--json']);
    expect(run.status, run.stderr).toBe(0);
    const r = JSON.parse(run.stdout);
    expect(verdict(r, 'rate')).toEqual(verdict(plain, 'rate'));
    expect(verdict(r, 'pauses')).toMatchObject({ status: 'high', measure: 'longestPauseSec', band: { highAbove: 0.2 } });
  });

  it.each([
    ['malformed.json', /^voicedrill: the bands file .*malformed\.json is not valid JSON: /],
    ['bad-field.json', /^voicedrill: the bands file .*bad-field\.json is invalid: rate\.goodMin: must be a number or null$/],
    ['unit.json', /^voicedrill: the bands file .*unit\.json is invalid: rate\.unit: must be "wpm" \(units cannot be changed\), not "chars\/min"$/],
    ['missing.json', /^voicedrill: cannot read the bands file .*missing\.json: file not found$/],
  ])('%s is a usage error: exit 2, one line naming the file and the problem', async (name, message) => {
    const run = await runCli(['analyze', TAKE, '--bands', join(dir, name), '--json']);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(stderrLines(run)).toHaveLength(1);
    expect(stderrLines(run)[0]).toMatch(message);
  });
});

describe('voicedrill analyze --baseline', { timeout: 60_000 }, () => {
  it('without a calibration, effort and pitch level are unmeasured', () => {
    expect(verdict(plain, 'effort')).toMatchObject({ status: 'unmeasured', adviceKey: 'effort.calibrateFirst' });
  });

  it('the take against its own --json report: effort 0 dB and pitch level 0 st', async () => {
    const run = await runCli(['analyze', TAKE, '--script-file', SCRIPT, '--baseline', join(dir, 'calibration.json'), '--json']);
    expect(run.status, run.stderr).toBe(0);
    const r = JSON.parse(run.stdout);
    // The report's numbers are rounded (0.01 dB, 0.1 Hz), so "zero" is within that rounding.
    expect(verdict(r, 'effort').status).toBe('good');
    expect(Math.abs(verdict(r, 'effort').value)).toBeLessThanOrEqual(0.01);
    expect(Math.abs(verdict(r, 'pitchLevel').value)).toBeLessThanOrEqual(0.01);
    expect(Math.abs(verdict(r, 'warmth').value)).toBeLessThanOrEqual(0.01);
  });

  it('numbers and a baseline file give the differences from them', async () => {
    const level = plain.loudness.activeLevelDbfs;
    const numbers = await runCli(['analyze', TAKE, '--baseline', `${plain.pitch.medianHz / 2 ** (3 / 12)},${level - 6}`, '--json']);
    expect(numbers.status, numbers.stderr).toBe(0);
    const r = JSON.parse(numbers.stdout);
    expect(verdict(r, 'effort')).toMatchObject({ value: 6, status: 'borderline' });
    expect(verdict(r, 'pitchLevel').value).toBeCloseTo(3, 1);
    expect(verdict(r, 'warmth').status).toBe('unmeasured'); // no brightness given
    const file = await runCli(['analyze', TAKE, '--baseline', join(dir, 'baseline.json'), '--json']);
    expect(verdict(JSON.parse(file.stdout), 'effort').value).toBeCloseTo(level + 30, 2);
  });

  it.each([
    [['--baseline', '182,abc'], /--baseline 182,abc: give MEDIAN_HZ,LEVEL_DBFS\[,BRIGHTNESS_HZ\] as two or three numbers, or a JSON file/],
    [['--baseline', '182'], /--baseline 182: give MEDIAN_HZ,LEVEL_DBFS\[,BRIGHTNESS_HZ\] as two or three numbers, or a JSON file/],
    [['--baseline', '5,-20'], /--baseline 5,-20: medianHz must be between 40 and 1000, not 5/],
    [['--baseline', '180,12'], /activeLevelDbfs must be between -100 and 0, not 12/],
    [['--baseline', 'no-such-calibration.json'], /cannot read the baseline file no-such-calibration\.json: file not found/],
    [['--baseline', 'two-reports.json'], /the baseline file two-reports\.json holds 2 reports; give the report of the calibration reading only/],
    [['--baseline', 'malformed.json'], /the baseline file malformed\.json is not valid JSON/],
    [['--baseline', 'slow.json'], /the baseline file slow\.json has no medianHz/],
    [['--baseline'], /--baseline needs a value/],
  ])('%j is a usage error (exit 2)', async (args, message) => {
    const run = await runCli(['analyze', TAKE, ...args], dir);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(stderrLines(run)[0]).toMatch(message);
  });
});

describe('voicedrill analyze warnings', { timeout: 60_000 }, () => {
  it('a script covering a fraction of the speech: a warnings entry, a stderr line with --json, a table line', async () => {
    const json = await runCli(['analyze', TAKE, '--script', 'Hello', '--json']);
    expect(json.status).toBe(0);
    const r = JSON.parse(json.stdout);
    expect(r.warnings.map((w: Report) => w.code)).toEqual(['scriptCoversPart']);
    expect(stderrLines(json)).toEqual([`voicedrill: ${TAKE}: warning: ${r.warnings[0].message}`]);
    expect(plain.warnings).toEqual([]);
    const table = await runCli(['analyze', TAKE, '--script', 'Hello']);
    expect(table.stdout).toMatch(/^ {2}warning +the script has 2 syllables but about \d+ were heard: it covers only part of the speech/m);
  });

  it('--channel right on a one-channel file analyses that channel and says so', async () => {
    const run = await runCli(['analyze', TAKE, '--script-file', SCRIPT, '--channel', 'right', '--json']);
    expect(run.status).toBe(0);
    const r = JSON.parse(run.stdout);
    expect(r.warnings.map((w: Report) => w.code)).toEqual(['channelMissing']);
    expect(stderrLines(run)[0]).toMatch(/warning: the right channel was asked for, but the recording has one channel/);
    expect({ ...r, warnings: [] }).toEqual(plain);
  });

  it('--help documents --bands, --baseline and the script markup', async () => {
    const run = await runCli(['--help']);
    for (const text of ['--bands FILE', '--baseline FILE|MEDIAN_HZ,LEVEL_DBFS[,BRIGHTNESS_HZ]', 'Script markup:', '*key word*', '"|"']) {
      expect(run.stdout).toContain(text);
    }
  });
});
