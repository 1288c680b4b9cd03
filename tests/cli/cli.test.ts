/** The `voicedrill` command, run for real as a child process on synthetic WAVs written to a temp dir. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, openSync, ftruncateSync, closeSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, stderrLines, REPO_ROOT } from '../helpers/cli.ts';
import { seededRandom, speechLike, type PhraseSpec } from '../helpers/synth.ts';
import { encodeWav } from '../helpers/wav.ts';

const RATE_HZ = 16000;
const SCRIPT_ZH = '早上好，我是小王，很高兴为您服务。';

// Left: two phrases (0.3–1.5 s, 2.0–3.3 s) at −20 dBFS. Right: one short phrase (1.0–1.8 s) at
// −38 dBFS. So left has a pause and a ≈ 3 s span, right none and ≈ 0.8 s, and ≈ 18 dB less level.
const LEFT_PHRASES: PhraseSpec[] = [
  { startSec: 0.3, endSec: 1.5, f0StartHz: 150, f0EndHz: 140, levelDbfs: -20, syllablesPerSec: 4 },
  { startSec: 2.0, endSec: 3.3, f0StartHz: 150, f0EndHz: 135, levelDbfs: -20, syllablesPerSec: 4 },
];
const RIGHT_PHRASES: PhraseSpec[] = [{ startSec: 1.0, endSec: 1.8, f0StartHz: 230, f0EndHz: 210, levelDbfs: -38, syllablesPerSec: 4 }];

/** Keys every file object of --json must have, nested as in the report (arrays: keys of each element). */
const REQUIRED_SHAPE = {
  file: true,
  analysisVersion: true,
  durationSec: true,
  sampleRateHz: true,
  channels: true,
  speechFound: true,
  speech: { startSec: true, endSec: true, spanSec: true, soundingSec: true, pauseCount: true, longestPauseSec: true, pauses: [{ startSec: true, endSec: true }] },
  rate: { syllables: true, syllablesSource: true, syllablesMethod: true, syllablesPerSec: true, articulationSyllablesPerSec: true, perMinute: true, perMinuteUnit: true },
  loudness: { activeLevelDbfs: true, peakDbfs: true, clippedFraction: true, noiseFloorDbfs: true, snrDb: true },
  pitch: { medianHz: true, p5Hz: true, p95Hz: true, rangeSt: true, sdSt: true, voicedFraction: true },
  phrases: [{ startSec: true, endSec: true, activeLevelDbfs: true, medianHz: true }],
  verdicts: [{ guideline: true, value: true, unit: true, status: true, band: true }],
} as const;

type Shape = true | readonly [Shape] | { readonly [key: string]: Shape };

/** Paths of required keys missing from `value` (array shapes are checked on every element). */
function missingKeys(value: unknown, shape: Shape, path = ''): string[] {
  if (shape === true) return [];
  if (Array.isArray(shape)) {
    if (!Array.isArray(value)) return [`${path} (not an array)`];
    return value.flatMap((item, i) => missingKeys(item, shape[0], `${path}[${i}]`));
  }
  if (value === null || typeof value !== 'object') return [`${path} (not an object)`];
  return Object.entries(shape).flatMap(([key, sub]) =>
    key in value ? missingKeys((value as Record<string, unknown>)[key], sub, path ? `${path}.${key}` : key) : [`${path ? `${path}.` : ''}${key}`],
  );
}

// Reports are read as untyped JSON here: the tests check the shape themselves.
type Report = any; // eslint-disable-line @typescript-eslint/no-explicit-any

