/**
 * `voicedrill call` on files that are not a readable stereo call, each given before a good call in the
 * same invocation: one line on stderr that names the file and says why, exit status 1, and the good call
 * still analysed (its report in the --json array). Corrupt (a WAV in an unknown encoding, a WAV whose header
 * contradicts itself, an mp3 with
 * garbage over some frames, bytes that only start like an mp3), truncated (a WAV and an mp3 cut short:
 * their headers declare more audio than the file holds; an m4a cut short with its index in front, and one with its
 * index at the end, so missing), zero-length, non-audio, 3-channel, a directory,
 * a missing file. Also a stereo mp3 that opens with both channels identical (the same line noise), which the
 * mp3 decoder gives as one channel until they differ: still a stereo call (it was "the number of channels
 * changes inside the file").
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallReport } from '../../src/analysis/index.ts';
import { runCli, stderrLines } from '../helpers/cli.ts';
import { buildCall, inSequence, type BuiltCall } from '../helpers/planned-call.ts';
import { seededRandom } from '../helpers/synth.ts';
import { encodeWav } from '../helpers/wav.ts';

const A = 'agent' as const;
const C = 'customer' as const;
const FS = 8000;
const HAVE_FFMPEG = spawnSync('ffmpeg', ['-version']).status === 0;
/** Seconds of dual-mono line noise before the call in late-start.mp3. */
const LEAD_SEC = 60;

let dir = '';
let built: BuiltCall;

function noise(bytes: number, seed: number): Uint8Array {
  const rnd = seededRandom(seed);
  return Uint8Array.from({ length: bytes }, () => Math.floor(256 * rnd()));
}

function ffmpeg(args: string[]): void {
  const r = spawnSync('ffmpeg', ['-nostdin', '-loglevel', 'error', '-y', ...args], { cwd: dir, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`ffmpeg ${args.join(' ')}: ${r.stderr}`);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'voicedrill-call-bad-'));
  built = buildCall({
    sampleRateHz: FS, durationSec: 20, agentChannel: 'left', seed: 9,
    utterances: inSequence(0.8, [
      { speaker: A, syllables: 12, syllablesPerSec: 4, gapSec: 0 },
      { speaker: C, syllables: 12, syllablesPerSec: 5, gapSec: 0.4 },
      { speaker: A, syllables: 16, syllablesPerSec: 4, gapSec: 3.5 }, // dead air
    ]),
  });
  const wav = encodeWav(built.input.channels, FS, 16);
  writeFileSync(join(dir, 'call.wav'), wav);
  // The fmt chunk's format code (bytes 20–21 of encodeWav's header) set to one no decoder knows.
  const unknown = wav.slice();
  unknown[20] = 0x34;
  unknown[21] = 0x12;
  writeFileSync(join(dir, 'unknown-encoding.wav'), unknown);
  const badAlign = wav.slice();
  new DataView(badAlign.buffer).setUint16(32, 3, true); // block align 3 for two 16-bit channels (as the app's e2e corrupt.wav)
  writeFileSync(join(dir, 'corrupt.wav'), badAlign);
  writeFileSync(join(dir, 'truncated.wav'), wav.subarray(0, Math.floor(wav.length / 3)));
  writeFileSync(join(dir, 'empty.wav'), new Uint8Array(0));
  writeFileSync(join(dir, 'notes.mp3'), 'these are notes, not audio\n'.repeat(40));
  writeFileSync(join(dir, 'three.wav'), encodeWav([...built.input.channels, built.input.channels[0]], FS, 16));
  mkdirSync(join(dir, 'folder.wav'));
  if (HAVE_FFMPEG) {
    ffmpeg(['-i', 'call.wav', '-c:a', 'libmp3lame', '-b:a', '32k', 'call.mp3']);
    const mp3 = readFileSync(join(dir, 'call.mp3'));
    const damaged = mp3.slice();
    damaged.set(noise(1500, 1), Math.floor(mp3.length / 2));
    writeFileSync(join(dir, 'damaged.mp3'), damaged);
    writeFileSync(join(dir, 'truncated.mp3'), mp3.subarray(0, Math.floor(mp3.length / 2)));
    // M4A cut in half: with its index (moov) in front, and at the end (then missing).
    ffmpeg(['-i', 'call.wav', '-c:a', 'aac', '-b:a', '32k', '-movflags', '+faststart', 'front.m4a']);
    ffmpeg(['-i', 'call.wav', '-c:a', 'aac', '-b:a', '32k', 'tail.m4a']);
    for (const name of ['front', 'tail']) {
      const m4a = readFileSync(join(dir, `${name}.m4a`));
      writeFileSync(join(dir, `truncated-${name}.m4a`), m4a.subarray(0, Math.floor(m4a.length / 2)));
    }
    // One valid frame header's worth of an mp3, then noise: the decoder resyncs on noise.
    writeFileSync(join(dir, 'garbage.mp3'), new Uint8Array([...mp3.subarray(0, 400), ...noise(20000, 2)]));
    // 60 s of the same line noise on both channels (more than the CLI's first 1 MiB read at 160 kb/s), then the call.
    ffmpeg([
      '-f', 'lavfi', '-i', `anoisesrc=r=${FS}:a=0.0005:d=${LEAD_SEC}:seed=3,aformat=channel_layouts=stereo`, '-i', 'call.wav',
      '-filter_complex', '[0][1]concat=n=2:v=0:a=1', '-ar', '16000', '-c:a', 'libmp3lame', '-b:a', '160k', 'late-start.mp3',
    ]);
  }
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const cases: [string, RegExp, boolean][] = [
  // The WAV refusals are the app's sentences (tests/app/call-file-wav.test.ts), both from src/media's reader.
  ['unknown-encoding.wav', /^voicedrill: unknown-encoding\.wav: cannot decode: the WAV audio is in format 0x1234 \(16 bits\), an encoding VoiceDrill does not decode$/, false],
  ['corrupt.wav', /^voicedrill: corrupt\.wav: cannot decode: the WAV header contradicts itself \(2 channels, 8000 Hz, 16 bits, 3 bytes per frame\)$/, false],
  ['truncated.wav', /^voicedrill: truncated\.wav: cannot decode: the file is truncated: its header declares 20\.00 s of audio but only 6\.67 s is there$/, false],
  ['empty.wav', /^voicedrill: empty\.wav: cannot decode: the file is empty \(0 bytes\)$/, false],
  ['notes.mp3', /^voicedrill: notes\.mp3: cannot decode: not a supported audio file \(VoiceDrill reads wav, mp3, ogg\/opus, webm\/opus, flac, m4a and aac\)$/, false],
  ['three.wav', /^voicedrill: three\.wav: cannot analyse: the file has 3 channels; a call must be mono or stereo$/, false],
  ['folder.wav', /^voicedrill: folder\.wav: cannot decode: is a directory, not an audio file$/, false],
  ['missing.wav', /^voicedrill: missing\.wav: cannot decode: file not found$/, false],
  ['damaged.mp3', /^voicedrill: damaged\.mp3: cannot decode: the audio data is damaged: the decoder could not read \d+ parts? of it \(.*MPG123.*\)$/, true],
  ['truncated.mp3', /^voicedrill: truncated\.mp3: cannot decode: the file is truncated: its header declares 20\.\d\d s of audio but only (9|10)\.\d\d s is there$/, true],
  ['truncated-front.m4a', /^voicedrill: truncated-front\.m4a: cannot decode: the file is truncated: its header declares 20\.\d\d s of audio but only about (9|10)\.\d\d s is there$/, true],
  ['truncated-tail.m4a', /^voicedrill: truncated-tail\.m4a: cannot decode: the file is truncated: it ends \d+ bytes before the end of its 'mdat' box$/, true],
  ['garbage.mp3', /^voicedrill: garbage\.mp3: cannot decode: the audio data is damaged: the decoder could not read \d+ parts? of it/, true],
];

