/** The chunked entry of the call engine: any chunking gives the report of the whole call, and peaks cover it. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeCall, createCallStream, OPENING_SEC, PEAKS_PER_SEC } from '../../src/analysis/calls/index.ts';
import { memoryScratch, twoPageCall } from '../helpers/memory-scratch.ts';
import { mixToMono } from '../helpers/mono-call.ts';
import { buildCall, inSequence } from '../helpers/planned-call.ts';

const call = buildCall({
  sampleRateHz: 22050,
  durationSec: 30,
  agentChannel: 'right',
  utterances: inSequence(1, [
    { speaker: 'agent', syllables: 14, syllablesPerSec: 4, gapSec: 0 },
    { speaker: 'customer', syllables: 18, syllablesPerSec: 5, gapSec: 0.5 },
    { speaker: 'agent', syllables: 20, syllablesPerSec: 4.2, gapSec: 0.8 },
    { speaker: 'customer', syllables: 10, syllablesPerSec: 4.5, gapSec: 4 },
  ]),
});

function feed(chunkSamples: number[]) {
  const stream = createCallStream(call.input.sampleRateHz, 2);
  let at = 0;
  let k = 0;
  const n = call.input.channels[0].length;
  while (at < n) {
    const len = Math.min(chunkSamples[k++ % chunkSamples.length], n - at);
    stream.push(call.input.channels.map((c) => c.subarray(at, at + len)));
    at += len;
  }
  expect(stream.fedSec).toBeCloseTo(30, 6);
  return stream.finish({ agentChannel: 'right', lang: 'en' });
}

const sameSamples = (a: readonly Float32Array[], b: readonly Float32Array[]): boolean =>
  a.length === b.length && a.every((c, k) => c.length === b[k].length && c.every((x, i) => x === b[k][i]));

describe('createCallStream', () => {
  it('keeps the first OPENING_SEC as fed, every channel, whatever the chunk sizes (the greeting is scored from it)', () => {
    const rate = 8000;
    const n = (OPENING_SEC + 7) * rate;
    const channels = [0, 1].map((c) => Float32Array.from({ length: n }, (_, i) => Math.sin(i * (0.01 + c * 0.003)) * 0.1));
    for (const size of [n, 333, 65536]) {
      const stream = createCallStream(rate, 2);
      for (let at = 0; at < n; at += size) stream.push(channels.map((ch) => ch.subarray(at, Math.min(n, at + size))));
      const { opening } = stream.finish({ agentChannel: 'left', lang: 'en' });
      expect(opening.sampleRateHz).toBe(rate);
      expect(sameSamples(opening.channels, channels.map((ch) => ch.subarray(0, OPENING_SEC * rate)))).toBe(true);
    }
  });

  it('keeps the opening of the channels it is told only (none: the others are empty), with the same report', () => {
    const rate = call.input.sampleRateHz;
    const whole = feed([call.input.channels[0].length]);
    for (const openingChannels of [[1], [0], []]) {
      const stream = createCallStream(rate, 2, { openingChannels });
      for (let at = 0, n = call.input.channels[0].length; at < n; at += 10000) stream.push(call.input.channels.map((c) => c.subarray(at, Math.min(n, at + 10000))));
      const got = stream.finish({ agentChannel: 'right', lang: 'en' });
      expect(got.report).toEqual(whole.report);
      expect(sameSamples(got.opening.channels, call.input.channels.map((c, k) => (openingChannels.includes(k) ? c : c.subarray(0, 0))))).toBe(true);
    }
    expect(() => createCallStream(rate, 2, { openingChannels: [2] })).toThrow(RangeError);
  });

  it('gives the whole-call report whatever the chunk sizes', () => {
    const whole = analyzeCall(call.input, { agentChannel: 'right', lang: 'en' });
    expect(whole.turns.length).toBe(4);
    for (const sizes of [[call.input.channels[0].length], [4096], [1, 999, 44100, 7]]) {
      expect(feed(sizes).report).toEqual(whole);
    }
  });

  it('gives exactly the same report and peaks for random chunk sizes (fast-check)', () => {
    const ref = feed([call.input.channels[0].length]);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 70000 }), { minLength: 1, maxLength: 5 }), (sizes) => {
        const got = feed(sizes.map((s) => (s < 50 ? s * 997 : s))); // few tiny chunks: 30 s of them would be slow
        expect(got.report).toEqual(ref.report);
        expect(got.peaks).toEqual(ref.peaks);
        expect(sameSamples(got.opening.channels, call.input.channels)).toBe(true);
      }),
      { numRuns: 5 },
    );
  });

  it('reports progress over the turns up to 1, and the bytes its 16 kHz store held', () => {
    const stream = createCallStream(call.input.sampleRateHz, 2);
    stream.push(call.input.channels);
    const seen: number[] = [];
    const result = stream.finish({ agentChannel: 'right', lang: 'en', onProgress: (f) => seen.push(f) });
    expect(seen.length).toBe(result.report.turns.length);
    expect(seen.every((f, k) => f > 0 && f <= 1 && (k === 0 || f > seen[k - 1]))).toBe(true);
    expect(seen[seen.length - 1]).toBe(1);
    // 30 s at 16 kHz in 16-bit pages of 2^20 samples: one page (2 MiB + scales) per channel.
    expect(result.storedBytes).toBe(2 * ((1 << 20) * 2 + 1024 * 4));
  });

  it('keeps min and max per peak slot on each channel', () => {
    const { peaks } = feed([1000]);
    expect(peaks.peaksPerSec).toBe(PEAKS_PER_SEC);
    expect(peaks.channels).toHaveLength(2);
    expect(peaks.channels[0].max.length).toBe(30 * PEAKS_PER_SEC);
    const right = call.input.channels[1];
    const per = call.input.sampleRateHz / PEAKS_PER_SEC;
    for (const slot of [60, 300, 1000]) {
      const part = right.subarray(Math.ceil(slot * per), Math.ceil((slot + 1) * per));
      expect(peaks.channels[1].max[slot]).toBe(Math.max(...part));
      expect(peaks.channels[1].min[slot]).toBe(Math.min(...part));
    }
  });

  it('refuses a chunk with the wrong channel count and a second finish', () => {
    const stream = createCallStream(16000, 2);
    expect(() => stream.push([new Float32Array(10)])).toThrow(/2 channels/);
    stream.push([new Float32Array(16000), new Float32Array(16000)]);
    stream.finish({ agentChannel: 'left', lang: 'zh' });
    expect(() => stream.finish({ agentChannel: 'left', lang: 'zh' })).toThrow(/finished/);
  });
});

describe('createCallStream with scratch files', () => {
  const long = twoPageCall();

  it('gives the same report as a stream that keeps its signal in memory, stereo and mono', () => {
    const { input } = long;
    const mono = mixToMono(long).input;
    for (const [channels, agentChannel] of [[input.channels, 'left'], [mono.channels, 'mono']] as const) {
      const run = (scratch: boolean) => {
        const files = channels.map(() => memoryScratch());
        const stream = createCallStream(input.sampleRateHz, channels.length, scratch ? { scratchFiles: files.map((f) => f.file) } : {});
        for (let at = 0, n = channels[0].length; at < n; at += 30000) stream.push(channels.map((c) => c.subarray(at, Math.min(n, at + 30000))));
        return { result: stream.finish({ agentChannel, lang: 'en' }), writes: files.map((f) => f.seen.writes), reads: files.map((f) => f.seen.reads) };
      };
      const plain = run(false);
      const spilled = run(true);
      expect(plain.result.report.turns.length, agentChannel).toBeGreaterThanOrEqual(4);
      expect(spilled.result.report).toEqual(plain.result.report);
      expect(spilled.writes).toEqual(channels.map(() => 2));
      expect(spilled.reads.every((r) => r >= 2)).toBe(true);
    }
  });
});
