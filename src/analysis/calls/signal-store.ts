/**
 * A long 16 kHz signal kept compactly: 16-bit integers with one scale per 1024-sample block (block
 * floating point: each block's largest sample maps to ±32767), in 1 Mi-sample pages. 60 minutes take
 * 115 MB instead of 230 MB of float32; the rounding error is ≤ 1/65534 of the block's peak (about
 * −96 dB re the block's loudest sample, far below any level the call analysis decides on).
 *
 * With a ScratchFile (the browser's call workers give one in the origin's private file system), each page
 * is written there once full and read back a page at a time when read: an hour of stereo then holds about
 * 4 MB per channel in memory instead of 115 MB, the same samples. A write that fails (storage full, no
 * private file system) keeps that page and every later one in memory, as without a file.
 */
import type { SampleReader } from '../types.ts';

/** Samples per scale. */
export const STORE_BLOCK_SAMPLES = 1024;
/** Samples per page (a multiple of STORE_BLOCK_SAMPLES). */
const PAGE_SAMPLES = 1 << 20;
const BLOCKS_PER_PAGE = PAGE_SAMPLES / STORE_BLOCK_SAMPLES;
const FULL_SCALE = 32767;
const EMPTY_PAGE = new Int16Array(0);
const EMPTY_SCALES = new Float32Array(0);
/** Bytes of one page in a ScratchFile. */
const PAGE_BYTES = PAGE_SAMPLES * Int16Array.BYTES_PER_ELEMENT;

/**
 * A file the store may keep its full pages in (synchronous, as the store is): bytes written at an offset and
 * read back whole. Its owner (the host) opens it, and closes and deletes it after the analysis.
 */
export interface ScratchFile {
  /** Write all of `bytes` at byte `atByte`; throws when it cannot (e.g. storage full). */
  write(atByte: number, bytes: Uint8Array): void;
  /** Fill `into` from byte `atByte`; throws when it cannot. */
  read(atByte: number, into: Uint8Array): void;
}

/** An append-only compact signal. */
export interface SignalStore {
  /** Append samples (after seal: refused). */
  append(samples: Float32Array): void;
  /** No more samples: stores the last partial block. */
  seal(): void;
  /** Read access (after seal). */
  reader: SampleReader;
  /**
   * Let go of the pages wholly before sample `sample` (Infinity: all of them), for a reader that only moves
   * forward: reading them afterwards throws. The finish measures each side's turns in time order as its last
   * read, so the 16-bit signal (115 MB per hour) is freed as the turns pass instead of after all of them.
   */
  discardBefore(sample: number): void;
  /** Bytes of the compact signal when sealed (pages let go by discardBefore or kept in the scratch file still count). */
  readonly bytes: number;
  /** Pages kept in the scratch file (not in memory). */
  readonly spilledPages: number;
}

