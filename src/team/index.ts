/**
 * Team sync, the app's side (issue 13): the one engine of this page over the app's store, and the functions screens
 * and the shell call. With no server configured nothing here makes a request or starts a timer.
 *
 * The shell calls `startSync(store)` once at boot (the store it opened; without one the engine opens its own
 * connection to the same database on first use). Screens call the rest; each waits for the engine.
 */
import { openStore, type SyncConfigRecord, type VoiceDrillStore } from '../storage/index.ts';
import type { GroupInfo, JoinResponse, PublishPackResponse } from '../sync/protocol.ts';
import type { PackJson } from '../packs/types.ts';
import type { RosterInput } from '../packs/roster.ts';
import { SyncEngine, type ShareAudio, type SyncEngineOptions, type SyncStatus } from './engine.ts';
import type { FetchLike } from './client.ts';

export { TeamError, TEAM_ERROR_CODES, isTeamError, type TeamErrorCode } from './errors.ts';
export {
  SyncEngine, SYNC_LOCK_NAME, PUSH_DELAY_MS, PULL_EVERY_MS,
  type OriginMirror, type ShareAudio, type SyncEngineOptions, type SyncEvents, type SyncLocks, type SyncStatus, type SyncTimers,
} from './engine.ts';
export { REQUEST_TIMEOUT_MS, type FetchLike } from './client.ts';
export { createTeamAdmin, teamAdmin, type TeamAdmin, type TeamAdminTransport } from './admin.ts';
export type { SyncConfigRecord } from '../storage/index.ts';
export type { GroupInfo, JoinResponse, PublishPackResponse } from '../sync/protocol.ts';

let engine: Promise<SyncEngine> | null = null;
let started = false;

// The page's browser services, each only when it exists (workers and Node have some of them).
function browserOptions(store: VoiceDrillStore): SyncEngineOptions {
  const g = globalThis as unknown as {
    fetch: FetchLike;
    navigator?: { onLine?: boolean; locks?: SyncEngineOptions['locks'] };
    document?: { visibilityState?: string };
    window?: SyncEngineOptions['events'];
    localStorage?: SyncEngineOptions['mirror'];
  };
  let mirror: SyncEngineOptions['mirror'];
  try {
    mirror = g.localStorage ?? null;
  } catch {
    mirror = null; // storage blocked: the CSP mirror is lost, nothing else
  }
  return {
    store,
    fetch: (input, init) => g.fetch(input, init),
    online: () => g.navigator?.onLine !== false,
    visible: () => g.document?.visibilityState !== 'hidden',
    events: g.window ?? null,
    locks: g.navigator?.locks ?? null,
    mirror,
  };
}

function engineFor(store?: VoiceDrillStore | Promise<VoiceDrillStore>): Promise<SyncEngine> {
  if (engine === null) {
    const opened = store === undefined ? openStore() : Promise.resolve(store);
    engine = opened.then((s) => new SyncEngine(browserOptions(s)));
    engine.catch(() => { engine = null; });
  }
  return engine;
}

/**
 * Start team sync (once, at boot). With no server configured it only reads the configuration: no timer, no request.
 * Returns the function that stops it.
 */
export function startSync(store?: VoiceDrillStore | Promise<VoiceDrillStore>): () => void {
  let stopped = false;
  started = true;
  const running = engineFor(store);
  void running.then((e) => (stopped ? undefined : e.start())).catch(() => undefined);
  return () => {
    stopped = true;
    started = false;
    void running.then((e) => e.stop()).catch(() => undefined);
  };
}

/** Use this engine instead of the page's (tests); null forgets it. */
export function setSyncEngine(custom: SyncEngine | null): void {
  engine = custom === null ? null : Promise.resolve(custom);
}

/** The joined server's configuration, or undefined when none is configured. */
export async function getSyncConfig(): Promise<SyncConfigRecord | undefined> {
  return (await engineFor()).getConfig();
}

/** Save the server's address (http/https origin only; normalised); throws TeamError 'bad-origin'. Returns the origin. */
export async function saveServerOrigin(origin: string): Promise<string> {
  return (await engineFor()).saveOrigin(origin);
}

/** Join the configured server with an invite code (POST /v1/join); the takes already here are queued for it. */
export async function joinServer(inviteCode: string, deviceName: string): Promise<JoinResponse> {
  const e = await engineFor();
  if (started) await e.start();
  return e.join(inviteCode, deviceName);
}

/** Forget the server: its configuration, the outbox and the origin's localStorage mirror. */
export async function leaveServer(): Promise<void> {
  return (await engineFor()).leave();
}

/** Send takes' audio: 'never' (default), 'ask' (per take, shareTakeAudio) or 'always'. */
export async function setShareAudio(mode: ShareAudio): Promise<void> {
  return (await engineFor()).setShareAudio(mode);
}

/** Queue one take's audio for the server. */
export async function shareTakeAudio(takeId: string): Promise<void> {
  return (await engineFor()).shareTakeAudio(takeId);
}

/** Listen for the sync status (called at once with the current one). Returns the unsubscribe function. */
export function subscribeSyncStatus(listener: (status: SyncStatus) => void): () => void {
  let unsubscribe: (() => void) | null = null;
  let cancelled = false;
  let last: SyncStatus = { state: 'none', pending: 0, error: null, detail: null, lastSyncAt: null };
  listener(last);
  void engineFor().then((e) => {
    if (cancelled) return;
    unsubscribe = e.subscribe((s) => {
      if (s.state === last.state && s.pending === last.pending && s.error === last.error && s.lastSyncAt === last.lastSyncAt && s.detail === last.detail) return;
      last = s;
      listener(s);
    });
    void e.refreshStatus();
  }).catch(() => undefined);
  return () => {
    cancelled = true;
    unsubscribe?.();
  };
}

/** Push what is waiting and pull the assigned packs now. */
export async function syncNow(): Promise<void> {
  return (await engineFor()).syncNow();
}

/** The roster from the server (GET /v1/roster), one entry per agent and pack. */
export async function fetchRoster(groupId?: string): Promise<RosterInput[]> {
  return (await engineFor()).fetchRoster(groupId);
}

/** The caller's groups. */
export async function fetchGroups(): Promise<GroupInfo[]> {
  return (await engineFor()).fetchGroups();
}

/** Publish a pack to groups (trainer, admin). */
export async function publishPack(pack: PackJson, groupIds: string[]): Promise<PublishPackResponse> {
  return (await engineFor()).publishPack(pack, groupIds);
}