let dir = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'voicedrill-cli-'));
  const left = speechLike({ sampleRateHz: RATE_HZ, durationSec: 3.6, phrases: LEFT_PHRASES, noiseDbfs: -70, seed: 11 });
  const right = speechLike({ sampleRateHz: RATE_HZ, durationSec: 3.6, phrases: RIGHT_PHRASES, noiseDbfs: -70, seed: 12 });
  writeFileSync(join(dir, 'mono16.wav'), encodeWav([left], RATE_HZ, 16));
  writeFileSync(join(dir, 'left.wav'), encodeWav([left], RATE_HZ, 16));
  writeFileSync(join(dir, 'right.wav'), encodeWav([right], RATE_HZ, 16));
  writeFileSync(join(dir, 'stereo16.wav'), encodeWav([left, right], RATE_HZ, 16));
  const at22k = speechLike({ sampleRateHz: 22050, durationSec: 2.0, phrases: LEFT_PHRASES.slice(0, 1), noiseDbfs: -70, seed: 13 });
  writeFileSync(join(dir, 'float32-22k.wav'), encodeWav([at22k], 22050, 'float32'));
  writeFileSync(join(dir, 'float32-stereo.wav'), encodeWav([at22k, at22k], 22050, 'float32'));
  const random = seededRandom(99);
  writeFileSync(join(dir, 'corrupt.wav'), Uint8Array.from({ length: 4096 }, () => Math.floor(random() * 256)));
  writeFileSync(join(dir, 'empty.wav'), new Uint8Array(0));
  writeFileSync(join(dir, 'script-zh.txt'), SCRIPT_ZH + '\n', 'utf8');
  writeFileSync(join(dir, 'script-bom.txt'), '\uFEFF' + SCRIPT_ZH, 'utf8');
  writeFileSync(join(dir, 'script-gbk.txt'), Uint8Array.from([0xd4, 0xe7, 0xc9, 0xcf, 0xba, 0xc3])); // 早上好 in GBK
  mkdirSync(join(dir, 'a-directory.wav'));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function json(args: string[]): Promise<Report> {
  const run = await runCli(['analyze', ...args, '--json'], dir);
  expect(run.stderr.split('\n').filter((l) => l.startsWith('voicedrill:')), run.stderr).toEqual([]);
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout) as Report;
}

describe('voicedrill analyze --json', { timeout: 60_000 }, () => {
  it('prints one object with every required key, the file label as given and the canonical key order', async () => {
    const report = await json(['mono16.wav']);
    expect(Array.isArray(report)).toBe(false);
    expect(missingKeys(report, REQUIRED_SHAPE)).toEqual([]);
    expect(report.file).toBe('mono16.wav');
    expect(Object.keys(report).slice(0, 6)).toEqual(['file', 'analysisVersion', 'durationSec', 'sampleRateHz', 'channels', 'lang']);
    expect(report.durationSec).toBe(3.6);
    expect(report.sampleRateHz).toBe(RATE_HZ);
    expect(report.channels).toBe(1);
  });

  it('fills the arrays for a two-phrase signal (needs the wired analysis)', async () => {
    const report = await json(['mono16.wav']);
    expect(report.speechFound).toBe(true);
    expect(report.speech.pauses.length).toBeGreaterThanOrEqual(1);
    expect(report.phrases.length).toBeGreaterThanOrEqual(2);
    expect(report.verdicts.length).toBeGreaterThan(0);
    expect(missingKeys(report, REQUIRED_SHAPE)).toEqual([]);
  });

  it('prints an array, in the order given, when several files are given', async () => {
    const reports = await json(['float32-22k.wav', 'mono16.wav', join(dir, 'left.wav')]);
    expect(Array.isArray(reports)).toBe(true);
    expect(reports.map((r: Report) => r.file)).toEqual(['float32-22k.wav', 'mono16.wav', join(dir, 'left.wav')]);
    for (const r of reports) expect(missingKeys(r, REQUIRED_SHAPE)).toEqual([]);
  });

  it('decodes 16-bit PCM and float32, mono and stereo', async () => {
    const [pcm, float, floatStereo] = await json(['stereo16.wav', 'float32-22k.wav', 'float32-stereo.wav']);
    expect([pcm.sampleRateHz, pcm.channels, pcm.durationSec]).toEqual([16000, 2, 3.6]);
    expect([float.sampleRateHz, float.channels, float.durationSec]).toEqual([22050, 1, 2]);
    expect([floatStereo.sampleRateHz, floatStereo.channels]).toEqual([22050, 2]);
  });

  it('reports a corrupt and an empty file on one line each, exits 1, and still prints the good file', async () => {
    const run = await runCli(['analyze', 'corrupt.wav', 'mono16.wav', 'empty.wav', 'missing.wav', 'a-directory.wav', '--json'], dir);
    expect(run.status).toBe(1);
    const lines = stderrLines(run);
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^voicedrill: corrupt\.wav: cannot decode: not a supported audio file/);
    expect(lines[1]).toBe('voicedrill: empty.wav: cannot decode: the file is empty (0 bytes)');
    expect(lines[2]).toBe('voicedrill: missing.wav: cannot decode: file not found');
    expect(lines[3]).toMatch(/^voicedrill: a-directory\.wav: cannot decode: is a directory/);
    const reports = JSON.parse(run.stdout) as Report[];
    expect(reports.map((r) => r.file)).toEqual(['mono16.wav']);
  });

  it('exits 1 with no output for a single unreadable file', async () => {
    const run = await runCli(['analyze', 'empty.wav', '--json'], dir);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(stderrLines(run)).toEqual(['voicedrill: empty.wav: cannot decode: the file is empty (0 bytes)']);
  });

  it('refuses a file over the size limit before reading it', async () => {
    const path = join(dir, 'huge.wav');
    const fd = openSync(path, 'w');
    ftruncateSync(fd, 1.5 * 1024 ** 3); // sparse: takes no disk space
    closeSync(fd);
    try {
      const run = await runCli(['analyze', 'huge.wav', 'mono16.wav', '--json'], dir);
      expect(run.status).toBe(1);
      expect(stderrLines(run)).toEqual(['voicedrill: huge.wav: cannot decode: the file is 1.5 GB, over the 1 GB limit; cut it into shorter pieces first']);
      expect((JSON.parse(run.stdout) as Report[]).map((r) => r.file)).toEqual(['mono16.wav']);
    } finally {
      rmSync(path);
    }
  });
});

