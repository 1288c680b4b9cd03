/** The team server's configuration on this device and the live sync status, for the team screens. */
import { useCallback, useEffect, useState } from 'react';
import { getSyncConfig, subscribeSyncStatus, type SyncConfigRecord, type SyncStatus } from '../../team/index.ts';

/** What the team screens read. */
export interface TeamState {
  /** undefined while reading; null: no server configured. */
  config: SyncConfigRecord | null | undefined;
  status: SyncStatus;
  /** Read the configuration again (after a join, a leave, a changed audio choice). */
  reload: () => void;
}

const NO_STATUS: SyncStatus = { state: 'none', pending: 0, error: null, lastSyncAt: null };

/** The configuration (read again whenever the status changes: a sync may store lastSyncAt) and the status. */
export function useTeam(): TeamState {
  const [config, setConfig] = useState<SyncConfigRecord | null | undefined>(undefined);
  const [status, setStatus] = useState<SyncStatus>(NO_STATUS);
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);

  useEffect(() => subscribeSyncStatus((next) => {
    setStatus(next);
    setGeneration((g) => g + 1);
  }), []);

  useEffect(() => {
    let live = true;
    getSyncConfig().then((c) => { if (live) setConfig(c ?? null); }, () => { if (live) setConfig(null); });
    return () => { live = false; };
  }, [generation]);

  return { config, status, reload };
}
