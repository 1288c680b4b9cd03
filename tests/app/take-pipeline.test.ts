import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { analyzeToJson, type AnalyzeOptions, type AudioInput, type FileReport } from '../../src/analysis/index.ts';
import { findBuiltInDrill, renderDrill, type Drill } from '../../src/drills/index.ts';
import { ChunkWriter } from '../../src/capture/chunk-writer.ts';
import { analyseTake, analyseUnsaved, analysisOptions, drillOfTake, loadComparison, toBaseline, type Analyser } from '../../src/takes/analyse-take.ts';
import { concatChunks, openStore, type VoiceDrillStore } from '../../src/storage/index.ts';
import { partsAt, speechLike } from '../helpers/synth.ts';

const RATE = 44100;
const drill = findBuiltInDrill('zh-greeting3') as Drill;
const script = renderDrill(drill, { name: '李娜', company: '' }).script;
const stores: VoiceDrillStore[] = [];
let counter = 0;

afterEach(() => {
  for (const s of stores.splice(0)) s.close();
});

async function freshStore(): Promise<VoiceDrillStore> {
  const store = await openStore({ name: `voicedrill-pipeline-${++counter}` });
  stores.push(store);
  return store;
}

/** The three-part greeting as speech-like audio: parts of 3, 4 and 7 syllables, 0.4 s apart. */
function greeting(seed: number): Float32Array {
  return speechLike({
    sampleRateHz: RATE, durationSec: 5.4, noiseDbfs: -65, seed,
    phrases: partsAt(0.3, [3, 4, 7], 0.4, { f0StartHz: 240, f0EndHz: 200, levelDbfs: -22, syllablesPerSec: 3.5 }),
  });
}

/** The analyser the worker runs, called directly (and counting its calls). */
function directAnalyser(): Analyser & { calls: { options: AnalyzeOptions; label: string }[] } {
  const calls: { options: AnalyzeOptions; label: string }[] = [];
  return {
    calls,
    async analyse(input: AudioInput, options: AnalyzeOptions, label: string): Promise<FileReport> {
      calls.push({ options, label });
      return analyzeToJson(input, options, label);
    },
  };
}

/** Record a take the way the app does: chunks saved while recording, then finished with its length. */
async function record(store: VoiceDrillStore, samples: Float32Array, createdAt: Date) {
  const take = await store.createTake({ drill, script, sampleRateHz: RATE, createdAt });
  const writer = new ChunkWriter(RATE, (seq, pcm) => store.appendAudioChunk(take.id, seq, pcm));
  for (let i = 0; i < samples.length; i += 2205) writer.push(samples.subarray(i, i + 2205));
  await writer.flush();
  const recorded = store.finishTake(take.id, writer.savedSec);
  return { take, writer, recorded };
}

