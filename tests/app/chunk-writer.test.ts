import { describe, expect, it } from 'vitest';
import { CHUNK_SEC, ChunkWriter } from '../../src/capture/chunk-writer.ts';
import { int16ToFloat } from '../../src/storage/pcm.ts';

const RATE = 1000; // small numbers keep the arithmetic readable

function ramp(n: number, start = 0): Float32Array {
  return Float32Array.from({ length: n }, (_, i) => ((start + i) % 100) / 200);
}

describe('ChunkWriter', () => {
  it('writes ≈1 s chunks in order while recording, and the rest on flush', async () => {
    const written: [number, number][] = [];
    const writer = new ChunkWriter(RATE, async (seq, pcm) => { written.push([seq, pcm.length]); });
    expect(CHUNK_SEC).toBe(1);
    writer.push(ramp(600));
    expect(written).toEqual([]);
    writer.push(ramp(700, 600)); // crosses one chunk
    await Promise.resolve();
    await writer.flush();
    expect(written).toEqual([[0, 1000], [1, 300]]);
    expect(writer.savedSamples).toBe(1300);
    expect(writer.savedSec).toBe(1.3);
    // The kept chunks are the stored Int16 audio.
    const back = int16ToFloat(writer.savedChunks[0]);
    expect(back[199]).toBeCloseTo(ramp(1300)[199], 4);
  });

  it('writes each chunk only after the one before it is stored', async () => {
    const log: string[] = [];
    let release: (() => void) | null = null;
    const writer = new ChunkWriter(RATE, async (seq) => {
      log.push(`start ${seq}`);
      if (seq === 0) await new Promise<void>((r) => { release = r; });
      log.push(`end ${seq}`);
    });
    writer.push(ramp(2000));
    await new Promise((r) => setTimeout(r, 5));
    expect(log).toEqual(['start 0']);
    (release as unknown as () => void)();
    await writer.flush();
    expect(log).toEqual(['start 0', 'end 0', 'start 1', 'end 1']);
  });

  it('stops at the first failed append; what was stored before stays counted', async () => {
    const stored: number[] = [];
    const failures: unknown[] = [];
    const full = new Error('QuotaExceededError');
    const writer = new ChunkWriter(RATE, async (seq) => {
      if (seq === 2) throw full;
      stored.push(seq);
    }, (e) => failures.push(e));
    writer.push(ramp(4500));
    await writer.flush();
    expect(stored).toEqual([0, 1]);
    expect(failures).toEqual([full]);
    expect(writer.failed).toBe(true);
    expect(writer.failure).toBe(full);
    expect(writer.savedSamples).toBe(2000);
    writer.push(ramp(3000));
    await writer.flush();
    expect(stored).toEqual([0, 1]);
    expect(failures).toHaveLength(1);
  });

  it('converts to Int16 as storage does (full scale survives)', async () => {
    const chunks: Int16Array[] = [];
    const writer = new ChunkWriter(RATE, async (_seq, pcm) => { chunks.push(pcm); });
    writer.push(Float32Array.from([1, -1, 0.5, 2]));
    await writer.flush();
    expect([...chunks[0]]).toEqual([32767, -32768, 16384, 32767]);
  });
});
