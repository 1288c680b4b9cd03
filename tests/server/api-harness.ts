/**
 * The API on a real PostgreSQL for the api-*.test.ts files: a fresh database with 0001_init.sql applied, `Fastify()`
 * with registerApi (and the audio/wav body parser the infra's http.ts adds in production), and a world of two
 * organisations built through the API itself (bootstrap → admin joins → groups, people, invites → they join).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Fastify, { type FastifyInstance, type LightMyRequestResponse } from 'fastify';
import type { SyncTake } from '../../src/sync/protocol.ts';
import { bootstrapOrganisation } from '../../server/admin-cli.ts';
import { openPgDb } from '../../server/db/pg-db.ts';
import type { Db } from '../../server/db/sql.ts';
import { registerApi } from '../../server/routes/index.ts';
import { take } from '../packs/results-fixture.ts';
import { testDatabaseUrl } from './pg-cluster.ts';

export interface Harness {
  db: Db;
  app: FastifyInstance;
  close(): Promise<void>;
}

/** A fresh database with the schema and an API app on it. */
export async function openHarness(): Promise<Harness> {
  const database = await testDatabaseUrl();
  const db = openPgDb({ connectionString: database.url, max: 4 });
  await db.query(readFileSync(join(import.meta.dirname, '../../server/migrations/0001_init.sql'), 'utf8'));
  const app = Fastify();
  app.addContentTypeParser('audio/wav', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
  await registerApi(app, { db });
  await app.ready();
  return {
    db, app,
    async close() {
      await app.close();
      await db.close();
      await database.drop();
    },
  };
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH';

/** One request with an optional device token and a JSON (or raw) body. */
export async function call(app: FastifyInstance, method: Method, url: string, token: string | null, body?: unknown, contentType?: string): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = {};
  if (token !== null) headers.authorization = `Bearer ${token}`;
  if (contentType !== undefined) headers['content-type'] = contentType;
  return app.inject({ method, url, headers, ...(body === undefined ? {} : contentType === undefined ? { payload: body as object } : { payload: body as Buffer }) });
}

/** Row counts of every table (a refused request must leave them all as they were). */
export async function rowCounts(db: Db): Promise<Record<string, number>> {
  const tables = ['organisations', 'groups', 'people', 'group_members', 'invites', 'devices', 'packs', 'pack_assignments', 'takes', 'take_audio', 'completions'];
  const out: Record<string, number> = {};
  for (const t of tables) out[t] = Number((await db.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${t}`))[0].n);
  return out;
}

/** A digest of every mutable row (so "nothing changed" covers updates as well as inserts). */
export async function snapshot(db: Db): Promise<string> {
  const parts: unknown[] = [await rowCounts(db)];
  parts.push(await db.query('SELECT org_id, person_id, role, name FROM people ORDER BY 1, 2'));
  parts.push(await db.query('SELECT * FROM group_members ORDER BY 1, 2, 3'));
  parts.push(await db.query('SELECT org_id, device_id, revoked_at FROM devices ORDER BY 1, 2'));
  parts.push(await db.query('SELECT org_id, invite_id, used_at FROM invites ORDER BY 1, 2'));
  parts.push(await db.query('SELECT org_id, pack_id, group_id, version, assigned_at FROM pack_assignments ORDER BY 1, 2, 3'));
  parts.push(await db.query('SELECT org_id, pack_id, version FROM packs ORDER BY 1, 2, 3'));
  parts.push(await db.query('SELECT org_id, person_id, take_id, summary FROM takes ORDER BY 1, 2, 3'));
  parts.push(await db.query('SELECT org_id, person_id, pack_id, drill_id, pack_version, completed_at FROM completions ORDER BY 1, 2, 3, 4'));
  return JSON.stringify(parts);
}

/** Takes the body of a 2xx answer as JSON, or throws with the answer. */
export function json<T>(response: LightMyRequestResponse, status: number): T {
  if (response.statusCode !== status) throw new Error(`expected ${status}, got ${response.statusCode}: ${response.body}`);
  return response.json<T>();
}

/** A member of the world: their person id and their device token. */
export interface Member { id: string; token: string }

/** One organisation: admin; groups g1, g2; trainer t1 in g1, t2 in g2; agents a1, a1b in g1, a2 in g2. */
export interface Org {
  orgId: string;
  admin: Member;
  g1: string;
  g2: string;
  t1: Member;
  t2: Member;
  a1: Member;
  a1b: Member;
  a2: Member;
}

/** Joins a device with an invite code; the token. */
export async function joinWith(app: FastifyInstance, code: string, deviceName = 'Desk PC'): Promise<string> {
  return json<{ token: string }>(await call(app, 'POST', '/v1/join', null, { inviteCode: code, deviceName }), 201).token;
}

/** An organisation built as a centre would: bootstrap, the admin joins, makes groups and people and invites them. */
export async function buildOrg(h: Harness, name: string): Promise<Org> {
  const boot = await bootstrapOrganisation(h.db, { orgName: name, adminName: `${name} admin` });
  const adminToken = await joinWith(h.app, boot.invite.code);
  const group = async (n: string): Promise<string> => json<{ id: string }>(await call(h.app, 'POST', '/v1/groups', adminToken, { name: n }), 201).id;
  const g1 = await group('Day shift');
  const g2 = await group('Night shift');
  const person = async (n: string, role: string, groupIds: string[]): Promise<Member> => {
    const id = json<{ id: string }>(await call(h.app, 'POST', '/v1/people', adminToken, { name: n, role, groupIds }), 201).id;
    const code = json<{ code: string }>(await call(h.app, 'POST', '/v1/invites', adminToken, { personId: id }), 201).code;
    return { id, token: await joinWith(h.app, code) };
  };
  return {
    orgId: boot.orgId,
    admin: { id: boot.adminId, token: adminToken },
    g1, g2,
    t1: await person('Trainer One', 'trainer', [g1]),
    t2: await person('Trainer Two', 'trainer', [g2]),
    a1: await person('Agent One', 'agent', [g1]),
    a1b: await person('Agent One B', 'agent', [g1]),
    a2: await person('Agent Two', 'agent', [g2]),
  };
}

/** A take summary on pack `riverside-onboarding` v3 (drill rb-greeting). */
export function syncTake(takeId: string, createdAt = '2026-12-03T09:00:00.000Z'): SyncTake {
  return { ...take(takeId, 'rb-greeting', createdAt, 140, 'good'), drillVersion: 2, packId: 'riverside-onboarding', packVersion: 3 };
}
