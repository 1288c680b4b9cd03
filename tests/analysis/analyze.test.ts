// The whole pipeline on synthetic signals with known truth: timing, pitch, level, invariances, controls.
import { describe, expect, it } from 'vitest';
import { analyzeRecording, type AnalysisReport } from '../../src/analysis/index.ts';
import { partsAt, seededRandom, speechLike, type PhraseSpec } from '../helpers/synth.ts';

const voice = { f0StartHz: 150, f0EndHz: 210, levelDbfs: -22, syllablesPerSec: 4 };
// Three phrases of 6, 8 and 10 syllables, 0.5 s apart, starting at 0.5 s.
const phrases: PhraseSpec[] = partsAt(0.5, [6, 8, 10], 0.5, voice);
const render = (sampleRateHz: number) => speechLike({ sampleRateHz, durationSec: 8, phrases, noiseDbfs: -75, seed: 7 });
const analyse = (channels: Float32Array[], sampleRateHz: number, script?: string): AnalysisReport =>
  analyzeRecording({ channels, sampleRateHz }, { lang: 'en', script });

const base = analyse([render(16000)], 16000);
const gliderMedianHz = 150 * (210 / 150) ** 0.5; // the glide is linear in semitones, so its median is the geometric mean

describe('known truth', () => {
  it('finds the speech edges and the two pauses', () => {
    expect(base.speechFound).toBe(true);
    expect(base.speech.startSec).toBeCloseTo(0.5, 1);
    expect(Math.abs((base.speech.endSec ?? 0) - phrases[2].endSec)).toBeLessThan(0.05);
    expect(base.speech.pauseCount).toBe(2);
    for (const p of base.speech.pauses) expect(Math.abs(p.endSec - p.startSec - 0.5)).toBeLessThan(0.05);
  });

  it('measures the pitch of the glide', () => {
    expect(Math.abs((base.pitch.medianHz ?? 0) / gliderMedianHz - 1)).toBeLessThan(0.03);
    expect(base.pitch.rangeSt).toBeGreaterThan(4);
    expect(base.pitch.rangeSt).toBeLessThan(6.5);
  });

  it('measures the level of the phrases', () => {
    expect(Math.abs((base.loudness.activeLevelDbfs ?? 0) - -22)).toBeLessThan(1.5);
    expect(base.phrases).toHaveLength(3);
    expect(base.loudness.snrDb).toBeGreaterThan(40);
  });

  it('measures spectral brightness, higher for a brighter voice', () => {
    const x = render(16000);
    const bright = x.map((v, i) => v - 0.9 * (i > 0 ? x[i - 1] : 0));
    const r = analyse([bright], 16000);
    expect(base.timbre.brightnessHz).toBeGreaterThan(200);
    expect(r.timbre.brightnessHz ?? 0).toBeGreaterThan(1.3 * (base.timbre.brightnessHz ?? Infinity));
  });

  it('rates from the script: 24 syllables over the span', () => {
    const words = Array.from({ length: 24 }, () => 'ba').join(' ');
    const r = analyse([render(16000)], 16000, words);
    expect(r.rate.syllablesSource).toBe('script');
    expect(r.rate.syllables).toBe(24);
    const spanSec = phrases[2].endSec - phrases[0].startSec;
    expect(Math.abs((r.rate.syllablesPerSec ?? 0) / (24 / spanSec) - 1)).toBeLessThan(0.03);
    expect(r.rate.perMinuteUnit).toBe('wpm');
  });

  it('estimates syllables from nuclei without a script', () => {
    expect(base.rate.syllablesSource).toBe('estimate');
    expect(Math.abs((base.rate.nuclei ?? 0) - 24)).toBeLessThanOrEqual(3);
  });

  it('gives the time of each nucleus, on the syllable humps of the synthetic voice', () => {
    const times = base.rate.nucleiSec;
    expect(times).toHaveLength(base.rate.nuclei ?? -1);
    for (let i = 1; i < times.length; i++) expect(times[i]).toBeGreaterThan(times[i - 1]);
    // speechLike's syllable k of a phrase peaks at start + (k + ½) / syllablesPerSec.
    const humps = phrases.flatMap((p) => Array.from({ length: Math.round((p.endSec - p.startSec) * 4) }, (_, k) => p.startSec + (k + 0.5) / 4));
    const offSec = times.map((t) => Math.min(...humps.map((h) => Math.abs(h - t))));
    expect(Math.max(...offSec)).toBeLessThan(0.06);
  });

  it('judges steadiness over the parts of a greeting said with short gaps, and catches trailing off', () => {
    // 0.18 s gaps: below the 0.25 s pause threshold, so the whole greeting is one pause-delimited phrase.
    const greeting = partsAt(0.4, [2, 4, 4, 9], 0.18, voice);
    greeting[3] = { ...greeting[3], levelDbfs: voice.levelDbfs - 8 };
    const x = speechLike({ sampleRateHz: 16000, durationSec: 7, phrases: greeting, noiseDbfs: -75, seed: 5 });
    const r = analyzeRecording({ channels: [x], sampleRateHz: 16000 }, { script: '您好，星海客服，我是王芳，请问有什么可以帮您？' });
    expect(r.speech.pauseCount).toBe(0);
    expect(r.loudness.finalDropDb ?? 0).toBeGreaterThan(6);
    expect(r.loudness.finalDropDb ?? 0).toBeLessThan(10);
    expect(r.verdicts.find((v) => v.guideline === 'steadiness')).toMatchObject({ adviceKey: 'steadiness.trailingOff' });
    const flat = analyzeRecording({ channels: [x], sampleRateHz: 16000 });
    expect(flat.loudness.phraseLevelSdDb).toBeNull(); // without a script there is only one phrase
  });

  it('maps the phrases onto the parts of a greeting', () => {
    const greeting = partsAt(0.4, [2, 4, 4, 9], 0.4, voice);
    const x = speechLike({ sampleRateHz: 16000, durationSec: 7, phrases: greeting, noiseDbfs: -75, seed: 3 });
    const r = analyzeRecording({ channels: [x], sampleRateHz: 16000 }, { script: '您好，星海客服，我是王芳，请问有什么可以帮您？' });
    expect(r.lang).toBe('zh');
    expect(r.parts.map((p) => p.found)).toEqual([true, true, true, true]);
    for (const p of r.parts.slice(1)) expect(Math.abs((p.pauseBeforeSec ?? 0) - 0.4)).toBeLessThan(0.05);
    expect(r.verdicts.find((v) => v.guideline === 'pauses')?.status).toBe('good');
  });
});

