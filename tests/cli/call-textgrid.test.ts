/**
 * `voicedrill call FILE --textgrid OUT` on a planned stereo call: tiers "agent turns", "customer turns"
 * and "findings" hold the --json report's turns and findings (overtalk labelled with who started it),
 * which are the planned ones within 0.15 s; Praat reads the file back with the same intervals and saves
 * the same bytes; overlapping findings are cut into labelled pieces; bad paths are usage errors.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findingIntervals, findingLabel } from '../../cli/format-call-textgrid.ts';
import type { CallFinding, CallReport } from '../../src/analysis/index.ts';
import { runCli, stderrLines } from '../helpers/cli.ts';
import { buildCall, inSequence, type BuiltCall } from '../helpers/planned-call.ts';
import { HAVE_PRAAT, READ_BACK_PRAAT } from '../helpers/praat-textgrid.ts';
import { encodeWav } from '../helpers/wav.ts';

const A = 'agent' as const;
const C = 'customer' as const;
const FS = 16000;

let dir = '';
let built: BuiltCall;
let report: CallReport;
let textGrid = '';

/** Labelled intervals of each interval tier of our TextGrid text, read with a small long-format reader. */
function tiersOf(text: string): Map<string, [number, number, string][]> {
  const tiers = new Map<string, [number, number, string][]>();
  let current: [number, number, string][] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const name = /^ {8}name = "(.*)" $/.exec(lines[i]);
    if (name) tiers.set(name[1], (current = []));
    const xmin = /^ {12}xmin = (\S+) $/.exec(lines[i]);
    if (xmin) {
      const xmax = Number(/xmax = (\S+)/.exec(lines[i + 1])?.[1]);
      const label = /text = "(.*)" $/.exec(lines[i + 2])?.[1].replace(/""/g, '"') ?? '';
      current.push([Number(xmin[1]), xmax, label]);
    }
  }
  return tiers;
}