/** A store of a `sampleRateHz` signal; with `scratch`, full pages are kept in that file instead of in memory. */
export function createSignalStore(sampleRateHz: number, scratch?: ScratchFile): SignalStore {
  // A page in memory, or null: in the scratch file.
  const pages: (Int16Array | null)[] = [];
  const scales: Float32Array[] = [];
  const pending = new Float32Array(STORE_BLOCK_SAMPLES);
  let pendingCount = 0;
  let stored = 0; // samples in pages
  let sealed = false;
  let out = new Float32Array(0);
  let discarded = 0; // pages let go
  let writeTo = scratch ?? null; // null: every later page stays in memory (none given, or a write failed)
  let loaded = -1; // the spilled page in `cache`
  let cache: Int16Array = EMPTY_PAGE;

  /** A full page goes to the scratch file and its array is handed back for the next page; a failed write keeps it here (null). */
  const spill = (page: number): Int16Array | null => {
    const full = pages[page];
    if (writeTo === null || full === null) return null;
    try {
      writeTo.write(page * PAGE_BYTES, new Uint8Array(full.buffer, full.byteOffset, full.byteLength));
    } catch {
      writeTo = null;
      return null;
    }
    pages[page] = null;
    return full;
  };
  /** The samples of page `page`, read back from the scratch file into the one cached page when spilled. */
  const pageOf = (page: number): Int16Array => {
    const kept = pages[page];
    if (kept !== null) return kept;
    if (loaded !== page) {
      if (cache.length !== PAGE_SAMPLES) cache = new Int16Array(PAGE_SAMPLES);
      loaded = -1;
      // A page is spilled only after a write to the scratch file succeeded.
      (scratch as ScratchFile).read(page * PAGE_BYTES, new Uint8Array(cache.buffer, cache.byteOffset, cache.byteLength));
      loaded = page;
    }
    return cache;
  };

  const storeBlock = (block: Float32Array, count: number): void => {
    const page = Math.floor(stored / PAGE_SAMPLES);
    if (page === pages.length) {
      // The array of the page just written to the file is filled again.
      pages.push((page > 0 ? spill(page - 1) : null) ?? new Int16Array(PAGE_SAMPLES));
      scales.push(new Float32Array(BLOCKS_PER_PAGE));
    }
    const at = stored - page * PAGE_SAMPLES;
    let peak = 0;
    for (let i = 0; i < count; i++) peak = Math.max(peak, Math.abs(block[i]));
    const scale = peak > 0 ? peak / FULL_SCALE : 0;
    scales[page][at / STORE_BLOCK_SAMPLES] = scale;
    const inv = scale > 0 ? 1 / scale : 0;
    const dest = pages[page] as Int16Array;
    // Int16Array stores truncate toward zero: ±0.5 first rounds half away from zero.
    for (let i = 0; i < count; i++) {
      const v = block[i] * inv;
      dest[at + i] = v + (v >= 0 ? 0.5 : -0.5);
    }
    stored += count;
  };

  const reader: SampleReader = {
    sampleRateHz,
    get length() {
      return stored;
    },
    read(from, to) {
      if (!sealed) throw new Error('the signal store is still being filled');
      if (!(from >= 0 && to <= stored && from <= to)) throw new RangeError(`cannot read samples ${from}–${to} of ${stored}`);
      if (to > from && from < discarded * PAGE_SAMPLES) throw new RangeError(`samples ${from}–${to} were let go (before ${discarded * PAGE_SAMPLES})`);
      if (out.length < to - from) out = new Float32Array(Math.max(to - from, 2 * out.length));
      const x = out.subarray(0, to - from);
      for (let i = from; i < to; ) {
        const page = Math.floor(i / PAGE_SAMPLES);
        const at = i - page * PAGE_SAMPLES;
        const block = Math.floor(at / STORE_BLOCK_SAMPLES);
        const end = Math.min(to, page * PAGE_SAMPLES + (block + 1) * STORE_BLOCK_SAMPLES);
        const scale = scales[page][block];
        const src = pageOf(page);
        for (let j = i; j < end; j++) x[j - from] = src[j - page * PAGE_SAMPLES] * scale;
        i = end;
      }
      return x;
    },
  };

  return {
    append(samples) {
      if (sealed) throw new Error('the signal store is sealed');
      let i = 0;
      while (i < samples.length) {
        if (pendingCount === 0 && samples.length - i >= STORE_BLOCK_SAMPLES) {
          storeBlock(samples.subarray(i, i + STORE_BLOCK_SAMPLES), STORE_BLOCK_SAMPLES);
          i += STORE_BLOCK_SAMPLES;
          continue;
        }
        const take = Math.min(STORE_BLOCK_SAMPLES - pendingCount, samples.length - i);
        pending.set(samples.subarray(i, i + take), pendingCount);
        pendingCount += take;
        i += take;
        if (pendingCount === STORE_BLOCK_SAMPLES) {
          storeBlock(pending, STORE_BLOCK_SAMPLES);
          pendingCount = 0;
        }
      }
    },
    seal() {
      if (sealed) return;
      if (pendingCount > 0) storeBlock(pending, pendingCount);
      pendingCount = 0;
      sealed = true;
    },
    reader,
    discardBefore(sample) {
      const upTo = Math.min(pages.length, Math.floor(sample / PAGE_SAMPLES));
      for (; discarded < upTo; discarded++) {
        pages[discarded] = EMPTY_PAGE;
        scales[discarded] = EMPTY_SCALES;
      }
      if (discarded === pages.length) {
        out = new Float32Array(0);
        cache = EMPTY_PAGE;
        loaded = -1;
      }
    },
    get bytes() {
      return pages.length * (PAGE_SAMPLES * 2 + BLOCKS_PER_PAGE * 4);
    },
    get spilledPages() {
      return pages.reduce((n, p) => n + (p === null ? 1 : 0), 0);
    },
  };
}
