/**
 * Storage health: how much of the origin's quota is used (navigator.storage.estimate), whether the
 * data is persistent (navigator.storage.persist), and re-analysing takes whose numbers came from
 * another analysis version. No DOM: the storage manager and the analysis are passed in or found on
 * globalThis, so it runs in a worker, on the main thread and in Node tests.
 */
import type { AnalysisReport, AnalyzeOptions, AudioInput, Baseline } from '../analysis/index.ts';
import { findBuiltInDrill } from '../drills/builtin.ts';
import { needsReanalysis } from './restore.ts';
import type { VoiceDrillStore } from './store.ts';

/** The part of the StorageManager (navigator.storage) used here. */
export interface StorageManagerLike {
  estimate?: () => Promise<{ usage?: number; quota?: number }>;
  persist?: () => Promise<boolean>;
  persisted?: () => Promise<boolean>;
}

/** Usage, quota and persistence; null where the browser does not say. */
export interface StorageHealth {
  usageBytes: number | null;
  quotaBytes: number | null;
  /** usage ÷ quota, 0…1. */
  usedFraction: number | null;
  persisted: boolean | null;
}

/** The browser's StorageManager, or null (old browsers, insecure pages, Node). */
export function defaultStorageManager(): StorageManagerLike | null {
  return (globalThis as { navigator?: { storage?: StorageManagerLike } }).navigator?.storage ?? null;
}

const finiteOrNull = (x: unknown): number | null => (typeof x === 'number' && Number.isFinite(x) && x >= 0 ? x : null);

/** Usage and quota (StorageManager.estimate) and whether storage is persistent; never throws. */
export async function storageHealth(manager: StorageManagerLike | null = defaultStorageManager()): Promise<StorageHealth> {
  let usageBytes: number | null = null;
  let quotaBytes: number | null = null;
  let persisted: boolean | null;
  try {
    const e = await manager?.estimate?.();
    usageBytes = finiteOrNull(e?.usage);
    quotaBytes = finiteOrNull(e?.quota);
  } catch {
    // Unknown is an honest answer; the panel says so.
  }
  try {
    const p = await manager?.persisted?.();
    persisted = typeof p === 'boolean' ? p : null;
  } catch {
    persisted = null;
  }
  const usedFraction = usageBytes !== null && quotaBytes !== null && quotaBytes > 0 ? Math.min(1, usageBytes / quotaBytes) : null;
  return { usageBytes, quotaBytes, usedFraction, persisted };
}

/** Ask the browser to keep the site's data under storage pressure; true when granted, null when it cannot be asked. */
export async function requestPersistentStorage(manager: StorageManagerLike | null = defaultStorageManager()): Promise<boolean | null> {
  if (!manager?.persist) return null;
  try {
    return await manager.persist();
  } catch {
    return false;
  }
}

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
  const stored = options.baseline === undefined ? (await store.getProfile())?.baseline ?? null : null;
  const baseline: Baseline | null = options.baseline !== undefined ? options.baseline
    : stored ? { medianHz: stored.medianHz, activeLevelDbfs: stored.activeLevelDbfs, brightnessHz: stored.brightnessHz ?? null } : null;
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
  const drill = take.drill ?? findBuiltInDrill(take.drillId);
  const samples = await store.loadTakeAudio(takeId);
  if (samples.length === 0) throw new Error('The take has no audio to analyse.');
  const options: AnalyzeOptions = { lang: drill?.lang ?? take.report?.lang, script: take.script, baseline };
  const report = await analyse({ channels: [samples], sampleRateHz: take.sampleRateHz }, options, takeId, signal);
  await store.saveReport(takeId, report);
  return true;
}
