/**
 * Fuzzing readResultsFile (issue 12: ≥ 10,000 mutated inputs per importer): byte-level mutations of valid
 * results files (flips, truncations, insertions, overwrites) and JSON-level mutations of a valid results
 * object re-encoded into a file. Every input ends quickly in either one sentence (ok: false) or results
 * that parseResultsJson accepts again, with the audio every take with audio needs; nothing is polluted.
 */
import fc from 'fast-check';
import { zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readResultsFile, writeResultsFile } from '../../src/packs/results-file.ts';
import { parseResultsJson } from '../../src/packs/results-schema.ts';
import type { ResultsJson } from '../../src/packs/types.ts';
import { encodeWav } from '../helpers/wav.ts';
import { take, validResults } from './results-fixture.ts';

const RUNS = 10_000;
/** A tiny PCM WAV (50 frames) keeps each input small. */
const WAV = encodeWav([new Float32Array(50).map((_, i) => Math.sin(i / 3) * 0.3)], 8000);

function base(): ResultsJson {
  const r = validResults([
    take('take-1', 'hello', '2026-12-01T09:00:00.000Z', 150, 'good', { model: { rateRatio: 1.1, pitchVarietyRatio: 0.8, contourDistanceSt: 1.5 }, hasAudio: true }),
    take('take-2', 'bye', '2026-12-01T09:05:00.000Z', -3.5, 'low', { model: null }),
  ]);
  return r;
}

/** A zip whose results.json is stored (not deflated), so byte mutations reach the JSON text itself. */
function storedZip(results: unknown, audio: boolean): Uint8Array {
  const z: Zippable = { 'results.json': [new TextEncoder().encode(JSON.stringify(results)), { level: 0 }] };
  if (audio) z['audio/take-1.wav'] = [WAV, { level: 0 }];
  return zipSync(z);
}

const SEEDS: Uint8Array[] = [
  writeResultsFile(base(), new Map([['take-1', WAV]])),
  storedZip(base(), true),
  storedZip({ ...base(), takes: base().takes.map((t) => ({ ...t, hasAudio: false })) }, false),
];

/** What every read must give: one sentence, or results that validate again with their audio; and fast. True when read. */
function checkRead(bytes: Uint8Array): boolean {
  const started = performance.now();
  const read = readResultsFile(bytes);
  expect(performance.now() - started).toBeLessThan(2000);
  if (!read.ok) {
    expect(read.error.length).toBeGreaterThan(0);
    expect(read.error).not.toMatch(/[\r\n]/);
    expect(read.error).toMatch(/[.]$/);
    return false;
  }
  const again = parseResultsJson(JSON.parse(JSON.stringify(read.value.results)));
  expect(again.ok).toBe(true);
  for (const t of read.value.results.takes) expect(read.value.audio.has(t.takeId)).toBe(t.hasAudio);
  expect(read.value.audio.size).toBe(read.value.results.takes.filter((t) => t.hasAudio).length);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  return true;
}

type ByteOp =
  | { kind: 'flip'; at: number; bit: number }
  | { kind: 'set'; at: number; byte: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'delete'; at: number; length: number };

const byteOp: fc.Arbitrary<ByteOp> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ kind: fc.constant('set' as const), at: fc.nat(), byte: fc.constantFrom(0, 0x22, 0x7b, 0x7d, 0x2c, 0xff, 0x5c, 0x30, 0x39) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 8 }) }),
);

function applyByteOp(bytes: Uint8Array, op: ByteOp): Uint8Array {
  if (bytes.length === 0) return bytes;
  const at = op.at % bytes.length;
  switch (op.kind) {
    case 'flip': { const out = bytes.slice(); out[at] ^= 1 << op.bit; return out; }
    case 'set': { const out = bytes.slice(); out[at] = op.byte; return out; }
    case 'truncate': return bytes.slice(0, at);
    case 'insert': return new Uint8Array([...bytes.subarray(0, at), ...op.bytes, ...bytes.subarray(at)]);
    case 'delete': return new Uint8Array([...bytes.subarray(0, at), ...bytes.subarray(at + op.length)]);
  }
}

