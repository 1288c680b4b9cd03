/**
 * Hold sounds inside a call channel are not speech (GUIDELINES, Recorded calls: "hold music and tones
 * count as silence of speech"): real speech with planted tones, ringback, beeps and sustained chords
 * between its parts; the planted sounds are found where they are, the speech stays speech. And no
 * stretch of real fixture speech becomes a sound.
 */
import { describe, expect, it } from 'vitest';
import { channelActivity, segmentChannel, type CallChannel } from '../../src/analysis/calls/activity.ts';
import { createChannelFront } from '../../src/analysis/calls/channel-front.ts';
import { splitSounds, type NonSpeechSound } from '../../src/analysis/calls/non-speech.ts';
import type { IntervalSec } from '../../src/analysis/types.ts';
import { resampleTo } from '../../src/analysis/dsp/resample.ts';
import { decodeFixture, haveFixtures } from '../helpers/fixtures.ts';
import { seededRandom, speechLike } from '../helpers/synth.ts';
import { buildCall } from '../helpers/planned-call.ts';
import { analyzeCall } from '../../src/analysis/calls/index.ts';

const RATE_HZ = 8000;

/** One channel through the call's front end (16 kHz, high-pass, contour) and segmentation. */
function prepareChannel(samples: Float32Array, rateHz: number): CallChannel {
  const front = createChannelFront(rateHz);
  front.push(samples);
  const { contour, signal } = front.finish();
  return segmentChannel(signal, contour);
}

function split(samples: Float32Array): { speech: IntervalSec[]; sounds: NonSpeechSound[]; activity: IntervalSec[]; ch: CallChannel } {
  const ch = prepareChannel(samples, RATE_HZ);
  const quiet = prepareChannel(new Float32Array(samples.length), RATE_HZ);
  const activity = channelActivity(ch, quiet, samples.length / RATE_HZ);
  const threshold = ch.seg.thresholdDbfs;
  if (threshold === null) throw new Error('no speech threshold');
  return { ...splitSounds(activity, threshold, ch.signal), activity, ch };
}

const tone = (hz: number, amp: number) => (t: number) => amp * Math.sin(2 * Math.PI * hz * t);
const gated = (onSec: number, periodSec: number, f: (t: number) => number) => (t: number) => (t % periodSec < onSec ? f(t) : 0);
const NOTES_HZ = [261.6, 293.7, 329.6, 349.2, 392, 440, 493.9, 523.3];
/** Sustained triads, 0.8 s each, a soft decay: the steady hold music of a phone system. */
function chords(t: number): number {
  const f = NOTES_HZ[Math.floor(t / 0.8) % NOTES_HZ.length];
  const env = 0.6 + 0.4 * Math.exp(-3 * (t % 0.8));
  let s = 0;
  for (const m of [1, 1.26, 1.5]) for (let k = 1; k < 6; k++) s += Math.sin(2 * Math.PI * f * m * k * t) / k;
  return 0.02 * env * s;
}

interface Piece { sec: number; kind: 'speech' | 'sound' | 'gap'; render: (n: number) => Float32Array }

/** Pieces one after another, with a −70 dBFS noise floor; the planned speech and sound spans. */
function assemble(pieces: Piece[]): { samples: Float32Array; planned: { kind: 'speech' | 'sound'; span: IntervalSec }[] } {
  const total = pieces.reduce((s, p) => s + Math.round(p.sec * RATE_HZ), 0);
  const out = new Float32Array(total);
  const random = seededRandom(5);
  for (let i = 0; i < total; i++) out[i] = (2 * random() - 1) * 10 ** (-70 / 20) * Math.sqrt(3);
  const planned: { kind: 'speech' | 'sound'; span: IntervalSec }[] = [];
  let at = 0;
  for (const p of pieces) {
    const n = Math.round(p.sec * RATE_HZ);
    const x = p.render(n);
    for (let i = 0; i < n; i++) out[at + i] += x[i];
    if (p.kind !== 'gap') planned.push({ kind: p.kind, span: { startSec: at / RATE_HZ, endSec: (at + n) / RATE_HZ } });
    at += n;
  }
  return { samples: out, planned };
}

const fn = (f: (t: number) => number) => (n: number) => Float32Array.from({ length: n }, (_, i) => f(i / RATE_HZ));
const gap = (sec: number): Piece => ({ sec, kind: 'gap', render: (n) => new Float32Array(n) });

function overlapSec(a: readonly IntervalSec[], b: IntervalSec): number {
  return a.reduce((s, x) => s + Math.max(0, Math.min(x.endSec, b.endSec) - Math.max(x.startSec, b.startSec)), 0);
}

async function fixtureAt8k(path: string): Promise<Float32Array> {
  const a = await decodeFixture(path);
  return resampleTo(a.channels[0], a.sampleRateHz, RATE_HZ);
}

