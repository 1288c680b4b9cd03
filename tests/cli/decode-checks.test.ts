/** Truncated WAV headers, declared mp3 lengths and captured decoder errors, on crafted bytes. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { damagedFramesMessage, wavFileTruncation, withDecoderErrors } from '../../cli/decode-checks.ts';
import { declaredDurationSec } from '../../cli/mp3-priming.ts';
import { encodeWav } from '../helpers/wav.ts';

describe('wavFileTruncation (the WAV reader of src/media, on a file)', () => {
  // 1 s of 8 kHz stereo 16-bit: 32,000 data bytes after a 44-byte header.
  const wav = encodeWav([new Float32Array(8000), new Float32Array(8000)], 8000, 16);
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'voicedrill-decode-checks-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const truncation = (bytes: Uint8Array): Promise<string | null> => {
    const path = join(dir, 'x.wav');
    writeFileSync(path, bytes);
    return wavFileTruncation(path);
  };

  it('a whole file is not truncated', async () => {
    expect(await truncation(wav)).toBeNull();
  });

  it('a file cut short says how much its header declares and how much is there', async () => {
    expect(await truncation(wav.subarray(0, 44 + 8000))).toBe('the file is truncated: its header declares 1.00 s of audio but only 0.25 s is there');
  });

  it('a streaming writer\'s unknown data size (0 or 0xFFFFFFFF) and non-WAV bytes are left to the decoder', async () => {
    const unknown = wav.slice();
    new DataView(unknown.buffer).setUint32(40, 0xffffffff, true);
    expect(await truncation(unknown.subarray(0, 1000))).toBeNull();
    expect(await truncation(new TextEncoder().encode('not a wav at all'))).toBeNull();
  });
});

describe('declaredDurationSec', () => {
  it('reads the Xing frame count of an MPEG-2 mono frame: frames × 576 ÷ rate', () => {
    const frame = new Uint8Array(64);
    frame.set([0xff, 0xf3, 0x88, 0xc0]); // MPEG-2 layer III, no CRC, 16 kHz (index 2), mono
    frame.set([...'Xing'].map((c) => c.charCodeAt(0)), 13);
    new DataView(frame.buffer).setUint32(17, 0x01);
    new DataView(frame.buffer).setUint32(21, 1000);
    expect(declaredDurationSec(frame)).toBeCloseTo((1000 * 576) / 16000, 9);
  });
});

describe('withDecoderErrors', () => {
  it('collects console.error during the work, restores it after, even when the work throws', async () => {
    const original = console.error;
    const { result, errors } = await withDecoderErrors(async () => {
      console.error('mpg123-decoder: -1 MPG123_ERR');
      return 7;
    });
    expect(result).toBe(7);
    expect(errors).toEqual(['mpg123-decoder: -1 MPG123_ERR']);
    expect(console.error).toBe(original);
    await expect(withDecoderErrors(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(console.error).toBe(original);
    expect(damagedFramesMessage(errors)).toBe('the audio data is damaged: the decoder could not read 1 part of it (-1 MPG123_ERR)');
  });
});