// JSON-level mutations: a path into the valid results object and what to do there.
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function paths(value: Json, prefix: Array<string | number> = []): Array<Array<string | number>> {
  const out: Array<Array<string | number>> = [prefix];
  if (Array.isArray(value)) value.forEach((x, i) => out.push(...paths(x, [...prefix, i])));
  else if (value !== null && typeof value === 'object') for (const [k, x] of Object.entries(value)) out.push(...paths(x, [...prefix, k]));
  return out;
}

const HOSTILE_VALUES: Json[] = [
  null, true, 0, -1, 1.5, 1e308, -1e7, 51, 3601, 49, '', ' ', 'x'.repeat(201), 'a\u0000b', 'line\nbreak', '\u202e', '2026-02-30', '2026-12-01',
  '2026-12-01T09:00:00Z', 'hello', 'bye', 'take-1', 'rate', 'good', 'voicedrill-results', '<script>alert(1)</script>', '=1+1', [], {}, [1, [2, [3]]],
];
const FORBIDDEN = ['__proto__', 'constructor', 'prototype'];

type JsonOp =
  | { kind: 'replace'; path: number; value: Json }
  | { kind: 'delete'; path: number }
  | { kind: 'addKey'; path: number; key: string; value: Json }
  | { kind: 'duplicate'; path: number };

const jsonValue: fc.Arbitrary<Json> = fc.oneof(fc.constantFrom(...HOSTILE_VALUES), fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>);
const jsonOp: fc.Arbitrary<JsonOp> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('replace' as const), path: fc.nat(), value: jsonValue }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), path: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('addKey' as const), path: fc.nat(), key: fc.oneof(fc.constantFrom(...FORBIDDEN), fc.string({ maxLength: 6 })), value: jsonValue }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('duplicate' as const), path: fc.nat() }) },
);

function applyJsonOp(root: Json, op: JsonOp): Json {
  const all = paths(root);
  const path = all[op.path % all.length];
  if (path.length === 0) return op.kind === 'replace' ? op.value : root;
  let parent = root as { [key: string]: Json } | Json[];
  for (const key of path.slice(0, -1)) parent = (parent as Record<string | number, Json>)[key] as typeof parent;
  const last = path[path.length - 1];
  const target = (parent as Record<string | number, Json>)[last];
  switch (op.kind) {
    case 'replace': (parent as Record<string | number, Json>)[last] = op.value; break;
    case 'delete':
      if (Array.isArray(parent)) parent.splice(last as number, 1);
      else delete parent[last as string];
      break;
    case 'addKey':
      // defineProperty: an own "__proto__" key, as JSON.parse of a hostile file makes it.
      if (target !== null && typeof target === 'object' && !Array.isArray(target)) {
        Object.defineProperty(target, op.key, { value: op.value, enumerable: true, writable: true, configurable: true });
      }
      break;
    case 'duplicate':
      if (Array.isArray(parent)) parent.push(JSON.parse(JSON.stringify(target)) as Json);
      break;
  }
  return root;
}

describe('readResultsFile under fuzzing', () => {
  it(`byte-level mutations of valid results files (${RUNS} inputs): one sentence or results that validate again`, () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.nat({ max: SEEDS.length - 1 }), fc.array(byteOp, { minLength: 1, maxLength: 4 }), (seed, ops) => {
        const bytes = ops.reduce(applyByteOp, SEEDS[seed]);
        if (checkRead(bytes)) accepted += 1;
      }),
      { numRuns: RUNS, seed: 12, endOnFailure: true },
    );
    // Some mutations land where they change nothing that matters (e.g. a digit of a value): both paths run.
    expect(accepted).toBeGreaterThan(100);
    expect(accepted).toBeLessThan(RUNS);
  });

  it(`JSON-level mutations of a valid results object, re-encoded (${RUNS} inputs): one sentence or results that validate again`, () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.array(jsonOp, { minLength: 1, maxLength: 3 }), fc.boolean(), (ops, withAudio) => {
        const mutated = ops.reduce(applyJsonOp, JSON.parse(JSON.stringify(base())) as Json);
        const bytes = storedZip(mutated, withAudio);
        if (checkRead(bytes)) accepted += 1;
      }),
      { numRuns: RUNS, seed: 34, endOnFailure: true },
    );
    expect(accepted).toBeGreaterThan(100);
    expect(accepted).toBeLessThan(RUNS / 2);
  });

  it('an unmutated seed reads (so the mutations start from valid files)', () => {
    for (const seed of SEEDS) expect(readResultsFile(seed).ok).toBe(true);
  });
});