describe('invariance', () => {
  it('−20 dB gain moves only the level, by −20 dB', () => {
    const quiet = render(16000).map((x) => x * 0.1);
    const r = analyse([quiet], 16000);
    expect((r.loudness.activeLevelDbfs ?? 0) - (base.loudness.activeLevelDbfs ?? 0)).toBeCloseTo(-20, 1);
    expect((r.loudness.peakDbfs ?? 0) - (base.loudness.peakDbfs ?? 0)).toBeCloseTo(-20, 1);
    expect(r.speech).toEqual(base.speech);
    expect(r.pitch.medianHz).toBeCloseTo(base.pitch.medianHz ?? 0, 1);
    expect(r.pitch.sdSt).toBeCloseTo(base.pitch.sdSt ?? 0, 2);
    expect(r.rate.nuclei).toBe(base.rate.nuclei);
  });

  it.each([8000, 22050, 44100, 48000])('a %i Hz copy gives the same timing and pitch', (rate) => {
    const r = analyse([render(rate)], rate);
    expect(Math.abs((r.speech.startSec ?? 0) - (base.speech.startSec ?? 0))).toBeLessThan(0.02);
    expect(Math.abs((r.speech.endSec ?? 0) - (base.speech.endSec ?? 0))).toBeLessThan(0.02);
    expect(r.speech.pauseCount).toBe(base.speech.pauseCount);
    expect(Math.abs((r.pitch.medianHz ?? 0) / (base.pitch.medianHz ?? 1) - 1)).toBeLessThan(0.01);
    expect(Math.abs((r.pitch.sdSt ?? 0) - (base.pitch.sdSt ?? 0))).toBeLessThan(0.2);
  });

  it('a stereo copy (same signal in both channels) gives the same report but for the channel count', () => {
    const x = render(16000);
    const r = analyse([x, x.slice()], 16000);
    expect(r.channels).toBe(2);
    expect({ ...r, channels: 1 }).toEqual(base);
  });

  it('--channel picks one side of a stereo file', () => {
    const silence = new Float32Array(render(16000).length);
    const left = analyzeRecording({ channels: [render(16000), silence], sampleRateHz: 16000 }, { channel: 'left' });
    const right = analyzeRecording({ channels: [render(16000), silence], sampleRateHz: 16000 }, { channel: 'right' });
    expect(left.speechFound).toBe(true);
    expect(right.speechFound).toBe(false);
  });
});

