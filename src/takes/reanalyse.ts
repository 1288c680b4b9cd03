/**
 * Re-analysis of takes whose numbers came from another analysis version than this app's: oldest
 * first, each new report saved as it comes, with progress and cancel. The analysis options are built
 * by analyse-take.ts (the drill's language, script and bands), as for a take just recorded.
 */
import type { AnalysisReport, AnalyzeOptions, AudioInput, Baseline } from '../analysis/index.ts';
import { needsReanalysis, type TakeRecord, type VoiceDrillStore } from '../storage/index.ts';
import { takeAnalysisInput, toBaseline } from './analyse-take.ts';

/** Runs the analysis (the app passes its worker client's analyse; tests call analyzeToJson). */
export type AnalyseFn = (input: AudioInput, options: AnalyzeOptions, fileLabel: string, signal?: AbortSignal) => Promise<AnalysisReport>;

/** Progress of a re-analysis run, after each take. */
export interface ReanalyseProgress {
  done: number;
  total: number;
  takeId: string;
  /** The take could not be re-analysed (it keeps its old results). */
  failed: boolean;
}

/** Options of reanalyseOutdated. */
export interface ReanalyseOptions {
  onProgress?: (progress: ReanalyseProgress) => void;
  /** Stops after the take being analysed (which is aborted too). */
  signal?: AbortSignal;
  /** Baseline to measure against; default: the stored profile's calibration. */
  baseline?: Baseline | null;
}

/** What a run did. */
export interface ReanalyseResult {
  total: number;
  reanalysed: number;
  failed: { takeId: string; message: string }[];
  cancelled: boolean;
}

/** Takes whose results come from another analysis version than this app's (ANALYSIS_VERSION). */
export async function outdatedTakeIds(store: VoiceDrillStore): Promise<string[]> {
  return (await store.listTakes({ order: 'oldest' })).filter(needsReanalysis).map((t) => t.id);
}

/**
 * Re-run the analysis of every take analysed by another version, oldest first, saving each new
 * report as it comes (a failure or a cancel leaves the remaining takes with their old results).
 */
export async function reanalyseOutdated(store: VoiceDrillStore, analyse: AnalyseFn, options: ReanalyseOptions = {}): Promise<ReanalyseResult> {
  const { onProgress, signal } = options;
  const ids = await outdatedTakeIds(store);
  const baseline: Baseline | null = options.baseline !== undefined ? options.baseline : toBaseline((await store.getProfile())?.baseline ?? null);
  const result: ReanalyseResult = { total: ids.length, reanalysed: 0, failed: [], cancelled: false };
  let done = 0;
  for (const takeId of ids) {
    if (signal?.aborted) {
      result.cancelled = true;
      break;
    }
    let failed = false;
    try {
      if (await reanalyseOne(store, analyse, takeId, baseline, signal)) result.reanalysed++;
    } catch (e) {
      if (signal?.aborted) {
        result.cancelled = true;
        break;
      }
      failed = true;
      result.failed.push({ takeId, message: e instanceof Error ? e.message : String(e) });
    }
    done++;
    onProgress?.({ done, total: ids.length, takeId, failed });
  }
  return result;
}

// Re-analyse one take and save its report; false when there was nothing to do (deleted, or brought
// up to date by another tab since the list was made).
async function reanalyseOne(store: VoiceDrillStore, analyse: AnalyseFn, takeId: string, baseline: Baseline | null, signal?: AbortSignal): Promise<boolean> {
  const take = await store.getTake(takeId);
  if (take === null || !needsReanalysis(take)) return false;
  await reanalyseTake(store, analyse, take, baseline, signal);
  return true;
}

/**
 * Analyse a stored take again from its stored audio (or the samples the caller already read), with the options of a take just recorded, and
 * save the new report; resolves with the saved record. Throws a sentence when it cannot be scored.
 */
export async function reanalyseTake(
  store: VoiceDrillStore, analyse: AnalyseFn, take: TakeRecord, baseline: Baseline | null, signal?: AbortSignal, samples?: Float32Array,
): Promise<TakeRecord> {
  const { input, options } = await takeAnalysisInput(store, take, baseline, samples);
  const report = await analyse(input, options, take.id, signal);
  return store.saveReport(take.id, report);
}
