/**
 * One code path: for the same bytes, `voicedrill analyze --json` prints exactly (byte for byte)
 * what analyzeToJson returns in-process after a plain audio-decode of the file, which is what the
 * app's worker will call.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import decode from 'audio-decode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalyzeOptions, AudioInput } from '../../src/analysis/index.ts';
import { analyzeToJson } from '../../src/analysis/report-json.ts';
import { REPO_ROOT, runCli } from '../helpers/cli.ts';
import { speechLike } from '../helpers/synth.ts';
import { encodeWav } from '../helpers/wav.ts';

const SCRIPT = '您好，我是小王，请问有什么可以帮您？';
const MP3 = resolve(REPO_ROOT, '../shared/fixtures/formats/en_ljspeech_LJ001-0004.mp3');

let dir = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'voicedrill-one-path-'));
  const phrase = { f0StartHz: 180, f0EndHz: 160, levelDbfs: -24, syllablesPerSec: 4.5 };
  const left = speechLike({
    sampleRateHz: 16000,
    durationSec: 3.2,
    noiseDbfs: -66,
    seed: 21,
    phrases: [
      { ...phrase, startSec: 0.25, endSec: 1.35 },
      { ...phrase, startSec: 1.8, endSec: 2.9, f0StartHz: 200 },
    ],
  });
  const right = speechLike({ sampleRateHz: 16000, durationSec: 3.2, noiseDbfs: -60, seed: 22, phrases: [] });
  writeFileSync(join(dir, 'stereo.wav'), encodeWav([left, right], 16000, 16));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function inProcess(path: string, options: AnalyzeOptions, label: string): Promise<string> {
  const { channelData, sampleRate } = await decode(new Uint8Array(readFileSync(path)));
  const input: AudioInput = { channels: channelData, sampleRateHz: sampleRate };
  return JSON.stringify(analyzeToJson(input, options, label), null, 2) + '\n';
}

describe('one code path for the CLI and the app', { timeout: 60_000 }, () => {
  it.each<[string, string[], AnalyzeOptions]>([
    ['defaults', [], {}],
    ['zh script, left channel', ['--lang', 'zh', '--script', SCRIPT, '--channel', 'left'], { lang: 'zh', script: SCRIPT, channel: 'left' }],
    ['en, right channel', ['--lang', 'en', '--channel', 'right'], { lang: 'en', channel: 'right' }],
  ])('synthetic stereo WAV, %s', async (_name, args, options) => {
    const run = await runCli(['analyze', 'stereo.wav', ...args, '--json'], dir);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe(await inProcess(join(dir, 'stereo.wav'), options, 'stereo.wav'));
  });

  it.skipIf(!existsSync(MP3))('shared MP3 fixture (streamed decode in the CLI, whole-file decode here)', async () => {
    const run = await runCli(['analyze', MP3, '--json'], dir);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe(await inProcess(MP3, {}, MP3));
  });
});
