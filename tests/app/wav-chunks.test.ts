/**
 * The call worker's WAV reader: every PCM width and float, WAVE_FORMAT_EXTENSIBLE, chunks before the
 * audio, odd-sized chunks, block boundaries anywhere; and a file that cannot be read gives the right kind.
 * Then a whole call file through analyseCallFile (the worker's job) gives the report of the call analysed
 * in one piece, a mono file analysed as a mono call, and its refusals (empty, 3 channels, not audio) name the file.
 */
import { describe, expect, it } from 'vitest';
import { analyzeCall } from '../../src/analysis/calls/index.ts';
import { analyseCallFile, type CallProgress } from '../../src/workers/call-analysis.ts';
import { CallFileError } from '../../src/workers/call-file-error.ts';
import { decodeWavBlock, readWavLayout, wavBlocks, type ReadBytes } from '../../src/workers/wav-chunks.ts';
import { buildCall, inSequence } from '../helpers/planned-call.ts';
import { encodeWav } from '../helpers/wav.ts';

const readerOf = (bytes: Uint8Array): ReadBytes => async (offset, length) => bytes.slice(offset, offset + length);

/** A deterministic stereo test signal: a sine on the left, a ramp on the right, within ±0.9. */
function testChannels(frames: number): Float32Array[] {
  const left = new Float32Array(frames);
  const right = new Float32Array(frames);
  for (let i = 0; i < frames; i++) {
    left[i] = 0.9 * Math.sin(i * 0.05);
    right[i] = -0.9 + (1.8 * i) / Math.max(1, frames - 1);
  }
  return [left, right];
}

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
  for await (const block of wavBlocks(readerOf(bytes), layout, blockFrames)) block.forEach((c, k) => out[k].push(...c));
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

  const kindOf = async (bytes: Uint8Array): Promise<string> => {
    try {
      await readWavLayout(readerOf(bytes), bytes.length, 'bad.wav');
      return 'read';
    } catch (e) {
      expect(e).toBeInstanceOf(CallFileError);
      expect((e as Error).message).toContain('bad.wav');
      return (e as CallFileError).kind;
    }
  };

  it('refuses a cut-short file as truncated, a nonsense header as corrupt, ADPCM as an unsupported codec', async () => {
    const good = wavBytes(channels, 8000, { format: 1, bits: 16 });
    expect(await kindOf(good)).toBe('read');
    expect(await kindOf(wavBytes(channels, 8000, { format: 1, bits: 16 }, { cutBytes: 100 }))).toBe('truncated');
    expect(await kindOf(good.slice(0, 30))).toBe('truncated');
    const badAlign = good.slice();
    new DataView(badAlign.buffer).setUint16(32, 3, true); // block align 3 for 2 × 16-bit
    expect(await kindOf(badAlign)).toBe('corrupt');
    const noChannels = good.slice();
    new DataView(noChannels.buffer).setUint16(22, 0, true);
    expect(await kindOf(noChannels)).toBe('corrupt');
    const adpcm = good.slice();
    new DataView(adpcm.buffer).setUint16(20, 2, true);
    expect(await kindOf(adpcm)).toBe('codec');
  });

  it('reads a streamed WAV whose data size was never written (0) to the end of the file', async () => {
    const bytes = wavBytes(channels, 8000, { format: 1, bits: 16 }, { declaredDataBytes: 0 });
    const layout = await readWavLayout(readerOf(bytes), bytes.length, 'open.wav');
    expect(layout.frames).toBe(frames);
  });
});

describe('analyseCallFile (the call worker’s job) on WAV files', () => {
  const call = buildCall({
    sampleRateHz: 16000,
    durationSec: 24,
    agentChannel: 'left',
    utterances: inSequence(0.8, [
      { speaker: 'agent', syllables: 12, syllablesPerSec: 4, gapSec: 0 },
      { speaker: 'customer', syllables: 15, syllablesPerSec: 5, gapSec: 0.6 },
      { speaker: 'agent', syllables: 16, syllablesPerSec: 4.2, gapSec: 4 },
      { speaker: 'customer', syllables: 9, syllablesPerSec: 4.5, gapSec: -1.5 },
    ]),
  });
  const options = { agentChannel: 'left' as const, lang: 'en' as const, calibrationLevelDbfs: null };

  it('feeds the file in blocks and gives the report of the call analysed in one piece, with progress', async () => {
    const bytes = encodeWav(call.input.channels, 16000, 'float32');
    const progress: CallProgress[] = [];
    let clock = 0;
    const result = await analyseCallFile(new File([bytes as Uint8Array<ArrayBuffer>], 'call.wav', { type: 'audio/wav' }), options, (p) => progress.push(p), () => (clock += 1000));
    expect(result.report).toEqual(analyzeCall(call.input, { agentChannel: 'left', lang: 'en' }));
    expect(result).toMatchObject({ durationSec: 24, sampleRateHz: 16000, channelCount: 2 });
    expect(result.report.findings.some((f) => f.id === 'deadAir')).toBe(true);
    expect(result.peaks.channels).toHaveLength(2);
    expect(progress[0]).toEqual({ phase: 'reading', fedSec: 0, durationSec: 24 });
    expect(progress.at(-1)).toEqual({ phase: 'analysing', fedSec: 24, durationSec: 24 });
    const fed = progress.filter((p) => p.phase === 'reading').map((p) => p.fedSec);
    expect(fed.length).toBeGreaterThan(2);
    expect(fed).toEqual([...fed].sort((a, b) => a - b));
  });

  const refusal = async (file: File): Promise<CallFileError> => {
    const e = await analyseCallFile(file, options, () => undefined).then(() => null, (x: unknown) => x);
    expect(e).toBeInstanceOf(CallFileError);
    expect((e as Error).message).toContain(file.name);
    return e as CallFileError;
  };

  it('analyses a mono file as a mono call (both voices on one channel, told apart by diarisation)', async () => {
    const [one] = testChannels(8000 * 3);
    const done = await analyseCallFile(new File([encodeWav([one], 8000) as Uint8Array<ArrayBuffer>], 'mono.wav'), options, () => undefined);
    expect(done.agentChannel).toBe('mono');
    expect(done.channelCount).toBe(1);
    expect(done.report.agentChannel).toBe('mono');
    expect(done.report.diarisation).not.toBeNull();
  });

  it('refuses empty, 3-channel and non-audio files, naming each', async () => {
    expect((await refusal(new File([], 'empty.wav'))).kind).toBe('empty');
    const short = testChannels(800);
    const three = await refusal(new File([encodeWav([short[0], short[1], short[0]], 8000) as Uint8Array<ArrayBuffer>], 'three.wav'));
    expect(three.kind).toBe('channels');
    expect(three.channelCount).toBe(3);
    expect(three.message).toBe('three.wav has 3 channels; a call must be mono or stereo.');
    expect((await refusal(new File(['just some notes, not a recording'], 'notes.wav'))).kind).toBe('notAudio');
    expect((await refusal(new File([encodeWav(short, 8000).slice(0, 200) as Uint8Array<ArrayBuffer>], 'cut.wav'))).kind).toBe('truncated');
  });
});
