/** fast-check arbitraries that mutate valid pack encodings: bytes (flips, cuts, insertions, deletions) and the pack's JSON. */
import fc from 'fast-check';

/** One byte-level change of a buffer. */
export type ByteMutation =
  | { kind: 'flip'; at: number; xor: number }
  | { kind: 'cut'; at: number }
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'delete'; at: number; count: number }
  | { kind: 'set'; at: number; value: number };

/** Byte-level changes; positions are fractions of the length so they fit any buffer. */
export const byteMutation: fc.Arbitrary<ByteMutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), xor: fc.integer({ min: 1, max: 255 }) }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 16 }) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 64 }) }),
  // Length and count fields of a header: 0, 0xff…, small values.
  fc.record({ kind: fc.constant('set' as const), at: fc.nat(), value: fc.constantFrom(0, 1, 0x7f, 0x80, 0xff) }),
);

/** `bytes` with the mutations applied in order. */
export function mutateBytes(bytes: Uint8Array, mutations: readonly ByteMutation[]): Uint8Array {
  let b = bytes;
  for (const m of mutations) {
    const at = b.length === 0 ? 0 : m.at % (b.length + (m.kind === 'insert' ? 1 : 0));
    if (m.kind === 'flip' && b.length > 0) (b = b.slice())[at] ^= m.xor;
    else if (m.kind === 'set' && b.length > 0) (b = b.slice())[at] = m.value;
    else if (m.kind === 'cut') b = b.slice(0, at);
    else if (m.kind === 'insert') b = Uint8Array.from([...b.subarray(0, at), ...m.bytes, ...b.subarray(at)]);
    else if (m.kind === 'delete') b = Uint8Array.from([...b.subarray(0, at), ...b.subarray(at + m.count)]);
  }
  return b;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Values a hostile pack might hold: tricky strings, numbers at and past the edges, prototype keys' objects. */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    0, -1, 1, 50, 51, 1e308, -1e308, 2.5, 1_000_001, Number.MAX_SAFE_INTEGER, '', ' ', 'a\u0000b', 'line\r\n', '\u202e', '\ud800',
    '2026-02-30', '2026-12-31', '2026-12-03T08:15:00Z', 'voicedrill-pack', 'voicedrill-results', 'zh', 'en', 'passage', 'greeting3',
    '*', '**', '{name}', '{evil}', '<img src=x onerror=alert(1)>', 'x'.repeat(2001), true, false, null, [], {},
    { goodMin: 500, goodMax: 100 }, { unit: 'dB' }, { rate: { goodMin: 1e9 } },
  ),
  fc.jsonValue({ maxDepth: 2 }),
  fc.string({ maxLength: 30 }),
  fc.double(),
);

/** Keys added to objects: the prototype-polluting ones, fields of other shapes, random text. */
const addedKey: fc.Arbitrary<string> = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'builtIn', 'extra', 'bands', 'version'), fc.string({ maxLength: 12 }));

/** One change of a JSON tree at the path numbered `pick` (modulo the number of paths). */
export type JsonMutation = { kind: 'replace'; pick: number; value: unknown } | { kind: 'delete'; pick: number } | { kind: 'add'; pick: number; key: string; value: unknown };

export const jsonMutation: fc.Arbitrary<JsonMutation> = fc.oneof(
  fc.record({ kind: fc.constant('replace' as const), pick: fc.nat(), value: hostileValue }),
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('add' as const), pick: fc.nat(), key: addedKey, value: hostileValue }),
);

function containers(x: unknown, out: Array<Record<string, unknown> | unknown[]>): void {
  if (x === null || typeof x !== 'object') return;
  out.push(x as Record<string, unknown> | unknown[]);
  for (const v of Object.values(x)) containers(v, out);
}

/** A deep copy of `tree` with the mutations applied (keys are set as own keys, `__proto__` included). */
export function mutateJson(tree: Json, mutations: readonly JsonMutation[]): unknown {
  const root = structuredClone(tree) as unknown;
  for (const original of mutations) {
    // A copy of the inserted value: fast-check hands the same constant object ({}, []) to several mutations and runs,
    // and a later mutation adding into it would make the tree circular (or change the constant for later runs).
    const m = 'value' in original ? { ...original, value: structuredClone(original.value) } : original;
    const all: Array<Record<string, unknown> | unknown[]> = [];
    containers(root, all);
    const target = all[m.pick % all.length];
    const keys = Object.keys(target);
    if (m.kind === 'add') {
      if (Array.isArray(target)) target.push(m.value);
      else Object.defineProperty(target, m.key, { value: m.value, enumerable: true, writable: true, configurable: true });
    } else if (keys.length > 0) {
      const key = keys[m.pick % keys.length];
      if (m.kind === 'replace') Object.defineProperty(target, key, { value: m.value, enumerable: true, writable: true, configurable: true });
      else if (Array.isArray(target)) target.splice(Number(key), 1);
      else delete (target as Record<string, unknown>)[key];
    }
  }
  return root;
}

/** True when `error` reads as one sentence: non-empty, one line, ending with a full stop. */
export function isOneSentence(error: unknown): boolean {
  return typeof error === 'string' && error.length > 1 && error.length < 600 && !/[\n\r]/.test(error) && error.endsWith('.');
}
