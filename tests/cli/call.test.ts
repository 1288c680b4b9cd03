/**
 * `voicedrill call`: the real CLI on a planned stereo call (tests/helpers/planned-call.ts) written as a
 * 16-bit WAV. --json is analyzeCall on the same decoded samples (one engine, the same numbers); the
 * planted dead air and overtalk are in the table and the CSV; files that are not a stereo call and
 * wrong command lines get one line each and the exit status of `analyze`.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import decode from 'audio-decode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeCall, type CallReport } from '../../src/analysis/index.ts';
import { runCli, stderrLines } from '../helpers/cli.ts';
import { attribution, loadPhrases, MONO_FS, planMonoCall } from '../helpers/mono-call.ts';
import { buildCall, inSequence, type BuiltCall } from '../helpers/planned-call.ts';
import { haveTruth } from '../helpers/truth.ts';
import { encodeWav } from '../helpers/wav.ts';

const A = 'agent' as const;
const C = 'customer' as const;
const FS = 8000;

let dir = '';
let built: BuiltCall;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'voicedrill-call-'));
  built = buildCall({
    sampleRateHz: FS, durationSec: 30, agentChannel: 'right', seed: 5,
    utterances: inSequence(0.8, [
      { speaker: C, syllables: 12, syllablesPerSec: 4, gapSec: 0 },
      { speaker: A, syllables: 20, syllablesPerSec: 5, gapSec: 0.4 },
      { speaker: C, syllables: 12, syllablesPerSec: 4, gapSec: -1.6 }, // the customer cuts in: overtalk
      { speaker: A, syllables: 15, syllablesPerSec: 5, gapSec: 3.8 }, // dead air
      { speaker: C, syllables: 8, syllablesPerSec: 4, gapSec: 0.5 },
    ]),
  });
  const [left, right] = built.input.channels;
  writeFileSync(join(dir, 'call.wav'), encodeWav([left, right], FS, 16));
  writeFileSync(join(dir, 'mono.wav'), encodeWav([left], FS, 16));
  writeFileSync(join(dir, 'three.wav'), encodeWav([left, right, left], FS, 16));
  writeFileSync(join(dir, 'empty.wav'), new Uint8Array(0));
  writeFileSync(join(dir, 'notes.wav'), 'these are notes, not audio\n'.repeat(20));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function inProcess(): Promise<CallReport> {
  const { channelData, sampleRate } = await decode(new Uint8Array(readFileSync(join(dir, 'call.wav'))));
  return analyzeCall({ channels: channelData, sampleRateHz: sampleRate }, { agentChannel: 'right', lang: 'zh' });
}

/** m:ss as the table prints it. */
function clock(sec: number): string {
  const s = Math.floor(sec);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

describe('voicedrill call', { timeout: 60_000 }, () => {
  it('--json is analyzeCall on the same decoded samples, and finds the planted events', async () => {
    const run = await runCli(['call', 'call.wav', '--agent', 'right', '--lang', 'zh', '--json'], dir);
    expect(run.status, run.stderr).toBe(0);
    const expected = { file: 'call.wav', ...(await inProcess()) };
    // The opening greeting (tests/cli/call-greeting.test.ts) follows the call report's fields.
    const { greeting, ...callFields } = JSON.parse(run.stdout) as CallReport & { greeting: unknown };
    expect(JSON.stringify(callFields, null, 2)).toBe(JSON.stringify(expected, null, 2));
    expect(greeting).toMatchObject({ drill: 'zh-greeting4' });
    // The truth of the plan, so that the other checks look for real events.
    expect(built.deadAir).toHaveLength(1);
    expect(built.overtalk).toHaveLength(1);
    const found = (JSON.parse(run.stdout) as CallReport).findings;
    const dead = found.filter((f) => f.id === 'deadAir');
    const over = found.filter((f) => f.id === 'overtalk');
    expect(dead).toHaveLength(1);
    expect(over).toHaveLength(1);
    expect(Math.abs(dead[0].startSec - built.deadAir[0].startSec)).toBeLessThan(0.15);
    expect(Math.abs(over[0].startSec - built.overtalk[0].startSec)).toBeLessThan(0.15);
    expect(over[0].startedBy).toBe('customer');
  });

  it('several files give an array, in order', async () => {
    const run = await runCli(['call', 'call.wav', 'call.wav', '--agent', 'right', '--lang', 'zh', '--json'], dir);
    expect(run.status, run.stderr).toBe(0);
    const reports = JSON.parse(run.stdout) as CallReport[];
    expect(reports).toHaveLength(2);
    expect(reports[1]).toEqual(reports[0]);
  });

  it('the table shows the summary and the planted dead air and overtalk with m:ss', async () => {
    const run = await runCli(['call', 'call.wav', '--agent', 'right', '--lang', 'zh'], dir);
    expect(run.status, run.stderr).toBe(0);
    for (const label of ['talk share', 'turns', 'pace', 'response gaps', 'longest agent turn', 'findings']) expect(run.stdout).toContain(label);
    const report = await inProcess();
    expect(run.stdout).toMatch(new RegExp(`turns\\s+${report.turns.length} \\(`));
    const dead = report.findings.find((f) => f.id === 'deadAir')!;
    const over = report.findings.find((f) => f.id === 'overtalk')!;
    expect(run.stdout).toMatch(new RegExp(`${clock(dead.startSec)}–${clock(dead.endSec)}\\s+deadAir\\s`));
    expect(run.stdout).toMatch(new RegExp(`${clock(over.startSec)}–${clock(over.endSec)}\\s+overtalk\\s.*started by the customer`));
  });

  it('--csv has one row per finding with the same numbers', async () => {
    const run = await runCli(['call', 'call.wav', '--agent', 'right', '--lang', 'zh', '--csv'], dir);
    expect(run.status, run.stderr).toBe(0);
    const rows = run.stdout.trimEnd().split('\n').map((line) => line.split(','));
    expect(rows[0]).toEqual(['file', 'finding', 'start_s', 'end_s', 'duration_s', 'started_by', 'ratio']);
    const report = await inProcess();
    expect(rows.slice(1)).toEqual(report.findings.map((f) => [
      'call.wav', f.id, String(f.startSec), String(f.endSec), String(f.durationSec), f.startedBy ?? '', f.ratio === null ? '' : String(f.ratio),
    ]));
    expect(rows.slice(1).map((r) => r[1])).toEqual(expect.arrayContaining(['deadAir', 'overtalk']));
  });

  it.each([
    ['mono.wav', /^voicedrill: mono\.wav: cannot analyse: the call needs two channels \(agent and customer\), this file has one; give --agent mono for a mono call$/],
    ['three.wav', /^voicedrill: three\.wav: cannot analyse: the file has 3 channels; a call must be mono or stereo$/],
    ['empty.wav', /^voicedrill: empty\.wav: cannot decode: the file is empty \(0 bytes\)$/],
    ['notes.wav', /^voicedrill: notes\.wav: cannot decode: not a supported audio file/],
  ])('%s: one line on stderr, exit 1, the other file still analysed', async (file, message) => {
    const run = await runCli(['call', file, 'call.wav', '--agent', 'left', '--csv'], dir);
    expect(run.status).toBe(1);
    const lines = stderrLines(run);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
    expect(run.stdout.split('\n')[0]).toBe('file,finding,start_s,end_s,duration_s,started_by,ratio');
    expect(run.stdout).toContain('call.wav,');
  });

  it.each([
    [['call', 'call.wav'], /--agent is required: the channel the agent is on, left or right, or mono/],
    [['call', 'call.wav', '--agent', 'middle'], /--agent must be left, right or mono, not 'middle'/],
    [['call', 'call.wav', '--agent'], /--agent needs a value \(left or right/],
    [['call', 'call.wav', '--agent', 'left', '--json', '--csv'], /give either --json or --csv, not both/],
    [['call', '--agent', 'left'], /no files given; try: voicedrill call FILE\.\.\. --agent left\|right\|mono/],
    [['call', 'call.wav', '--agent', 'left', '--script', 'hello'], /--script is an option of voicedrill analyze, not of call/],
    [['analyze', 'call.wav', '--agent', 'left'], /--agent is an option of voicedrill call, not of analyze/],
  ])('usage error %j: exit 2, nothing on stdout', async (args, message) => {
    const run = await runCli(args, dir);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(stderrLines(run)[0]).toMatch(message);
  });

  it('--help names the call command', async () => {
    const run = await runCli(['--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('voicedrill call FILE... --agent left|right|mono [--agent-voice first|second] [--lang zh|en] [--json | --csv]');
  });
});

describe.runIf(haveTruth)('voicedrill call --agent mono', { timeout: 120_000 }, () => {
  let mono: BuiltCall;

  beforeAll(async () => {
    mono = planMonoCall(await loadPhrases('truth/keele/keele_f3.wav'), await loadPhrases('truth/keele/keele_m4.wav'), { seed: 3 });
    writeFileSync(join(dir, 'mono-call.wav'), encodeWav(mono.input.channels, MONO_FS, 16));
  });

  it('--json is analyzeCall mono on the same decoded samples: the voices told apart, each side\'s speech on its speaker', async () => {
    const run = await runCli(['call', 'mono-call.wav', '--agent', 'mono', '--lang', 'en', '--json'], dir);
    expect(run.status, run.stderr).toBe(0);
    const { channelData, sampleRate } = await decode(new Uint8Array(readFileSync(join(dir, 'mono-call.wav'))));
    const expected = { file: 'mono-call.wav', ...analyzeCall({ channels: channelData, sampleRateHz: sampleRate }, { agentChannel: 'mono', lang: 'en' }) };
    // The opening greeting (tests/cli/call-greeting.test.ts) follows the call report's fields.
    const { greeting, ...callFields } = JSON.parse(run.stdout) as CallReport & { greeting: unknown };
    expect(JSON.stringify(callFields, null, 2)).toBe(JSON.stringify(expected, null, 2));
    expect(greeting).toMatchObject({ drill: 'en-greeting4' });
    const report = callFields as CallReport;
    expect(report.diarisation?.confident).toBe(true);
    const agent = report.diarisation?.segments.filter((s) => s.speaker === 0) ?? [];
    const customer = report.diarisation?.segments.filter((s) => s.speaker === 1) ?? [];
    expect(attribution(mono, { agent, customer })).toBeGreaterThanOrEqual(0.85);
  });

  it('the table says the voices were told apart, with the separation', async () => {
    const run = await runCli(['call', 'mono-call.wav', '--agent', 'mono', '--lang', 'en'], dir);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('mono: both voices on one channel');
    expect(run.stdout).toMatch(/voices\s+two voices told apart \(separation \d+\.\d+\); the agent is the one who opens the call/);
  });

  it('--agent-voice second: the voice that does not open the call is the agent, every turn swapped, the table says so', async () => {
    const first = JSON.parse((await runCli(['call', 'mono-call.wav', '--agent', 'mono', '--lang', 'en', '--json'], dir)).stdout) as CallReport;
    const run = await runCli(['call', 'mono-call.wav', '--agent', 'mono', '--agent-voice', 'second', '--lang', 'en', '--json'], dir);
    expect(run.status, run.stderr).toBe(0);
    const second = JSON.parse(run.stdout) as CallReport;
    expect(second.diarisation?.agentSpeaker).toBe(1);
    expect(second.diarisation?.segments).toEqual(first.diarisation?.segments);
    const swap = (s: string): string => (s === 'agent' ? 'customer' : 'agent');
    expect(second.turns.map((t) => [t.speaker, t.startSec, t.endSec])).toEqual(first.turns.map((t) => [swap(t.speaker), t.startSec, t.endSec]));
    expect(second.turns.length).toBeGreaterThan(4);
    const table = await runCli(['call', 'mono-call.wav', '--agent', 'mono', '--agent-voice', 'second', '--lang', 'en'], dir);
    expect(table.stdout).toContain('the agent is the voice that does not open the call (--agent-voice second)');
  });

  it('--agent-voice without --agent mono, or with a bad value: a usage error', async () => {
    const stereo = await runCli(['call', 'call.wav', '--agent', 'left', '--agent-voice', 'second'], dir);
    expect(stereo.status).toBe(2);
    expect(stderrLines(stereo)[0]).toMatch(/--agent-voice chooses between the voices of a mono call; give it with --agent mono/);
    const bad = await runCli(['call', 'mono-call.wav', '--agent', 'mono', '--agent-voice', 'third'], dir);
    expect(bad.status).toBe(2);
    expect(stderrLines(bad)[0]).toMatch(/--agent-voice must be first or second, not 'third'/);
  });

  it('a stereo file with --agent mono: one line, exit 1', async () => {
    const run = await runCli(['call', 'call.wav', '--agent', 'mono', '--csv'], dir);
    expect(run.status).toBe(1);
    expect(stderrLines(run)).toEqual(['voicedrill: call.wav: cannot analyse: --agent mono needs a one-channel file, this file has 2; give --agent left or right for a stereo call']);
  });
});
