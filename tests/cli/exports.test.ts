/**
 * `voicedrill analyze FILE --textgrid OUT --tracks OUT` run for real on a committed fixture: the files
 * hold the analysis (checked against the --json report and the fixture's known script), Praat reads
 * the TextGrid back when it is installed, and bad output paths are usage errors that analyse nothing.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli, stderrLines, type CliRun } from '../helpers/cli.ts';
import { HAVE_PRAAT, READ_BACK_PRAAT } from '../helpers/praat-textgrid.ts';

const WAV = join(REPO_ROOT, 'tests/fixtures/synth/greeting-zh.wav');
// The fixture's script (greeting-zh.txt) with key words marked and quotes, which the TextGrid must escape.
const SCRIPT = '*早上*好，我是"小王"，很高兴为您*服务*。';
const PARTS = ['早上好', '我是"小王"', '很高兴为您服务'];

type Report = {
  durationSec: number;
  speech: { startSec: number; endSec: number; pauses: { startSec: number; endSec: number }[] };
  rate: { nuclei: number; nucleiSec: number[] };
  pitch: { medianHz: number; track: { values: (number | null)[] } };
  intensity: { track: { values: (number | null)[] } };
  parts: { text: string; startSec: number; endSec: number }[];
  emphasis: { word: string; startSec: number; endSec: number }[];
};

/** Interval tiers of our TextGrid text: name → [xmin, xmax, text][] (a reader for the long format). */
function intervalTiers(text: string): Map<string, [number, number, string][]> {
  const tiers = new Map<string, [number, number, string][]>();
  for (const block of text.split(/\n(?= {4}item \[\d+\]:\n)/).slice(1)) {
    if (!block.includes('class = "IntervalTier"')) continue;
    const name = /name = "((?:[^"]|"")*)"/.exec(block)?.[1] ?? '';
    const intervals = [...`${block}\n`.matchAll(/xmin = (\S+) \n {12}xmax = (\S+) \n {12}text = "((?:[^"]|"")*)" \n/g)]
      .map((m): [number, number, string] => [Number(m[1]), Number(m[2]), m[3].replace(/""/g, '"')]);
    tiers.set(name, intervals);
  }
  return tiers;
}

