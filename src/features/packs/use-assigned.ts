/** The assigned packs and the Assigned list's items, read again when `refreshKey` changes (a take saved, a pack added). */
import { useCallback, useEffect, useState } from 'react';
import type { AssignedPackRecord, VoiceDrillStore } from '../../storage/index.ts';
import { assignedItems, localDay, type AssignedItem } from './assigned-model.ts';

/** What the practice screen knows of its assigned drills. */
export interface Assigned {
  packs: readonly AssignedPackRecord[];
  items: readonly AssignedItem[];
  /** Read again now (after an import). */
  reload: () => void;
}

/** The assigned packs and items (empty while reading or without storage). */
export function useAssigned(store: VoiceDrillStore | null, refreshKey: unknown): Assigned {
  const [state, setState] = useState<{ packs: AssignedPackRecord[]; items: AssignedItem[] }>({ packs: [], items: [] });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (!store) return;
    let live = true;
    Promise.all([store.listAssignedPacks(), store.listSummaries()]).then(([packs, summaries]) => {
      if (live) setState({ packs, items: assignedItems(packs, summaries, localDay(new Date())) });
    }, () => undefined);
    return () => { live = false; };
  }, [store, refreshKey, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { ...state, reload };
}
