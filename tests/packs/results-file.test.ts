/** readResultsFile / writeResultsFile: round trip with audio, and one test per hostile rule of the container. */
import { zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readResultsFile, writeResultsFile } from '../../src/packs/results-file.ts';
import type { ResultsJson } from '../../src/packs/types.ts';
import { encodeWav } from '../helpers/wav.ts';
import { smallWav, take, validResults } from './results-fixture.ts';

const json = (r: unknown): Uint8Array => new TextEncoder().encode(JSON.stringify(r));

/** A zip of the given entries, as any zip tool would write it. */
function zip(entries: Record<string, Uint8Array>): Uint8Array {
  const z: Zippable = {};
  for (const [name, data] of Object.entries(entries)) z[name] = [data, { level: name.endsWith('.wav') ? 0 : 6 }];
  return zipSync(z);
}

/** Results whose first take has audio. */
function withAudio(): ResultsJson {
  const r = validResults();
  r.takes[0].hasAudio = true;
  return r;
}

function error(bytes: Uint8Array): string {
  const read = readResultsFile(bytes);
  if (read.ok) throw new Error('accepted');
  return read.error;
}

/** Sets the declared uncompressed size of every entry (local and central headers) to `size`. */
function declareSize(bytes: Uint8Array, size: number): Uint8Array {
  const out = bytes.slice();
  const view = new DataView(out.buffer);
  for (let i = 0; i + 46 <= out.length; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x04034b50) view.setUint32(i + 22, size, true);
    if (sig === 0x02014b50) view.setUint32(i + 24, size, true);
  }
  return out;
}

describe('results file round trip', () => {
  it('reads back what it wrote, audio included, byte for byte', () => {
    const wav = smallWav();
    const results = withAudio();
    const bytes = writeResultsFile(results, new Map([['take-1', wav]]));
    const read = readResultsFile(bytes);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.value.results).toEqual(results);
    expect([...read.value.audio.keys()]).toEqual(['take-1']);
    expect(read.value.audio.get('take-1')).toEqual(wav);
  });

  it('writes hasAudio from the audio given, and the same input gives the same bytes', () => {
    const results = withAudio();
    const a = writeResultsFile(results, new Map());
    const read = readResultsFile(a);
    expect(read.ok && read.value.results.takes.map((t) => t.hasAudio)).toEqual([false, false]);
    expect(writeResultsFile(results, new Map())).toEqual(a);
  });

  it('refuses to write audio of a take not in the results, or invalid results', () => {
    expect(() => writeResultsFile(validResults(), new Map([['nope', smallWav()]]))).toThrow('Audio was given for take "nope", which is not in the results.');
    const bad = validResults();
    bad.takes[0].drillId = 'gone';
    expect(() => writeResultsFile(bad, new Map())).toThrow('names the drill "gone"');
    expect(() => writeResultsFile(validResults(), new Map([['take-1', new Uint8Array(50)]]))).toThrow('cannot be written: it is not a WAV file');
  });
});

