/**
 * Fuzzing readPackFile with fast-check: 10,000 mutated pack files (byte flips, cuts, insertions, deletions of
 * valid files; JSON-level mutations of a valid pack re-zipped; odd entries). Every call returns, in time, either
 * one sentence or a pack that parsePackJson accepts again unchanged, with only the models its drills announce.
 */
import fc from 'fast-check';
import { zipSync, type Zippable } from 'fflate';
import { expect, it } from 'vitest';
import { parsePackJson, readPackFile, writePackFile, type ReadPack, type ReadResult } from '../../src/packs/index.ts';
import { byteMutation, isOneSentence, jsonMutation, mutateBytes, mutateJson } from './mutations.ts';
import { modelWav, rawPack, samplePack } from './pack-fixtures.ts';

const RUNS = 10_000;
const enc = new TextEncoder();
const wav = modelWav(64);

function zipOf(entries: ReadonlyArray<[string, Uint8Array]>, level: 0 | 9): Uint8Array {
  const z: Zippable = {};
  for (const [name, data] of entries) z[name] = [data, { level }];
  return zipSync(z);
}

// Valid encodings to start from: deflated and stored, with and without the model.
const seeds: Uint8Array[] = [
  writePackFile(samplePack(), new Map([['rb-greeting', wav]])),
  zipOf([['pack.json', enc.encode(JSON.stringify(samplePack()))], ['models/rb-greeting.wav', wav]], 0),
  writePackFile({ ...samplePack(), drills: samplePack().drills.slice(1) }, new Map()),
];

const extraEntry = fc.tuple(
  fc.constantFrom('pack.json', 'models/rb-greeting.wav', 'models/rb-apology.wav', 'models/x.wav', 'models/../a.wav', '__proto__', 'a/b.txt'),
  fc.oneof(fc.uint8Array({ maxLength: 64 }), fc.constant(wav)),
);

const input: fc.Arbitrary<Uint8Array> = fc.oneof(
  { weight: 5, arbitrary: fc.tuple(fc.nat(seeds.length - 1), fc.array(byteMutation, { minLength: 1, maxLength: 6 })).map(([s, ms]) => mutateBytes(seeds[s], ms)) },
  {
    weight: 4,
    arbitrary: fc.tuple(fc.array(jsonMutation, { minLength: 1, maxLength: 3 }), fc.boolean(), fc.constantFrom<0 | 9>(0, 9)).map(([ms, withModel, level]) => {
      const json = enc.encode(JSON.stringify(mutateJson(rawPack() as never, ms)));
      return zipOf(withModel ? [['pack.json', json], ['models/rb-greeting.wav', wav]] : [['pack.json', json]], level);
    }),
  },
  {
    weight: 1,
    arbitrary: fc.array(extraEntry, { maxLength: 3 }).map((extra) => {
      const entries = new Map<string, Uint8Array>([['pack.json', enc.encode(JSON.stringify(samplePack()))], ['models/rb-greeting.wav', wav]]);
      for (const [name, data] of extra) entries.set(name, data);
      return zipOf([...entries], 9);
    }),
  },
);

function checkResult(r: ReadResult<ReadPack>): void {
  if (!r.ok) {
    expect(isOneSentence(r.error), r.error).toBe(true);
    return;
  }
  const again = parsePackJson(JSON.parse(JSON.stringify(r.value.pack)));
  expect(again).toEqual({ ok: true, value: r.value.pack });
  const announced = r.value.pack.drills.filter((d) => d.hasModel).map((d) => d.drill.id).sort();
  expect([...r.value.models.keys()].sort()).toEqual(announced);
}

it(`readPackFile returns a sentence or a valid pack for ${RUNS} mutated files`, () => {
  let accepted = 0;
  let slowestMs = 0;
  fc.assert(
    fc.property(input, (bytes) => {
      const t0 = performance.now();
      const r = readPackFile(bytes);
      slowestMs = Math.max(slowestMs, performance.now() - t0);
      if (r.ok) accepted++;
      checkResult(r);
    }),
    { numRuns: RUNS },
  );
  // Both outcomes occur, so the mutations reach past the container; no call came near hanging.
  expect(accepted).toBeGreaterThan(50);
  expect(accepted).toBeLessThan(RUNS - 1000);
  expect(slowestMs).toBeLessThan(2000);
  // Nothing reached a prototype (pollution would show as enumerable keys on every object).
  expect(Object.keys(Object.prototype)).toEqual([]);
  expect(Object.keys(Array.prototype)).toEqual([]);
  console.log(`readPackFile fuzz: ${RUNS} inputs, ${accepted} accepted, slowest ${slowestMs.toFixed(1)} ms`);
}, 120_000);
