/**
 * Fault tests of issue 13 against the real server as a child process on a real PostgreSQL (a temporary cluster):
 * a malformed or oversized request gets a 4xx with a message and changes nothing; the server SIGKILLed while the
 * app's outboxes are pushing and started again on the same port — the outboxes drain (back-off retries) and the
 * database holds every take exactly once. The outboxes are the app's own engine (src/team, SyncEngine) over
 * fake-indexeddb, with Node's fetch.
 */
import 'fake-indexeddb/auto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrapOrganisation } from '../../server/admin-cli.ts';
import { openPgDb } from '../../server/db/pg-db.ts';
import { countOutbox, openStore, type VoiceDrillStore } from '../../src/storage/index.ts';
import { takeItemId } from '../../src/sync/outbox-plan.ts';
import { PROTOCOL_HEADER, SYNC_LIMITS, SYNC_PATHS, type ErrorBody, type InviteResponse, type PushResponse, type SyncTake } from '../../src/sync/protocol.ts';
import type { FetchLike } from '../../src/team/client.ts';
import { SyncEngine } from '../../src/team/engine.ts';
import { freePort, startTempCluster, type TempCluster } from './pg-cluster.ts';
import { startServerChild, type ServerChild } from './server-child.ts';
import { sendPastTheAnswer } from './send-past-answer.ts';
import { call, makeTake, must, prng, setUpCentre, type Centre } from './sync-centre.ts';

const TABLES = ['organisations', 'groups', 'people', 'group_members', 'invites', 'devices', 'packs', 'pack_assignments', 'takes', 'take_audio', 'completions'];

let cluster: TempCluster;
let server: ServerChild;
let centre: Centre;
let sql: pg.Client;

async function rowCounts(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of TABLES) out[t] = Number((await sql.query<{ n: string }>(`SELECT count(*) AS n FROM ${t}`)).rows[0].n);
  return out;
}

beforeAll(async () => {
  cluster = await startTempCluster();
  const admin = new pg.Client({ connectionString: cluster.url });
  await admin.connect();
  await admin.query('CREATE DATABASE voicedrill_fault');
  await admin.end();
  const url = new URL(cluster.url);
  url.pathname = '/voicedrill_fault';
  server = await startServerChild({ databaseUrl: url.toString(), port: await freePort() });
  const db = openPgDb({ connectionString: url.toString(), max: 1 });
  const boot = await bootstrapOrganisation(db, { orgName: 'Riverside Contact Centre', adminName: 'Centre admin' });
  await db.close();
  centre = await setUpCentre(server.origin, boot.invite.code, { groups: 1, agentsPerGroup: 5, trainers: 1, groupsPerTrainer: 1 });
  sql = new pg.Client({ connectionString: url.toString() });
  await sql.connect();
});

afterAll(async () => {
  await sql?.end();
  await server?.stop();
  cluster?.destroy();
});

