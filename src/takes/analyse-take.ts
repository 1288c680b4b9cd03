/**
 * From a recorded take to what the scorecard needs: the analysis (in the worker, through an
 * Analyser), the report saved with the take, and the takes to compare with. The same path serves a
 * take just recorded, a recovered one and one re-opened from History. No DOM: tested in Node.
 */
import type { AnalyzeOptions, AudioInput, Baseline, FileReport } from '../analysis/index.ts';
import { drillOfTake } from '../drills/index.ts';
import { ANALYSED_MARK } from '../capture/timing.ts';
import type { Drill } from '../drills/types.ts';
import { SCHEMA_VERSION, type StoredBaseline, type TakeRecord, type VoiceDrillStore } from '../storage/index.ts';
import { holdBusy } from '../pwa/busy.ts';
import { personalBest, previousTake } from './comparison.ts';

/** The drill a take was recorded with (from src/drills; re-exported for the take lifecycle's users). */
export { drillOfTake };

/** Runs analyzeToJson somewhere (the worker in the app, directly in tests); abortable. */
export interface Analyser {
  analyse(input: AudioInput, options: AnalyzeOptions, fileLabel: string, signal?: AbortSignal): Promise<FileReport>;
}

/** The takes a new take is compared with. */
export interface Comparison {
  previous: TakeRecord | null;
  best: TakeRecord | null;
}

/** A take with its analysis. */
export interface AnalysedTake {
  take: TakeRecord;
  drill: Drill;
  report: FileReport;
  comparison: Comparison;
  /** The report being stored with the take; rejects with a StorageError (the scorecard is shown anyway, the audio stays stored). */
  saved: Promise<TakeRecord>;
}

/** The analysis's baseline from the stored calibration (null when not calibrated). */
export function toBaseline(stored: StoredBaseline | null): Baseline | null {
  if (stored === null) return null;
  return { medianHz: stored.medianHz, activeLevelDbfs: stored.activeLevelDbfs, brightnessHz: stored.brightnessHz ?? null };
}

/**
 * Options of the take's analysis, the one place they are built: the drill's language, the filled script,
 * the drill's own bands and the agent's baseline — what the CLI gets from --lang, --script, --bands, --baseline.
 */
export function analysisOptions(take: TakeRecord, drill: Drill, baseline: Baseline | null): AnalyzeOptions {
  return { lang: drill.lang, script: take.script, bands: drill.bands, baseline };
}

/** The previous analysed take of the drill and the personal best before this take (both may be null). */
export async function loadComparison(store: VoiceDrillStore, take: TakeRecord): Promise<Comparison> {
  const [previous, best] = await Promise.all([
    previousTake(store, take.drillId, take.id),
    personalBest(store, take.drillId, { excludeTakeId: take.id }),
  ]);
  return { previous, best };
}

/** What analyseTake needs. */
export interface AnalyseTakeArgs {
  store: VoiceDrillStore;
  analyser: Analyser;
  take: TakeRecord;
  baseline: Baseline | null;
  /** The take's audio when already in memory (else it is read from storage). Its buffer is handed over. */
  samples?: Float32Array;
  /** Started earlier (at the start of the take) to save time after the stop. */
  comparison?: Promise<Comparison>;
  /** Resolves once the take is stored as recorded (finishTake), run alongside the analysis; the report is saved after it. */
  recorded?: Promise<TakeRecord>;
  signal?: AbortSignal;
}

/** What a stored take is analysed with: its drill (checked first), its audio (read unless given) and its options. */
export interface TakeAnalysisInput {
  drill: Drill;
  input: AudioInput;
  options: AnalyzeOptions;
}

/**
 * The audio and options of a stored take's analysis, for a take just recorded and for one analysed again;
 * throws a sentence when its drill is gone or it holds no audio.
 */
export async function takeAnalysisInput(store: VoiceDrillStore, take: TakeRecord, baseline: Baseline | null, samples?: Float32Array): Promise<TakeAnalysisInput> {
  const drill = drillOfTake(take);
  if (drill === null) throw new Error(`The drill “${take.drillId}” of this take is no longer available, so it cannot be scored.`);
  const audio = samples ?? (await store.loadTakeAudio(take.id));
  if (audio.length === 0) throw new Error('This take has no audio to analyse.');
  return { drill, input: { channels: [audio], sampleRateHz: take.sampleRateHz }, options: analysisOptions(take, drill, baseline) };
}

/** Analyse a recorded take, save its report, and gather the takes to compare with. */
export async function analyseTake(args: AnalyseTakeArgs): Promise<AnalysedTake> {
  const { store, analyser, take, baseline, signal } = args;
  const prepared = takeAnalysisInput(store, take, baseline, args.samples);
  const comparison = args.comparison ?? loadComparison(store, take);
  const { drill, input, options } = await prepared;
  const report = await analyser.analyse(input, options, take.id, signal);
  performance.mark(ANALYSED_MARK);
  // Saved in the background: the scorecard does not wait for the disk. The busy guard stays held
  // until the save settles, so an accepted app update cannot reload the page before it lands.
  const releaseBusy = holdBusy('saving a report');
  const saved = (args.recorded ?? Promise.resolve(take)).then(() => store.saveReport(take.id, report));
  saved.then(releaseBusy, releaseBusy);
  return { take: { ...take, status: 'analysed', report, analysisVersion: report.analysisVersion }, drill, report, comparison: await comparison, saved };
}

/** What analyseUnsaved needs: a recording that is not in storage (storage unavailable or full). */
export interface AnalyseUnsavedArgs {
  analyser: Analyser;
  drill: Drill;
  script: string;
  samples: Float32Array;
  sampleRateHz: number;
  baseline: Baseline | null;
  signal?: AbortSignal;
}

/** Analyse a recording that could not be stored: the scorecard is shown, nothing is saved or compared. */
export async function analyseUnsaved(args: AnalyseUnsavedArgs): Promise<AnalysedTake> {
  const { analyser, drill, script, samples, sampleRateHz, baseline, signal } = args;
  const now = new Date().toISOString();
  const take: TakeRecord = {
    schemaVersion: SCHEMA_VERSION, id: `unsaved-${now}`, drillId: drill.id, drill, script, createdAt: now, status: 'recorded',
    sampleRateHz, durationSec: samples.length / sampleRateHz, report: null, analysisVersion: null, name: null, failure: null, incomplete: false, countAnyway: false,
  };
  const report = await analyser.analyse({ channels: [samples], sampleRateHz }, analysisOptions(take, drill, baseline), take.id, signal);
  const analysed: TakeRecord = { ...take, status: 'analysed', report, analysisVersion: report.analysisVersion };
  return { take: analysed, drill, report, comparison: { previous: null, best: null }, saved: Promise.resolve(analysed) };
}
