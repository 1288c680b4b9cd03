/** `voicedrill roster`, run for real as a child process on results files written to a temp dir. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeResultsFile } from '../../src/packs/results-file.ts';
import type { ResultsJson } from '../../src/packs/types.ts';
import { runCli, stderrLines } from '../helpers/cli.ts';
import { take, validResults } from '../packs/results-fixture.ts';

let dir = '';
const path = (name: string): string => join(dir, name);

/** Li Na: two attempts on hello (due 2000-01-01, 2 required: complete), one on bye. */
const LI_NA: ResultsJson = (() => {
  const r = validResults([
    take('t1', 'hello', '2026-12-01T09:00:00.000Z', 150, 'good', { model: { rateRatio: 1.1, pitchVarietyRatio: 0.8, contourDistanceSt: 1.5 } }),
    take('t2', 'hello', '2026-12-01T10:00:00.000Z', 200, 'high'),
    take('t4', 'bye', '2026-12-01T09:05:00.000Z', 180, 'high'),
  ]);
  r.pack.drills[0].dueDate = '2000-01-01';
  return r;
})();
/** 王芳 (=cmd): no takes; hello is overdue. */
const WANG: ResultsJson = { ...LI_NA, agent: { id: 'w-2', name: '=王芳' }, takes: [] };

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'voicedrill-roster-'));
  writeFileSync(path('li.vdresults'), writeResultsFile(LI_NA, new Map()));
  writeFileSync(path('wang.vdresults'), writeResultsFile(WANG, new Map()));
  writeFileSync(path('bad.vdresults'), new TextEncoder().encode('{"format": "voicedrill-results"}'));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TABLE = [
  'Agent  Agent id  Pack       Drill  Attempts  Due         Overdue  rate  volume',
  '=王芳  w-2       greetings  hello  0/2       2000-01-01  OVERDUE  –     –',
  '=王芳  w-2       greetings  bye    0/1       –                    –     –',
  'Li Na  a-1       greetings  hello  2/2 done  2000-01-01           high  good',
  'Li Na  a-1       greetings  bye    1/1 done  –                    high  good',
  '',
].join('\n');

describe('voicedrill roster', () => {
  it('prints the table of agents × drills (wide characters padded as two columns)', async () => {
    const run = await runCli(['roster', path('li.vdresults'), path('wang.vdresults')]);
    expect(stderrLines(run)).toEqual([]);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(TABLE);
  });

  it('the same file twice changes nothing', async () => {
    const run = await runCli(['roster', path('wang.vdresults'), path('li.vdresults'), path('li.vdresults')]);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(TABLE);
  });

  it('--csv prints a row per agent, drill and guideline, formulas defused', async () => {
    const run = await runCli(['roster', '--csv', path('li.vdresults'), path('wang.vdresults')]);
    expect(run.status).toBe(0);
    expect(run.stdout.split('\r\n')).toEqual([
      'agent,agent_id,pack,drill_id,drill_title,attempts,required,due,overdue,complete,guideline,latest_value,latest_status,best_value,best_status,trend,model_rate_ratio,model_pitch_variety_ratio,model_contour_distance_st',
      "'=王芳,w-2,greetings,hello,Hello,0,2,2000-01-01,yes,no,,,,,,,,,",
      "'=王芳,w-2,greetings,bye,Bye,0,1,,no,no,,,,,,,,,",
      "Li Na,a-1,greetings,hello,Hello,2,2,2000-01-01,no,yes,rate,200,high,150,good,150 200,,,",
      "Li Na,a-1,greetings,hello,Hello,2,2,2000-01-01,no,yes,volume,-21.5,good,-21.5,good,'-21.5 -21.5,,,",
      'Li Na,a-1,greetings,bye,Bye,1,1,,no,yes,rate,180,high,180,high,180,,,',
      'Li Na,a-1,greetings,bye,Bye,1,1,,no,yes,volume,-21.5,good,-21.5,good,-21.5,,,',
      '',
    ]);
  });

  it('a bad file gets one line naming it and why; the others are still read; exit 1', async () => {
    const run = await runCli(['roster', path('bad.vdresults'), path('missing.vdresults'), path('li.vdresults')]);
    expect(run.status).toBe(1);
    expect(stderrLines(run)).toEqual([
      `voicedrill: ${path('bad.vdresults')}: cannot read results: This results file is not a VoiceDrill file (it is not a zip container)`,
      `voicedrill: ${path('missing.vdresults')}: cannot read results: no such file`,
    ]);
    const lines = TABLE.split('\n');
    expect(run.stdout).toBe([lines[0], lines[3], lines[4], ''].join('\n'));
  });

  it('no file is a usage error (exit 2), and --help lists the command', async () => {
    const none = await runCli(['roster']);
    expect(none.status).toBe(2);
    expect(stderrLines(none)).toEqual(['voicedrill: roster needs at least one results file; try: voicedrill roster results/*.vdresults']);
    const unknown = await runCli(['roster', '--json', path('li.vdresults')]);
    expect(unknown.status).toBe(2);
    expect(stderrLines(unknown)).toEqual(["voicedrill: roster: unknown option '--json'"]);
    expect(unknown.stdout).toBe('');
    const help = await runCli(['--help']);
    expect(help.stdout).toContain('voicedrill roster RESULTS... [--csv]');
  });
});
