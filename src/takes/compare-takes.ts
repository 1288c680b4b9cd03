/** Which take to compare with, and loading it: the personal best, the previous take, or a chosen reference take. */
import { StorageError, type TakeRecord, type VoiceDrillStore } from '../storage/index.ts';
import { personalBest, previousTake } from './comparison.ts';

/**
 * What the current take is compared with. A reference recording (a trainer's model reading) is a
 * take of the same drill stored like any other, named by its id.
 */
export type CompareAgainst =
  | { kind: 'best' }
  | { kind: 'previous' }
  | { kind: 'reference'; takeId: string };

/** The take to compare `current` with, or null when there is none (no best or previous take yet). */
export async function resolveComparison(store: VoiceDrillStore, current: TakeRecord, against: CompareAgainst): Promise<TakeRecord | null> {
  switch (against.kind) {
    case 'best':
      return personalBest(store, current.drillId, { excludeTakeId: current.id });
    case 'previous':
      return previousTake(store, current.drillId, current.id);
    case 'reference': {
      const other = await store.getTake(against.takeId);
      if (other === null) throw new StorageError('not-found', `There is no reference take "${against.takeId}"; it may have been deleted.`);
      if (other.drillId !== current.drillId) {
        throw new RangeError(`The reference take is of drill "${other.drillId}", not "${current.drillId}"; only takes of the same drill can be compared.`);
      }
      return other;
    }
  }
}
