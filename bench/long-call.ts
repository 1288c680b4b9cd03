/**
 * A long synthetic stereo call for the call benchmarks (bench/calls.ts; the browser section can reuse
 * it): fixture utterances (../shared/fixtures: MagicData customer-service lines when the truth set is
 * there, else the real recordings) placed on two channels as alternating turns of 1–3 utterances, with
 * ordinary gaps, slow responses, overtalk and dead air, a −30 dB bleed each way and a −66 dBFS noise
 * floor. Written once as a 44.1 kHz 16-bit stereo WAV in the system's temporary folder (not the
 * repository) in 10 s pieces, so the whole call is never in memory; later runs reuse the file.
 * The mono version (bench:calls --mono) is the same call recorded on one channel: both voices summed with
 * one noise floor (the MagicData lines are one speaker, so its voices are not told apart: the diarisation's
 * longest case, every start tried).
 */
import { closeSync, existsSync, openSync, readdirSync, renameSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openFileBytes } from '../cli/file-bytes.ts';
import { readWavLayout, wavBlocks } from '../src/media/index.ts';
import { resampleTo } from '../src/analysis/dsp/resample.ts';
import { FIXTURES_DIR } from '../tests/helpers/fixtures.ts';

export const LONG_CALL_RATE_HZ = 44100;
/** Bump when the generator changes, so a cached file of the old kind is not reused. */
const GENERATOR_VERSION = 1;
const AGENT_DBFS = -26;
const CUSTOMER_DBFS = -20;
const BLEED_DB = -30;
const NOISE_DBFS = -66;
const PIECE_FRAMES = 10 * LONG_CALL_RATE_HZ;

/** One utterance placed on a channel. */
interface Placement {
  start: number; // frame
  utterance: number;
  channel: 0 | 1; // 0 left (agent), 1 right (customer)
  gain: number;
}

/** What was planted, to print beside what the analysis found. */
export interface LongCall {
  path: string;
  durationSec: number;
  planted: { turns: number; overtalk: number; deadAir: number };
}

/** The cached call of `minutes` minutes (created when missing). The agent is on the left channel (stereo). */
export async function ensureLongCall(minutes = 60, seed = 1, mono = false): Promise<LongCall> {
  const path = join(tmpdir(), `voicedrill-long-call-v${GENERATOR_VERSION}-${minutes}min-s${seed}${mono ? '-mono' : ''}.wav`);
  const utterances = await loadUtterances();
  const { placements, planted } = plan(utterances, minutes * 60 * LONG_CALL_RATE_HZ, seed);
  const frames = minutes * 60 * LONG_CALL_RATE_HZ;
  const channelCount = mono ? 1 : 2;
  if (!existsSync(path) || statSync(path).size !== 44 + frames * 2 * channelCount) {
    const partial = `${path}.part`;
    writeCall(partial, frames, utterances, placements, seed, channelCount);
    renameSync(partial, path);
  }
  return { path, durationSec: minutes * 60, planted };
}

/** Fixture utterances at 44.1 kHz, each scaled to unit RMS. */
async function loadUtterances(): Promise<Float32Array[]> {
  const magicdata = join(FIXTURES_DIR, 'truth', 'magicdata');
  const files = existsSync(magicdata)
    ? readdirSync(magicdata).filter((f) => f.endsWith('.wav')).map((f) => join(magicdata, f))
    : readdirSync(join(FIXTURES_DIR, 'real')).filter((f) => f.endsWith('.wav')).map((f) => join(FIXTURES_DIR, 'real', f));
  if (files.length === 0) throw new Error(`no fixture utterances under ${FIXTURES_DIR}`);
  const out: Float32Array[] = [];
  for (const file of files.sort()) {
    const parts: Float32Array[] = [];
    const bytes = await openFileBytes(file);
    let rate: number;
    try {
      const layout = await readWavLayout(bytes.read, bytes.sizeBytes, file);
      rate = layout.sampleRateHz;
      for await (const channels of wavBlocks(bytes.read, layout, file)) parts.push(channels[0]);
    } finally {
      await bytes.close();
    }
    const mono = new Float32Array(parts.reduce((s, p) => s + p.length, 0));
    parts.reduce((at, p) => (mono.set(p, at), at + p.length), 0);
    const x = resampleTo(mono, rate, LONG_CALL_RATE_HZ);
    let ss = 0;
    for (const v of x) ss += v * v;
    const rms = Math.sqrt(ss / Math.max(1, x.length));
    if (rms > 0) out.push(x.map((v) => v / rms));
  }
  return out;
}