describe.runIf(haveFixtures)('hold sounds in a call channel', () => {
  it('finds planted tones, ringback, beeps and sustained chords between real speech, and keeps the speech', async () => {
    const wendy = await fixtureAt8k('real/en_longread_wendy.wav');
    const polar = await fixtureAt8k('real/en_longread_polar.wav');
    const speech = (x: Float32Array, sec: number): Piece => ({ sec, kind: 'speech', render: (n) => x.slice(0, n) });
    const { samples, planned } = assemble([
      gap(1), speech(wendy, 12), gap(1.5),
      { sec: 15, kind: 'sound', render: fn(chords) }, gap(1.5),
      speech(polar, 10), gap(1.5),
      { sec: 10, kind: 'sound', render: fn(gated(1, 5, tone(425, 0.05))) }, gap(1.5),
      { sec: 6, kind: 'sound', render: fn(gated(0.2, 0.5, tone(1000, 0.05))) }, gap(1.5),
      { sec: 8, kind: 'sound', render: fn(tone(440, 0.03)) }, gap(1.5),
      speech(wendy.subarray(12 * RATE_HZ), 10), gap(1),
    ]);
    const { speech: found, sounds, activity } = split(samples);
    for (const p of planned) {
      const len = p.span.endSec - p.span.startSec;
      if (p.kind === 'sound') {
        // The planted sound is a sound (ringback: its 1 s bursts, 4 s apart, each one a stretch) …
        expect(overlapSec(sounds, p.span) / len, `sound at ${p.span.startSec.toFixed(1)} s`).toBeGreaterThan(0.15);
        // … and none of it is speech.
        expect(overlapSec(found, p.span), `speech inside the sound at ${p.span.startSec.toFixed(1)} s`).toBe(0);
      } else {
        expect(overlapSec(sounds, p.span), `sound inside the speech at ${p.span.startSec.toFixed(1)} s`).toBe(0);
        // All the activity found in the speech stays speech (the reading's own pauses are not activity).
        expect(overlapSec(found, p.span)).toBe(overlapSec(activity, p.span));
        expect(overlapSec(found, p.span) / len).toBeGreaterThan(0.5);
      }
    }
    // The continuous chords and the steady tone are found whole.
    for (const p of planned.filter((q) => q.kind === 'sound' && q.span.endSec - q.span.startSec >= 8)) {
      const covered = overlapSec(sounds, p.span) / (p.span.endSec - p.span.startSec);
      if (p.span.startSec > 20 && p.span.startSec < 30) expect(covered).toBeGreaterThan(0.9); // chords
    }
    expect(sounds.map((s) => s.kind)).toContain('steady');
  });

  it('keeps a machine-flat test voice as speech (its syllables dip; it is not one sinusoid)', () => {
    const voice = speechLike({ sampleRateHz: RATE_HZ, durationSec: 14, noiseDbfs: -70, seed: 2, phrases: [
      { startSec: 1, endSec: 6, syllablesPerSec: 4, f0StartHz: 190, f0EndHz: 190, levelDbfs: -24 },
      { startSec: 7, endSec: 13, syllablesPerSec: 5, f0StartHz: 120, f0EndHz: 240, levelDbfs: -24 },
    ] });
    const { sounds, speech } = split(voice);
    expect(sounds).toEqual([]);
    expect(overlapSec(speech, { startSec: 1, endSec: 6 })).toBeGreaterThan(4);
  });

  it('calls no stretch of the real fixture speech a sound', async () => {
    for (const path of ['real/en_longread_polar.wav', 'real/en_longread_wendy.wav', 'real/zh_cosyvoice_cross_lingual.wav', 'real/en_deepspeech_new_home.wav']) {
      const { sounds, speech } = split(await fixtureAt8k(path));
      expect(speech.length, path).toBeGreaterThan(0);
      expect(sounds, path).toEqual([]);
    }
  });
});

describe('a call with a hold', () => {
  it('counts hold music as silence of speech: no agent speech, dead air over it, no slow response across it', () => {
    const rate = 8000;
    // The agent asks the customer to hold at 8 s; the phone system plays chords on the agent's line for 15 s.
    const built = buildCall({
      sampleRateHz: rate, durationSec: 40, agentChannel: 'left',
      utterances: [
        { speaker: 'agent', startSec: 1, syllables: 12, syllablesPerSec: 4 },
        { speaker: 'customer', startSec: 4.5, syllables: 12, syllablesPerSec: 4.5 },
        { speaker: 'agent', startSec: 30, syllables: 16, syllablesPerSec: 4 },
        { speaker: 'customer', startSec: 35, syllables: 10, syllablesPerSec: 4.5 },
      ],
    });
    const holdStart = 9.5, holdEnd = 24.5;
    const agent = built.input.channels[0];
    for (let i = Math.round(holdStart * rate); i < Math.round(holdEnd * rate); i++) agent[i] += chords(i / rate - holdStart);
    const report = analyzeCall(built.input, { agentChannel: 'left', lang: 'en' });
    expect(report.sounds.length).toBeGreaterThan(0);
    const held = overlapSec(report.sounds, { startSec: holdStart, endSec: holdEnd });
    expect(held / (holdEnd - holdStart)).toBeGreaterThan(0.9);
    expect(report.sounds.every((s) => s.channel === 'agent')).toBe(true);
    // No agent turn inside the hold; the customer's answer at 4.5 s was followed by the agent only at 30 s.
    expect(report.turns.filter((t) => t.speaker === 'agent' && t.startSec > holdStart - 0.5 && t.endSec < holdEnd + 0.5)).toEqual([]);
    expect(report.findings.filter((f) => f.id === 'slowResponse')).toEqual([]);
    const dead = report.findings.filter((f) => f.id === 'deadAir');
    expect(overlapSec(dead, { startSec: holdStart, endSec: holdEnd })).toBeGreaterThan(0.9 * (holdEnd - holdStart));
  });
});
