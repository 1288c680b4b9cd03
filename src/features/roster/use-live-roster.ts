/**
 * The roster read live from the team server (issue 13): the caller's groups, then the roster of one group (or all of
 * them) as RosterInput, built into the same cells as results files give. Read again on "Refresh" and on a new group.
 */
import { useCallback, useEffect, useState } from 'react';
import type { MessageKey } from '../../i18n/index.ts';
import { buildRoster, type RosterCell, type RosterInput } from '../../packs/index.ts';
import { fetchGroups, fetchRoster, type GroupInfo } from '../../team/index.ts';
import { teamErrorKey } from '../team/index.ts';
import { localDay } from './roster-model.ts';

/** The live roster's state. */
export interface LiveRoster {
  groups: GroupInfo[] | null;
  /** '' = all the caller's groups. */
  groupId: string;
  setGroupId: (id: string) => void;
  /** null while loading (or when not enabled). */
  inputs: RosterInput[] | null;
  cells: RosterCell[] | null;
  loading: boolean;
  error: MessageKey | null;
  /** ms since epoch of the last successful read. */
  readAt: number | null;
  refresh: () => void;
}

/** Read the roster from the team server while `enabled`. */
export function useLiveRoster(enabled: boolean): LiveRoster {
  const [groups, setGroups] = useState<GroupInfo[] | null>(null);
  const [groupId, setGroupId] = useState('');
  const [inputs, setInputs] = useState<RosterInput[] | null>(null);
  const [cells, setCells] = useState<RosterCell[] | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<MessageKey | null>(null);
  const [readAt, setReadAt] = useState<number | null>(null);
  const [generation, setGeneration] = useState(0);
  const refresh = useCallback(() => setGeneration((g) => g + 1), []);

  useEffect(() => {
    if (!enabled) return;
    let live = true;
    fetchGroups().then((list) => { if (live) setGroups(list); }, () => { if (live) setGroups([]); });
    return () => { live = false; };
  }, [enabled, generation]);

  useEffect(() => {
    if (!enabled) return;
    let live = true;
    setLoading(true);
    setError(null);
    fetchRoster(groupId === '' ? undefined : groupId).then((read) => {
      if (!live) return;
      setInputs(read);
      setCells(buildRoster(read, localDay(new Date())));
      setReadAt(Date.now());
      setLoading(false);
    }, (e: unknown) => {
      if (!live) return;
      // What was read before stays on screen; the sentence says the refresh failed.
      setError(teamErrorKey(e));
      setLoading(false);
    });
    return () => { live = false; };
  }, [enabled, groupId, generation]);

  // Another group's rows never stand under this group's name.
  const chooseGroup = useCallback((id: string) => {
    setGroupId(id);
    setInputs(null);
    setCells(null);
  }, []);

  return { groups, groupId, setGroupId: chooseGroup, inputs, cells, loading, error, readAt, refresh };
}
