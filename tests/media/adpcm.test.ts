/**
 * ADPCM WAV, the encodings of many call recorders — IMA (format 0x11) and Microsoft (format 0x2): the shared
 * reader decodes them sample for sample as SoX does (SoX's ima_rw.c follows the IMA reference decoder, adding
 * the step's fractions by shifts; its adpcm.c is Microsoft's; SoX encodes the test signal and decodes its own
 * file to 16-bit PCM: the reference), read whole or in small pieces, mono and stereo; a header whose samples per
 * block disagree with its block size is refused, as is a Microsoft coefficient table longer than its chunk.
 * (ffmpeg's IMA decoder computes (2d+1)·step/8 exactly instead and drifts up to ~30 LSB from both.)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readWavLayout, WavError, wavBlocks, type ReadBytes } from '../../src/media/index.ts';
import { encodeWav } from '../helpers/wav.ts';

/** 3.3 s per channel: a rising tone with a syllable-rate swell, and seeded noise (steps both small and large). */
function signal(channelCount: number, rateHz: number): Float32Array[] {
  let seed = 7;
  const noise = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648) - 0.5;
  return Array.from({ length: channelCount }, (_, c) => Float32Array.from({ length: Math.round(3.3 * rateHz) }, (_, i) => {
    const t = i / rateHz;
    return 0.6 * Math.sin(2 * Math.PI * (150 + 60 * c + 40 * t) * t) * (0.55 + 0.45 * Math.sin(2 * Math.PI * 4 * t)) + 0.05 * noise();
  }));
}

const HAVE_SOX = spawnSync('sox', ['--version']).status === 0;
const readerOf = (bytes: Uint8Array): ReadBytes => async (offset, length) => bytes.slice(offset, offset + length);

async function readAll(bytes: Uint8Array, pieceBytes: number): Promise<Float32Array[]> {
  const layout = await readWavLayout(readerOf(bytes), bytes.length, 'call.wav');
  const parts: Float32Array[][] = [];
  for await (const block of wavBlocks(readerOf(bytes), layout, 'call.wav', { pieceBytes })) parts.push(block);
  return Array.from({ length: layout.channelCount }, (_, c) => {
    const out = new Float32Array(parts.reduce((n, p) => n + p[c].length, 0));
    let at = 0;
    for (const p of parts) { out.set(p[c], at); at += p[c].length; }
    return out;
  });
}

/** Frames per block that each encoding's block size gives (IMA: the header's sample and 2 per byte; Microsoft: two header samples). */
const FRAMES_PER_BLOCK = {
  'ima-adpcm': (blockAlign: number, channels: number): number => ((blockAlign - 4 * channels) * 2) / channels + 1,
  'ms-adpcm': (blockAlign: number, channels: number): number => ((blockAlign - 7 * channels) * 2) / channels + 2,
};

