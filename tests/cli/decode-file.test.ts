/** cli/decode-file.ts in-process: limits (injected small), sanity checks and format sniffing. */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeFile, DECODE_LIMITS, DecodeError, formatBytes } from '../../cli/decode-file.ts';
import { sniffFormat, SNIFF_BYTES } from '../../cli/sniff-format.ts';
import { REPO_ROOT } from '../helpers/cli.ts';
import { encodeWav } from '../helpers/wav.ts';

const FORMATS_DIR = resolve(REPO_ROOT, '../shared/fixtures/formats');

let dir = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'voicedrill-decode-'));
  const twoSec = Float32Array.from({ length: 16000 }, (_, i) => 0.25 * Math.sin((2 * Math.PI * 200 * i) / 8000));
  writeFileSync(join(dir, 'two-sec-8k.wav'), encodeWav([twoSec], 8000, 16));
  writeFileSync(join(dir, 'two-sec-8k-stereo-float.wav'), encodeWav([twoSec, twoSec], 8000, 'float32'));
  const withNaN = twoSec.slice();
  withNaN[100] = NaN;
  writeFileSync(join(dir, 'nan.wav'), encodeWav([withNaN], 8000, 'float32'));
  // A valid RIFF/WAVE header whose chunks hold no audio.
  writeFileSync(join(dir, 'header-only.wav'), Buffer.from('RIFF\x1c\x00\x00\x00WAVEjunk\x08\x00\x00\x00abcdefgh', 'latin1'));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function reason(path: string, limits = DECODE_LIMITS): Promise<string> {
  try {
    await decodeFile(path, limits);
  } catch (err) {
    expect(err).toBeInstanceOf(DecodeError);
    return (err as Error).message;
  }
  throw new Error(`${path} decoded although it should not`);
}

describe('decodeFile', () => {
  it('decodes 16-bit and float32 WAV with their rate and channels', async () => {
    const mono = await decodeFile(join(dir, 'two-sec-8k.wav'));
    expect(mono.sampleRateHz).toBe(8000);
    expect(mono.channels.map((c) => c.length)).toEqual([16000]);
    const stereo = await decodeFile(join(dir, 'two-sec-8k-stereo-float.wav'));
    expect(stereo.channels.map((c) => c.length)).toEqual([16000, 16000]);
    expect(stereo.channels[1][123]).toBe(Math.fround(0.25 * Math.sin((2 * Math.PI * 200 * 123) / 8000)));
  });

  it('stops at the duration limit while decoding', async () => {
    expect(await reason(join(dir, 'two-sec-8k.wav'), { ...DECODE_LIMITS, maxDurationSec: 1 })).toBe(
      'the recording is longer than 1 second, the limit; cut it into shorter pieces first',
    );
  });

  it('stops at the sample limit (all channels counted)', async () => {
    const limits = { ...DECODE_LIMITS, maxSamples: 20000 };
    await expect(decodeFile(join(dir, 'two-sec-8k.wav'), limits)).resolves.toBeDefined();
    expect(await reason(join(dir, 'two-sec-8k-stereo-float.wav'), limits)).toMatch(/^too much audio to analyse \(2 channels at 8000 Hz/);
  });

  it('refuses a file over the size limit', async () => {
    expect(await reason(join(dir, 'two-sec-8k.wav'), { ...DECODE_LIMITS, maxFileBytes: 1024 })).toBe(
      'the file is 31 KB, over the 1 KB limit; cut it into shorter pieces first',
    );
  });

  it('refuses audio with NaN samples and a WAV without audio', async () => {
    expect(await reason(join(dir, 'nan.wav'))).toBe('the audio contains invalid samples (NaN or infinity)');
    // Refused by the one WAV reader (src/media) before decoding, naming what is missing.
    expect(await reason(join(dir, 'header-only.wav'))).toBe('the WAV file has no format chunk');
  });

  it('formats sizes for people', () => {
    expect(formatBytes(1024 ** 3)).toBe('1 GB');
    expect(formatBytes(1.5 * 1024 ** 3)).toBe('1.5 GB');
    expect(formatBytes(200 * 1024)).toBe('200 KB');
  });
});

describe.skipIf(!existsSync(FORMATS_DIR))('sniffFormat on the shared format fixtures', () => {
  const expected: Record<string, string> = { flac: 'flac', mp3: 'mp3', wav: 'wav', m4a: 'm4a', ogg: 'opus', webm: 'webm' };
  it.each(existsSync(FORMATS_DIR) ? readdirSync(FORMATS_DIR) : [])('%s', (name) => {
    const head = readFileSync(join(FORMATS_DIR, name)).subarray(0, SNIFF_BYTES);
    const ext = name.split('.').pop() ?? '';
    // An MP3 starting with an ID3 tag is recognised after the tag (decode-file.ts), not from the head.
    if (ext === 'mp3' && head.subarray(0, 3).toString() === 'ID3') return;
    expect(sniffFormat(new Uint8Array(head))).toBe(expected[ext]);
  });
});
