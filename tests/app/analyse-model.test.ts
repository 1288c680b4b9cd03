/**
 * A model recording from a pack file analysed on this device (src/takes/analyse-model.ts): the WAV's samples and rate
 * reach the analyser unchanged (to 16-bit precision), with the drill's language, its script filled with the sample
 * name and company, and its own bands; the report is kept without its file label, or null when no speech was found.
 */
import { describe, expect, it } from 'vitest';
import { encodeWavMono16 } from '../../src/audio/wav.ts';
import { findBuiltInDrill, fillTemplate, SAMPLE_PROFILE, type Drill } from '../../src/drills/index.ts';
import { analyseModel, decodeModelWav, type Analyser, type AnalyzeOptions, type AudioInput } from '../../src/takes/index.ts';
import { makeReport } from './report-fixture.ts';

const base = findBuiltInDrill('en-greeting4') as Drill;
const drill: Drill = { ...base, id: 'acme', builtIn: false, bands: { ...base.bands, rate: { ...base.bands.rate, goodMin: 100, goodMax: 130 } } };
const samples = Float32Array.from({ length: 8000 }, (_, i) => 0.5 * Math.sin((2 * Math.PI * 220 * i) / 16000));

describe('model recording analysis', () => {
  it('decodes the WAV to the samples it was made from', async () => {
    const decoded = await decodeModelWav(encodeWavMono16(samples, 16000), 'model.wav');
    expect(decoded.sampleRateHz).toBe(16000);
    expect(decoded.samples.length).toBe(8000);
    expect(Math.max(...decoded.samples.map((x, i) => Math.abs(x - samples[i])))).toBeLessThan(1 / 32768 + 1e-9);
  });

  it('analyses with the drill’s language, filled script (given, else with the sample name) and own bands; null without speech', async () => {
    const calls: Array<{ input: AudioInput; options: AnalyzeOptions; label: string }> = [];
    let speech = true;
    const analyser: Analyser = {
      analyse: (input, options, label) => {
        calls.push({ input, options, label });
        return Promise.resolve({ file: label, ...makeReport({ rate: ['high', 140] }, { lang: 'en', speechFound: speech }) });
      },
    };
    const report = await analyseModel(analyser, encodeWavMono16(samples, 16000), drill);
    expect(report).not.toBeNull();
    expect(report && 'file' in report).toBe(false);
    expect(report?.verdicts.find((v) => v.guideline === 'rate')?.value).toBe(140);
    expect(calls[0].options).toEqual({ lang: 'en', script: fillTemplate(drill.template, SAMPLE_PROFILE.en), bands: drill.bands, baseline: null });
    expect(calls[0].input.sampleRateHz).toBe(16000);
    expect(calls[0].input.channels[0].length).toBe(8000);
    expect(calls[0].label).toBe('model-acme.wav');
    await analyseModel(analyser, encodeWavMono16(samples, 16000), drill, 'Hello, *Acme*, this is Alex, how may I *help* you today?');
    expect(calls[1].options.script).toBe('Hello, *Acme*, this is Alex, how may I *help* you today?');
    speech = false;
    expect(await analyseModel(analyser, encodeWavMono16(samples, 16000), drill)).toBeNull();
  });

  it('refuses a file that is not a WAV with the reader’s sentence', async () => {
    await expect(decodeModelWav(new Uint8Array([1, 2, 3, 4]), 'model.wav')).rejects.toThrow(/model\.wav/);
  });
});