describe.runIf(HAVE_SOX)('ADPCM WAV', () => {
  const dir = mkdtempSync(join(tmpdir(), 'voicedrill-adpcm-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([['ima-adpcm', 1, 8000], ['ima-adpcm', 2, 16000], ['ms-adpcm', 1, 8000], ['ms-adpcm', 2, 16000]] as const)('%s, %i channel(s) at %i Hz: every sample as SoX decodes it, whole or in pieces', async (encoding, channelCount, rateHz) => {
    const source = join(dir, `source-${channelCount}.wav`);
    const adpcm = join(dir, `${encoding}-${channelCount}.wav`);
    const reference = join(dir, `reference-${encoding}-${channelCount}.raw`);
    writeFileSync(source, encodeWav(signal(channelCount, rateHz), rateHz, 16));
    for (const args of [[source, '-e', encoding, adpcm], [adpcm, '-e', 'signed-integer', '-b', '16', '-t', 'raw', reference]]) {
      const run = spawnSync('sox', args);
      expect(run.status, run.stderr.toString()).toBe(0);
    }
    const bytes = new Uint8Array(readFileSync(adpcm));
    const layout = await readWavLayout(readerOf(bytes), bytes.length, 'call.wav');
    expect(layout).toMatchObject({ encoding, bitsPerSample: 4, channelCount, sampleRateHz: rateHz });
    expect(layout.framesPerBlock).toBe(FRAMES_PER_BLOCK[encoding](layout.blockAlign, channelCount));
    const raw = new Uint8Array(readFileSync(reference));
    const pcm = new Int16Array(raw.buffer, raw.byteOffset, raw.length / 2);
    const whole = await readAll(bytes, 1 << 20);
    const pieces = await readAll(bytes, 3 * layout.blockAlign + 1);
    console.log(`${encoding} ${channelCount} ch ${rateHz} Hz: ${layout.blockAlign}-byte blocks of ${layout.framesPerBlock} frames; ${layout.frames} frames read, SoX ${pcm.length / channelCount}`);
    // SoX also decodes the last, partial block; the reader stops at the last whole one.
    expect(layout.frames).toBeGreaterThan(pcm.length / channelCount - layout.framesPerBlock);
    expect(layout.frames).toBeLessThanOrEqual(pcm.length / channelCount);
    for (let c = 0; c < channelCount; c++) {
      expect(whole[c].length).toBe(layout.frames);
      let worst = 0;
      let total = 0;
      for (let i = 0; i < layout.frames; i++) {
        const d = Math.abs(whole[c][i] * 32768 - pcm[i * channelCount + c]);
        worst = Math.max(worst, d);
        total += d;
      }
      console.log(`  channel ${c}: worst ${worst} LSB, mean ${(total / layout.frames).toFixed(3)} LSB from SoX`);
      expect(worst).toBe(0);
      expect(pieces[c]).toEqual(whole[c]);
    }
  });

  it.each(['ima-adpcm', 'ms-adpcm'])('%s: refuses a header whose samples per block disagree with its block size', async (encoding) => {
    const bytes = new Uint8Array(readFileSync(join(dir, `${encoding}-1.wav`)));
    const bad = bytes.slice();
    const view = new DataView(bad.buffer);
    view.setUint16(38, view.getUint16(38, true) + 1, true); // samplesPerBlock, after cbSize at 36
    const error = await readWavLayout(readerOf(bad), bad.length, 'call.wav').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WavError);
    expect((error as WavError).message).toMatch(/^call\.wav: the WAV header contradicts itself \(1 channels, 8000 Hz, 4 bits, \d+ bytes per block\)\.$/);
  });

  it('Microsoft ADPCM: the coefficient table is the file\'s own; one longer than its chunk is refused', async () => {
    const bytes = new Uint8Array(readFileSync(join(dir, 'ms-adpcm-2.wav')));
    const layout = await readWavLayout(readerOf(bytes), bytes.length, 'call.wav');
    expect(layout.coefficients).toEqual([[256, 0], [512, -256], [0, 0], [192, 64], [240, 0], [460, -208], [392, -232]]);
    // The table reversed in the header and every block's predictor indices mapped to match: the same samples.
    const reversed = bytes.slice();
    const view = new DataView(reversed.buffer);
    layout.coefficients?.forEach(([a, b], k) => {
      view.setInt16(42 + 4 * (6 - k), a, true);
      view.setInt16(44 + 4 * (6 - k), b, true);
    });
    const used = new Set<number>();
    for (let at = layout.dataOffset; at < layout.dataOffset + layout.dataBytes; at += layout.blockAlign) {
      for (let c = 0; c < 2; c++) {
        used.add(reversed[at + c]);
        reversed[at + c] = 6 - reversed[at + c];
      }
    }
    expect(used.size).toBeGreaterThan(1); // SoX chose several predictors: the test reaches the table
    expect(await readAll(reversed, 1 << 20)).toEqual(await readAll(bytes, 1 << 20));
    const tooLong = bytes.slice();
    new DataView(tooLong.buffer).setUint16(40, 200, true); // 200 pairs declared in a 50-byte chunk
    const error = await readWavLayout(readerOf(tooLong), tooLong.length, 'call.wav').catch((e: unknown) => e);
    expect((error as WavError).message).toBe('call.wav: the WAV format chunk is too short for the ADPCM coefficient table it declares.');
  });
});