const labelled = (xs: [number, number, string][]): [number, number, string][] => xs.filter(([, , t]) => t !== '');

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'voicedrill-call-textgrid-'));
  built = buildCall({
    sampleRateHz: FS, durationSec: 40, agentChannel: 'left', seed: 17,
    utterances: inSequence(0.6, [
      { speaker: A, syllables: 12, syllablesPerSec: 4, gapSec: 0 },
      { speaker: C, syllables: 15, syllablesPerSec: 5, gapSec: 0.4 },
      { speaker: A, syllables: 16, syllablesPerSec: 4, gapSec: -1.4 }, // the agent cuts in
      { speaker: C, syllables: 20, syllablesPerSec: 5, gapSec: 3.6 }, // dead air
      { speaker: A, syllables: 12, syllablesPerSec: 4, gapSec: -1.5 }, // the agent cuts in
      { speaker: C, syllables: 10, syllablesPerSec: 5, gapSec: 0.3 },
      { speaker: A, syllables: 16, syllablesPerSec: 4, gapSec: -1.2 }, // the agent cuts in
    ]),
  });
  writeFileSync(join(dir, 'call.wav'), encodeWav(built.input.channels, FS, 16));
  const run = await runCli(['call', 'call.wav', '--agent', 'left', '--lang', 'zh', '--json', '--textgrid', 'call.TextGrid'], dir);
  if (run.status !== 0) throw new Error(run.stderr);
  report = JSON.parse(run.stdout) as CallReport;
  textGrid = readFileSync(join(dir, 'call.TextGrid'), 'utf8');
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('voicedrill call --textgrid', { timeout: 60_000 }, () => {
  it('has the tiers agent turns, customer turns and findings over the call, each interval the report\'s', () => {
    const tiers = tiersOf(textGrid);
    expect([...tiers.keys()]).toEqual(['agent turns', 'customer turns', 'findings']);
    for (const [name, intervals] of tiers) {
      expect(intervals[0][0], name).toBe(0);
      expect(intervals.at(-1)?.[1], name).toBe(report.durationSec);
      intervals.forEach((iv, k) => k > 0 && expect(iv[0], `${name} [${k + 1}]`).toBe(intervals[k - 1][1]));
    }
    for (const speaker of [A, C]) {
      expect(labelled(tiers.get(`${speaker} turns`) ?? [])).toEqual(report.turns.filter((t) => t.speaker === speaker).map((t) => [t.startSec, t.endSec, speaker]));
    }
    expect(labelled(tiers.get('findings') ?? [])).toEqual(findingIntervals(report.findings).map((iv) => [iv.startSec, iv.endSec, iv.text]));
  });

  it('the turns are the planned ones within 0.15 s, the dead air and the overtalks (with who started them) are there', () => {
    const tiers = tiersOf(textGrid);
    const turns = [...labelled(tiers.get('agent turns') ?? []), ...labelled(tiers.get('customer turns') ?? [])].sort((a, b) => a[0] - b[0]);
    expect(turns.map(([, , s]) => s)).toEqual(built.turns.map((t) => t.speaker));
    turns.forEach(([start, end], k) => {
      expect(Math.abs(start - built.turns[k].startSec)).toBeLessThanOrEqual(0.15);
      expect(Math.abs(end - built.turns[k].endSec)).toBeLessThanOrEqual(0.15);
    });
    const findings = labelled(tiers.get('findings') ?? []);
    expect(built.overtalk).toHaveLength(3);
    expect(built.deadAir).toHaveLength(1);
    for (const planned of built.overtalk) {
      const piece = findings.find(([s, , t]) => t.split(' + ').includes(`overtalk (${planned.startedBy})`) && Math.abs(s - planned.startSec) <= 0.15);
      expect(piece, `overtalk at ${planned.startSec} s`).toBeDefined();
    }
    const dead = findings.find(([, , t]) => t.split(' + ').includes('deadAir'));
    expect(dead && Math.abs(dead[0] - built.deadAir[0].startSec)).toBeLessThanOrEqual(0.15);
  });

  it.skipIf(!HAVE_PRAAT)(`Praat reads it back: the same tiers and intervals, and saves the same bytes${HAVE_PRAAT ? '' : ' (skipped: praat is not installed)'}`, () => {
    writeFileSync(join(dir, 'read-back.praat'), READ_BACK_PRAAT);
    const praat = spawnSync('praat', ['--run', join(dir, 'read-back.praat'), join(dir, 'call.TextGrid'), join(dir, 'resaved.TextGrid')], { encoding: 'utf8' });
    expect(praat.status, praat.stderr).toBe(0);
    const lines = praat.stdout.trimEnd().split('\n');
    const tiers = tiersOf(textGrid);
    expect(lines.filter((l) => !l.startsWith('  '))).toEqual([
      'tiers 3', ...[...tiers].map(([name, intervals]) => `interval ${intervals.length} ${name}`),
    ]);
    const intervals = lines.filter((l) => l.startsWith('  ')).map((l) => {
      const [start, end, ...label] = l.trim().split(' ');
      return [Number(start), Number(end), label.join(' ')];
    });
    expect(intervals).toEqual([...tiers.values()].flat());
    expect(readFileSync(join(dir, 'resaved.TextGrid'), 'utf8')).toBe(textGrid);
  });

  it.each([
    [['call', 'call.wav', 'call.wav', '--agent', 'left', '--textgrid', 'x.TextGrid'], /^voicedrill: --textgrid exports one recording; give one FILE, not 2$/],
    [['call', 'call.wav', '--agent', 'left', '--textgrid', 'call.wav'], /^voicedrill: --textgrid call\.wav is the recording being analysed; give another path, the input is never overwritten$/],
    [['call', 'call.wav', '--agent', 'left', '--textgrid', 'no-such-folder/x.TextGrid'], /^voicedrill: cannot write the TextGrid to no-such-folder\/x\.TextGrid: the folder .*no-such-folder does not exist$/],
    [['call', 'call.wav', '--agent', 'left', '--textgrid', '.'], /^voicedrill: cannot write the TextGrid to \.: it is a directory; give a file name$/],
    [['call', 'call.wav', '--agent', 'left', '--tracks', 'x.csv'], /^voicedrill: --tracks is an option of voicedrill analyze, not of call$/],
  ])('%j: exit 2, nothing analysed', async (args, message) => {
    const run = await runCli(args, dir);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(stderrLines(run)[0]).toMatch(message);
  });
});

describe('findingIntervals', () => {
  const f = (id: CallFinding['id'], startSec: number, endSec: number, startedBy: CallFinding['startedBy'] = null): CallFinding =>
    ({ id, startSec, endSec, durationSec: endSec - startSec, startedBy, ratio: null });

  it('cuts overlapping findings into pieces labelled with every finding they are in', () => {
    expect(findingIntervals([f('monologue', 10, 60), f('rushing', 20, 35), f('overtalk', 58, 61, 'customer')])).toEqual([
      { startSec: 10, endSec: 20, text: 'monologue' },
      { startSec: 20, endSec: 35, text: 'monologue + rushing' },
      { startSec: 35, endSec: 58, text: 'monologue' },
      { startSec: 58, endSec: 60, text: 'monologue + overtalk (customer)' },
      { startSec: 60, endSec: 61, text: 'overtalk (customer)' },
    ]);
    expect(findingIntervals([])).toEqual([]);
    expect(findingLabel(f('deadAir', 1, 4))).toBe('deadAir');
  });
});
