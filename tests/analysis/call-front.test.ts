/**
 * The call stream's front end against the whole-signal take path: the streaming resampler is exact, the
 * block-wise zero-phase high-pass equals the whole-signal filter to float rounding, the streamed contour
 * equals intensityContour's frames at the same centres, and the 16-bit store keeps each block to 1/65534
 * of its peak. Chunk sizes are drawn by fast-check.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createChannelFront, HP_BLOCK_SAMPLES } from '../../src/analysis/calls/channel-front.ts';
import { createSignalStore, STORE_BLOCK_SAMPLES } from '../../src/analysis/calls/signal-store.ts';
import { memoryScratch } from '../helpers/memory-scratch.ts';
import { highpass } from '../../src/analysis/dsp/highpass.ts';
import { createResampler, resampleTo } from '../../src/analysis/dsp/resample.ts';
import { intensityContour, SEGMENTATION_MIN_PITCH_HZ } from '../../src/analysis/intensity.ts';

/** Speech-like test signal: a gated harmonic buzz over low noise, seeded. */
function signal(rateHz: number, sec: number, seed = 1): Float32Array {
  let s = seed;
  const rnd = (): number => (s = (s * 16807) % 2147483647) / 2147483647;
  return Float32Array.from({ length: Math.round(rateHz * sec) }, (_, i) => {
    const t = i / rateHz;
    const gate = Math.sin(2 * Math.PI * 0.7 * t) > 0 ? 1 : 0.01;
    const f0 = 140 + 30 * Math.sin(2 * Math.PI * 0.3 * t);
    let v = 0;
    for (let h = 1; h <= 8; h++) v += Math.sin(2 * Math.PI * f0 * h * t) / h;
    return 0.2 * gate * v + 0.002 * (2 * rnd() - 1) + 0.05; // with a DC offset for the high-pass
  });
}

/** x cut at the given sizes (repeated) and fed to `push`. */
function feed(x: Float32Array, sizes: number[], push: (piece: Float32Array) => void): void {
  for (let at = 0, k = 0; at < x.length; k++) {
    const len = Math.min(sizes[k % sizes.length], x.length - at);
    push(x.subarray(at, at + len));
    at += len;
  }
}

