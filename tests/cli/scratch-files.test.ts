/**
 * The CLI's scratch files for a call's stored signal (cli/scratch-files.ts): unlinked as soon as they are open,
 * bytes read back as written, closed by release; a 140 s call (twoPageCall: two 16 kHz pages per channel in the files) gives
 * `voicedrill call` the report analyzeCall gives in memory, and the same when no scratch file can be made.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import decode from 'audio-decode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callScratch } from '../../cli/scratch-files.ts';
import { analyzeCall } from '../../src/analysis/index.ts';
import { runCli } from '../helpers/cli.ts';
import { twoPageCall } from '../helpers/memory-scratch.ts';
import { encodeWav } from '../helpers/wav.ts';

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'voicedrill-scratch-'));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('callScratch', () => {
  it('leaves no name in the folder, reads back what was written at any offset, and closes every file on release', () => {
    const scratch = callScratch(dir);
    const a = scratch.open();
    const b = scratch.open();
    expect(a && b).toBeTruthy();
    expect(readdirSync(dir)).toEqual([]);
    const page = Uint8Array.from({ length: 5000 }, (_, i) => (i * 31) % 251);
    a!.write(3 * 4096, page);
    b!.write(0, page.subarray(0, 10));
    const back = new Uint8Array(5000);
    a!.read(3 * 4096, back);
    expect(back).toEqual(page);
    expect(() => a!.read(3 * 4096 + 1, back)).toThrow(/ended 1 bytes early/);
    // The descriptors are open until release, closed after it.
    const openFds = (): number => readdirSync('/proc/self/fd').length;
    const before = openFds();
    scratch.release();
    expect(openFds()).toBe(before - 2);
  });

  it('gives no file where none can be made (the store then keeps its signal in memory)', () => {
    const scratch = callScratch(join(dir, 'no-such-folder'));
    expect(scratch.open()).toBeUndefined();
    scratch.release();
  });
});

describe('voicedrill call with its signal in scratch files', { timeout: 120_000 }, () => {
  it('gives the in-memory report for a call longer than two pages, with or without a usable temporary folder', async () => {
    const built = twoPageCall();
    writeFileSync(join(dir, 'long.wav'), encodeWav(built.input.channels, 8000, 16));
    const { channelData, sampleRate } = await decode(new Uint8Array(readFileSync(join(dir, 'long.wav'))));
    const expected = JSON.stringify({ file: 'long.wav', ...analyzeCall({ channels: channelData, sampleRateHz: sampleRate }, { agentChannel: 'left', lang: 'en' }) }, null, 2);
    const temp = mkdtempSync(join(tmpdir(), 'voicedrill-scratch-tmp-'));
    try {
      for (const tmp of [temp, join(temp, 'no-such-folder')]) {
        const run = await runCli(['call', 'long.wav', '--agent', 'left', '--lang', 'en', '--json'], dir, { ...process.env, TMPDIR: tmp });
        expect(run.status, run.stderr).toBe(0);
        const { greeting: _greeting, ...callFields } = JSON.parse(run.stdout) as Record<string, unknown>;
        expect(JSON.stringify(callFields, null, 2)).toBe(expected);
        // (tsx, which runs the CLI from source, keeps a cache folder there.)
        expect(readdirSync(temp).filter((name) => name.startsWith('voicedrill'))).toEqual([]);
      }
    } finally {
      rmSync(temp, { recursive: true, force: true });
    }
  });
});
