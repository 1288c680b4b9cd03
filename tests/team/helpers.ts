/**
 * Test helpers of the app's sync engine: a store over fake-indexeddb, a joined configuration, stored analysed takes,
 * a fake fetch that records every request and answers from a tiny in-memory server, manual timers.
 */
import 'fake-indexeddb/auto';
import { parseDrill, type Drill } from '../../src/drills/index.ts';
import { PACK_FORMAT, PACK_SCHEMA_VERSION, type PackJson } from '../../src/packs/types.ts';
import { openStore, putSyncConfig, SYNC_RECORD_SCHEMA_VERSION, type SyncConfigRecord, type VoiceDrillStore } from '../../src/storage/index.ts';
import type { PushRequest } from '../../src/sync/protocol.ts';
import { SyncEngine, TeamError, type FetchLike, type SyncEngineOptions, type SyncTimers } from '../../src/team/index.ts';
import { makeReport } from '../app/report-fixture.ts';

export const ORIGIN = 'http://sync.test:8080';
export const TOKEN = `vdt.acme.dev-1.${'A'.repeat(43)}`;

let dbCounter = 0;
export const opened: VoiceDrillStore[] = [];

/** A fresh store (its own database name unless given). */
export async function freshStore(name = `voicedrill-team-${Date.now()}-${++dbCounter}`): Promise<VoiceDrillStore> {
  const store = await openStore({ name });
  opened.push(store);
  return store;
}

/** The configuration of a device joined to ORIGIN. */
export function joinedConfig(over: Partial<SyncConfigRecord> = {}): SyncConfigRecord {
  return {
    schemaVersion: SYNC_RECORD_SCHEMA_VERSION, key: 'server', origin: ORIGIN, token: TOKEN,
    device: { id: 'dev-1', personId: 'p-1', name: 'Laptop', createdAt: '2026-12-03T08:00:00.000Z', lastSeenAt: null, revokedAt: null },
    person: { id: 'p-1', name: 'Wang Fang', role: 'agent', groupIds: ['g-1'] }, org: { id: 'acme', name: 'Acme' },
    shareAudio: 'never', lastSyncAt: null, savedAt: 1, ...over,
  };
}

export async function joinedStore(over: Partial<SyncConfigRecord> = {}): Promise<VoiceDrillStore> {
  const store = await freshStore();
  await putSyncConfig(store.db, joinedConfig(over));
  return store;
}

export function drill(id: string, version = 1): Drill {
  const parsed = parseDrill({
    id, version, kind: 'passage', lang: 'en', title: { en: `Refund ${id}`, 'zh-CN': `退款 ${id}` },
    template: 'Thank you for calling, I can *certainly* help you with your refund today.',
  });
  if (!parsed.ok) throw new Error(parsed.errors.join(' '));
  return parsed.drill;
}

export function pack(version: number, drills: Drill[], id = 'refunds', attemptsRequired = 2): PackJson {
  return {
    format: PACK_FORMAT, schemaVersion: PACK_SCHEMA_VERSION, id, version, title: `Refunds v${version}`, author: 'Coach Li', createdAt: '2026-12-01T09:00:00.000Z',
    drills: drills.map((d) => ({ drill: d, attemptsRequired, dueDate: '2026-12-10', notes: '', slowSpans: [], hasModel: false })),
  };
}

/** A take recorded (0.1 s of audio at 16 kHz) and analysed (saveReport, which tells the engine's hook). */
export async function analysedTake(store: VoiceDrillStore, d: Drill, createdAt: string, speechFound = true): Promise<string> {
  const take = await store.createTake({ drill: d, script: d.template, sampleRateHz: 16000, createdAt: new Date(createdAt) });
  await store.appendAudioChunk(take.id, 0, new Float32Array(1600).fill(0.1));
  await store.finishTake(take.id, 0.1);
  await store.saveReport(take.id, makeReport({ rate: ['good', 141.2] }, { lang: 'en', speechFound }));
  return take.id;
}

/** One recorded request. */
export interface Recorded {
  method: string;
  url: string;
  headers: Record<string, string>;
  json: unknown;
  bytes: Uint8Array | null;
}

type Answer = { status: number; body?: unknown } | 'network-error';

/**
 * A fake server: records requests; POST /v1/takes stores takes by id (a second push of one is a duplicate),
 * counts deliveries per take id; `next` answers (queued) override the normal answer, one request each.
 */