describe('voicedrill analyze --channel', { timeout: 60_000 }, () => {
  it('analyses the channel asked for (needs the wired analysis)', async () => {
    const [left, right] = await Promise.all([json(['stereo16.wav', '--channel', 'left']), json(['stereo16.wav', '--channel', 'right'])]);
    expect(left.loudness.activeLevelDbfs, 'left is ≈ 18 dB louder').toBeGreaterThan(right.loudness.activeLevelDbfs + 10);
    expect(left.speech.spanSec, 'left speaks ≈ 3 s, right ≈ 0.8 s').toBeGreaterThan(right.speech.spanSec + 1.5);
    expect(left.speech.pauseCount).toBeGreaterThan(right.speech.pauseCount);
    expect(left.pitch.medianHz, 'left ≈ 145 Hz, right ≈ 220 Hz').toBeLessThan(right.pitch.medianHz);
  });

  it('gives for one channel of a stereo file what the same channel gives as a mono file', async () => {
    const [left, right, leftMono, rightMono] = await Promise.all([
      json(['stereo16.wav', '--channel', 'left']),
      json(['stereo16.wav', '--channel', 'right']),
      json(['left.wav']),
      json(['right.wav']),
    ]);
    const core = (r: Report): unknown => ({ speech: r.speech, loudness: r.loudness, pitch: r.pitch, rate: r.rate });
    expect(core(left)).toEqual(core(leftMono));
    expect(core(right)).toEqual(core(rightMono));
  });
});

describe('voicedrill analyze --script-file', { timeout: 60_000 }, () => {
  it('reads a UTF-8 Chinese script (with or without BOM) and counts its syllables (needs the wired analysis)', async () => {
    const [plain, bom] = await Promise.all([
      json(['mono16.wav', '--lang', 'zh', '--script-file', 'script-zh.txt']),
      json(['mono16.wav', '--lang', 'zh', '--script-file', 'script-bom.txt']),
    ]);
    expect(plain.lang).toBe('zh');
    expect(plain.rate.syllablesSource).toBe('script');
    expect(plain.rate.syllablesMethod).toBe('script:syllable@5+readings');
    expect(plain.rate.syllables).toBe(14);
    expect(plain.rate.perMinuteUnit).toBe('chars/min');
    expect(plain.parts.map((p: Report) => p.syllables)).toEqual([3, 4, 7]);
    expect(bom).toEqual(plain);
  });

  it('gives the same report as the same script inline with --script', async () => {
    const [fromFile, inline] = await Promise.all([
      json(['mono16.wav', '--script-file', 'script-zh.txt']),
      json(['mono16.wav', '--script', SCRIPT_ZH]),
    ]);
    expect(fromFile).toEqual(inline);
  });

  it('refuses a script file that is not UTF-8 (exit 2)', async () => {
    const run = await runCli(['analyze', 'mono16.wav', '--script-file', 'script-gbk.txt'], dir);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(stderrLines(run)[0]).toBe('voicedrill: the script file script-gbk.txt is not UTF-8 text; save it as UTF-8 and try again');
  });
});