/** Bit-for-bit equality (faster than a deep equal on long arrays). */
function sameSamples(a: Float32Array, b: Float32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

const chunkSizes = fc.array(fc.integer({ min: 1, max: 50000 }), { minLength: 1, maxLength: 6 });

describe('createResampler', () => {
  it('gives resampleTo of the whole signal, bit for bit, whatever the chunks', () => {
    for (const rateHz of [8000, 22050, 44100, 48000, 16000]) {
      const x = signal(rateHz, 1.3);
      const whole = resampleTo(x, rateHz, 16000);
      fc.assert(
        fc.property(chunkSizes, (sizes) => {
          const r = createResampler(rateHz, 16000);
          const out = new Float32Array(whole.length + 1);
          let n = 0;
          const take = (y: Float32Array): void => {
            out.set(y.subarray(0, Math.min(y.length, out.length - n)), n);
            n += y.length;
          };
          feed(x, sizes, (piece) => take(r.push(piece)));
          take(r.finish());
          expect(n).toBe(whole.length);
          expect(sameSamples(out.subarray(0, n), whole)).toBe(true);
        }),
        { numRuns: 12 },
      );
    }
  });
});

describe('createChannelFront', () => {
  const rateHz = 44100;
  const x = signal(rateHz, 17); // three high-pass blocks (8 s), the last one short
  const hpWhole = highpass(resampleTo(x, rateHz, 16000), 16000);

  function front(sizes: number[]) {
    const f = createChannelFront(rateHz);
    feed(x, sizes, (piece) => f.push(piece));
    return f.finish();
  }

  it('stores the whole-signal zero-phase high-pass to within the 16-bit rounding, also across block edges', () => {
    const { signal: stored } = front([4096]);
    expect(stored.length).toBe(hpWhole.length);
    const got = stored.read(0, stored.length).slice();
    let worst = 0;
    for (let b = 0; b < got.length; b += STORE_BLOCK_SAMPLES) {
      let peak = 0, err = 0;
      for (let i = b; i < Math.min(got.length, b + STORE_BLOCK_SAMPLES); i++) {
        peak = Math.max(peak, Math.abs(hpWhole[i]));
        err = Math.max(err, Math.abs(got[i] - hpWhole[i]));
      }
      if (peak > 0) worst = Math.max(worst, err / peak);
    }
    console.log(`stored high-passed signal: largest error ${worst.toExponential(2)} of its block's peak (16-bit rounding: ${(1 / 65534).toExponential(2)})`);
    expect(worst).toBeLessThanOrEqual(1.01 / 65534);
    expect(worst).toBeGreaterThan(0); // it is the 16-bit store that is read, not a float copy
    expect(HP_BLOCK_SAMPLES).toBeLessThan(hpWhole.length / 2);
  });

  it('computes the contour frames of the whole-signal take path at the same centres (block-wise high-pass: measured 0 dB apart)', () => {
    const { contour } = front([1, 5000, 333]);
    const half = 512;
    expect(contour.hopSec).toBe(0.008);
    expect(contour.timesSec.length).toBe(Math.floor((hpWhole.length - 2 * half - 1) / 128) + 1);
    let worst = 0;
    for (let f = 0; f < contour.timesSec.length; f++) {
      const centre = half + 128 * f;
      expect(contour.timesSec[f]).toBeCloseTo((centre + 0.5) / 16000, 12);
      const one = intensityContour(hpWhole.subarray(centre - half, centre + half + 1), 16000, SEGMENTATION_MIN_PITCH_HZ);
      expect(one.levelDbfs.length).toBe(1);
      worst = Math.max(worst, Math.abs(one.levelDbfs[0] - contour.levelDbfs[f]));
    }
    console.log(`streamed contour against intensityContour on the whole-signal high-pass: largest difference ${worst.toExponential(2)} dB over ${contour.timesSec.length} frames`);
    expect(worst).toBeLessThan(1e-3);
  });

  it('gives the same contour and signal whatever the chunks', () => {
    const ref = front([44100]);
    const refSignal = ref.signal.read(0, ref.signal.length).slice();
    fc.assert(
      fc.property(chunkSizes, (sizes) => {
        const got = front(sizes);
        expect(got.contour.hopSec).toBe(ref.contour.hopSec);
        expect(Array.from(got.contour.levelDbfs)).toEqual(Array.from(ref.contour.levelDbfs));
        expect(Array.from(got.contour.timesSec)).toEqual(Array.from(ref.contour.timesSec));
        expect(sameSamples(got.signal.read(0, got.signal.length), refSignal)).toBe(true);
      }),
      { numRuns: 4 },
    );
  });
});

describe('createSignalStore', () => {
  it('reads back any range across blocks and pages within 1/65534 of each block peak, and silence as zeros', () => {
    const n = (1 << 20) + 5000; // more than one page
    const x = Float32Array.from({ length: n }, (_, i) => (i < 3000 ? 0 : Math.sin(i * 0.001) * (1 + (i % 7)) * 0.1));
    const store = createSignalStore(16000);
    feed(x, [777, 5000, 1], (piece) => store.append(piece));
    expect(() => store.reader.read(0, 10)).toThrow(/being filled/);
    store.seal();
    expect(store.reader.length).toBe(n);
    expect(Array.from(store.reader.read(0, 3000)).every((v) => v === 0)).toBe(true);
    const peaks = new Float64Array(Math.ceil(n / STORE_BLOCK_SAMPLES));
    x.forEach((v, i) => (peaks[Math.floor(i / STORE_BLOCK_SAMPLES)] = Math.max(peaks[Math.floor(i / STORE_BLOCK_SAMPLES)], Math.abs(v))));
    for (const [from, to] of [[0, n], [(1 << 20) - 10, (1 << 20) + 10], [1023, 1025], [n - 1, n]]) {
      const got = store.reader.read(from, to);
      let bad = 0;
      for (let i = from; i < to; i++) if (Math.abs(got[i - from] - x[i]) > (1.01 * peaks[Math.floor(i / STORE_BLOCK_SAMPLES)]) / 65534) bad++;
      expect(bad, `samples ${from}–${to}`).toBe(0);
    }
    expect(() => store.reader.read(5, n + 1)).toThrow(RangeError);
  });

  it('lets go of whole pages before a sample: later reads past them give the same samples, reads into them throw', () => {
    const page = 1 << 20;
    const n = 2 * page + 5000;
    const x = Float32Array.from({ length: n }, (_, i) => Math.sin(i * 0.001) * 0.3);
    const store = createSignalStore(16000);
    store.append(x);
    store.seal();
    const tail = store.reader.read(page, n).slice();
    const bytes = store.bytes;
    store.discardBefore(page + 10); // inside the second page: only the first goes
    const again = store.reader.read(page, n);
    expect(again.length === tail.length && again.every((v, i) => v === tail[i])).toBe(true);
    expect(() => store.reader.read(page - 1, page + 1)).toThrow(/let go/);
    store.discardBefore(Infinity);
    expect(() => store.reader.read(n - 1, n)).toThrow(/let go/);
    expect(store.reader.read(n, n).length).toBe(0);
    expect(store.bytes).toBe(bytes); // what the store held, as the stream reports it
  });
});

describe('createSignalStore with a scratch file', () => {
  const page = 1 << 20;
  const n = 3 * page + 7000; // three full pages and a partial one
  const x = Float32Array.from({ length: n }, (_, i) => Math.sin(i * 0.0013) * (1 + (i % 5)) * 0.1);
  const ranges = [[0, n], [page - 10, page + 10], [2 * page + 3, 3 * page + 5], [5, 6], [n - 100, n]];

  it('keeps its full pages in the file and reads back exactly the samples kept in memory, in any order', () => {
    const plain = createSignalStore(16000);
    const { file, seen } = memoryScratch();
    const spilled = createSignalStore(16000, file);
    feed(x, [4096, 333, 70000], (piece) => {
      plain.append(piece);
      spilled.append(piece);
    });
    plain.seal();
    spilled.seal();
    // The last (partial) page stays in memory; each full page was written once.
    expect(spilled.spilledPages).toBe(3);
    expect(seen.writes).toBe(3);
    expect(spilled.bytes).toBe(plain.bytes);
    for (const [from, to] of [...ranges, ...ranges.slice().reverse()]) {
      const want = plain.reader.read(from, to).slice();
      expect(sameSamples(spilled.reader.read(from, to), want), `samples ${from}–${to}`).toBe(true);
    }
    // Reads within one spilled page load it once.
    const before = seen.reads;
    spilled.reader.read(10, 20);
    spilled.reader.read(30, 40);
    spilled.reader.read(page - 5, page - 1);
    expect(seen.reads - before).toBeLessThanOrEqual(1);
  });

  it('keeps the pages in memory from a failed write on, with the same samples', () => {
    const plain = createSignalStore(16000);
    const { file, seen } = memoryScratch(2); // the second page's write fails (storage full)
    const spilled = createSignalStore(16000, file);
    plain.append(x);
    spilled.append(x);
    plain.seal();
    spilled.seal();
    expect(spilled.spilledPages).toBe(1);
    expect(seen.writes).toBe(2); // no write tried after the failure
    for (const [from, to] of ranges) expect(sameSamples(spilled.reader.read(from, to), plain.reader.read(from, to).slice()), `samples ${from}–${to}`).toBe(true);
  });

  it('a failed read-back is an error, not wrong samples', () => {
    const { file } = memoryScratch();
    const store = createSignalStore(16000, { write: file.write, read: () => { throw new Error('the file is gone'); } });
    store.append(x);
    store.seal();
    expect(() => store.reader.read(0, 10)).toThrow(/the file is gone/);
    expect(() => store.reader.read(0, 10)).toThrow(/the file is gone/); // not taken from a half-filled cache
    expect(store.reader.read(3 * page, 3 * page + 10).length).toBe(10); // the page in memory still reads
  });
});
