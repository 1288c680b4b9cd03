/**
 * bench:speed — a 10-minute speech file analysed end to end (read + decode + analyse):
 * real-time factor and peak memory; Praat's two-pass pitch + intensity + silences on the
 * same file in the same run, as a ratio, when `praat` is on PATH.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import decode from 'audio-decode';
import { analyzeRecording } from '../src/analysis/index.ts';
import { encodeWav } from '../tests/helpers/wav.ts';
import { FIXTURES_DIR, haveFixtures, tile } from '../tests/helpers/fixtures.ts';

const TARGET_SEC = 600;
const RATE_HZ = 16000;
const outDir = join(import.meta.dirname, 'out');
mkdirSync(outDir, { recursive: true });
const wavPath = join(outDir, 'speech-10min.wav');

/** Ten minutes of speech: the 16 kHz real recordings of the fixture set, repeated. */
async function buildLongSpeech(): Promise<Float32Array> {
  if (!haveFixtures) throw new Error('bench:speed needs ../shared/fixtures/real for its speech material');
  const dir = join(FIXTURES_DIR, 'real');
  const pieces: Float32Array[] = [];
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.wav')).sort()) {
    const audio = await decode(readFileSync(join(dir, name)));
    if (audio.sampleRate === RATE_HZ) pieces.push(audio.channelData[0]);
  }
  return tile(pieces, RATE_HZ, TARGET_SEC);
}

writeFileSync(wavPath, encodeWav([await buildLongSpeech()], RATE_HZ, 16));

const rssBeforeMb = process.memoryUsage().rss / 2 ** 20;
const t0 = performance.now();
const audio = await decode(readFileSync(wavPath));
const t1 = performance.now();
const report = analyzeRecording({ channels: audio.channelData, sampleRateHz: audio.sampleRate }, { lang: 'en' });
const t2 = performance.now();
const peakRssMb = process.resourceUsage().maxRSS / 1024;

const totalSec = (t2 - t0) / 1000;
console.log(`file: ${TARGET_SEC} s of 16 kHz speech (${wavPath.replace(process.cwd() + '/', '')})`);
console.log(`voicedrill: decode ${((t1 - t0) / 1000).toFixed(2)} s + analyse ${((t2 - t1) / 1000).toFixed(2)} s = ${totalSec.toFixed(2)} s → ${(TARGET_SEC / totalSec).toFixed(0)}× real time`);
console.log(`memory: peak RSS ${peakRssMb.toFixed(0)} MB (process before the run ${rssBeforeMb.toFixed(0)} MB)`);
console.log(`sanity: speech ${report.speech.spanSec?.toFixed(1)} s, ${report.speech.pauseCount} pauses, median F0 ${report.pitch.medianHz?.toFixed(1)} Hz`);

const hasPraat = spawnSync('praat', ['--version']).status === 0;
if (hasPraat) {
  const p0 = performance.now();
  const out = execFileSync('praat', ['--run', join(import.meta.dirname, 'praat-speed.praat'), wavPath], { encoding: 'utf8' });
  const praatSec = (performance.now() - p0) / 1000;
  console.log(`praat: ${praatSec.toFixed(2)} s (${out.trim()}) → voicedrill is ${(praatSec / totalSec).toFixed(2)}× Praat's speed`);
} else {
  console.log('praat: not installed (apt-get install praat) — no ratio');
}