describe('a malformed or oversized request', () => {
  it('gets a 4xx with a one-sentence message and changes nothing', async () => {
    const before = await rowCounts();
    expect(before.people).toBe(7);
    const agent = centre.agents[0].token;
    const take = (): SyncTake => makeTake(centre.packs, 0, prng(1), Date.parse('2026-12-03T09:00:00.000Z'));
    const raw = async (method: string, path: string, body: string, headers: Record<string, string>): Promise<{ status: number; body: ErrorBody }> => {
      const res = await fetch(`${server.origin}${path}`, { method, body, headers: { [PROTOCOL_HEADER]: '1', authorization: `Bearer ${agent}`, ...headers } });
      return { status: res.status, body: await res.json() as ErrorBody };
    };
    // An oversized body, refused by its length: the client goes on sending after the answer, and the server reads the
    // rest (server/refused-body.ts), so the connection is not reset under it (fetch failed here with EPIPE, 1 CI run
    // in ~10, before it could read the 413).
    const oversized = async (method: string, path: string, bytes: number, contentType: string): Promise<{ status: number; body: ErrorBody }> => {
      const sent = await sendPastTheAnswer(method, `${server.origin}${path}`, bytes, { [PROTOCOL_HEADER]: '1', authorization: `Bearer ${agent}`, 'content-type': contentType });
      expect({ path, written: sent.written, error: sent.error }).toEqual({ path, written: true, error: null });
      return { status: sent.status, body: JSON.parse(sent.body) as ErrorBody };
    };
    const json = { 'content-type': 'application/json' };
    const cases: Array<[string, Promise<{ status: number; body: unknown }>, number]> = [
      ['not JSON', raw('POST', SYNC_PATHS.takes, '{"takes": [', json), 400],
      ['a take without its verdicts', call(server.origin, 'POST', SYNC_PATHS.takes, { token: agent, body: { takes: [{ ...take(), verdicts: undefined }], completions: [] } }), 400],
      ['a valid take beside a take with a bad id', call(server.origin, 'POST', SYNC_PATHS.takes, { token: agent, body: { takes: [take(), { ...take(), takeId: 'x'.repeat(5000) }], completions: [] } }), 400],
      ['more takes than one push may carry', call(server.origin, 'POST', SYNC_PATHS.takes, { token: agent, body: { takes: Array.from({ length: SYNC_LIMITS.takesPerPush + 1 }, take), completions: [] } }), 400],
      ['a body over the JSON limit', oversized('POST', SYNC_PATHS.takes, SYNC_LIMITS.jsonBodyBytes + 1, 'application/json'), 413],
      ['a join with a malformed code', call(server.origin, 'POST', SYNC_PATHS.join, { body: { inviteCode: 'nope', deviceName: 'x' } }), 400],
      ['audio over the take audio limit', oversized('PUT', `${SYNC_PATHS.takes}/${take().takeId}/audio`, SYNC_LIMITS.takeAudioBytes + 1, 'audio/wav'), 413],
      ['an older protocol', raw('POST', SYNC_PATHS.takes, JSON.stringify({ takes: [take()], completions: [] }), { ...json, [PROTOCOL_HEADER]: '0' }), 426],
    ];
    for (const [what, answer, status] of cases) {
      const a = await answer;
      expect({ what, status: a.status }).toEqual({ what, status });
      const body = a.body as ErrorBody;
      expect(typeof body.error, what).toBe('string');
      expect(body.error.length, what).toBeGreaterThan(5);
      expect(typeof body.code, what).toBe('string');
    }
    expect(await rowCounts()).toEqual(before);
  });
});

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Polls `check` every 20 ms until it is true; throws after `ms` with `what`. */
async function until(what: string, check: () => boolean | Promise<boolean>, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

/** What one agent's device saw of its pushes. */
interface Wire { pushes: number; failed: number; duplicatesAnswered: number }

/**
 * Node's fetch as the engine's FetchLike, counting pushes. `hold`: the next push is sent half (headers and half the
 * body) and held there, in flight, until the server dies. `loseResponse`: the next push reaches the server and is
 * stored, but its answer is lost (the engine sees a network failure, as when the connection breaks after the commit).
 */
function wireFetch(wire: Wire, mode: { hold?: () => void; loseResponse?: () => void }): FetchLike {
  return async (url, init) => {
    const isPush = init.method === 'POST' && url.endsWith(SYNC_PATHS.takes);
    if (!isPush) return fetch(url, init as RequestInit);
    wire.pushes++;
    try {
      const hold = mode.hold;
      if (hold !== undefined && typeof init.body === 'string') {
        mode.hold = undefined;
        const bytes = new TextEncoder().encode(init.body);
        const half = bytes.subarray(0, bytes.length >> 1);
        const body = new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(half);
            hold();
            // Never closed: the request stays in flight until the server is killed under it.
          },
        });
        return await fetch(url, { ...init, body, duplex: 'half' } as RequestInit);
      }
      const res = await fetch(url, init as RequestInit);
      const lose = mode.loseResponse;
      if (lose !== undefined && res.status === 200) {
        mode.loseResponse = undefined;
        await res.arrayBuffer();
        lose();
        throw new TypeError('fetch failed (the answer was lost)');
      }
      if (res.status === 200) {
        const text = await res.text();
        wire.duplicatesAnswered += (JSON.parse(text) as PushResponse).duplicates.length;
        return new Response(text, { status: 200, headers: res.headers });
      }
      return res;
    } catch (e) {
      wire.failed++;
      throw e;
    }
  };
}

