/**
 * src/media's WAV reader (the call worker's and the CLI's) over a buffer: every PCM width and float,
 * G.711 A-law and µ-law, WAVE_FORMAT_EXTENSIBLE, chunks before the audio, odd-sized chunks, block
 * boundaries anywhere; and a file that cannot be read gives the right kind and one sentence naming it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeWavBlock, readWavLayout, WavError, wavBlocks, type ReadBytes } from '../../src/media/index.ts';
import { encodeWav, testChannels } from '../helpers/wav.ts';

const HAVE_FFMPEG = spawnSync('ffmpeg', ['-version']).status === 0;

const readerOf = (bytes: Uint8Array): ReadBytes => async (offset, length) => bytes.slice(offset, offset + length);

type Coding = { format: number; bits: number; extensible?: boolean };

/** A WAV built by hand: any PCM width or float, optionally extensible, with extra chunks before fmt and data. */
function wavBytes(channels: Float32Array[], rateHz: number, coding: Coding, extra: { beforeFmt?: number; beforeData?: number; declaredDataBytes?: number; cutBytes?: number } = {}): Uint8Array {
  const n = channels.length;
  const frames = channels[0].length;
  const width = coding.bits / 8;
  const parts: number[] = [];
  const u16 = (x: number): void => { parts.push(x & 255, (x >> 8) & 255); };
  const u32 = (x: number): void => { u16(x & 0xffff); u16((x >>> 16) & 0xffff); };
  const text = (s: string): void => { for (const ch of s) parts.push(ch.charCodeAt(0)); };
  const junk = (id: string, size: number): void => {
    text(id); u32(size);
    for (let i = 0; i < size; i++) parts.push(7);
    if (size % 2) parts.push(0);
  };
  text('RIFF'); u32(0); text('WAVE');
  if (extra.beforeFmt) junk('LIST', extra.beforeFmt);
  text('fmt ');
  u32(coding.extensible ? 40 : 16);
  u16(coding.extensible ? 0xfffe : coding.format);
  u16(n); u32(rateHz); u32(rateHz * n * width); u16(n * width); u16(coding.bits);
  if (coding.extensible) {
    u16(22); u16(coding.bits); u32(3);
    u16(coding.format); for (let i = 0; i < 14; i++) parts.push(0);
  }
  if (extra.beforeData) junk('junk', extra.beforeData);
  text('data');
  u32(extra.declaredDataBytes ?? frames * n * width);
  const view = new DataView(new ArrayBuffer(8));
  for (let i = 0; i < frames; i++) {
    for (let c = 0; c < n; c++) {
      const x = channels[c][i];
      if (coding.format === 3 && coding.bits === 32) { view.setFloat32(0, x, true); parts.push(...new Uint8Array(view.buffer, 0, 4)); }
      else if (coding.format === 3) { view.setFloat64(0, x, true); parts.push(...new Uint8Array(view.buffer, 0, 8)); }
      else if (coding.bits === 8) parts.push(Math.round(x * 127) + 128);
      else {
        const v = Math.round(x * (2 ** (coding.bits - 1) - 1));
        for (let b = 0; b < width; b++) parts.push(Number((BigInt(v) >> BigInt(8 * b)) & 255n));
      }
    }
  }
  const bytes = Uint8Array.from(parts);
  new DataView(bytes.buffer).setUint32(4, bytes.length - 8, true);
  return extra.cutBytes ? bytes.slice(0, bytes.length - extra.cutBytes) : bytes;
}

async function decodeAll(bytes: Uint8Array, blockFrames: number): Promise<Float32Array[]> {
  const layout = await readWavLayout(readerOf(bytes), bytes.length, 'test.wav');
  const out: number[][] = Array.from({ length: layout.channelCount }, () => []);
  for await (const block of wavBlocks(readerOf(bytes), layout, 'test.wav', { pieceBytes: blockFrames * layout.blockAlign })) block.forEach((c, k) => out[k].push(...c));
  return out.map((c) => Float32Array.from(c));
}

const maxError = (a: Float32Array, b: Float32Array): number => a.reduce((m, x, i) => Math.max(m, Math.abs(x - b[i])), 0);

