/**
 * The app's team sync engine (issue 13): the outbox in IndexedDB is the truth (an item is deleted only once the server
 * acknowledged it), pushes in batches with back-off, pulls assigned packs, keeps a status for the header. Everything
 * the browser gives (fetch, clock, random, timers, online events, locks, localStorage) is injected, so the engine runs
 * in Node tests over fake-indexeddb with a fake fetch.
 */
import { backoffDelayMs } from '../sync/backoff.ts';
import { formatInviteCode, normaliseInviteCode } from '../sync/invite-code.ts';
import { normaliseServerOrigin } from '../sync/origin.ts';
import { audioItemId, completionItemId, planPush, takeItemId } from '../sync/outbox-plan.ts';
import {
  parseAssignmentsResponse, parseGroupList, parseJoinResponse, parsePublishPackResponse, parsePushResponse, parseRosterResponse,
} from '../sync/protocol-schema.ts';
import {
  SYNC_LIMITS, SYNC_PATHS, type GroupInfo, type JoinResponse, type PublishPackResponse, type SyncCompletion, type SyncTake,
} from '../sync/protocol.ts';
import type { PackJson, ReadResult, ResultTake } from '../packs/types.ts';
import type { RosterInput } from '../packs/roster.ts';
import {
  countOutbox, deleteOutboxItems, deleteSyncConfigAndOutbox, enqueueOutbox, getSyncConfig, listOutbox, markOutboxFailed, onReportSaved,
  putSyncConfig, updateSyncConfig, SYNC_ORIGIN_STORAGE_KEY, SYNC_RECORD_SCHEMA_VERSION,
  type AssignedPackRecord, type OutboxPayload, type OutboxRecord, type SyncConfigRecord, type TakeRecord, type VoiceDrillStore,
} from '../storage/index.ts';
import { resultTakeOf, takeWav, type AnalysisReport } from '../takes/index.ts';
import { request, sentenceOf, REQUEST_TIMEOUT_MS, type Endpoint, type FetchLike, type RequestOptions } from './client.ts';
import { TeamError, type TeamErrorCode } from './errors.ts';

/** What the header shows. `error` is a TeamErrorCode when state is 'error' (else null); `detail` the server's sentence. */
export interface SyncStatus {
  state: 'none' | 'synced' | 'pending' | 'offline' | 'error';
  /** Items waiting in the outbox. */
  pending: number;
  error: TeamErrorCode | null;
  /** The server's own sentence for the error, when it gave one (English). */
  detail?: string | null;
  /** ms since epoch of the last successful push or pull. */
  lastSyncAt: number | null;
}

export type ShareAudio = SyncConfigRecord['shareAudio'];

/** Timers (setTimeout and clearTimeout of the page, or a test's). */
export interface SyncTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** navigator.locks, or the part of it used. */
export interface SyncLocks {
  request(name: string, callback: () => Promise<void>): Promise<unknown>;
}

/** window, or the part of it used for 'online' and 'offline'. */
export interface SyncEvents {
  addEventListener(type: 'online' | 'offline', listener: () => void): void;
  removeEventListener(type: 'online' | 'offline', listener: () => void): void;
}

/** localStorage, or the part of it used (the origin's mirror for the Content Security Policy). */
export interface OriginMirror {
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface SyncEngineOptions {
  store: VoiceDrillStore;
  fetch: FetchLike;
  now?: () => number;
  random?: () => number;
  timers?: SyncTimers;
  /** navigator.onLine (true when unknown). */
  online?: () => boolean;
  /** Whether the page is visible (the periodic pull runs only then). */
  visible?: () => boolean;
  events?: SyncEvents | null;
  locks?: SyncLocks | null;
  mirror?: OriginMirror | null;
  timeoutMs?: number;
  /** Debounce between an enqueue and its push (ms). */
  pushDelayMs?: number;
  /** Periodic pull while visible (ms). */
  pullEveryMs?: number;
  /** Listen for analyses stored by any store of the page (off in tests that call enqueue themselves). */
  hookReports?: boolean;
}

/** The lock that lets one tab push at a time. */
export const SYNC_LOCK_NAME = 'voicedrill-sync';
export const PUSH_DELAY_MS = 1000;
export const PULL_EVERY_MS = 5 * 60 * 1000;

type AnalysedTake = TakeRecord & { report: AnalysisReport };
const isAnalysed = (t: TakeRecord): t is AnalysedTake => t.status === 'analysed' && t.report !== null;
const withSpeech = (t: TakeRecord): boolean => isAnalysed(t) && t.report.speechFound;

const ok = <T>(parse: (x: unknown) => ReadResult<T>) => (x: unknown): T | null => {
  const r = parse(x);
  return r.ok ? r.value : null;
};

const asTeamError = (e: unknown): TeamError => (e instanceof TeamError ? e : new TeamError('bad-response', e instanceof Error ? e.message : String(e)));

/** The team sync engine over one store. */
export class SyncEngine {
  private readonly store: VoiceDrillStore;
  private readonly fetchFn: FetchLike;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly timers: SyncTimers;
  private readonly online: () => boolean;
  private readonly visible: () => boolean;
  private readonly events: SyncEvents | null;
  private readonly locks: SyncLocks | null;
  private readonly mirror: OriginMirror | null;
  private readonly timeoutMs: number;
  private readonly pushDelayMs: number;
  private readonly pullEveryMs: number;
  private readonly hookReports: boolean;