describe('voicedrill call: files that cannot be analysed as a call', { timeout: 120_000 }, () => {
  it.each(cases)('%s: one line naming it and why, exit 1, the good call after it still analysed', async (file, message, needsFfmpeg) => {
    if (needsFfmpeg && !HAVE_FFMPEG) return void console.log(`skipped ${file}: ffmpeg is not installed`);
    const run = await runCli(['call', file, 'call.wav', '--agent', 'left', '--lang', 'zh', '--json'], dir);
    expect(run.status).toBe(1);
    const lines = stderrLines(run);
    expect(lines, run.stderr).toHaveLength(1);
    expect(lines[0]).toMatch(message);
    // Nothing else on stderr: no decoder chatter, no stack trace.
    expect(run.stderr.trimEnd().split('\n')).toEqual(lines);
    const reports = JSON.parse(run.stdout) as ({ file: string } & CallReport)[];
    expect(reports.map((r) => r.file)).toEqual(['call.wav']);
    expect(reports[0].findings.filter((f) => f.id === 'deadAir')).toHaveLength(1);
  });

  it('all of them in one invocation: one line each in order, exit 1, the good calls analysed', async () => {
    const bad = cases.filter(([, , needsFfmpeg]) => HAVE_FFMPEG || !needsFfmpeg);
    const run = await runCli(['call', 'call.wav', ...bad.map(([f]) => f), 'call.wav', '--agent', 'left', '--lang', 'zh', '--json'], dir);
    expect(run.status).toBe(1);
    const lines = stderrLines(run);
    expect(lines).toHaveLength(bad.length);
    bad.forEach(([, message], k) => expect(lines[k]).toMatch(message));
    expect((JSON.parse(run.stdout) as { file: string }[]).map((r) => r.file)).toEqual(['call.wav', 'call.wav']);
  });

  it.runIf(HAVE_FFMPEG)('a stereo mp3 that opens with a minute of the same noise on both channels is still a stereo call', async () => {
    const run = await runCli(['call', 'late-start.mp3', '--agent', 'left', '--lang', 'zh', '--json'], dir);
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as CallReport;
    expect(report.durationSec).toBeCloseTo(LEAD_SEC + 20, 0);
    const turns = report.turns.map((t) => [t.speaker, t.startSec - LEAD_SEC]);
    expect(turns.map(([s]) => s)).toEqual(built.turns.map((t) => t.speaker));
    turns.forEach(([, start], k) => expect(Math.abs((start as number) - built.turns[k].startSec)).toBeLessThan(0.15));
  });
});
