/**
 * Pitch speed on 10 min of 16 kHz audio (the real fixtures concatenated repeatedly).
 * Run: node --import tsx bench/pitch-speed.ts [fixturesDir] [--no-pitchfinder]
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import decode from 'audio-decode';
import { YIN } from 'pitchfinder';
import {
  adaptivePitch,
  analysePitchCandidates,
  choosePitchPath,
  FIRST_PASS_CEILING_HZ,
  FIRST_PASS_FLOOR_HZ,
  FIRST_PASS_HOP_SEC,
  preparePitchSignal,
} from '../src/analysis/pitch/index.ts';
import { ANALYSIS_RATE_HZ } from '../src/analysis/types.ts';

const fs = ANALYSIS_RATE_HZ;
const dir = join(process.argv.slice(2).find((a) => !a.startsWith('--')) ?? fileURLToPath(new URL('../../shared/fixtures', import.meta.url)), 'real');
const durationSec = 600;

async function tenMinutes(): Promise<Float32Array> {
  const parts: Float32Array[] = [];
  if (existsSync(dir)) {
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.wav')).sort()) {
      const a = await decode(readFileSync(join(dir, f)));
      if (a.sampleRate === fs) parts.push(a.channelData[0]);
    }
  }
  if (parts.length === 0) {
    // No fixtures: a vowel-like pulse train with pauses, so gating still has work to do.
    const x = new Float32Array(fs * 10);
    for (let i = 0; i < x.length; i++) x[i] = (i % fs) < fs * 0.7 ? Math.sin((2 * Math.PI * 140 * i) / fs) ** 7 : 0;
    parts.push(x);
  }
  const out = new Float32Array(fs * durationSec);
  for (let pos = 0, k = 0; pos < out.length; k++) {
    const p = parts[k % parts.length];
    const n = Math.min(p.length, out.length - pos);
    out.set(p.subarray(0, n), pos);
    pos += n;
  }
  return out;
}

/** Best of `runs` calls: wall-clock and CPU (user + system) milliseconds; other load on the machine inflates wall time. */
function time<T>(fn: () => T, runs = 3): [T, number, number] {
  let best = Infinity;
  let bestCpu = Infinity;
  let v!: T;
  for (let r = 0; r < runs; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    v = fn();
    const wall = performance.now() - t0;
    const c = process.cpuUsage(c0);
    best = Math.min(best, wall);
    bestCpu = Math.min(bestCpu, (c.user + c.system) / 1000);
  }
  return [v, best, bestCpu];
}

const x = await tenMinutes();
adaptivePitch(x.subarray(0, fs * 20), fs, [{ startSec: 0, endSec: 20 }]); // warm-up (JIT)
const speech = [{ startSec: 0, endSec: durationSec }];
const [sig, prepMs, prepCpu] = time(() => preparePitchSignal(x, fs));
const [wide, c1Ms, c1Cpu] = time(() => analysePitchCandidates(sig, FIRST_PASS_FLOOR_HZ, FIRST_PASS_CEILING_HZ, undefined, FIRST_PASS_HOP_SEC));
const [, p1Ms, p1Cpu] = time(() => choosePitchPath(wide, FIRST_PASS_FLOOR_HZ, FIRST_PASS_CEILING_HZ, undefined, false));
const [res, totalMs, totalCpu] = time(() => adaptivePitch(x, fs, speech));
const [floorHz, ceilingHz] = [res.floorHz ?? 75, res.ceilingHz ?? 500];
const [narrow, c2Ms, c2Cpu] = time(() => analysePitchCandidates(sig, floorHz, ceilingHz));
const [, p2Ms, p2Cpu] = time(() => choosePitchPath(narrow, floorHz, ceilingHz));
const ms = (wall: number, cpu: number): string => `${wall.toFixed(0)} ms (cpu ${cpu.toFixed(0)} ms)`;
console.log(`10 min of 16 kHz audio; adapted range ${floorHz.toFixed(0)}–${ceilingHz.toFixed(0)} Hz`);
console.log(`  prepare (decimate, envelope)      ${ms(prepMs, prepCpu)}`);
console.log(`  pass 1 candidates (50–700, 20 ms) ${ms(c1Ms, c1Cpu)}`);
console.log(`  pass 1 path                       ${ms(p1Ms, p1Cpu)}`);
console.log(`  pass 2 candidates (10 ms)         ${ms(c2Ms, c2Cpu)}`);
console.log(`  pass 2 path + refinement          ${ms(p2Ms, p2Cpu)}`);
console.log(`  adaptivePitch, both passes        ${ms(totalMs, totalCpu)}`);
// A deep and a high voice cost differently: the window and lag range follow the adapted floor.
for (const [lo, hi] of [[45, 150], [160, 470]]) {
  const [, m, c] = time(() => choosePitchPath(analysePitchCandidates(sig, lo, hi), lo, hi));
  console.log(`  pass 2 alone at ${lo}–${hi} Hz       ${ms(m, c)}`);
}

// pitchfinder's O(W²) YIN on the same 10 ms frames (W = 512, frame 2W + 1 so its half-frame search
// covers 31–8000 Hz); timed on the first minute and scaled to 10 min.
if (process.argv.includes("--no-pitchfinder")) process.exit(0);
const detect = YIN({ sampleRate: fs, threshold: 0.15 });
const frameLen = 2 * 512 + 1;
const hop = fs / 100;
const sub = x.subarray(0, fs * 60);
const [, pfMs] = time(() => {
  for (let s = 0; s + frameLen <= sub.length; s += hop) detect(sub.subarray(s, s + frameLen));
});
const pf10 = pfMs * (durationSec / 60);
console.log(`  pitchfinder YIN (1 pass, 1 min × 10) ${pf10.toFixed(0)} ms; ratio pitchfinder / ours (both passes) ${(pf10 / totalMs).toFixed(1)}×`);
