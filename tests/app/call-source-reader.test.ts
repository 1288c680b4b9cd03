/**
 * The call worker's file reader (call-source.ts pieceReader): reads served from 8 MB pieces read ahead give
 * exactly the bytes of a direct File.slice at any offset and length — inside a piece, across two pieces,
 * longer than a piece, at the end and past it.
 */
import { describe, expect, it } from 'vitest';
import { FILE_PIECE_BYTES, pieceReader } from '../../src/workers/call-source.ts';

describe('pieceReader', () => {
  const size = 2 * FILE_PIECE_BYTES + 12_345;
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i++) bytes[i] = (i * 2654435761) >>> 24;
  const file = new Blob([bytes]);
  const direct = (offset: number, length: number): Uint8Array => bytes.slice(offset, Math.min(size, offset + length));
  // toEqual walks a typed array's keys: over megabytes it runs out of memory.
  const difference = (a: Uint8Array, b: Uint8Array): string | null => {
    if (a.length !== b.length) return `length ${a.length} ≠ ${b.length}`;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return `byte ${i}: ${a[i]} ≠ ${b[i]}`;
    return null;
  };

  it('gives the bytes a direct slice gives, in order and out of order', async () => {
    const read = pieceReader(file);
    const reads: [number, number][] = [
      [0, 12], [12, 8], [36, 40], // a header walk
      [44, 1 << 19], [FILE_PIECE_BYTES - 100, 1 << 19], // a block across the first two pieces
      [FILE_PIECE_BYTES + 5, 1 << 19], [2 * FILE_PIECE_BYTES - 3, 1 << 19], // into the short last piece, past the end
      [size - 1, 10], [size, 10], [size + 5, 10], // at and past the end
      [3, FILE_PIECE_BYTES + 10], [7, 2 * FILE_PIECE_BYTES + 1], // longer than a piece, and across three
      [100, 50], // back to the start after the reader moved on
    ];
    for (const [offset, length] of reads) expect(difference(await read(offset, length), direct(offset, length)), `${offset} + ${length}`).toBeNull();
  });

  it('reads a whole file block by block as the WAV reader does', async () => {
    const read = pieceReader(file);
    const block = (1 << 17) * 4;
    const parts: Uint8Array[] = [];
    for (let at = 44; at < size; at += block) parts.push((await read(at, Math.min(block, size - at))).slice());
    const joined = new Uint8Array(size - 44);
    parts.reduce((at, p) => (joined.set(p, at), at + p.length), 0);
    expect(difference(joined, bytes.subarray(44))).toBeNull();
  });
});