describe('take pipeline', () => {
  it('analyses exactly the stored audio with the CLI’s options, and saves the report', async () => {
    const store = await freshStore();
    const { take, writer, recorded } = await record(store, greeting(1), new Date(2026, 10, 20, 9));
    const analyser = directAnalyser();
    const result = await analyseTake({ store, analyser, take, baseline: null, samples: concatChunks(writer.savedChunks), recorded });
    expect(analyser.calls[0]).toEqual({ options: { lang: 'zh', script, bands: drill.bands, baseline: null }, label: take.id });
    // The same numbers as `voicedrill analyze` on the stored audio exported as 16-bit WAV.
    const stored = await store.loadTakeAudio(take.id);
    expect(result.report).toEqual(analyzeToJson({ channels: [stored], sampleRateHz: RATE }, { lang: 'zh', script }, take.id));
    expect(result.report.speechFound).toBe(true);
    expect(result.report.parts.map((p) => p.found)).toEqual([true, true, true]);
    const saved = await result.saved;
    expect(saved.status).toBe('analysed');
    expect((await store.getTake(take.id))?.report?.verdicts).toEqual(result.report.verdicts);
    expect((await store.getTake(take.id))?.durationSec).toBeCloseTo(5.4, 3);
    expect(result.comparison).toEqual({ previous: null, best: null });
  });

  it('reads a stored (recovered) take’s audio itself, and compares with earlier takes', async () => {
    const store = await freshStore();
    const analyser = directAnalyser();
    const first = await record(store, greeting(1), new Date(2026, 10, 20, 9));
    await (await analyseTake({ store, analyser, take: first.take, baseline: null, recorded: first.recorded })).saved;
    const second = await record(store, greeting(2), new Date(2026, 10, 20, 10));
    const comparison = loadComparison(store, second.take);
    const result = await analyseTake({ store, analyser, take: await second.recorded, baseline: null, comparison });
    expect(result.comparison.previous?.id).toBe(first.take.id);
    expect(result.comparison.best?.id).toBe(first.take.id);
  });

  it('gives the baseline to the analysis, so pitch level and effort are measured', async () => {
    const store = await freshStore();
    const { take, recorded } = await record(store, greeting(3), new Date(2026, 10, 21));
    const stored = { medianHz: 200, activeLevelDbfs: -25, recordedAt: null, analysisVersion: null };
    const result = await analyseTake({ store, analyser: directAnalyser(), take: await recorded, baseline: toBaseline(stored) });
    const effort = result.report.verdicts.find((v) => v.guideline === 'effort');
    expect(effort?.value).not.toBeNull();
    expect(analysisOptions(take, drill, toBaseline(stored)).baseline).toEqual({ medianHz: 200, activeLevelDbfs: -25, brightnessHz: null });
    expect(toBaseline(null)).toBeNull();
  });

  it('scores a take against its drill’s own bands: every verdict, stored and re-read', async () => {
    const store = await freshStore();
    // A trainer's drill: the greeting's pace must be 60–90 chars/min (the take is ≈ 176), the level −40 … −30 dBFS (it is −22).
    const custom: Drill = {
      ...drill, id: 'custom-slow', builtIn: false,
      bands: {
        ...drill.bands,
        rate: { lowBelow: 50, goodMin: 60, goodMax: 90, highAbove: 100, unit: 'chars/min' },
        volume: { lowBelow: -45, goodMin: -40, goodMax: -30, highAbove: null, unit: 'dBFS' },
      },
    };
    const take = await store.createTake({ drill: custom, script, sampleRateHz: RATE });
    const writer = new ChunkWriter(RATE, (seq, pcm) => store.appendAudioChunk(take.id, seq, pcm));
    writer.push(greeting(5));
    await writer.flush();
    const recorded = await store.finishTake(take.id, writer.savedSec);
    const result = await analyseTake({ store, analyser: directAnalyser(), take: recorded, baseline: null });
    const verdict = (id: string) => result.report.verdicts.find((v) => v.guideline === id);
    expect(verdict('rate')?.status).toBe('high');
    expect(verdict('rate')?.band).toEqual({ goodMin: 60, goodMax: 90, lowBelow: 50, highAbove: 100 });
    expect(verdict('volume')?.status).toBe('borderline'); // above goodMax, and the band has no 'high' edge
    expect(verdict('volume')?.band?.goodMax).toBe(-30);
    // The same take against the default bands: rate borderline (160–180), level good: the drill's bands decided.
    const byDefault = analyzeToJson({ channels: [await store.loadTakeAudio(take.id)], sampleRateHz: RATE }, { lang: 'zh', script }, take.id);
    expect(byDefault.verdicts.find((v) => v.guideline === 'rate')?.status).toBe('borderline');
    expect(byDefault.verdicts.find((v) => v.guideline === 'volume')?.status).toBe('good');
    await result.saved;
    expect((await store.getTake(take.id))?.report?.verdicts).toEqual(result.report.verdicts);
  });

  it('says so when a take has no audio or an unknown drill', async () => {
    const store = await freshStore();
    const take = await store.createTake({ drill, script, sampleRateHz: RATE });
    await expect(analyseTake({ store, analyser: directAnalyser(), take, baseline: null })).rejects.toThrow('This take has no audio to analyse.');
    expect(drillOfTake({ ...take, drill: null })?.id).toBe('zh-greeting3');
    await expect(analyseTake({ store, analyser: directAnalyser(), take: { ...take, drill: null, drillId: 'gone' }, baseline: null }))
      .rejects.toThrow(/no longer available/);
  });

  it('scores a recording that could not be stored, without saving or comparing', async () => {
    const samples = greeting(4);
    const result = await analyseUnsaved({ analyser: directAnalyser(), drill, script, samples, sampleRateHz: RATE, baseline: null });
    expect(result.report.speechFound).toBe(true);
    expect(result.comparison).toEqual({ previous: null, best: null });
    expect((await result.saved).status).toBe('analysed');
  });
});
