/** Takes to compare with: the previous analysed take of a drill, and the personal best (see best.ts). */
import type { AnalysisReport } from '../analysis/index.ts';
// From its own module, not the analysis index, so the main bundle takes only the constant.
import { ANALYSIS_VERSION } from '../analysis/report.ts';
import { StorageError, takeOrder, type TakeRecord, type VoiceDrillStore } from '../storage/index.ts';
import { compareReports, takeCounts } from './best.ts';

/** Options of personalBest. */
export interface BestOptions {
  /** Leave this take out (e.g. the one just recorded, to compare against the best before it). */
  excludeTakeId?: string;
  /** Only reports of this analysis version compete (default: the current one; numbers of other versions differ). */
  analysisVersion?: string;
}

/** The latest analysed take of the drill with speech (an unscored attempt is no comparison) made before `beforeTakeId` (by creation time, then id), or null. */
export async function previousTake(store: VoiceDrillStore, drillId: string, beforeTakeId: string): Promise<TakeRecord | null> {
  const all = await store.listTakes({ drillId, status: 'analysed', order: 'oldest' });
  const target = all.find((t) => t.id === beforeTakeId) ?? (await getAnyTake(store, beforeTakeId));
  let previous: TakeRecord | null = null;
  for (const take of all) {
    if (take.report === null || !take.report.speechFound || takeOrder(take, target) >= 0) continue;
    previous = take;
  }
  return previous;
}

async function getAnyTake(store: VoiceDrillStore, takeId: string): Promise<TakeRecord> {
  const take = await store.getTake(takeId);
  if (take === null) throw new StorageError('not-found', `There is no take "${takeId}" to compare with; it may have been deleted.`);
  return take;
}

function reportOf(take: TakeRecord): AnalysisReport {
  if (take.report === null) throw new Error(`Take "${take.id}" has no report.`);
  return take.report;
}

/** The drill's best analysed take (best.ts: most good, then fewest low/high, then earliest), or null. */
export async function personalBest(store: VoiceDrillStore, drillId: string, options: BestOptions = {}): Promise<TakeRecord | null> {
  const version = options.analysisVersion ?? ANALYSIS_VERSION;
  const candidates = (await store.listTakes({ drillId, status: 'analysed', order: 'oldest' }))
    .filter((t) => t.id !== options.excludeTakeId && t.report !== null && t.analysisVersion === version && takeCounts(t));
  let best: TakeRecord | null = null;
  for (const take of candidates) {
    // Strictly better only: on a tie the earlier take stays the best.
    if (best === null || compareReports(reportOf(take), reportOf(best)) < 0) best = take;
  }
  return best;
}