/** Turns alternate; the gap before each turn is ordinary, slow, overtalk or dead air. */
function plan(utterances: Float32Array[], frames: number, seed: number): { placements: Placement[]; planted: LongCall['planted'] } {
  const rnd = prng(seed);
  const placements: Placement[] = [];
  const planted = { turns: 0, overtalk: 0, deadAir: 0 };
  const rate = LONG_CALL_RATE_HZ;
  let t = rate; // the first turn starts at 1 s
  let channel: 0 | 1 = 0;
  while (true) {
    const count = 1 + Math.floor(rnd() * 3);
    const picks = Array.from({ length: count }, () => Math.floor(rnd() * utterances.length));
    const length = picks.reduce((s, u) => s + utterances[u].length, 0) + (count - 1) * 0.3 * rate;
    if (t + length > frames - rate) break;
    let at = t;
    for (const u of picks) {
      placements.push({ start: Math.round(at), utterance: u, channel, gain: 10 ** ((channel === 0 ? AGENT_DBFS : CUSTOMER_DBFS) / 20) });
      at += utterances[u].length + 0.3 * rate;
    }
    planted.turns++;
    const end = t + length;
    const r = rnd();
    let gapSec: number;
    if (r < 0.1 && length > 4 * rate) {
      gapSec = -(2 + rnd() * 0.8); // overtalk: the next speaker starts before this turn ends
      planted.overtalk++;
    } else if (r < 0.18) {
      gapSec = 4 + rnd() * 3; // dead air
      planted.deadAir++;
    } else if (r < 0.28) gapSec = 1.2 + rnd() * 0.6; // slow response
    else gapSec = 0.3 + rnd() * 0.6;
    t = end + gapSec * rate;
    channel = channel === 0 ? 1 : 0;
  }
  placements.sort((a, b) => a.start - b.start);
  return { placements, planted };
}

/** Writes the call piece by piece: each piece sums the placements that reach it, plus bleed and noise. */
function writeCall(path: string, frames: number, utterances: Float32Array[], placements: Placement[], seed: number, channelCount: 1 | 2): void {
  const fd = openSync(path, 'w');
  const clip = (x: number): number => Math.max(-32768, Math.min(32767, Math.round(x * 32768)));
  try {
    writeSync(fd, wavHeader(frames, channelCount));
    const longest = utterances.reduce((m, u) => Math.max(m, u.length), 0);
    const own = [new Float64Array(PIECE_FRAMES), new Float64Array(PIECE_FRAMES)];
    const bytes = new Uint8Array(PIECE_FRAMES * 4);
    const view = new DataView(bytes.buffer);
    const noise = prng(seed + 1000);
    const noiseAmp = 10 ** (NOISE_DBFS / 20) * Math.sqrt(3); // uniform noise of that RMS
    const bleed = 10 ** (BLEED_DB / 20);
    let first = 0;
    for (let p0 = 0; p0 < frames; p0 += PIECE_FRAMES) {
      const n = Math.min(PIECE_FRAMES, frames - p0);
      own[0].fill(0);
      own[1].fill(0);
      while (first < placements.length && placements[first].start + longest <= p0) first++;
      for (let k = first; k < placements.length && placements[k].start < p0 + n; k++) {
        const pl = placements[k];
        const u = utterances[pl.utterance];
        const from = Math.max(p0, pl.start);
        const to = Math.min(p0 + n, pl.start + u.length);
        const dest = own[pl.channel];
        for (let i = from; i < to; i++) dest[i - p0] += pl.gain * u[i - pl.start];
      }
      for (let i = 0; i < n; i++) {
        if (channelCount === 1) {
          view.setInt16(2 * i, clip(own[0][i] + own[1][i] + noiseAmp * (2 * noise() - 1)), true);
          continue;
        }
        const left = own[0][i] + bleed * own[1][i] + noiseAmp * (2 * noise() - 1);
        const right = own[1][i] + bleed * own[0][i] + noiseAmp * (2 * noise() - 1);
        view.setInt16(4 * i, clip(left), true);
        view.setInt16(4 * i + 2, clip(right), true);
      }
      writeSync(fd, bytes, 0, n * 2 * channelCount);
    }
  } finally {
    closeSync(fd);
  }
}

function wavHeader(frames: number, channelCount: number): Uint8Array {
  const frameBytes = 2 * channelCount;
  const b = new Uint8Array(44);
  const v = new DataView(b.buffer);
  const text = (at: number, s: string): void => [...s].forEach((c, i) => v.setUint8(at + i, c.charCodeAt(0)));
  text(0, 'RIFF');
  v.setUint32(4, 36 + frames * frameBytes, true);
  text(8, 'WAVE');
  text(12, 'fmt ');
  v.setUint32(16, 16, true);
  v.setUint16(20, 1, true); // PCM
  v.setUint16(22, channelCount, true);
  v.setUint32(24, LONG_CALL_RATE_HZ, true);
  v.setUint32(28, LONG_CALL_RATE_HZ * frameBytes, true);
  v.setUint16(32, frameBytes, true);
  v.setUint16(34, 16, true);
  text(36, 'data');
  v.setUint32(40, frames * frameBytes, true);
  return b;
}

/** Park–Miller minimal standard generator: deterministic across runs. */
function prng(seed: number): () => number {
  let s = (seed % 2147483646) + 1;
  return () => (s = (s * 16807) % 2147483647) / 2147483647;
}
