/**
 * Loading a stored take for review or comparison: its record, audio and the agent's baseline; a take
 * analysed by an older version (no time tracks) is re-analysed in the worker and saved before it is
 * drawn. The drawing reads the report's tracks (review-signal.ts). No DOM.
 */
import type { AnalysisReport } from '../analysis/index.ts';
import { needsReanalysis, StorageError, type TakeRecord, type VoiceDrillStore } from '../storage/index.ts';
import { toBaseline, type Analyser } from './analyse-take.ts';
import { reanalyseTake } from './reanalyse.ts';
import { reviewSignals, type ReviewSignals } from './review-signal.ts';

/** A take ready to review. */
export interface LoadedTake {
  take: TakeRecord;
  report: AnalysisReport | null;
  /** Mono samples at take.sampleRateHz. */
  samples: Float32Array;
  durationSec: number;
  /** The agent's calibrated median F0 (the contour's 0 st), or null when not calibrated. */
  baselineHz: number | null;
}

/** Read a take, its audio and the profile's baseline; throws StorageError 'not-found' when the take is gone. */
export async function loadTakeForReview(store: VoiceDrillStore, takeId: string): Promise<LoadedTake> {
  const take = await store.getTake(takeId);
  if (take === null) throw new StorageError('not-found', `There is no take "${takeId}"; it may have been deleted.`);
  const [samples, profile] = await Promise.all([store.loadTakeAudio(takeId), store.getProfile()]);
  return {
    take,
    report: take.report,
    samples,
    durationSec: samples.length / take.sampleRateHz,
    baselineHz: profile?.baseline?.medianHz ?? null,
  };
}

/** True when the take's report must be analysed again before it is drawn (analysis < 1.3.0, or another version). */
export function reviewNeedsReanalysis(loaded: LoadedTake): boolean {
  return needsReanalysis(loaded.take);
}

/** How an outdated take is brought up to date for the review. */
export interface CurrentReportOptions {
  /** The analysis worker (the app's AnalysisClient); called only when a re-analysis is needed. */
  analyser: () => Analyser;
  /** Called before a re-analysis starts, so the screen can say what it is waiting for. */
  onReanalysing?: (takeId: string) => void;
  signal?: AbortSignal;
}

/**
 * The loaded take with a report the review can draw: unchanged when current; else re-analysed from
 * its stored audio (the options of a take just recorded, the profile's calibration) and saved first.
 */
export async function withCurrentReport(store: VoiceDrillStore, loaded: LoadedTake, options: CurrentReportOptions): Promise<LoadedTake> {
  if (!reviewNeedsReanalysis(loaded)) return loaded;
  options.onReanalysing?.(loaded.take.id);
  const baseline = toBaseline((await store.getProfile())?.baseline ?? null);
  const analyser = options.analyser();
  const take = await reanalyseTake(store, (input, o, label, signal) => analyser.analyse(input, o, label, signal), loaded.take, baseline, options.signal);
  return { ...loaded, take, report: take.report };
}

/** The contour and envelope of a loaded take, from its report's tracks; null when it was never analysed. */
export function signalsOf(loaded: LoadedTake): ReviewSignals | null {
  return loaded.report === null ? null : reviewSignals(loaded.report, loaded.durationSec, loaded.baselineHz);
}