export class FakeServer {
  readonly requests: Recorded[] = [];
  readonly deliveries = new Map<string, number>();
  readonly completions: string[] = [];
  readonly audio = new Map<string, number>();
  readonly next: Answer[] = [];
  /** Answer every request with this (null: normal behaviour). */
  always: Answer | null = null;
  /** A take id the server refuses with 400 whenever it is in a push. */
  refuseTakeId: string | null = null;
  assignments: Array<{ pack: PackJson; groupIds: string[]; publishedAt: string }> = [];

  readonly fetch: FetchLike = async (url, init) => {
    const bytes = init.body instanceof Uint8Array ? init.body : null;
    const json = typeof init.body === 'string' ? JSON.parse(init.body) as unknown : null;
    this.requests.push({ method: init.method, url, headers: init.headers, json, bytes });
    const answer = this.next.shift() ?? this.always ?? this.answer(init.method, url.slice(ORIGIN.length), json, bytes);
    if (answer === 'network-error') throw new TypeError('fetch failed');
    const text = answer.body === undefined ? null : JSON.stringify(answer.body);
    return new Response(answer.status === 204 ? null : text, { status: answer.status, headers: { 'content-type': 'application/json' } });
  };

  private answer(method: string, path: string, json: unknown, bytes: Uint8Array | null): Answer {
    if (method === 'POST' && path === '/v1/takes') {
      const req = json as PushRequest;
      if (this.refuseTakeId !== null && req.takes.some((t) => t.takeId === this.refuseTakeId)) {
        return { status: 400, body: { error: 'The take has a value out of range.', code: 'bad-request' } };
      }
      const accepted: string[] = [];
      const duplicates: string[] = [];
      for (const t of req.takes) {
        this.deliveries.set(t.takeId, (this.deliveries.get(t.takeId) ?? 0) + 1);
        if (this.stored.has(t.takeId)) duplicates.push(t.takeId);
        else { this.stored.add(t.takeId); accepted.push(t.takeId); }
      }
      for (const c of req.completions) this.completions.push(`${c.packId}:${c.drillId}:${c.completedAt}`);
      return { status: 200, body: { accepted, duplicates, completionsAccepted: req.completions.length } };
    }
    const audio = /^\/v1\/takes\/([^/]+)\/audio$/.exec(path);
    if (method === 'PUT' && audio !== null) {
      if (!this.stored.has(decodeURIComponent(audio[1]))) return { status: 404, body: { error: 'No such take.', code: 'not-found' } };
      this.audio.set(decodeURIComponent(audio[1]), bytes?.length ?? 0);
      return { status: 204 };
    }
    if (method === 'GET' && path === '/v1/assignments') return { status: 200, body: { packs: this.assignments } };
    return { status: 404, body: { error: 'Not found.', code: 'not-found' } };
  }

  /** Take ids the server holds. */
  readonly stored = new Set<string>();

  /** Requests to a path (method and path only). */
  calls(): string[] {
    return this.requests.map((r) => `${r.method} ${r.url.slice(ORIGIN.length)}`);
  }
}

/** Timers that only record: tests run pushes themselves. */
export class ManualTimers implements SyncTimers {
  readonly pending = new Map<number, { fn: () => void; ms: number }>();
  private id = 0;
  setTimeout(fn: () => void, ms: number): unknown {
    this.pending.set(++this.id, { fn, ms });
    return this.id;
  }
  clearTimeout(handle: unknown): void {
    this.pending.delete(handle as number);
  }
}

/** A clock the test moves. */
export class Clock {
  constructor(public ms = Date.UTC(2026, 11, 3, 10, 0, 0)) {}
  readonly now = (): number => this.ms;
}

/** An engine over a store with the fake server, a manual clock, random 0.5 (no jitter) and manual timers. */
export function engineOf(store: VoiceDrillStore, server: FakeServer, clock: Clock, over: Partial<SyncEngineOptions> = {}): SyncEngine {
  return new SyncEngine({ store, fetch: server.fetch, now: clock.now, random: () => 0.5, timers: new ManualTimers(), hookReports: false, ...over });
}

/** The TeamError a promise rejects with (anything else, or no rejection, fails the test). */
export async function rejection(p: Promise<unknown>): Promise<TeamError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof TeamError) return e;
    throw e;
  }
  throw new Error('expected a TeamError');
}