describe('no-speech controls', () => {
  const rate = 16000;
  const n = 3 * rate;
  const tone = (hz: number) => Float32Array.from({ length: n }, (_, i) => 0.5 * Math.sin((2 * Math.PI * hz * i) / rate));
  const random = seededRandom(11);
  const white = Float32Array.from({ length: n }, () => 0.1 * (2 * random() - 1));
  let b = 0;
  const brown = Float32Array.from({ length: n }, () => (b = 0.995 * b + 0.02 * (2 * random() - 1)));
  const sweep = Float32Array.from({ length: n }, (_, i) => {
    const t = i / rate;
    return 0.4 * Math.sin(2 * Math.PI * (100 * t + (900 / 6) * t * t));
  });
  const gatedTone = tone(300).map((x, i) => (Math.floor(i / (0.4 * rate)) % 2 === 0 ? x : 0));
  const blip = new Float32Array(n);
  blip.set(speechLike({ sampleRateHz: rate, durationSec: 0.15, phrases: [{ ...voice, startSec: 0, endSec: 0.15 }], noiseDbfs: null, seed: 1 }), rate);

  it.each([
    ['digital silence', new Float32Array(n)],
    ['a 200 Hz sine', tone(200)],
    ['a 100–1000 Hz sweep', sweep],
    ['a tone with gaps', gatedTone],
    ['white noise', white],
    ['brown noise', brown],
    ['a 0.15 s blip', blip],
  ])('%s → speechFound false and no invented numbers', (_name, x) => {
    const r = analyzeRecording({ channels: [x], sampleRateHz: rate });
    expect(r.speechFound).toBe(false);
    expect(r.noSpeechReason).not.toBeNull();
    expect(r.speech.startSec).toBeNull();
    expect(r.pitch.medianHz).toBeNull();
    expect(r.rate.syllablesPerSec).toBeNull();
    expect(r.loudness.activeLevelDbfs).toBeNull();
    expect(r.phrases).toEqual([]);
    for (const v of r.verdicts) expect(v.status, v.guideline).toBe('unmeasured');
  });

  it('rejects input it cannot analyse with a clear error', () => {
    expect(() => analyzeRecording({ channels: [], sampleRateHz: 16000 })).toThrow(/no channels/);
    expect(() => analyzeRecording({ channels: [new Float32Array(10)], sampleRateHz: 4000 })).toThrow(/sample rate/);
  });

  it('handles an empty signal', () => {
    const r = analyzeRecording({ channels: [new Float32Array(0)], sampleRateHz: 16000 });
    expect(r.speechFound).toBe(false);
    expect(r.durationSec).toBe(0);
  });
});
