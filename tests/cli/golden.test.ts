/**
 * Golden files through the real entry point: `voicedrill analyze … --json` on the committed synthetic
 * WAVs of tests/fixtures/synth/ against tests/golden/*.json, with per-unit tolerances.
 * Rewrite them (after a deliberate change, with ANALYSIS_VERSION bumped): UPDATE_GOLDEN=1 npx vitest run tests/cli/golden
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli } from '../helpers/cli.ts';
import { compareWithTolerance } from '../helpers/tolerance.ts';

const GOLDEN_DIR = join(REPO_ROOT, 'tests/golden');
const SYNTH = 'tests/fixtures/synth';
const UPDATE = process.env.UPDATE_GOLDEN === '1';

/** Each golden: its name and the arguments after `analyze` (paths relative to the repository root). */
const CASES: { name: string; args: string[] }[] = [
  { name: 'vowel150-two-phrases', args: [`${SYNTH}/vowel150-two-phrases.wav`, '--lang', 'en'] },
  { name: 'greeting-zh', args: [`${SYNTH}/greeting-zh.wav`, '--lang', 'zh', '--script-file', `${SYNTH}/greeting-zh.txt`] },
  // The same take with key words marked: the emphasis list and verdict.
  { name: 'greeting-zh-emphasis', args: [`${SYNTH}/greeting-zh.wav`, '--lang', 'zh', '--script', '*早上*好，我是小王，很高兴为您*服务*。'] },
  { name: 'stereo-float32.left', args: [`${SYNTH}/stereo-float32.wav`, '--channel', 'left'] },
  { name: 'stereo-float32.right', args: [`${SYNTH}/stereo-float32.wav`, '--channel', 'right'] },
];

describe('golden reports', { timeout: 60_000 }, () => {
  it.each(CASES)('$name', async ({ name, args }) => {
    const run = await runCli(['analyze', ...args, '--json'], REPO_ROOT);
    expect(run.status, run.stderr).toBe(0);
    const actual: unknown = JSON.parse(run.stdout);
    const path = join(GOLDEN_DIR, `${name}.json`);
    if (UPDATE) {
      mkdirSync(GOLDEN_DIR, { recursive: true });
      writeFileSync(path, run.stdout);
      return;
    }
    expect(existsSync(path), `${path} is missing; create it with UPDATE_GOLDEN=1`).toBe(true);
    const golden: unknown = JSON.parse(readFileSync(path, 'utf8'));
    expect(compareWithTolerance(actual, golden)).toEqual([]);
  });
});
