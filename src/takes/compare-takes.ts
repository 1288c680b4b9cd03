/** Which take to compare with, and loading it: the personal best, the previous take, or a chosen reference take. */
import { StorageError, takeOrder, type TakeRecord, type VoiceDrillStore } from '../storage/index.ts';
import { bestSummary, personalBest, previousTake } from './comparison.ts';

/**
 * What the current take is compared with. A reference recording (a trainer's model reading) is a
 * take of the same drill stored like any other, named by its id.
 */
export type CompareAgainst =
  | { kind: 'best' }
  | { kind: 'previous' }
  | { kind: 'reference'; takeId: string };

/**
 * What the other take is to this one, so the screen says what is compared: the personal best; when
 * this take is itself the best, the best before it ('previousBest') or, for an older best, the
 * runner-up made after it ('nextBest'); the previous take; a reference recording.
 */
export type ComparisonRole = 'best' | 'previousBest' | 'nextBest' | 'previous' | 'reference';

/** The take `current` is compared with, and what it is to it. */
export interface ResolvedComparison {
  take: TakeRecord;
  role: ComparisonRole;
  /** This take is the drill's personal best (the comparison is then with the best of the others). */
  currentIsBest: boolean;
}

/** The take to compare `current` with, or null when there is none (no best or previous take yet). */
export async function resolveComparison(store: VoiceDrillStore, current: TakeRecord, against: CompareAgainst): Promise<ResolvedComparison | null> {
  switch (against.kind) {
    case 'best': {
      // Both ranked on the same cached summaries; only the take compared with is read in full.
      const [other, overall] = await Promise.all([
        personalBest(store, current.drillId, { excludeTakeId: current.id }),
        bestSummary(store, current.drillId),
      ]);
      if (other === null) return null;
      const currentIsBest = overall?.id === current.id;
      const role: ComparisonRole = !currentIsBest ? 'best' : takeOrder(other, current) < 0 ? 'previousBest' : 'nextBest';
      return { take: other, role, currentIsBest };
    }
    case 'previous': {
      const other = await previousTake(store, current.drillId, current.id);
      return other === null ? null : { take: other, role: 'previous', currentIsBest: false };
    }
    case 'reference': {
      const other = await store.getTake(against.takeId);
      if (other === null) throw new StorageError('not-found', `There is no reference take "${against.takeId}"; it may have been deleted.`);
      if (other.drillId !== current.drillId) {
        throw new RangeError(`The reference take is of drill "${other.drillId}", not "${current.drillId}"; only takes of the same drill can be compared.`);
      }
      return { take: other, role: 'reference', currentIsBest: false };
    }
  }
}