  private status: SyncStatus = { state: 'none', pending: 0, error: null, detail: null, lastSyncAt: null };
  private readonly listeners = new Set<(status: SyncStatus) => void>();
  private statusSeq = 0;
  private running = false;
  private active = false;
  private revoked: TeamError | null = null;
  private failure: TeamError | null = null;
  private offline = false;
  private pushing: Promise<void> | null = null;
  private pushAgain = false;
  private pushTimer: unknown = null;
  private retryTimer: unknown = null;
  private pullTimer: unknown = null;
  private unhook: (() => void) | null = null;
  private readonly onOnline = (): void => { this.offline = false; this.background(); };
  private readonly onOffline = (): void => { this.offline = true; void this.refreshStatus(); };

  constructor(options: SyncEngineOptions) {
    this.store = options.store;
    this.fetchFn = options.fetch;
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
    this.timers = options.timers ?? { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>) };
    this.online = options.online ?? (() => true);
    this.visible = options.visible ?? (() => true);
    this.events = options.events ?? null;
    this.locks = options.locks ?? null;
    this.mirror = options.mirror ?? null;
    this.timeoutMs = options.timeoutMs ?? REQUEST_TIMEOUT_MS;
    this.pushDelayMs = options.pushDelayMs ?? PUSH_DELAY_MS;
    this.pullEveryMs = options.pullEveryMs ?? PULL_EVERY_MS;
    this.hookReports = options.hookReports ?? true;
  }

  private get db(): VoiceDrillStore['db'] {
    return this.store.db;
  }

  // ---- Lifecycle ----

