/** Loading a stored take for review or comparison: its record, audio and the agent's baseline. No DOM. */
import type { AnalysisReport } from '../analysis/index.ts';
import { StorageError, type TakeRecord, type VoiceDrillStore } from '../storage/index.ts';
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

/** The contour and envelope of a loaded take (see review-signal.ts). */
export function signalsOf(loaded: LoadedTake): ReviewSignals {
  return reviewSignals(loaded.samples, loaded.take.sampleRateHz, loaded.report, loaded.baselineHz);
}

/** Run `work` after the browser has painted (a macrotask), so a "working…" state shows first. */
export function afterPaint<T>(work: () => T): Promise<T> {
  return new Promise((resolve, reject) => {
    setTimeout(() => {
      try {
        resolve(work());
      } catch (e) {
        reject(e);
      }
    }, 0);
  });
}