describe('readResultsFile refuses', () => {
  it('an empty file, a file that is not a zip, and a damaged zip', () => {
    expect(error(new Uint8Array())).toBe('This results file is empty.');
    expect(error(json(validResults()))).toBe('This results file is not a VoiceDrill file (it is not a zip container).');
    const good = zip({ 'results.json': json(validResults()) });
    expect(error(good.slice(0, good.length - 30))).toBe('This results file is damaged (its zip container cannot be read).');
  });

  it('a file larger than 256 MB, before reading it', () => {
    const big = new Uint8Array(256 * 1024 * 1024 + 1);
    big.set([0x50, 0x4b]);
    expect(error(big)).toBe('This results file is larger than 256 MB, the most VoiceDrill reads.');
  });

  it('a results.json larger than 8 MB', () => {
    const r = validResults() as ResultsJson & { pad?: string };
    const text = JSON.stringify(r).replace(/}$/, `,"pad":"${' '.repeat(8 * 1024 * 1024)}"}`);
    expect(error(zip({ 'results.json': new TextEncoder().encode(text) }))).toBe('"results.json" in this results file is larger than 8 MB.');
  });

  it('a take WAV larger than 20 MB', () => {
    const huge = new Uint8Array(20 * 1024 * 1024 + 2);
    expect(error(zip({ 'results.json': json(withAudio()), 'audio/take-1.wav': huge }))).toBe('"audio/take-1.wav" in this results file is larger than 20 MB.');
  });

  it('a zip bomb by its declared size, before inflating it', () => {
    const bomb = declareSize(zip({ 'results.json': json(validResults()) }), 0xfffffff0);
    expect(error(bomb)).toBe('"results.json" in this results file is larger than 8 MB.');
  });

  it('an entry that inflates to more than it declares: inflating stops at the declared 10 bytes', () => {
    const liar = declareSize(zip({ 'results.json': json(validResults()) }), 10);
    expect(error(liar)).toBe('results.json in this results file is not valid JSON.');
  });

  it('more entries than takes can have', () => {
    const entries: Record<string, Uint8Array> = { 'results.json': json(validResults()) };
    for (let i = 0; i < 5001; i++) entries[`audio/t${i}.wav`] = new Uint8Array(1);
    expect(error(zip(entries))).toBe('This results file holds more than 5001 entries.');
  });

  it('an unexpected entry, or audio of no take with audio', () => {
    expect(error(zip({ 'results.json': json(validResults()), 'notes.txt': new Uint8Array(3) }))).toBe('This results file holds an unexpected entry "notes.txt".');
    expect(error(zip({ 'results.json': json(validResults()), 'audio/../x.wav': smallWav() }))).toBe('This results file holds an unexpected entry "audio/../x.wav".');
    expect(error(zip({ 'results.json': json(validResults()), 'audio/take-2.wav': smallWav() }))).toBe('This results file holds audio/take-2.wav, which belongs to no take with audio.');
  });

  it('a file without results.json', () => {
    expect(error(zip({ 'audio/take-1.wav': smallWav() }))).toBe('This results file has no results.json.');
  });

  it('results.json that is not UTF-8 or not JSON', () => {
    const latin1 = new Uint8Array([...json(validResults()).slice(0, -1), 0xe9, 0x7d]);
    expect(error(zip({ 'results.json': latin1 }))).toBe('results.json in this results file is not UTF-8 text.');
    expect(error(zip({ 'results.json': new TextEncoder().encode('{"format": ') }))).toBe('results.json in this results file is not valid JSON.');
  });

  it('results.json that the schema refuses (a newer schema version), with its sentence', () => {
    expect(error(zip({ 'results.json': json({ ...validResults(), schemaVersion: 9 }) }))).toBe(
      'This results file was made by a newer VoiceDrill (results version 9, this app reads up to 1); update VoiceDrill to read it.');
  });

  it('a prototype key inside the file', () => {
    const text = JSON.stringify(validResults()).replace('"name":"Li Na"', '"name":"Li Na","__proto__":{"admin":true}');
    expect(error(zip({ 'results.json': new TextEncoder().encode(text) }))).toBe('results.json has the forbidden key "__proto__" in "agent".');
  });

  it('a take with audio whose WAV is missing', () => {
    expect(error(zip({ 'results.json': json(withAudio()) }))).toBe('This results file says take "take-1" has audio, but audio/take-1.wav is not in it.');
  });

  it.each<[string, Uint8Array, string]>([
    ['not a WAV', new TextEncoder().encode('<html>not audio</html>'), 'it is not a WAV file (it has no RIFF/WAVE header)'],
    ['float WAV', encodeWav([new Float32Array(100)], 16000, 'float32'), 'its WAV audio is not PCM'],
    ['truncated WAV', smallWav().slice(0, 1000), 'it is truncated (it ends before the audio its header declares)'],
    ['header only', smallWav().slice(0, 44).map((b, i) => (i >= 40 ? 0 : b)), 'it holds no audio samples'],
  ])('a take whose audio is %s', (_what, wav, reason) => {
    expect(error(zip({ 'results.json': json(withAudio()), 'audio/take-1.wav': wav }))).toBe(`The audio of take "take-1" in this results file cannot be used: ${reason}.`);
  });

  it('reads a file with takes of every drill and no audio', () => {
    const r = validResults([take('x1', 'hello', '2026-12-01T09:00:00Z', 1, 'good'), take('x2', 'bye', '2026-12-01T09:00:00Z', 2, 'low')]);
    const read = readResultsFile(zip({ 'results.json': json(r) }));
    expect(read.ok && read.value.results.takes.length).toBe(2);
  });
});

describe('readResultsFile messages', () => {
  it('quote an untrusted entry name without its control characters', () => {
    const z: Zippable = { 'results.json': json(validResults()), 'a\nb\u0007.txt': new Uint8Array(1) };
    expect(error(zipSync(z))).toBe('This results file holds an unexpected entry "a\uFFFDb\uFFFD.txt".');
  });
});
