/**
 * Loading a stored take for review or comparison: its record, audio and the agent's baseline; a take
 * analysed by an older version (no time tracks) is re-analysed in the worker and saved before it is
 * drawn. The drawing reads the report's tracks (review-signal.ts). No DOM.
 */
import type { AnalysisReport, Baseline } from '../analysis/index.ts';
import { needsReanalysis, StorageError, type StoredBaseline, type TakeRecord, type VoiceDrillStore } from '../storage/index.ts';
import { toBaseline, type Analyser } from './analyse-take.ts';
import { reanalyseTake } from './reanalyse.ts';
import { reviewSignals, type ReviewSignals } from './review-signal.ts';

/** What drawing a take needs, without its audio: the record, its report and the agent's baseline. */
export interface ReviewHead {
  take: TakeRecord;
  report: AnalysisReport | null;
  /** The report's length (the analysed audio's), else the stored length, s. */
  durationSec: number;
  /** The agent's calibration (a re-analysis measures against it), or null. */
  baseline: Baseline | null;
  /** Its median F0 (the contour's 0 st), or null when not calibrated. */
  baselineHz: number | null;
}

/** A take ready to review and play. */
export interface LoadedTake extends ReviewHead {
  /** Mono samples at take.sampleRateHz. */
  samples: Float32Array;
  /** samples.length / take.sampleRateHz. */
  durationSec: number;
}

/**
 * Read a take and the profile's baseline, not its audio (the contour is drawn from the report, so it
 * need not wait for the audio); `knownBaseline` (the profile's, as the app holds it) saves reading the
 * profile. Throws StorageError 'not-found' when the take is gone.
 */
export async function loadReviewHead(store: VoiceDrillStore, takeOrId: string | TakeRecord, knownBaseline?: StoredBaseline | null): Promise<ReviewHead> {
  // A record or baseline the caller already holds (the app's profile) is not read again.
  const [take, stored] = await Promise.all([
    typeof takeOrId === 'string' ? store.getTake(takeOrId) : takeOrId,
    knownBaseline !== undefined ? knownBaseline : store.getProfile().then((p) => p?.baseline ?? null),
  ]);
  if (take === null) throw new StorageError('not-found', `There is no take "${String(takeOrId)}"; it may have been deleted.`);
  const baseline = toBaseline(stored);
  return { take, report: take.report, durationSec: take.report?.durationSec ?? take.durationSec ?? 0, baseline, baselineHz: baseline?.medianHz ?? null };
}

/** Read a take (unless given), its audio and the profile's baseline; throws StorageError 'not-found' when the take is gone. */
export async function loadTakeForReview(store: VoiceDrillStore, takeOrId: string | TakeRecord): Promise<LoadedTake> {
  const head = await loadReviewHead(store, takeOrId);
  const samples = await store.loadTakeAudio(head.take.id);
  return { ...head, samples, durationSec: samples.length / head.take.sampleRateHz };
}

/** True when the take's report must be analysed again before it is drawn (analysis < 1.3.0, or another version). */
export function reviewNeedsReanalysis(loaded: ReviewHead): boolean {
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
export async function withCurrentReport<T extends ReviewHead & { samples?: Float32Array }>(store: VoiceDrillStore, loaded: T, options: CurrentReportOptions): Promise<T> {
  if (!reviewNeedsReanalysis(loaded)) return loaded;
  options.onReanalysing?.(loaded.take.id);
  const analyser = options.analyser();
  // The head's calibration, and the audio when the caller already read it: nothing is read twice.
  const take = await reanalyseTake(store, (input, o, label, signal) => analyser.analyse(input, o, label, signal), loaded.take, loaded.baseline, options.signal, loaded.samples);
  return { ...loaded, take, report: take.report };
}

/** The contour and envelope of a take, from its report's tracks; null when it was never analysed. */
export function signalsOf(loaded: ReviewHead): ReviewSignals | null {
  return loaded.report === null ? null : reviewSignals(loaded.report, loaded.durationSec, loaded.baselineHz);
}
