/**
 * The WAV reader of src/media on files through the CLI's ReadBytes (cli/file-bytes.ts: an fs handle), as
 * `voicedrill call` reads a call: every encoding it claims against known sample values, pieces of ~1 MB,
 * odd-sized chunks before the data, and refusals (a truncated data chunk refused before reading, and
 * `voicedrill call` saying so in one line).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFileBytes } from '../../cli/file-bytes.ts';
import { readWavLayout, WAV_READ_BYTES, WavError, wavBlocks, type WavLayout } from '../../src/media/index.ts';
import { runCli, stderrLines } from '../helpers/cli.ts';
import { buildCall, inSequence } from '../helpers/planned-call.ts';
import { encodeWav } from '../helpers/wav.ts';

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'voicedrill-wav-stream-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Spec {
  tag: number;
  bits: number;
  extensible?: boolean;
  /** Extra chunk (id, odd payload) before the data chunk. */
  extraChunk?: boolean;
  /** Declared data bytes (default: the real size). */
  declaredDataBytes?: number;
}

/** A WAV of the given interleaved raw sample bytes. */
function wavBytes(spec: Spec, channelCount: number, rateHz: number, data: Uint8Array): Uint8Array {
  const fmtBytes = spec.extensible ? 40 : 16;
  const extra = spec.extraChunk ? 8 + 3 + 1 : 0; // 3-byte payload and its pad byte
  const out = new Uint8Array(12 + 8 + fmtBytes + extra + 8 + data.length);
  const v = new DataView(out.buffer);
  const text = (at: number, s: string): void => [...s].forEach((c, i) => v.setUint8(at + i, c.charCodeAt(0)));
  text(0, 'RIFF');
  v.setUint32(4, out.length - 8, true);
  text(8, 'WAVE');
  text(12, 'fmt ');
  v.setUint32(16, fmtBytes, true);
  v.setUint16(20, spec.extensible ? 0xfffe : spec.tag, true);
  v.setUint16(22, channelCount, true);
  v.setUint32(24, rateHz, true);
  v.setUint32(28, (rateHz * channelCount * spec.bits) / 8, true);
  v.setUint16(32, (channelCount * spec.bits) / 8, true);
  v.setUint16(34, spec.bits, true);
  if (spec.extensible) {
    v.setUint16(36, 22, true);
    v.setUint16(38, spec.bits, true);
    v.setUint32(40, 3, true); // channel mask
    v.setUint16(44, spec.tag, true); // sub-format GUID: tag, then the fixed tail
  }
  let at = 20 + fmtBytes;
  if (spec.extraChunk) {
    text(at, 'junk');
    v.setUint32(at + 4, 3, true);
    at += 12;
  }
  text(at, 'data');
  v.setUint32(at + 4, spec.declaredDataBytes ?? data.length, true);
  out.set(data, at + 8);
  return out;
}

/** Raw bytes of the values (−1…1) in the encoding, interleaved, and the values the reader must give. */
function encode(spec: Spec, channels: number[][]): { data: Uint8Array; expected: number[][] } {
  const frames = channels[0].length;
  const step = spec.bits / 8;
  const data = new Uint8Array(frames * channels.length * step);
  const v = new DataView(data.buffer);
  const expected = channels.map(() => [] as number[]);
  for (let i = 0, at = 0; i < frames; i++) {
    channels.forEach((ch, c) => {
      const x = ch[i];
      let back: number;
      if (spec.tag === 3 && spec.bits === 32) { v.setFloat32(at, x, true); back = Math.fround(x); }
      else if (spec.tag === 3) { v.setFloat64(at, x, true); back = Math.fround(x); }
      else if (spec.bits === 8) { const q = Math.round(x * 127) + 128; v.setUint8(at, q); back = (q - 128) / 128; }
      else if (spec.bits === 16) { const q = Math.round(x * 32767); v.setInt16(at, q, true); back = q / 32768; }
      else if (spec.bits === 24) { const q = Math.round(x * 8388607); v.setUint8(at, q & 255); v.setUint8(at + 1, (q >> 8) & 255); v.setInt8(at + 2, q >> 16); back = q / 8388608; }
      else { const q = Math.round(x * 2147483647); v.setInt32(at, q, true); back = q / 2147483648; }
      expected[c].push(Math.fround(back));
      at += step;
    });
  }
  return { data, expected };
}