describe('the server killed mid-push and restarted', () => {
  it('the outboxes drain and nothing is lost or doubled', async () => {
    const TAKES = 30;
    const agents = centre.agents.slice(0, 5);
    const stores: VoiceDrillStore[] = [];
    const engines: SyncEngine[] = [];
    const wires: Wire[] = agents.map(() => ({ pushes: 0, failed: 0, duplicatesAnswered: 0 }));
    const takeIds: string[][] = agents.map(() => []);
    const held: boolean[] = [false, false];
    let lostAnswer = false;
    try {
      for (const [i, agent] of agents.entries()) {
        // Engines 0, 1 save a take every 25 ms and push each soon after (as the app does while practising);
        // engines 2, 3 have 30 takes waiting and their first push is caught half-sent; engine 4 loses its first answer.
        const mode = i === 2 || i === 3 ? { hold: () => { held[i - 2] = true; } } : i === 4 ? { loseResponse: () => { lostAnswer = true; } } : {};
        const store = await openStore({ name: `server-kill-${i}-${Date.now()}` });
        stores.push(store);
        const engine = new SyncEngine({ store, fetch: wireFetch(wires[i], mode), random: () => 0.5, pushDelayMs: 10, hookReports: false, timeoutMs: 10_000 });
        engines.push(engine);
        await engine.saveOrigin(server.origin);
        const invite = await must<InviteResponse>(201, server.origin, 'POST', SYNC_PATHS.invites, { token: centre.admin.token, body: { personId: agent.personId } });
        await engine.join(invite.code, `Agent ${i + 1}'s second laptop`);
      }
      const random = prng(7);
      const takeOf = (i: number, k: number): SyncTake => {
        const take = makeTake(centre.packs, k, random, Date.parse('2026-12-03T09:00:00.000Z') + i * 1000 + k * 60_000);
        takeIds[i].push(take.takeId);
        return take;
      };
      for (const i of [2, 3, 4]) {
        for (let k = 0; k < TAKES; k++) {
          const take = takeOf(i, k);
          await engines[i].enqueue(takeItemId(take.takeId), { kind: 'take', take });
        }
      }
      for (const engine of engines) await engine.start();
      const practising = [0, 1].map(async (i) => {
        for (let k = 0; k < TAKES; k++) {
          const take = takeOf(i, k);
          await engines[i].enqueue(takeItemId(take.takeId), { kind: 'take', take });
          await sleep(25);
        }
      });

      const stored = async (): Promise<number> => Number((await sql.query<{ n: string }>('SELECT count(*) AS n FROM takes')).rows[0].n);
      await until('two pushes held half-sent, an answer lost, and the practising agents pushing', async () =>
        held[0] && held[1] && lostAnswer && (await stored()) >= TAKES + 5, 20_000);
      await server.kill('SIGKILL');
      const atKill = await stored();
      // In flight at the kill: the two held pushes (60 takes) at least, and the practising agents' later takes.
      expect(atKill).toBeLessThanOrEqual(5 * TAKES - 2 * TAKES);
      await sleep(300);
      await server.restart();
      await practising;
      await until('every outbox empty', async () => (await Promise.all(stores.map((s) => countOutbox(s.db)))).every((n) => n === 0), 60_000);

      // Every take exactly once, under its own agent.
      const rows = (await sql.query<{ person_id: string; take_id: string }>('SELECT person_id, take_id FROM takes')).rows;
      expect(rows.length).toBe(5 * TAKES);
      expect(new Set(rows.map((r) => `${r.person_id}/${r.take_id}`)).size).toBe(5 * TAKES);
      const personOf = new Map(rows.map((r) => [r.take_id, r.person_id]));
      for (const [i, agent] of agents.entries()) {
        expect(takeIds[i].length).toBe(TAKES);
        expect(takeIds[i].filter((id) => personOf.get(id) !== agent.personId)).toEqual([]);
      }
      // The kill was felt: the held pushes failed and were sent again; the lost answer's takes came back as duplicates.
      expect(wires[2].failed).toBeGreaterThanOrEqual(1);
      expect(wires[3].failed).toBeGreaterThanOrEqual(1);
      expect(wires[4].failed).toBeGreaterThanOrEqual(1);
      expect(wires[4].duplicatesAnswered).toBe(TAKES);
      // Every chip says Synced. Polled: refreshStatus() returns the settled status when a newer refresh (the
      // engine's own, after its last acknowledgement) is still running, which one CI run read as 'pending' right
      // after the outboxes were seen empty. What it read first is printed; a chip that never settles still fails.
      const firstSeen = await Promise.all(engines.map(async (e) => (await e.refreshStatus()).state));
      console.log(`engine states right after the drain: ${firstSeen.join(', ')}`);
      await until('every engine synced', async () => (await Promise.all(engines.map(async (e) => (await e.refreshStatus()).state))).every((s) => s === 'synced'), 10_000);
    } finally {
      for (const engine of engines) engine.stop();
      for (const store of stores) store.close();
    }
  }, 120_000);
});
