/** Takes to compare with: the previous analysed take of a drill, and the personal best (see best.ts). */
// From its own module, not the analysis index, so the main bundle takes only the constant.
import { ANALYSIS_VERSION } from '../analysis/report.ts';
import { StorageError, takeOrder, type TakeRecord, type TakeSummaryRecord, type VoiceDrillStore } from '../storage/index.ts';
import { compareReports, takeCounts } from './best.ts';

/** Options of personalBest. */
export interface BestOptions {
  /** Leave this take out (e.g. the one just recorded, to compare against the best before it). */
  excludeTakeId?: string;
  /** Only reports of this analysis version compete (default: the current one; numbers of other versions differ). */
  analysisVersion?: string;
}

// The drill's analysed takes as light summaries, oldest first: one cached request instead of every full
// record with its tracks; only the take that wins is read in full.
async function analysedOfDrill(store: VoiceDrillStore, drillId: string): Promise<TakeSummaryRecord[]> {
  return (await store.listSummaries()).filter((s) => s.drillId === drillId && s.status === 'analysed');
}

async function fullTake(store: VoiceDrillStore, summary: TakeSummaryRecord | null): Promise<TakeRecord | null> {
  return summary === null ? null : store.getTake(summary.id);
}

/** The latest analysed take of the drill with speech (an unscored attempt is no comparison) made before `beforeTakeId` (by creation time, then id), or null. */
export async function previousTake(store: VoiceDrillStore, drillId: string, beforeTakeId: string): Promise<TakeRecord | null> {
  const all = await analysedOfDrill(store, drillId);
  const target = all.find((t) => t.id === beforeTakeId) ?? (await getAnyTake(store, beforeTakeId));
  let previous: TakeSummaryRecord | null = null;
  for (const take of all) {
    if (take.speechFound !== true || takeOrder(take, target) >= 0) continue;
    previous = take;
  }
  return fullTake(store, previous);
}

async function getAnyTake(store: VoiceDrillStore, takeId: string): Promise<TakeRecord> {
  const take = await store.getTake(takeId);
  if (take === null) throw new StorageError('not-found', `There is no take "${takeId}" to compare with; it may have been deleted.`);
  return take;
}

/** The summary of the drill's best analysed take (best.ts: most good, then fewest low/high, then earliest), or null. */
export async function bestSummary(store: VoiceDrillStore, drillId: string, options: BestOptions = {}): Promise<TakeSummaryRecord | null> {
  const version = options.analysisVersion ?? ANALYSIS_VERSION;
  const candidates = (await analysedOfDrill(store, drillId))
    .filter((t) => t.id !== options.excludeTakeId && t.analysisVersion === version && takeCounts(t));
  let best: TakeSummaryRecord | null = null;
  for (const take of candidates) {
    // Strictly better only: on a tie the earlier take stays the best.
    if (best === null || compareReports(take, best) < 0) best = take;
  }
  return best;
}

/** The drill's best analysed take in full (bestSummary's), or null. */
export async function personalBest(store: VoiceDrillStore, drillId: string, options: BestOptions = {}): Promise<TakeRecord | null> {
  return fullTake(store, await bestSummary(store, drillId, options));
}
