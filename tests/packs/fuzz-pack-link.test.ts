/**
 * Fuzzing readPackLink with fast-check: 10,000 mutated links (characters replaced, cut, inserted, deleted;
 * bytes of the compressed payload flipped and re-encoded; JSON-level mutations of a valid pack re-deflated).
 * Every call returns, in time, either one sentence or a pack that parsePackJson accepts again unchanged.
 */
import fc from 'fast-check';
import { deflateSync } from 'fflate';
import { expect, it } from 'vitest';
import { packLinkPayload, parsePackJson, readPackLink } from '../../src/packs/index.ts';
import { base64UrlDecode, base64UrlEncode } from '../../src/packs/link.ts';
import { byteMutation, isOneSentence, jsonMutation, mutateBytes, mutateJson } from './mutations.ts';
import { rawPack, samplePack } from './pack-fixtures.ts';

const RUNS = 10_000;
const enc = new TextEncoder();
const seed = packLinkPayload(samplePack());
const seedBytes = base64UrlDecode(seed)!;

const charEdit = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom('replace', 'insert', 'delete', 'cut'),
  char: fc.oneof(fc.constantFrom(...'AZaz09-_=+/% .#é\u0000'.split('')), fc.string({ minLength: 1, maxLength: 1 })),
});

function editChars(text: string, edits: ReadonlyArray<{ at: number; kind: string; char: string }>): string {
  let t = text;
  for (const e of edits) {
    const at = e.at % (t.length + 1);
    if (e.kind === 'replace') t = t.slice(0, at) + e.char + t.slice(at + 1);
    else if (e.kind === 'insert') t = t.slice(0, at) + e.char + t.slice(at);
    else if (e.kind === 'delete') t = t.slice(0, at) + t.slice(at + 1);
    else t = t.slice(0, at);
  }
  return t;
}

const input: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.array(charEdit, { minLength: 1, maxLength: 4 }).map((edits) => editChars(seed, edits)) },
  { weight: 3, arbitrary: fc.array(byteMutation, { minLength: 1, maxLength: 4 }).map((ms) => base64UrlEncode(mutateBytes(seedBytes, ms))) },
  {
    weight: 4,
    arbitrary: fc.array(jsonMutation, { minLength: 1, maxLength: 3 }).map((ms) =>
      base64UrlEncode(deflateSync(enc.encode(JSON.stringify(mutateJson(rawPack() as never, ms))), { level: 9 }))),
  },
);

it(`readPackLink returns a sentence or a valid pack for ${RUNS} mutated links`, () => {
  let accepted = 0;
  let slowestMs = 0;
  fc.assert(
    fc.property(input, (payload) => {
      const t0 = performance.now();
      const r = readPackLink(payload);
      slowestMs = Math.max(slowestMs, performance.now() - t0);
      if (!r.ok) {
        expect(isOneSentence(r.error), r.error).toBe(true);
        return;
      }
      accepted++;
      expect(parsePackJson(JSON.parse(JSON.stringify(r.value.pack)))).toEqual({ ok: true, value: r.value.pack });
      expect(r.value.models.size).toBe(0);
      expect(r.value.pack.drills.every((d) => !d.hasModel)).toBe(true);
    }),
    { numRuns: RUNS },
  );
  expect(accepted).toBeGreaterThan(50);
  expect(accepted).toBeLessThan(RUNS - 1000);
  expect(slowestMs).toBeLessThan(2000);
  // Nothing reached a prototype (pollution would show as enumerable keys on every object).
  expect(Object.keys(Object.prototype)).toEqual([]);
  expect(Object.keys(Array.prototype)).toEqual([]);
  console.log(`readPackLink fuzz: ${RUNS} inputs, ${accepted} accepted, slowest ${slowestMs.toFixed(1)} ms`);
}, 120_000);