describe('voicedrill usage', { timeout: 60_000 }, () => {
  it.each([
    [[], /no command given/],
    [['analyze'], /no files given/],
    [['mono16.wav'], /unknown command 'mono16\.wav'; did you mean: voicedrill analyze mono16\.wav/],
    [['analyze', 'mono16.wav', '--bogus'], /unknown option '--bogus'/],
    [['analyze', 'mono16.wav', '--lang', 'fr'], /--lang must be zh or en, not 'fr'/],
    [['analyze', 'mono16.wav', '--lang'], /--lang needs a value \(zh or en\)/],
    [['analyze', 'mono16.wav', '--channel', 'both'], /--channel must be mix, left or right, not 'both'/],
    [['analyze', 'mono16.wav', '--script', 'a', '--script-file', 'script-zh.txt'], /either with --script or with --script-file, not both/],
    [['analyze', 'mono16.wav', '--script-file', 'no-such-script.txt'], /cannot read the script file no-such-script\.txt: file not found/],
  ])('%j is a usage error (exit 2, nothing on stdout)', async (args, message) => {
    const run = await runCli(args, dir);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(stderrLines(run)[0]).toMatch(message);
    expect(run.stderr).toContain("Run 'voicedrill --help' for usage.");
  });

  it('--help prints the usage and exits 0', async () => {
    const run = await runCli(['--help'], dir);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('voicedrill analyze FILE...');
    for (const flag of ['--lang', '--script', '--script-file', '--channel', '--json', '--version']) expect(run.stdout).toContain(flag);
  });

  it('--version prints the package version and ANALYSIS_VERSION', async () => {
    const run = await runCli(['--version'], dir);
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    const { ANALYSIS_VERSION } = await import('../../src/analysis/index.ts');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`voicedrill ${pkg.version} (analysis ${ANALYSIS_VERSION})\n`);
  });
});

describe('voicedrill analyze (table)', { timeout: 60_000 }, () => {
  it('prints a readable block per file with every measure, "–" for what was not measured', async () => {
    const run = await runCli(['analyze', 'mono16.wav', 'corrupt.wav', 'float32-22k.wav'], dir);
    expect(run.status).toBe(1);
    expect(stderrLines(run)).toHaveLength(1);
    const blocks = run.stdout.trimEnd().split('\n\n');
    expect(blocks.map((b) => b.split('\n')[0])).toEqual(['mono16.wav', 'float32-22k.wav']);
    for (const block of blocks) {
      for (const label of ['duration', 'speech span', 'pauses', 'rate', 'active level', 'peak', 'SNR', 'median F0', 'range', 'SD', 'verdicts']) {
        expect(block).toMatch(new RegExp(`^  ${label} `, 'm'));
      }
    }
    expect(blocks[0]).toMatch(/^ {2}duration +3\.600 s · 16000 Hz · 1 channel/m);
    expect(blocks[0]).toMatch(/(wpm|chars\/min)/);
  });

  it('prints "–" for null values and the status of each verdict', async () => {
    const run = await runCli(['analyze', 'mono16.wav'], dir);
    const report = await json(['mono16.wav']);
    if (report.pitch.sdSt === null) expect(run.stdout).toMatch(/^ {2}SD +–$/m);
    for (const v of report.verdicts as Report[]) expect(run.stdout).toMatch(new RegExp(`^ {4}${v.guideline} +${v.status}\\b`, 'm'));
  });
});