let dir = '';
let run: CliRun;
let report: Report;
let textGrid = '';
let csvRows: string[][] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'voicedrill-exports-'));
  run = await runCli(['analyze', WAV, '--lang', 'zh', '--script', SCRIPT, '--json', '--textgrid', 'out.TextGrid', '--tracks', 'out.csv'], dir);
  report = JSON.parse(run.stdout) as Report;
  textGrid = readFileSync(join(dir, 'out.TextGrid'), 'utf8');
  csvRows = readFileSync(join(dir, 'out.csv'), 'utf8').trimEnd().split('\n').map((l) => l.split(','));
}, 60_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('voicedrill analyze --textgrid --tracks', { timeout: 60_000 }, () => {
  it('analyses as usual (exit 0, the report on stdout, no error) and writes both files', () => {
    expect(run.status, run.stderr).toBe(0);
    expect(stderrLines(run)).toEqual([]);
    expect(report.parts.map((p) => p.text)).toEqual(PARTS);
  });

  it('the TextGrid spans the recording: 5.4 s exactly, every interval tier from 0 to the end without gaps', () => {
    expect(textGrid).toMatch(/^xmax = 5\.4 $/m);
    const tiers = intervalTiers(textGrid);
    expect([...tiers.keys()]).toEqual(['speech', 'parts', 'key words']);
    for (const [name, intervals] of tiers) {
      expect(intervals[0][0], name).toBe(0);
      expect(intervals.at(-1)?.[1], name).toBe(5.4);
      intervals.forEach(([start, end], i) => {
        expect(end, name).toBeGreaterThan(start);
        if (i > 0) expect(start, name).toBe(intervals[i - 1][1]);
      });
    }
  });

  it('the speech tier is the speech span cut by the two pauses; the parts tier holds the three parts of the script', () => {
    const tiers = intervalTiers(textGrid);
    const speech = (tiers.get('speech') ?? []).filter(([, , t]) => t !== '');
    expect(speech.map(([, , t]) => t)).toEqual(['speech', 'pause', 'speech', 'pause', 'speech']);
    expect(speech[0][0]).toBe(report.speech.startSec);
    expect(speech.at(-1)?.[1]).toBe(report.speech.endSec);
    expect(speech.filter(([, , t]) => t === 'pause').map(([s, e]) => ({ startSec: s, endSec: e }))).toEqual(report.speech.pauses);
    // The fixture's phrases are its three parts, 0.4 s apart: the parts sit on the speech stretches.
    const parts = (tiers.get('parts') ?? []).filter(([, , t]) => t !== '');
    expect(parts.map(([, , t]) => t)).toEqual(PARTS);
    parts.forEach(([s, e], i) => {
      const said = speech.filter(([, , t]) => t === 'speech')[i];
      expect(Math.abs(s - said[0])).toBeLessThan(0.05);
      expect(Math.abs(e - said[1])).toBeLessThan(0.05);
    });
  });

  it('the key words sit inside their parts at the analysis times, and the nuclei are the report\'s, as points', () => {
    const words = (intervalTiers(textGrid).get('key words') ?? []).filter(([, , t]) => t !== '');
    expect(words).toEqual(report.emphasis.map((w) => [w.startSec, w.endSec, w.word]));
    expect(words.map(([, , t]) => t)).toEqual(['早上', '服务']);
    expect(words[0][0]).toBeGreaterThanOrEqual(report.parts[0].startSec);
    expect(words[0][1]).toBeLessThanOrEqual(report.parts[0].endSec);
    expect(words[1][1]).toBeLessThanOrEqual(report.parts[2].endSec);
    const points = [...textGrid.matchAll(/number = (\S+) /g)].map((m) => Number(m[1]));
    expect(points).toEqual(report.rate.nucleiSec);
    // 14 syllables of the script, one nucleus each in this clean synthetic take.
    expect(points).toHaveLength(14);
    expect(textGrid).toMatch(/class = "TextTier" \n {8}name = "nuclei" /);
  });

  it('the tracks CSV has a row per 10 ms of the 5.4 s recording, F0 where the report is voiced, its median', () => {
    expect(csvRows[0]).toEqual(['time_s', 'f0_hz', 'intensity_db', 'voiced']);
    const rows = csvRows.slice(1);
    expect(rows).toHaveLength(540);
    expect(rows.map((r) => Number(r[0]))).toEqual(rows.map((_, i) => Number(((i + 0.5) / 100).toFixed(3))));
    rows.forEach(([, f0, db, voiced], i) => {
      expect(f0 === '' ? null : Number(f0)).toBe(report.pitch.track.values[i]);
      expect(Number(db)).toBe(report.intensity.track.values[i]);
      expect(voiced).toBe(f0 === '' ? '0' : '1');
    });
    const f0 = rows.filter((r) => r[3] === '1').map((r) => Number(r[1])).sort((a, b) => a - b);
    expect(f0.length).toBeGreaterThan(200);
    expect(Math.abs(f0[Math.floor(f0.length / 2)] - report.pitch.medianHz)).toBeLessThan(2);
    // Voiced frames lie inside the speech span.
    const times = rows.filter((r) => r[3] === '1').map((r) => Number(r[0]));
    expect(Math.min(...times)).toBeGreaterThanOrEqual(report.speech.startSec - 0.02);
    expect(Math.max(...times)).toBeLessThanOrEqual(report.speech.endSec + 0.02);
  });

  it.skipIf(!HAVE_PRAAT)(`Praat reads the TextGrid back: tiers, intervals and points as written, and saves the same bytes${HAVE_PRAAT ? '' : ' (skipped: praat is not installed; apt-get install praat)'}`, () => {
    writeFileSync(join(dir, 'read-back.praat'), READ_BACK_PRAAT);
    const praat = spawnSync('praat', ['--run', join(dir, 'read-back.praat'), join(dir, 'out.TextGrid'), join(dir, 'resaved.TextGrid')], { encoding: 'utf8' });
    expect(praat.status, praat.stderr).toBe(0);
    const lines = praat.stdout.trimEnd().split('\n');
    const tiers = intervalTiers(textGrid);
    const counts = lines.filter((l) => !l.startsWith('  '));
    expect(counts).toEqual([
      'tiers 4',
      `interval ${tiers.get('speech')?.length} speech`,
      `interval ${tiers.get('parts')?.length} parts`,
      `interval ${tiers.get('key words')?.length} key words`,
      `point ${report.rate.nucleiSec.length} nuclei`,
    ]);
    // The intervals Praat reads, times and labels (quotes and Chinese included), are ours.
    const intervals = lines.filter((l) => l.startsWith('  ')).map((l) => {
      const [start, end, ...label] = l.trim().split(' ');
      return [Number(start), Number(end), label.join(' ')];
    });
    expect(intervals).toEqual([...tiers.values()].flat());
    expect(intervals.map(([, , t]) => t)).toContain('我是"小王"');
    expect(readFileSync(join(dir, 'resaved.TextGrid'), 'utf8')).toBe(textGrid);
  });
});

