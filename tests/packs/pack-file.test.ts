/** readPackFile / writePackFile: round trips, and one test per hostile-input rule of the pack file, with the exact sentence. */
import { zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import { PACK_LIMITS, readPackFile, writePackFile, type PackJson } from '../../src/packs/index.ts';
import { encodeWav } from '../helpers/wav.ts';
import { modelWav, rawPack, samplePack } from './pack-fixtures.ts';

const enc = new TextEncoder();
const packJsonBytes = (pack: unknown): Uint8Array => enc.encode(JSON.stringify(pack));

/** A zip of the given entries as any zip tool could write it (deflated at level 9). */
function zipOf(entries: Record<string, Uint8Array>): Uint8Array {
  const z: Zippable = {};
  for (const [name, data] of Object.entries(entries)) z[name] = [data, { level: 9 }];
  return zipSync(z);
}

function errorOf(bytes: Uint8Array): string {
  const r = readPackFile(bytes);
  if (r.ok) throw new Error('the pack file was accepted');
  return r.error;
}

/** The sample pack's entries: pack.json and the greeting's model. */
const validEntries = (): Record<string, Uint8Array> => ({ 'pack.json': packJsonBytes(samplePack()), 'models/rb-greeting.wav': modelWav() });

/** Overwrites the uncompressed size an entry declares, in its local header and in the central directory. */
function declareSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  const nameBytes = enc.encode(name);
  const matches = (at: number): boolean => nameBytes.every((b, k) => out[at + k] === b);
  for (let at = 0; at + 46 < out.length; at++) {
    const sig = view.getUint32(at, true);
    if (sig === 0x04034b50 && view.getUint16(at + 26, true) === nameBytes.length && matches(at + 30)) view.setUint32(at + 22, size, true);
    if (sig === 0x02014b50 && view.getUint16(at + 28, true) === nameBytes.length && matches(at + 46)) view.setUint32(at + 24, size, true);
  }
  return out;
}

describe('round trips', () => {
  it('a pack with a model reads back deep-equal, model bytes included', () => {
    const pack = samplePack();
    const wav = modelWav();
    const r = readPackFile(writePackFile(pack, new Map([['rb-greeting', wav]])));
    expect(r).toEqual({ ok: true, value: { pack, models: new Map([['rb-greeting', wav]]), source: 'file' } });
  });
  it('hasModel follows the models given; models of drills not in the pack are left out', () => {
    const pack = samplePack();
    const bytes = writePackFile(pack, new Map([['rb-apology', modelWav(800)], ['not-in-pack', modelWav()]]));
    const r = readPackFile(bytes);
    if (!r.ok) throw new Error(r.error);
    expect(r.value.pack.drills.map((d) => d.hasModel)).toEqual([false, true]);
    expect([...r.value.models.keys()]).toEqual(['rb-apology']);
    expect(r.value.models.get('rb-apology')?.length).toBe(44 + 1600);
  });
  it('the writer refuses what the reader would refuse', () => {
    const pack: PackJson = { ...samplePack(), id: 'Not An Id' };
    expect(() => writePackFile(pack, new Map())).toThrow('id must be 1–64 lower-case letters, digits and hyphens, starting with a letter or digit.');
    expect(() => writePackFile(samplePack(), new Map([['rb-greeting', enc.encode('not a wav')]])))
      .toThrow('The model recording of drill "rb-greeting" is not a WAV file (it has no RIFF/WAVE header).');
  });
});