describe('WAV chunk reader', () => {
  const frames = 1001;
  const channels = testChannels(frames);
    // Tolerances: the writers scale by 2^(b−1) − 1 and the reader divides by 2^(b−1) (full scale −1 exact), so up to 2 steps.
  const codings: [string, Coding, number][] = [
    ['8-bit', { format: 1, bits: 8 }, 1 / 64],
    ['16-bit', { format: 1, bits: 16 }, 1 / 16384],
    ['24-bit', { format: 1, bits: 24 }, 1e-6],
    ['32-bit int', { format: 1, bits: 32 }, 1e-7],
    ['32-bit float', { format: 3, bits: 32 }, 1e-7],
    ['64-bit float', { format: 3, bits: 64 }, 1e-7],
    ['24-bit extensible', { format: 1, bits: 24, extensible: true }, 1e-6],
    ['float extensible', { format: 3, bits: 32, extensible: true }, 1e-7],
  ];
  for (const [name, coding, tolerance] of codings) {
    it(`reads ${name} PCM in blocks of any size, across odd chunks before fmt and data`, async () => {
      const bytes = wavBytes(channels, 8000, coding, { beforeFmt: 13, beforeData: 5 });
      const layout = await readWavLayout(readerOf(bytes), bytes.length, 'x.wav');
      expect(layout).toMatchObject({ channelCount: 2, sampleRateHz: 8000, frames, encoding: coding.format === 3 ? 'float' : 'int', bitsPerSample: coding.bits });
      for (const blockFrames of [1, 7, 256, frames, 5000]) {
        const decoded = await decodeAll(bytes, blockFrames);
        expect(decoded.map((c) => c.length)).toEqual([frames, frames]);
        expect(maxError(decoded[0], channels[0]), `${name} left, blocks of ${blockFrames}`).toBeLessThanOrEqual(tolerance);
        expect(maxError(decoded[1], channels[1]), `${name} right, blocks of ${blockFrames}`).toBeLessThanOrEqual(tolerance);
      }
    });
  }

  it('matches the project’s WAV writer (16-bit and float) sample for sample', async () => {
    for (const encoding of [16, 'float32'] as const) {
      const bytes = encodeWav(channels, 44100, encoding);
      const decoded = await decodeAll(bytes, 100);
      const layout = await readWavLayout(readerOf(bytes), bytes.length, 'w.wav');
      const direct = decodeWavBlock(bytes.subarray(layout.dataOffset, layout.dataOffset + layout.dataBytes), layout);
      expect(decoded).toEqual(direct);
      expect(maxError(decoded[0], channels[0])).toBeLessThanOrEqual(encoding === 16 ? 1 / 16384 : 1e-7);
    }
  });

  it('gives the same samples when it reuses one buffer and one set of arrays for every piece (the CLI’s way)', async () => {
    for (const coding of [{ format: 1, bits: 16 }, { format: 1, bits: 24 }, { format: 3, bits: 32 }]) {
      const bytes = wavBytes(channels, 8000, coding, { beforeData: 3 });
      const layout = await readWavLayout(readerOf(bytes), bytes.length, 'r.wav');
      const pieces: Float32Array[][] = [];
      const arrays = new Set<ArrayBufferLike>();
      for await (const block of wavBlocks(readerOf(bytes), layout, 'r.wav', { pieceBytes: 300 * layout.blockAlign, reuse: true })) {
        arrays.add(block[0].buffer);
        pieces.push(block.map((c) => c.slice()));
      }
      expect(arrays.size).toBe(1);
      expect(pieces.map((p) => p[0].length)).toEqual([300, 300, 300, 101]);
      const joined = [0, 1].map((c) => Float32Array.from(pieces.flatMap((p) => [...p[c]])));
      expect(joined).toEqual(await decodeAll(bytes, 300));
    }
  });

  it('reusing, replaces a channel array transferred away (the call worker hands the right channel to its side worker) and keeps the other', async () => {
    const bytes = wavBytes(channels, 8000, { format: 1, bits: 16 });
    const layout = await readWavLayout(readerOf(bytes), bytes.length, 'r.wav');
    const pieces: Float32Array[][] = [];
    const left = new Set<ArrayBufferLike>();
    const right = new Set<ArrayBufferLike>();
    for await (const block of wavBlocks(readerOf(bytes), layout, 'r.wav', { pieceBytes: 300 * layout.blockAlign, reuse: true })) {
      left.add(block[0].buffer);
      right.add(block[1].buffer);
      pieces.push([block[0].slice(), block[1].slice()]);
      // As postMessage with a transfer list does: the buffer is detached here.
      if (block[1].length === block[1].buffer.byteLength / 4) structuredClone(block[1], { transfer: [block[1].buffer] });
    }
    expect(pieces.map((p) => p[0].length)).toEqual([300, 300, 300, 101]);
    expect([left.size, right.size]).toEqual([1, 4]);
    const joined = [0, 1].map((c) => Float32Array.from(pieces.flatMap((p) => [...p[c]])));
    expect(joined).toEqual(await decodeAll(bytes, 300));
  });

  it('decodes 16-bit PCM the same through its Int16Array path and at an odd byte offset (the DataView path)', async () => {
    const bytes = wavBytes(channels, 8000, { format: 1, bits: 16 });
    const layout = await readWavLayout(readerOf(bytes), bytes.length, 'x.wav');
    const data = bytes.slice(layout.dataOffset, layout.dataOffset + layout.dataBytes);
    const odd = new Uint8Array(data.length + 1);
    odd.set(data, 1);
    expect(decodeWavBlock(odd.subarray(1), layout)).toEqual(decodeWavBlock(data, layout));
    expect(maxError(decodeWavBlock(data, layout)[1], channels[1])).toBeLessThanOrEqual(1 / 16384);
  });

  it('full-scale 16-bit and 24-bit values map to −1 and just under 1', () => {
    const layout16 = { encoding: 'int' as const, bitsPerSample: 16, channelCount: 1, sampleRateHz: 8000, blockAlign: 2, dataOffset: 0, dataBytes: 4, frames: 2 };
    expect([...decodeWavBlock(Uint8Array.from([0x00, 0x80, 0xff, 0x7f]), layout16)[0]]).toEqual([-1, 32767 / 32768]);
    const layout24 = { ...layout16, bitsPerSample: 24, blockAlign: 3, dataBytes: 6 };
    expect([...decodeWavBlock(Uint8Array.from([0, 0, 0x80, 0xff, 0xff, 0x7f]), layout24)[0]]).toEqual([-1, 8388607 / 8388608]);
  });

  const refusal = async (bytes: Uint8Array): Promise<string> => {
    try {
      await readWavLayout(readerOf(bytes), bytes.length, 'bad.wav');
      return 'read';
    } catch (e) {
      expect(e).toBeInstanceOf(WavError);
      return `${(e as WavError).kind}: ${(e as WavError).message}`;
    }
  };

  it('refuses each file it cannot read with its kind and one sentence that names it and says why', async () => {
    const good = wavBytes(channels, 8000, { format: 1, bits: 16 });
    expect(await refusal(good)).toBe('read');
    // 1001 stereo 16-bit frames at 8 kHz: 0.125 s declared, 100 bytes (12.5 frames) missing.
    expect(await refusal(wavBytes(channels, 8000, { format: 1, bits: 16 }, { cutBytes: 100 })))
      .toBe('truncated: bad.wav: the file is truncated: its header declares 0.13 s of audio but only 0.12 s is there.');
    expect(await refusal(good.slice(0, 30))).toBe('truncated: bad.wav: the file is truncated: it ends inside its WAV header.');
    expect(await refusal(good.slice(0, 40))).toBe('truncated: bad.wav: the file is truncated: it ends before its WAV audio starts.');
    const badAlign = good.slice();
    new DataView(badAlign.buffer).setUint16(32, 3, true); // block align 3 for 2 × 16-bit
    expect(await refusal(badAlign)).toBe('corrupt: bad.wav: the WAV header contradicts itself (2 channels, 8000 Hz, 16 bits, 3 bytes per frame).');
    const noChannels = good.slice();
    new DataView(noChannels.buffer).setUint16(22, 0, true);
    expect(await refusal(noChannels)).toMatch(/^corrupt: bad\.wav: the WAV header contradicts itself \(0 channels/);
    const adpcm = good.slice();
    new DataView(adpcm.buffer).setUint16(20, 2, true);
    expect(await refusal(adpcm)).toBe('codec: bad.wav: the WAV audio is in format 0x2 (16 bits), an encoding VoiceDrill does not decode.');
    expect(await refusal(new TextEncoder().encode('just some notes, not a recording'))).toBe('notWav: bad.wav: the file is not a WAV file (it has no RIFF/WAVE header).');
    expect(await refusal(new Uint8Array(0))).toBe('empty: bad.wav: the file is empty (0 bytes).');
    expect(await refusal(wavBytes([new Float32Array(0)], 8000, { format: 1, bits: 16 }))).toBe('empty: bad.wav: the file contains no audio samples.');
  });

  it('refuses a file cut short before reading, whatever its encoding (ADPCM too)', async () => {
    const adpcm = wavBytes(channels, 8000, { format: 1, bits: 16 }, { cutBytes: 1000 });
    new DataView(adpcm.buffer).setUint16(20, 2, true);
    expect(await refusal(adpcm)).toMatch(/^truncated: /);
  });

  it('decodes G.711 A-law and µ-law (telephone WAVs) by the ITU table', async () => {
    // Codes and their 16-bit values from ITU-T G.711 (µ-law: 0x00 −32124, 0x80 +32124, 0xFF and 0x7F 0;
    // A-law: 0x55 −8, 0xD5 +8, 0x2A −32256, 0xAA +32256).
    const g711 = (format: 6 | 7, codes: number[]): Uint8Array => {
      const bytes = wavBytes([new Float32Array(codes.length)], 8000, { format: 1, bits: 8 });
      const v = new DataView(bytes.buffer);
      v.setUint16(20, format, true);
      bytes.set(codes, 44);
      return bytes;
    };
    const mulaw = g711(7, [0x00, 0x80, 0xff, 0x7f]);
    const mulawLayout = await readWavLayout(readerOf(mulaw), mulaw.length, 'mulaw.wav');
    expect(mulawLayout.encoding).toBe('mulaw');
    expect([...decodeWavBlock(mulaw.subarray(44), mulawLayout)[0]].map((x) => x * 32768)).toEqual([-32124, 32124, 0, 0]);
    const alaw = g711(6, [0x55, 0xd5, 0x2a, 0xaa]);
    const alawLayout = await readWavLayout(readerOf(alaw), alaw.length, 'alaw.wav');
    expect(alawLayout.encoding).toBe('alaw');
    expect([...decodeWavBlock(alaw.subarray(44), alawLayout)[0]].map((x) => x * 32768)).toEqual([-8, 8, -32256, 32256]);
  });

  it.runIf(HAVE_FFMPEG)('reads ffmpeg’s A-law and µ-law WAVs of a known sine within G.711’s step', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'voicedrill-g711-'));
    try {
      const sine = Float32Array.from({ length: 8000 }, (_, i) => 0.5 * Math.sin((2 * Math.PI * 440 * i) / 8000));
      writeFileSync(join(dir, 'sine.wav'), encodeWav([sine, sine.map((x) => -x)], 8000, 16));
      for (const codec of ['pcm_alaw', 'pcm_mulaw']) {
        const r = spawnSync('ffmpeg', ['-nostdin', '-loglevel', 'error', '-y', '-i', 'sine.wav', '-c:a', codec, `${codec}.wav`], { cwd: dir, encoding: 'utf8' });
        expect(r.status, r.stderr).toBe(0);
        const bytes = new Uint8Array(readFileSync(join(dir, `${codec}.wav`)));
        const decoded = await decodeAll(bytes, 1000);
        expect(decoded[0].length).toBe(sine.length);
        // At |x| ≤ 0.5 the G.711 step is at most 1024/32768; half of it is the largest rounding error.
        expect(maxError(decoded[0], sine), codec).toBeLessThanOrEqual(512 / 32768);
        expect(maxError(decoded[1], sine.map((x) => -x)), codec).toBeLessThanOrEqual(512 / 32768);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads a streamed WAV whose data size was never written (0) to the end of the file', async () => {
    const bytes = wavBytes(channels, 8000, { format: 1, bits: 16 }, { declaredDataBytes: 0 });
    const layout = await readWavLayout(readerOf(bytes), bytes.length, 'open.wav');
    expect(layout.frames).toBe(frames);
  });
});

