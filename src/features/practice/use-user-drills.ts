/** The agent's own drills (made from calls) for the practice screen, read once per screen (and again when another is asked for). */
import { useEffect, useState } from 'react';
import type { UserDrillRecord, VoiceDrillStore } from '../../storage/index.ts';

/** The drills, newest first; empty while reading, without storage, or when they cannot be read. */
export function useUserDrills(store: VoiceDrillStore | null, wantedDrillId: string | null): readonly UserDrillRecord[] {
  const [records, setRecords] = useState<readonly UserDrillRecord[]>([]);
  useEffect(() => {
    if (!store) return;
    let live = true;
    store.listUserDrills().then((r) => { if (live) setRecords(r); }, () => undefined);
    return () => { live = false; };
  }, [store, wantedDrillId]);
  return records;
}

/** Whether the call a drill was made from still exists (null while asking or without storage). */
export function useCallExists(store: VoiceDrillStore | null, callId: string | null): boolean | null {
  const [exists, setExists] = useState<{ callId: string; exists: boolean } | null>(null);
  useEffect(() => {
    if (!store || callId === null) return;
    let live = true;
    store.getCall(callId).then((c) => { if (live) setExists({ callId, exists: c !== null }); }, () => undefined);
    return () => { live = false; };
  }, [store, callId]);
  return exists !== null && exists.callId === callId ? exists.exists : null;
}
