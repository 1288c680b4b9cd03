/**
 * cli/adts.ts on known signals: the ADTS header's rate and channels, and the 2:1 rate halving that puts
 * FAAD2's implicit-SBR output back at the file's rate — a tone below the new Nyquist kept (amplitude and
 * phase: no delay), one above it removed, and the same output whatever the chunking. The whole path on
 * ffmpeg's .aac files: tests/cli/call-formats.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { adtsHead, atAdtsRate, HalfRate, SBR_DELAY_SAMPLES } from '../../cli/adts.ts';

const tone = (n: number, cyclesPerSample: number, phase = 0): Float32Array => Float32Array.from({ length: n }, (_, i) => Math.sin(2 * Math.PI * cyclesPerSample * i + phase));

function halve(x: Float32Array, chunk: number): Float32Array {
  const h = new HalfRate();
  const parts: Float32Array[] = [];
  for (let at = 0; at < x.length; at += chunk) parts.push(h.push(x.subarray(at, at + chunk)));
  parts.push(h.push(new Float32Array(0), true));
  const out = new Float32Array(parts.reduce((s, p) => s + p.length, 0));
  parts.reduce((at, p) => (out.set(p, at), at + p.length), 0);
  return out;
}

describe('adtsHead', () => {
  it('reads the sampling frequency index and channel configuration of an ADTS header', () => {
    // Sync FFF1 (MPEG-4, layer 0, no CRC); profile LC; index 11 (8 kHz); channel configuration 2.
    expect(adtsHead(Uint8Array.from([0xff, 0xf1, 0x6c, 0x80, 0x00, 0x1f, 0xfc]))).toEqual({ sampleRateHz: 8000, channelCount: 2 });
    // Index 8 (16 kHz), one channel.
    expect(adtsHead(Uint8Array.from([0xff, 0xf1, 0x60, 0x40, 0x00, 0x1f, 0xfc]))).toEqual({ sampleRateHz: 16000, channelCount: 1 });
    // An mp3 frame (layer III) is not ADTS.
    expect(adtsHead(Uint8Array.from([0xff, 0xfb, 0x90, 0x64, 0, 0, 0]))).toBeNull();
  });
});

describe('HalfRate', () => {
  const n = 16000;

  it('keeps a tone at a fifth of the new rate (amplitude and phase) and removes one above the new Nyquist', () => {
    const low = halve(tone(n, 0.1), 4096); // 0.1 of the input rate = 0.2 of the output rate
    expect(low.length).toBe(n / 2);
    const expected = tone(n / 2, 0.2);
    let worst = 0;
    for (let i = 100; i < n / 2 - 100; i++) worst = Math.max(worst, Math.abs(low[i] - expected[i]));
    expect(worst).toBeLessThan(0.01);
    const high = halve(tone(n, 0.35), 4096); // would alias to 0.3 of the output rate
    let peak = 0;
    for (let i = 100; i < n / 2 - 100; i++) peak = Math.max(peak, Math.abs(high[i]));
    expect(peak).toBeLessThan(0.01);
  });

  it('gives the same samples whatever the chunk sizes, ceil(n / 2) of them', () => {
    const x = Float32Array.from({ length: 5001 }, (_, i) => Math.sin(i * 0.37) * Math.cos(i * 0.011));
    const whole = halve(x, x.length);
    expect(whole.length).toBe(2501);
    for (const chunk of [1, 7, 64, 1000]) expect(halve(x, chunk)).toEqual(whole);
  });
});

describe('atAdtsRate', () => {
  it('drops the SBR delay and halves doubled chunks; passes chunks at the file’s rate through', async () => {
    async function* chunks(rate: number, x: Float32Array): AsyncGenerator<{ channelData: Float32Array[]; sampleRate: number }> {
      for (let at = 0; at < x.length; at += 1000) yield { channelData: [x.subarray(at, at + 1000)], sampleRate: rate };
    }
    // A click SBR_DELAY_SAMPLES + 200 samples in at 16 kHz is 100 samples in at 8 kHz.
    const x = new Float32Array(8000);
    x[SBR_DELAY_SAMPLES + 200] = 1;
    const out: Float32Array[] = [];
    for await (const c of atAdtsRate(chunks(16000, x), { sampleRateHz: 8000, channelCount: 2 })) {
      expect(c.sampleRate).toBe(8000);
      expect(c.channelData).toHaveLength(2);
      out.push(c.channelData[0]);
    }
    const y = Float32Array.from(out.flatMap((c) => [...c]));
    expect(y.length).toBe(Math.ceil((8000 - SBR_DELAY_SAMPLES) / 2));
    expect(y.indexOf(Math.max(...y))).toBe(100);
    const same: number[] = [];
    for await (const c of atAdtsRate(chunks(8000, x), { sampleRateHz: 8000, channelCount: 1 })) same.push(...c.channelData[0]);
    expect(Float32Array.from(same)).toEqual(x);
  });
});