describe('voicedrill analyze exports: paths that cannot be written', { timeout: 60_000 }, () => {
  let work = '';
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'voicedrill-exports-bad-'));
    copyFileSync(WAV, join(work, 'take.wav'));
    linkSync(join(work, 'take.wav'), join(work, 'hard-link.wav'));
    symlinkSync(join(work, 'take.wav'), join(work, 'soft-link.TextGrid'));
    writeFileSync(join(work, 'script.txt'), SCRIPT);
    mkdirSync(join(work, 'a-folder'));
  });
  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it.each([
    [['--textgrid', 'no-such-folder/out.TextGrid'], /^voicedrill: cannot write the TextGrid to no-such-folder\/out\.TextGrid: the folder .*no-such-folder does not exist$/],
    [['--tracks', 'a-folder'], /^voicedrill: cannot write the tracks CSV to a-folder: it is a directory; give a file name$/],
    [['--textgrid', 'take.wav'], /^voicedrill: --textgrid take\.wav is the recording being analysed; give another path, the input is never overwritten$/],
    [['--tracks', 'hard-link.wav'], /^voicedrill: --tracks hard-link\.wav is the input file take\.wav; give another path, the input is never overwritten$/],
    [['--textgrid', 'soft-link.TextGrid'], /^voicedrill: --textgrid soft-link\.TextGrid is the input file take\.wav; give another path/],
    [['--script-file', 'script.txt', '--textgrid', 'script.txt'], /^voicedrill: --textgrid script\.txt is the input file script\.txt; give another path/],
    [['--textgrid', 'same.out', '--tracks', './same.out'], /^voicedrill: --textgrid and --tracks both name same\.out; give each its own file$/],
    [['--textgrid', ''], /^voicedrill: --textgrid needs a path \(the TextGrid file to write\)$/],
    [['--tracks'], /^voicedrill: --tracks needs a value \(the CSV file to write\)$/],
  ])('%j is a usage error: exit 2, nothing analysed or written, the input intact', async (args, message) => {
    const before = readFileSync(join(work, 'take.wav'));
    const result = await runCli(['analyze', 'take.wav', ...args], work);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(stderrLines(result)[0]).toMatch(message);
    expect(readFileSync(join(work, 'take.wav')).equals(before)).toBe(true);
    expect(existsSync(join(work, 'same.out'))).toBe(false);
  });

  it('refuses an export of several files, which one path cannot hold', async () => {
    const result = await runCli(['analyze', 'take.wav', 'hard-link.wav', '--tracks', 'out.csv'], work);
    expect(result.status).toBe(2);
    expect(stderrLines(result)[0]).toBe('voicedrill: --tracks exports one recording; give one FILE, not 2');
    expect(existsSync(join(work, 'out.csv'))).toBe(false);
  });

  it.skipIf(!existsSync('/dev/full'))('says so when the export cannot be written after the analysis (exit 1, the report still printed)', async () => {
    const result = await runCli(['analyze', 'take.wav', '--tracks', '/dev/full'], work);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/^take\.wav\n/);
    expect(stderrLines(result)).toEqual(['voicedrill: cannot write the tracks CSV to /dev/full: the disk is full']);
  });

  it('writes nothing when the recording cannot be analysed (exit 1)', async () => {
    writeFileSync(join(work, 'corrupt.wav'), 'not audio at all');
    const result = await runCli(['analyze', 'corrupt.wav', '--textgrid', 'corrupt.TextGrid'], work);
    expect(result.status).toBe(1);
    expect(stderrLines(result)[0]).toMatch(/^voicedrill: corrupt\.wav: cannot decode/);
    expect(existsSync(join(work, 'corrupt.TextGrid'))).toBe(false);
  });
});