/** Each piece of the WAV file at `path`, as `voicedrill call` reads it (one buffer and one set of arrays reused). */
async function readPieces(path: string, onPiece: (channels: Float32Array[]) => void): Promise<WavLayout> {
  const file = await openFileBytes(path);
  try {
    const layout = await readWavLayout(file.read, file.sizeBytes, path);
    for await (const channels of wavBlocks(file.read, layout, path, { reuse: true })) onPiece(channels);
    return layout;
  } finally {
    await file.close();
  }
}

async function read(path: string): Promise<{ layout: WavLayout; channels: number[][]; pieces: number }> {
  const channels: number[][] = [];
  let pieces = 0;
  const layout = await readPieces(path, (chunk) => {
    pieces++;
    chunk.forEach((c, k) => (channels[k] ??= []).push(...c));
  });
  expect(layout.frames).toBe(channels[0]?.length ?? 0);
  return { layout, channels, pieces };
}

const values = [[0, 0.5, -0.5, 0.999, -1, 0.25, -0.125], [0.1, -0.2, 0.3, -0.4, 0.5, -0.6, 0.7]];

describe('the WAV reader over a file handle', () => {
  const specs: [string, Spec][] = [
    ['8-bit PCM', { tag: 1, bits: 8 }],
    ['16-bit PCM', { tag: 1, bits: 16 }],
    ['24-bit PCM', { tag: 1, bits: 24 }],
    ['32-bit PCM', { tag: 1, bits: 32 }],
    ['32-bit float', { tag: 3, bits: 32 }],
    ['64-bit float', { tag: 3, bits: 64 }],
    ['extensible 24-bit PCM', { tag: 1, bits: 24, extensible: true }],
    ['extensible 32-bit float, odd chunk before the data', { tag: 3, bits: 32, extensible: true, extraChunk: true }],
  ];
  it.each(specs)('%s: the sample values, per channel', async (name, spec) => {
    const { data, expected } = encode(spec, values);
    const path = join(dir, `${name.replace(/\W+/g, '-')}.wav`);
    writeFileSync(path, wavBytes(spec, 2, 22050, data));
    const got = await read(path);
    expect(got.layout).toMatchObject({ sampleRateHz: 22050, channelCount: 2, bitsPerSample: spec.bits, encoding: spec.tag === 3 ? 'float' : 'int' });
    expect(got.channels).toEqual(expected);
  });

  it('reads a long file in pieces of about 1 MB, the same samples as the whole-file encoder wrote', async () => {
    const frames = 700_000; // 2.8 MB of 16-bit stereo
    const left = Float32Array.from({ length: frames }, (_, i) => Math.sin(i * 0.001) * 0.5);
    const right = Float32Array.from({ length: frames }, (_, i) => Math.cos(i * 0.003) * 0.25);
    const path = join(dir, 'long.wav');
    writeFileSync(path, encodeWav([left, right], 44100, 16));
    let pieces = 0;
    let n = 0;
    let worst = 0;
    await readPieces(path, (chunk) => {
      pieces++;
      for (let i = 0; i < chunk[0].length; i++, n++) worst = Math.max(worst, Math.abs(chunk[0][i] - left[n]), Math.abs(chunk[1][i] - right[n]));
    });
    expect(n).toBe(frames);
    expect(pieces).toBe(Math.ceil((frames * 4) / WAV_READ_BYTES));
    expect(worst).toBeLessThanOrEqual(1 / 32768);
  });

  it('refuses a truncated data chunk before reading any of it, saying how much is missing', async () => {
    const spec: Spec = { tag: 1, bits: 16 };
    const { data } = encode(spec, values);
    const path = join(dir, 'truncated.wav');
    const bytes = wavBytes({ ...spec, declaredDataBytes: data.length + 32000 }, 2, 8000, data);
    writeFileSync(path, bytes.subarray(0, bytes.length - 2)); // half a frame short as well
    let pieces = 0;
    const refused = await readPieces(path, () => pieces++).then(() => null, (e: unknown) => e);
    expect(refused).toBeInstanceOf(WavError);
    expect(refused).toMatchObject({ kind: 'truncated', reason: 'the file is truncated: its header declares 1.00 s of audio but only 0.00 s is there' });
    expect(pieces).toBe(0);
  });

  it('takes a data size of 0xFFFFFFFF (a streaming recorder) as "up to the end", not as truncated', async () => {
    const spec: Spec = { tag: 1, bits: 16 };
    const { data, expected } = encode(spec, values);
    const path = join(dir, 'streamed.wav');
    writeFileSync(path, wavBytes({ ...spec, declaredDataBytes: 0xffffffff }, 2, 8000, data));
    const got = await read(path);
    expect(got.channels).toEqual(expected);
  });

  it('reads µ-law; refuses GSM 6.10 (for the full decoder), a file without RIFF/WAVE and one without data, each with a reason', async () => {
    const mulaw = join(dir, 'mulaw.wav');
    writeFileSync(mulaw, wavBytes({ tag: 7, bits: 8 }, 1, 8000, Uint8Array.from([0x00, 0x80, 0xff, 0x7f])));
    expect((await read(mulaw)).channels).toEqual([[-32124 / 32768, 32124 / 32768, 0, 0]]);
    const gsm = join(dir, 'gsm.wav');
    writeFileSync(gsm, wavBytes({ tag: 0x31, bits: 0 }, 1, 8000, new Uint8Array(65)));
    await expect(read(gsm)).rejects.toMatchObject({ kind: 'codec' });
    const text = join(dir, 'text.wav');
    writeFileSync(text, 'not audio at all, just words');
    await expect(read(text)).rejects.toMatchObject({ kind: 'notWav', reason: 'the file is not a WAV file (it has no RIFF/WAVE header)' });
    const noData = join(dir, 'nodata.wav');
    writeFileSync(noData, wavBytes({ tag: 1, bits: 16 }, 2, 8000, new Uint8Array(0)).subarray(0, 36));
    await expect(read(noData)).rejects.toMatchObject({ kind: 'truncated', reason: 'the file is truncated: it ends before its WAV audio starts' });
  });
});

describe('voicedrill call on a truncated WAV', () => {
  // The app and the CLI treat a call cut short alike: refused with one line that says so (what it holds
  // is not analysed as if it were the whole call); tests/cli/call-bad-files.test.ts covers more files.
  it('refuses it in one line naming the declared and the present length, exit 1', async () => {
    const FS = 16000;
    const built = buildCall({
      sampleRateHz: FS, durationSec: 20, agentChannel: 'left',
      utterances: inSequence(1, [
        { speaker: 'agent', syllables: 12, syllablesPerSec: 4, gapSec: 0 },
        { speaker: 'customer', syllables: 12, syllablesPerSec: 4, gapSec: 0.5 },
      ]),
    });
    const whole = encodeWav(built.input.channels, FS, 16);
    const path = join(dir, 'call-truncated.wav');
    writeFileSync(path, whole.subarray(0, whole.length - 5 * FS * 4)); // the last 5 s missing
    const run = await runCli(['call', path, '--agent', 'left', '--json'], dir);
    expect(run.status).toBe(1);
    const lines = stderrLines(run);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/call-truncated\.wav.*truncated.*20\.00 s.*15\.00 s/);
    expect(run.stdout).toBe('');
  });
});