  /**
   * Start: with a joined server, pull and push now, then on 'online' events, after enqueues and every 5 min while
   * visible. With none configured, nothing more than one read of the configuration: no timer, no request.
   */
  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    if (this.hookReports) {
      // Only takes of this engine's database (a test or a second store of the page may save others).
      // A re-analysis (an app update re-scores old takes) is not sent again: the server keeps a take as first pushed.
      this.unhook = onReportSaved((take, store, first) => {
        if (first && store.db.name === this.db.name) void this.takeSaved(take).catch(() => undefined);
      });
    }
    const config = await getSyncConfig(this.db);
    if (!this.running) return;
    if (config?.token) this.activate();
    await this.refreshStatus();
  }

  /** Stop every timer and listener (the outbox stays as it is). */
  stop(): void {
    this.running = false;
    this.deactivate();
    this.unhook?.();
    this.unhook = null;
  }

  private activate(): void {
    if (this.active || !this.running) return;
    this.active = true;
    this.events?.addEventListener('online', this.onOnline);
    this.events?.addEventListener('offline', this.onOffline);
    this.schedulePull();
    this.background();
  }

  // A push and pull nobody awaits (start, events, timers): a storage failure is kept as the status's error, never thrown.
  private background(): void {
    this.syncNow().catch(async (e: unknown) => {
      this.failure = new TeamError('bad-response', e instanceof Error ? e.message : String(e));
      await this.refreshStatus().catch(() => undefined);
    });
  }

  private deactivate(): void {
    this.active = false;
    this.events?.removeEventListener('online', this.onOnline);
    this.events?.removeEventListener('offline', this.onOffline);
    for (const t of [this.pushTimer, this.retryTimer, this.pullTimer]) if (t !== null) this.timers.clearTimeout(t);
    this.pushTimer = this.retryTimer = this.pullTimer = null;
  }

  private schedulePull(): void {
    if (this.pullTimer !== null) this.timers.clearTimeout(this.pullTimer);
    this.pullTimer = this.timers.setTimeout(() => {
      this.pullTimer = null;
      if (!this.active) return;
      if (this.visible()) void this.pull().catch(() => undefined);
      this.schedulePull();
    }, this.pullEveryMs);
  }

  /** Push soon (debounced), when active. */
  private pushSoon(): void {
    if (!this.active) return;
    if (this.pushTimer !== null) this.timers.clearTimeout(this.pushTimer);
    this.pushTimer = this.timers.setTimeout(() => { this.pushTimer = null; this.background(); }, this.pushDelayMs);
  }

  // The next retry at the earliest item's time (a push in between reschedules it).
  private async scheduleRetry(): Promise<void> {
    if (this.retryTimer !== null) this.timers.clearTimeout(this.retryTimer);
    this.retryTimer = null;
    if (!this.active || this.revoked !== null) return;
    // The browser says it is offline: its 'online' event starts the next push, so no timer polls meanwhile (a drain
    // would only read the outbox again and stop). Without an event source (a test, Node) the timer is the only way.
    if (this.events !== null && !this.online()) return;
    const items = await listOutbox(this.db);
    if (items.length === 0) return;
    const earliest = Math.min(...items.map((i) => i.nextAttemptAt));
    this.retryTimer = this.timers.setTimeout(() => { this.retryTimer = null; this.background(); }, Math.max(this.pushDelayMs, earliest - this.now()));
  }

  // ---- Status ----

  /** Listen for status changes; the listener is called at once with the current status. */
  subscribe(listener: (status: SyncStatus) => void): () => void {
    this.listeners.add(listener);
    listener(this.status);
    return () => { this.listeners.delete(listener); };
  }

  /** The current status (as last computed). */
  currentStatus(): SyncStatus {
    return this.status;
  }

  /** Compute the status from the configuration, the outbox and the last failure; tell the listeners when it changed. */
  async refreshStatus(): Promise<SyncStatus> {
    // Reads overlap (a leave while a subscriber asks): only the latest one started sets the status.
    const seq = ++this.statusSeq;
    // null: the configuration could not be read (not the same as none stored).
    const config = await getSyncConfig(this.db).catch(() => null);
    let next: SyncStatus;
    if (!config?.token) {
      if (config === undefined && this.active) {
        // The configuration went away underneath ("delete all my data"): stop, and let the CSP forget the origin.
        this.deactivate();
        this.revoked = this.failure = null;
        this.offline = false;
        try { this.mirror?.removeItem(SYNC_ORIGIN_STORAGE_KEY); } catch { /* storage blocked */ }
      }
      next = { state: 'none', pending: 0, error: null, detail: null, lastSyncAt: null };
    } else {
      const pending = await countOutbox(this.db);
      const rejected = this.revoked === null && this.failure === null ? (await listOutbox(this.db)).find((i) => i.rejected === true) : undefined;
      // The browser saying it is offline wins over an answer that arrived as the network went (a late success).
      const offline = this.offline || !this.online();
      const problem = this.revoked ?? (offline ? null : this.failure);
      const base = { pending, lastSyncAt: config.lastSyncAt };
      if (problem !== null) next = { state: 'error', error: problem.code, detail: problem.detail, ...base };
      else if (offline) next = { state: 'offline', error: null, detail: null, ...base };
      else if (rejected !== undefined) next = { state: 'error', error: 'refused', detail: rejected.lastError, ...base };
      else next = { state: pending > 0 ? 'pending' : 'synced', error: null, detail: null, ...base };
    }
    const prev = this.status;
    if (seq !== this.statusSeq) return prev;
    if (prev.state !== next.state || prev.pending !== next.pending || prev.error !== next.error || prev.detail !== next.detail || prev.lastSyncAt !== next.lastSyncAt) {
      this.status = next;
      for (const l of this.listeners) l(next);
    }
    return this.status;
  }

  // ---- Configuration ----

  /** The stored configuration, or undefined when no server is configured. */
  getConfig(): Promise<SyncConfigRecord | undefined> {
    return getSyncConfig(this.db);
  }

  /**
   * Save the server's address (validated and normalised to its origin) and mirror it in localStorage. Another origin
   * than the stored one forgets the joined device (its token belongs to the other server); the outbox stays.
   */
  async saveOrigin(typed: string): Promise<string> {
    const checked = normaliseServerOrigin(typed);
    if (!checked.ok) throw new TeamError('bad-origin', checked.error);
    const origin = checked.origin;
    const current = await getSyncConfig(this.db);
    const record: SyncConfigRecord = current !== undefined && current.origin === origin
      ? { ...current, savedAt: this.now() }
      : {
        schemaVersion: SYNC_RECORD_SCHEMA_VERSION, key: 'server', origin, token: null, device: null, person: null, org: null,
        shareAudio: current?.shareAudio ?? 'never', lastSyncAt: null, savedAt: this.now(),
      };
    await putSyncConfig(this.db, record);
    this.mirror?.setItem(SYNC_ORIGIN_STORAGE_KEY, origin);
    if (record.token === null) {
      this.deactivate();
      this.revoked = this.failure = null;
    }
    await this.refreshStatus();
    return origin;
  }

  /** Join the configured server with an invite code; then the takes already here are queued so the server catches up. */
  async join(inviteCode: string, deviceName: string): Promise<JoinResponse> {
    const config = await getSyncConfig(this.db);
    if (config === undefined) throw new TeamError('not-joined', sentenceOf('not-joined'));
    const code = normaliseInviteCode(inviteCode);
    if (code === null) throw new TeamError('bad-invite', 'The invite code is not in the form XXXX-XXXX-XXXX.');
    const name = deviceName.trim().slice(0, SYNC_LIMITS.nameChars) || 'VoiceDrill';
    const joined = await this.send({ origin: config.origin, token: null }, {
      method: 'POST', path: SYNC_PATHS.join, json: { inviteCode: formatInviteCode(code), deviceName: name }, parse: ok(parseJoinResponse), join: true,
    });
    await updateSyncConfig(this.db, (c) => ({ ...c, token: joined.token, device: joined.device, person: joined.person, org: joined.org, savedAt: this.now() }));
    this.revoked = this.failure = null;
    this.offline = false;
    await this.enqueueCatchUp();
    await this.refreshStatus();
    if (this.running) this.activate();
    return joined;
  }

  /** Forget the server: configuration, outbox and the localStorage mirror; stops syncing. */
  async leave(): Promise<void> {
    this.deactivate();
    await deleteSyncConfigAndOutbox(this.db);
    this.mirror?.removeItem(SYNC_ORIGIN_STORAGE_KEY);
    this.revoked = this.failure = null;
    this.offline = false;
    await this.refreshStatus();
  }

  /** Whether takes' audio is sent: 'never', 'ask' (per take) or 'always' (takes analysed from now on). */
  async setShareAudio(mode: ShareAudio): Promise<void> {
    if (mode !== 'never' && mode !== 'ask' && mode !== 'always') throw new TypeError(`Unknown audio sharing mode "${String(mode)}".`);
    const saved = await updateSyncConfig(this.db, (c) => ({ ...c, shareAudio: mode }));
    if (saved === undefined) throw new TeamError('not-joined', sentenceOf('not-joined'));
  }

  /** Send one take's audio (queued: it goes once the take's summary is on the server). */
  async shareTakeAudio(takeId: string): Promise<void> {
    await this.joinedConfig();
    const now = this.now();
    // A summary still waiting says so (once pushed, the server keeps the summary as it was first sent).
    const waiting = (await listOutbox(this.db)).find((i) => i.id === takeItemId(takeId));
    if (waiting?.payload.kind === 'take') await enqueueOutbox(this.db, waiting.id, { kind: 'take', take: { ...waiting.payload.take, hasAudio: true } }, now);
    await enqueueOutbox(this.db, audioItemId(takeId), { kind: 'audio', takeId }, now);
    await this.refreshStatus();
    this.pushSoon();
  }

  private async joinedConfig(): Promise<SyncConfigRecord & { token: string }> {
    const config = await getSyncConfig(this.db);
    if (!config?.token) throw new TeamError('not-joined', sentenceOf('not-joined'));
    return config as SyncConfigRecord & { token: string };
  }

  // ---- Enqueue ----

  /** Put an item in the outbox (idempotent by id) and push soon. */
  async enqueue(id: string, payload: OutboxPayload): Promise<void> {
    await enqueueOutbox(this.db, id, payload, this.now());
    await this.refreshStatus();
    this.pushSoon();
  }

  // The assigned pack a drill belongs to (the newest import first), or null.
  private static packOf(packs: readonly AssignedPackRecord[], drillId: string): AssignedPackRecord | null {
    return packs.find((p) => p.pack.drills.some((d) => d.drill.id === drillId)) ?? null;
  }

  /** A take as pushed: its results-file summary and its pack (null: free practice). */
  async syncTakeOf(take: AnalysedTake, hasAudio: boolean, packs?: readonly AssignedPackRecord[]): Promise<SyncTake> {
    const pack = SyncEngine.packOf(packs ?? await this.store.listAssignedPacks(), take.drillId);
    const models = pack === null ? [] : await this.store.listAssignedModels(pack.id);
    return { ...resultTakeOf(take, models, hasAudio), packId: pack?.id ?? null, packVersion: pack?.version ?? null };
  }

  // The completion of a pack drill once its analysed takes with speech reach attemptsRequired (completedAt: the take that did).
  private async completionOf(pack: AssignedPackRecord, drillId: string): Promise<SyncCompletion | null> {
    const d = pack.pack.drills.find((x) => x.drill.id === drillId);
    if (d === undefined) return null;
    const spoken = (await this.store.listTakes({ drillId, status: 'analysed', order: 'oldest' })).filter(withSpeech);
    const reached = spoken[d.attemptsRequired - 1];
    return reached === undefined ? null : { packId: pack.id, packVersion: pack.version, drillId, completedAt: reached.createdAt };
  }

  /** A take's analysis was stored: when joined, queue its summary, its audio ('always') and its drill's completion. */
  async takeSaved(take: TakeRecord): Promise<void> {
    if (!isAnalysed(take)) return;
    const config = await getSyncConfig(this.db);
    if (!config?.token) return;
    const packs = await this.store.listAssignedPacks();
    const always = config.shareAudio === 'always';
    const now = this.now();
    await enqueueOutbox(this.db, takeItemId(take.id), { kind: 'take', take: await this.syncTakeOf(take, always, packs) }, now);
    if (always) await enqueueOutbox(this.db, audioItemId(take.id), { kind: 'audio', takeId: take.id }, now);
    const pack = SyncEngine.packOf(packs, take.drillId);
    if (pack !== null && take.report.speechFound) {
      const completion = await this.completionOf(pack, take.drillId);
      const required = pack.pack.drills.find((d) => d.drill.id === take.drillId)?.attemptsRequired ?? 0;
      const count = (await this.store.listTakes({ drillId: take.drillId, status: 'analysed' })).filter(withSpeech).length;
      // Queued when this take reached the count (afterwards the server has it: no push per later take).
      if (completion !== null && count === required) {
        await enqueueOutbox(this.db, completionItemId(pack.id, take.drillId), { kind: 'completion', completion }, now);
      }
    }
    await this.refreshStatus();
    this.pushSoon();
  }

  /** After joining: every analysed take here and every pack drill already complete (the server catches up). */
  async enqueueCatchUp(): Promise<number> {
    await this.joinedConfig();
    const packs = await this.store.listAssignedPacks();
    const now = this.now();
    let queued = 0;
    for (const take of await this.store.listTakes({ status: 'analysed', order: 'oldest' })) {
      if (!isAnalysed(take)) continue;
      await enqueueOutbox(this.db, takeItemId(take.id), { kind: 'take', take: await this.syncTakeOf(take, false, packs) }, now);
      queued += 1;
    }
    for (const pack of packs) {
      for (const d of pack.pack.drills) {
        const completion = await this.completionOf(pack, d.drill.id);
        if (completion !== null) {
          await enqueueOutbox(this.db, completionItemId(pack.id, d.drill.id), { kind: 'completion', completion }, now);
          queued += 1;
        }
      }
    }
    return queued;
  }

  // ---- Requests ----

  private send<T>(endpoint: Endpoint, options: RequestOptions<T>): Promise<T> {
    return request(this.fetchFn, endpoint, options, this.timeoutMs);
  }

  private async authed<T>(options: RequestOptions<T>): Promise<T> {
    const config = await this.joinedConfig();
    return this.send({ origin: config.origin, token: config.token }, options);
  }

  // A request that answered: online, no failure pending, lastSyncAt now.
  private async succeeded(): Promise<void> {
    this.offline = false;
    this.failure = null;
    const at = this.now();
    await updateSyncConfig(this.db, (c) => ({ ...c, lastSyncAt: at }));
  }

  // ---- Push ----

  /** Send everything due now (one push at a time in this tab, and with navigator.locks across tabs). */
  push(): Promise<void> {
    if (this.pushing !== null) {
      this.pushAgain = true;
      return this.pushing;
    }
    const run = async (): Promise<void> => {
      do {
        this.pushAgain = false;
        if (this.locks !== null) await this.locks.request(SYNC_LOCK_NAME, () => this.drain());
        else await this.drain();
      } while (this.pushAgain);
    };
    this.pushing = run().finally(() => { this.pushing = null; });
    return this.pushing.then(async () => { await this.scheduleRetry(); await this.refreshStatus(); });
  }

  /** Push what is due, then pull (unless the push found the network down): every push round the engine starts. */
  async syncNow(): Promise<void> {
    await this.push();
    if (!this.offline) await this.pull();
  }

  // One drain: batches until nothing is due or a failure says to stop.
  private async drain(): Promise<void> {
    const config = await getSyncConfig(this.db);
    if (!config?.token || this.revoked !== null) return;
    if (!this.online()) {
      this.offline = true;
      return;
    }
    const endpoint: Endpoint = { origin: config.origin, token: config.token };
    // Each round deletes or reschedules every item it sends, so the loop ends; the bound is a guard.
    for (let round = 0; round < 10_000; round++) {
      const plan = planPush(await listOutbox(this.db), this.now());
      if (plan.batch.length === 0 && plan.audio.length === 0) return;
      if (plan.batch.length > 0 && await this.sendBatch(endpoint, plan.batch)) return;
      for (const item of plan.audio) {
        if (await this.sendAudio(endpoint, item)) return;
      }
    }
  }

  // POST /v1/takes with these items; true when pushing must stop for now.
  private async sendBatch(endpoint: Endpoint, batch: readonly OutboxRecord[]): Promise<boolean> {
    const takes: SyncTake[] = [];
    const completions: SyncCompletion[] = [];
    for (const item of batch) {
      if (item.payload.kind === 'take') takes.push(item.payload.take);
      else if (item.payload.kind === 'completion') completions.push(item.payload.completion);
    }
    let acked: Set<string>;
    try {
      const res = await this.send(endpoint, { method: 'POST', path: SYNC_PATHS.takes, json: { takes, completions }, parse: ok(parsePushResponse) });
      acked = new Set([...res.accepted, ...res.duplicates]);
    } catch (e) {
      return this.failed(endpoint, batch, asTeamError(e));
    }
    // All or nothing per request: a 200 stored every completion; a take is acknowledged by its id.
    const done = batch.filter((i) => i.payload.kind === 'completion' || (i.payload.kind === 'take' && acked.has(i.payload.take.takeId)));
    await deleteOutboxItems(this.db, done.map((i) => i.id));
    const missing = batch.filter((i) => !done.includes(i));
    if (missing.length > 0) await this.markFailed(missing, new TeamError('bad-response', 'The sync server did not acknowledge every take it was sent.'), false);
    await this.succeeded();
    return false;
  }

  // PUT one take's WAV; true when pushing must stop for now.
  private async sendAudio(endpoint: Endpoint, item: OutboxRecord): Promise<boolean> {
    if (item.payload.kind !== 'audio') return false;
    const takeId = item.payload.takeId;
    const wav = await takeWav(this.store, takeId);
    if (wav === null) {
      // The take or its audio was deleted here: there is nothing left to send.
      await deleteOutboxItems(this.db, [item.id]);
      return false;
    }
    if (wav.length > SYNC_LIMITS.takeAudioBytes) {
      await this.markFailed([item], new TeamError('refused', `The take's audio is larger than ${SYNC_LIMITS.takeAudioBytes / 1024 / 1024} MB, the most the sync server accepts.`), true);
      return false;
    }
    try {
      await this.send(endpoint, { method: 'PUT', path: `${SYNC_PATHS.takes}/${encodeURIComponent(takeId)}/audio`, bytes: { body: wav, contentType: 'audio/wav' }, parse: null });
    } catch (e) {
      return this.failed(endpoint, [item], asTeamError(e));
    }
    await deleteOutboxItems(this.db, [item.id]);
    await this.succeeded();
    return false;
  }

  private markFailed(items: readonly OutboxRecord[], error: TeamError, rejected: boolean): Promise<void> {
    const now = this.now();
    return markOutboxFailed(this.db, items.map((i) => i.id), error.message, rejected, (attempts) => now + backoffDelayMs(attempts, this.random));
  }

  // A failed send: true when pushing must stop for now. Nothing unacknowledged is ever deleted.
  private async failed(endpoint: Endpoint, items: readonly OutboxRecord[], error: TeamError): Promise<boolean> {
    switch (error.code) {
      case 'revoked':
        this.revoked = error;
        return true;
      case 'unreachable':
        this.offline = true;
        await this.markFailed(items, error, false);
        return true;
      case 'refused':
      case 'forbidden':
      case 'bad-invite':
      case 'invite-used':
      case 'invite-expired': {
        // The server refuses this content: halve the batch to find the items it refuses, keep and mark those.
        if (items.length > 1) {
          const half = Math.ceil(items.length / 2);
          const [a, b] = [items.slice(0, half), items.slice(half)];
          const sendPart = (part: readonly OutboxRecord[]): Promise<boolean> => (part[0]?.payload.kind === 'audio' ? this.sendAudio(endpoint, part[0]) : this.sendBatch(endpoint, part));
          if (await sendPart(a)) return true;
          return sendPart(b);
        }
        await this.markFailed(items, error, true);
        this.offline = false;
        return false;
      }
      default:
        this.failure = error;
        this.offline = false;
        await this.markFailed(items, error, false);
        return true;
    }
  }

  // ---- Pull ----

  /** GET the assigned packs and merge each into the assigned packs (newer replaces, same is a no-op, older refused). */
  async pull(): Promise<void> {
    const config = await getSyncConfig(this.db);
    if (!config?.token || this.revoked !== null) return;
    if (!this.online()) {
      this.offline = true;
      await this.refreshStatus();
      return;
    }
    try {
      const res = await this.send({ origin: config.origin, token: config.token }, { method: 'GET', path: SYNC_PATHS.assignments, parse: ok(parseAssignmentsResponse) });
      for (const entry of res.packs) {
        // Models never travel from the server (as with a link).
        const pack: PackJson = { ...entry.pack, drills: entry.pack.drills.map((d) => ({ ...d, hasModel: false })) };
        await this.store.importAssignedPack({ pack, models: new Map(), source: 'server' }, this.now());
      }
      await this.succeeded();
    } catch (e) {
      const error = asTeamError(e);
      if (error.code === 'revoked') this.revoked = error;
      else if (error.code === 'unreachable') this.offline = true;
      else this.failure = error;
    }
    await this.refreshStatus();
  }

  // ---- Trainer and admin reads ----

  /** The roster from the server, as the roster screen builds it from results files. */
  async fetchRoster(groupId?: string): Promise<RosterInput[]> {
    const query = groupId === undefined ? '' : `?groupId=${encodeURIComponent(groupId)}`;
    const res = await this.authed({ method: 'GET', path: `${SYNC_PATHS.roster}${query}`, parse: ok(parseRosterResponse) });
    return res.entries.map((e) => ({
      agentId: e.agentId, agentName: e.agentName, pack: e.pack,
      takes: e.takes.map(({ packId: _p, packVersion: _v, ...take }): ResultTake => take),
    }));
  }

  /** The caller's groups (admin: all). */
  fetchGroups(): Promise<GroupInfo[]> {
    return this.authed({ method: 'GET', path: SYNC_PATHS.groups, parse: ok(parseGroupList) });
  }

  /** Publish a pack to groups (trainer or admin). */
  publishPack(pack: PackJson, groupIds: string[]): Promise<PublishPackResponse> {
    return this.authed({ method: 'PUT', path: `${SYNC_PATHS.packs}/${encodeURIComponent(pack.id)}`, json: { pack, groupIds }, parse: ok(parsePublishPackResponse) });
  }
}
