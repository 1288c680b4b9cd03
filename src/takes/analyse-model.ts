/**
 * A model recording of an assigned drill (a trainer's WAV from a pack file) analysed on this device with the drill's
 * own language, script and bands, through the same Analyser as the agent's takes (the worker in the app). The caller
 * fills the script's {name} and {company}: the app fills them from the agent's profile (the trainer's own are not known;
 * the company is usually the same, so the syllable count, and with it the rate, is near the model's). No DOM.
 */
import type { AnalysisReport } from '../analysis/report.ts';
import { fillTemplate, SAMPLE_PROFILE, type Drill } from '../drills/index.ts';
import { readWavLayout, wavBlocks, type ReadBytes } from '../media/index.ts';
import type { Analyser } from './analyse-take.ts';

/** The first channel of a WAV file's bytes, with its rate; throws the reader's sentence for a file it refuses. */
export async function decodeModelWav(wav: Uint8Array, label: string): Promise<{ samples: Float32Array; sampleRateHz: number }> {
  const read: ReadBytes = (offset, length) => Promise.resolve(wav.subarray(offset, offset + length));
  const layout = await readWavLayout(read, wav.length, label);
  const samples = new Float32Array(layout.frames);
  let at = 0;
  for await (const block of wavBlocks(read, layout, label)) {
    samples.set(block[0].subarray(0, Math.min(block[0].length, samples.length - at)), at);
    at += block[0].length;
  }
  return { samples, sampleRateHz: layout.sampleRateHz };
}

/** The model's analysis report (without the file label), or null when no speech was found in it; `script` defaults to the template filled with the sample name and company. */
export async function analyseModel(analyser: Analyser, wav: Uint8Array, drill: Drill, script?: string, signal?: AbortSignal): Promise<AnalysisReport | null> {
  const label = `model-${drill.id}.wav`;
  const { samples, sampleRateHz } = await decodeModelWav(wav, label);
  const options = { lang: drill.lang, script: script ?? fillTemplate(drill.template, SAMPLE_PROFILE[drill.lang]), bands: drill.bands, baseline: null };
  const { file: _file, ...report } = await analyser.analyse({ channels: [samples], sampleRateHz }, options, label, signal);
  return report.speechFound ? report : null;
}