describe('the container', () => {
  it('refuses an empty file, a file that is not a zip, and a damaged zip', () => {
    expect(errorOf(new Uint8Array(0))).toBe('This pack file is empty.');
    expect(errorOf(packJsonBytes(samplePack()))).toBe('This pack file is not a VoiceDrill file (it is not a zip container).');
    expect(errorOf(writePackFile(samplePack(), new Map()).subarray(0, 200))).toBe('This pack file is damaged (its zip container cannot be read).');
  });
  it('refuses an oversize file before reading it', () => {
    const big = new Uint8Array(PACK_LIMITS.packFileBytes + 1);
    big.set([0x50, 0x4b, 3, 4]);
    expect(errorOf(big)).toBe('This pack file is larger than 64 MB, the most VoiceDrill reads.');
  });
  it('refuses too many entries', () => {
    const entries: Record<string, Uint8Array> = { 'pack.json': packJsonBytes(samplePack()) };
    for (let i = 0; i < PACK_LIMITS.zipEntries; i++) entries[`models/d${i}.wav`] = modelWav(10);
    expect(errorOf(zipOf(entries))).toBe('This pack file holds more than 400 entries.');
  });
  it('refuses an unexpected entry, and a model path that escapes its folder', () => {
    expect(errorOf(zipOf({ ...validEntries(), 'index.html': enc.encode('<script>') }))).toBe('This pack file holds an unexpected entry "index.html".');
    expect(errorOf(zipOf({ ...validEntries(), 'models/../pack.json': enc.encode('{}') }))).toBe('This pack file holds an unexpected entry "models/../pack.json".');
  });
  it('refuses a zip bomb by its declared size, before inflating it', () => {
    const bomb = zipOf({ 'pack.json': packJsonBytes(samplePack()), 'models/rb-greeting.wav': new Uint8Array(PACK_LIMITS.modelWavBytes + 1) });
    expect(bomb.length).toBeLessThan(20_000);
    expect(errorOf(bomb)).toBe('"models/rb-greeting.wav" in this pack file is larger than 10 MB.');
    const jsonBomb = zipOf({ 'pack.json': new Uint8Array(PACK_LIMITS.packJsonBytes + 1).fill(32) });
    expect(errorOf(jsonBomb)).toBe('"pack.json" in this pack file is larger than 1 MB.');
  });
  it('reads no more than an entry declares (a bomb lying about its size is cut at the declared size)', () => {
    const lying = declareSize(zipOf({ 'pack.json': enc.encode(JSON.stringify(samplePack()) + ' '.repeat(5_000_000)) }), 'pack.json', 100);
    expect(errorOf(lying)).toBe('The pack.json of this pack file is not valid JSON.');
  });
  it('needs pack.json', () => {
    expect(errorOf(zipOf({ 'models/rb-greeting.wav': modelWav() }))).toBe('This pack file has no pack.json.');
  });
});

describe('pack.json', () => {
  it('must be UTF-8 JSON', () => {
    expect(errorOf(zipOf({ 'pack.json': Uint8Array.from([0x7b, 0xff, 0xfe, 0x7d]) }))).toBe('The pack.json of this pack file is not UTF-8 text.');
    expect(errorOf(zipOf({ 'pack.json': enc.encode('{"format": "voicedrill-pack",') }))).toBe('The pack.json of this pack file is not valid JSON.');
  });
  it('is validated by parsePackJson (newer schema, prototype keys)', () => {
    expect(errorOf(zipOf({ 'pack.json': packJsonBytes({ ...rawPack(), schemaVersion: 9 }) })))
      .toBe('This pack was made by a newer VoiceDrill (pack schemaVersion 9); update VoiceDrill to open it.');
    const text = JSON.stringify(samplePack()).replace('"notes"', '"__proto__":{"isAdmin":true},"notes"');
    expect(errorOf(zipOf({ 'pack.json': enc.encode(text), 'models/rb-greeting.wav': modelWav() }))).toBe('drills[0] has a field named "__proto__", which VoiceDrill refuses.');
  });
});

describe('models', () => {
  it('every drill with hasModel brings its WAV', () => {
    expect(errorOf(zipOf({ 'pack.json': packJsonBytes(samplePack()) }))).toBe('This pack file lacks the model recording of drill "rb-greeting" (models/rb-greeting.wav).');
  });
  it('a WAV only for a drill of the pack that has a model', () => {
    expect(errorOf(zipOf({ ...validEntries(), 'models/stranger.wav': modelWav() }))).toBe('This pack file holds a model recording for drill "stranger", which is not in the pack.');
    expect(errorOf(zipOf({ ...validEntries(), 'models/rb-apology.wav': modelWav() }))).toBe('This pack file holds a model recording for drill "rb-apology", whose hasModel is false.');
  });
  it('a model must be a whole 16-bit PCM mono WAV', () => {
    const withModel = (wav: Uint8Array): string => errorOf(zipOf({ 'pack.json': packJsonBytes(samplePack()), 'models/rb-greeting.wav': wav }));
    expect(withModel(enc.encode('ID3 not a wav at all'))).toBe('The model recording models/rb-greeting.wav is not a WAV file (it has no RIFF/WAVE header).');
    const x = new Float32Array(400);
    expect(withModel(encodeWav([x, x], 8000, 16))).toBe('The model recording models/rb-greeting.wav is not 16-bit PCM mono (it is format 0x1, 16 bits, 2 channels).');
    expect(withModel(encodeWav([x], 8000, 'float32'))).toBe('The model recording models/rb-greeting.wav is not 16-bit PCM mono (it is format 0x3, 32 bits, 1 channel).');
    expect(withModel(modelWav().subarray(0, 300))).toBe('The model recording models/rb-greeting.wav is cut short (its audio ends before its header says).');
    expect(withModel(modelWav().subarray(0, 40))).toBe('The model recording models/rb-greeting.wav has no WAV audio chunk.');
    expect(withModel(modelWav(0))).toBe('The model recording models/rb-greeting.wav holds no audio.');
  });
});
