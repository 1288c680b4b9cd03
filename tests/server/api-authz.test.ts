// Every authorisation rule of the sync API (issue 13) with two organisations, against a real PostgreSQL: another
// organisation's ids read as not found (404) for every endpoint that takes ids, a wrong role gets 403, and a refused
// request changes no row (a digest of every table before and after).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { rawPack } from '../packs/pack-fixtures.ts';
import { smallWav } from '../packs/results-fixture.ts';
import { buildOrg, call, json, openHarness, snapshot, syncTake, type Harness, type Member, type Org } from './api-harness.ts';

let h: Harness;
let A: Org;
let B: Org;
const wav = Buffer.from(smallWav());
const deviceOf = (m: Member): string => m.token.split('.')[2];

beforeAll(async () => {
  h = await openHarness();
  A = await buildOrg(h, 'Riverside');
  B = await buildOrg(h, 'Hillside');
  for (const org of [A, B]) {
    json(await call(h.app, 'PUT', '/v1/packs/riverside-onboarding', org.t1.token, { pack: rawPack(), groupIds: [org.g1] }), 200);
    json(await call(h.app, 'PUT', '/v1/packs/riverside-onboarding', org.t2.token, { pack: rawPack(), groupIds: [org.g2] }), 200);
    for (const [agent, takeId] of [[org.a1, 'take-a1'], [org.a1b, 'take-a1b'], [org.a2, 'take-a2']] as const) {
      json(await call(h.app, 'POST', '/v1/takes', agent.token, { takes: [{ ...syncTake(takeId), hasAudio: true }], completions: [] }), 200);
      expect((await call(h.app, 'PUT', `/v1/takes/${takeId}/audio`, agent.token, wav, 'audio/wav')).statusCode).toBe(204);
    }
  }
});
afterAll(async () => {
  await h?.close();
});

/** Sends the request and expects the status and code with no row changed anywhere. */
async function refused(status: number, code: string, send: () => Promise<LightMyRequestResponse>): Promise<void> {
  const before = await snapshot(h.db);
  const r = await send();
  expect(r.statusCode, r.body).toBe(status);
  expect(r.json()).toMatchObject({ code });
  expect(await snapshot(h.db)).toBe(before);
}

describe('another organisation\'s ids are not found, and nothing changes', () => {
  // The strongest roles of B try A's ids.
  const callers = (): Array<[string, Member]> => [['admin', B.admin], ['trainer', B.t1]];

  it('people: PATCH another org\'s person, or give a person another org\'s group', async () => {
    for (const [, m] of callers()) {
      await refused(m === B.admin ? 404 : 403, m === B.admin ? 'not-found' : 'forbidden',
        () => call(h.app, 'PATCH', `/v1/people/${A.a1.id}`, m.token, { role: 'admin' }));
    }
    await refused(404, 'not-found', () => call(h.app, 'PATCH', `/v1/people/${A.a1.id}`, B.admin.token, { role: 'admin' }));
    await refused(404, 'not-found', () => call(h.app, 'PATCH', `/v1/people/${B.a1.id}`, B.admin.token, { groupIds: [A.g1] }));
    await refused(404, 'not-found', () => call(h.app, 'POST', '/v1/people', B.admin.token, { name: 'Spy', role: 'trainer', groupIds: [A.g1] }));
  });

  it('invites: for another org\'s person', async () => {
    for (const [, m] of callers()) await refused(404, 'not-found', () => call(h.app, 'POST', '/v1/invites', m.token, { personId: A.a1.id }));
    await refused(404, 'not-found', () => call(h.app, 'POST', '/v1/invites', B.admin.token, { personId: A.admin.id }));
  });

  it('devices: revoke another org\'s device (A\'s token still works)', async () => {
    for (const [, m] of callers()) await refused(404, 'not-found', () => call(h.app, 'POST', `/v1/devices/${deviceOf(A.a1)}/revoke`, m.token));
    expect((await call(h.app, 'GET', '/v1/me', A.a1.token)).statusCode).toBe(200);
  });

  it('packs: publish to another org\'s group', async () => {
    for (const [, m] of callers()) {
      await refused(404, 'not-found', () => call(h.app, 'PUT', '/v1/packs/riverside-onboarding', m.token, { pack: { ...rawPack(), version: 9 }, groupIds: [A.g1] }));
    }
  });

  it('take audio: read or write another org\'s take', async () => {
    for (const [, m] of callers()) {
      await refused(404, 'not-found', () => call(h.app, 'GET', '/v1/takes/take-a1/audio?personId=' + A.a1.id, m.token));
    }
    await refused(404, 'not-found', () => call(h.app, 'PUT', `/v1/takes/take-a1/audio?personId=${A.a1.id}`, B.a2.token, wav, 'audio/wav'));
    // The same take id in B is B's own take: B's admin hears B's, never A's.
    await h.db.query("UPDATE take_audio SET wav = $1 WHERE org_id = $2 AND take_id = 'take-a1'", [Buffer.concat([wav, Buffer.from([1, 2])]), A.orgId]);
    const heard = await call(h.app, 'GET', '/v1/takes/take-a1/audio', B.admin.token);
    expect(heard.statusCode).toBe(200);
    expect(heard.rawPayload.equals(wav)).toBe(true);
    await h.db.query("UPDATE take_audio SET wav = $1 WHERE org_id = $2 AND take_id = 'take-a1'", [wav, A.orgId]);
  });

  it('roster: another org\'s group', async () => {
    for (const [, m] of callers()) await refused(404, 'not-found', () => call(h.app, 'GET', `/v1/roster?groupId=${A.g1}`, m.token));
  });

  it('lists show none of another org\'s rows', async () => {
    const aIds = [A.orgId, A.g1, A.g2, A.admin.id, A.t1.id, A.a1.id, A.a2.id, deviceOf(A.a1), deviceOf(A.admin)];
    for (const m of [B.admin, B.t1, B.a1]) {
      for (const path of ['/v1/me', '/v1/groups', '/v1/people', '/v1/devices', '/v1/assignments', '/v1/roster']) {
        const r = await call(h.app, 'GET', path, m.token);
        if (r.statusCode === 403) continue; // agents may not list people or read rosters
        expect(r.statusCode, `${path}: ${r.body}`).toBe(200);
        for (const id of aIds) expect(r.body, `${path} holds ${id}`).not.toContain(id);
      }
    }
    const roster = json<{ entries: Array<{ agentId: string }> }>(await call(h.app, 'GET', '/v1/roster', B.admin.token), 200);
    expect([...new Set(roster.entries.map((e) => e.agentId))].sort()).toEqual([B.a1.id, B.a1b.id, B.a2.id].sort());
  });

  it('a pack id is per organisation: an older version in B is not a conflict with A\'s newer one', async () => {
    json(await call(h.app, 'PUT', '/v1/packs/shared-id', A.admin.token, { pack: { ...rawPack(), id: 'shared-id', version: 5 }, groupIds: [A.g1] }), 200);
    json(await call(h.app, 'PUT', '/v1/packs/shared-id', B.admin.token, { pack: { ...rawPack(), id: 'shared-id', version: 2 }, groupIds: [B.g1] }), 200);
    const rows = await h.db.query<{ org_id: string; version: number }>("SELECT org_id, version FROM packs WHERE pack_id = 'shared-id' ORDER BY version");
    expect(rows).toEqual([{ org_id: B.orgId, version: 2 }, { org_id: A.orgId, version: 5 }]);
  });
});

describe('an agent sees and changes only their own data', () => {
  it('may not create groups, people or invites, change people, publish, list people or read rosters', async () => {
    const t = A.a1.token;
    await refused(403, 'forbidden', () => call(h.app, 'POST', '/v1/groups', t, { name: 'Mine' }));
    await refused(403, 'forbidden', () => call(h.app, 'POST', '/v1/people', t, { name: 'X', role: 'agent', groupIds: [A.g1] }));
    await refused(403, 'forbidden', () => call(h.app, 'PATCH', `/v1/people/${A.a1.id}`, t, { role: 'admin' }));
    await refused(403, 'forbidden', () => call(h.app, 'POST', '/v1/invites', t, { personId: A.a1b.id }));
    await refused(403, 'forbidden', () => call(h.app, 'PUT', '/v1/packs/riverside-onboarding', t, { pack: { ...rawPack(), version: 8 }, groupIds: [A.g1] }));
    await refused(403, 'forbidden', () => call(h.app, 'GET', '/v1/people', t));
    await refused(403, 'forbidden', () => call(h.app, 'GET', '/v1/roster', t));
    await refused(403, 'forbidden', () => call(h.app, 'GET', `/v1/roster?groupId=${A.g1}`, t));
  });

  it('may not hear another agent\'s take, even in the same group; hears their own', async () => {
    await refused(403, 'forbidden', () => call(h.app, 'GET', '/v1/takes/take-a1b/audio', A.a1.token));
    await refused(403, 'forbidden', () => call(h.app, 'GET', `/v1/takes/take-a1b/audio?personId=${A.a1b.id}`, A.a1.token));
    const own = await call(h.app, 'GET', '/v1/takes/take-a1/audio', A.a1.token);
    expect(own.statusCode).toBe(200);
    expect(own.headers['content-type']).toBe('audio/wav');
  });

  it('pushes land under their own person whatever the body says; audio only for their own pushed take', async () => {
    json(await call(h.app, 'POST', '/v1/takes', A.a1.token, { takes: [syncTake('take-own-x')], completions: [] }), 200);
    const rows = await h.db.query<{ org_id: string; person_id: string }>("SELECT org_id, person_id FROM takes WHERE take_id = 'take-own-x'");
    expect(rows).toEqual([{ org_id: A.orgId, person_id: A.a1.id }]);
    await refused(404, 'not-found', () => call(h.app, 'PUT', '/v1/takes/take-own-x/audio', A.a1b.token, wav, 'audio/wav'));
  });

  it('sees only their own groups and devices, and assignments of their own groups', async () => {
    expect(json<Array<{ id: string }>>(await call(h.app, 'GET', '/v1/groups', A.a2.token), 200).map((g) => g.id)).toEqual([A.g2]);
    const devices = json<Array<{ personId: string }>>(await call(h.app, 'GET', '/v1/devices', A.a2.token), 200);
    expect(devices.map((d) => d.personId)).toEqual([A.a2.id]);
    const assigned = json<{ packs: Array<{ groupIds: string[] }> }>(await call(h.app, 'GET', '/v1/assignments', A.a2.token), 200);
    expect(assigned.packs.map((p) => p.groupIds)).toEqual([[A.g2]]);
    await refused(403, 'forbidden', () => call(h.app, 'POST', `/v1/devices/${deviceOf(A.a1)}/revoke`, A.a2.token));
  });
});

describe('a trainer reaches only their own groups', () => {
  it('may not read the roster of a group they are not in; reads their own', async () => {
    await refused(403, 'forbidden', () => call(h.app, 'GET', `/v1/roster?groupId=${A.g2}`, A.t1.token));
    const own = json<{ entries: Array<{ agentId: string }> }>(await call(h.app, 'GET', `/v1/roster?groupId=${A.g1}`, A.t1.token), 200);
    const agents = (r: { entries: Array<{ agentId: string }> }): string[] => [...new Set(r.entries.map((e) => e.agentId))].sort();
    expect(agents(own)).toEqual([A.a1.id, A.a1b.id].sort());
    const all = json<{ entries: Array<{ agentId: string }> }>(await call(h.app, 'GET', '/v1/roster', A.t1.token), 200);
    expect(agents(all)).toEqual([A.a1.id, A.a1b.id].sort());
  });

  it('lists only their own groups and the people in them', async () => {
    expect(json<Array<{ id: string }>>(await call(h.app, 'GET', '/v1/groups', A.t1.token), 200).map((g) => g.id)).toEqual([A.g1]);
    const people = json<Array<{ id: string }>>(await call(h.app, 'GET', '/v1/people', A.t1.token), 200).map((p) => p.id).sort();
    expect(people).toEqual([A.t1.id, A.a1.id, A.a1b.id].sort());
  });

  it('may not invite a trainer (themselves included), an admin or an agent outside their groups', async () => {
    for (const personId of [A.t2.id, A.admin.id, A.a2.id, A.t1.id]) await refused(403, 'forbidden', () => call(h.app, 'POST', '/v1/invites', A.t1.token, { personId }));
  });

  it('may not publish to another group (alone or among their own)', async () => {
    await refused(403, 'forbidden', () => call(h.app, 'PUT', '/v1/packs/riverside-onboarding', A.t1.token, { pack: { ...rawPack(), version: 7 }, groupIds: [A.g2] }));
    await refused(403, 'forbidden', () => call(h.app, 'PUT', '/v1/packs/riverside-onboarding', A.t1.token, { pack: { ...rawPack(), version: 7 }, groupIds: [A.g1, A.g2] }));
  });

  it('may not hear agents outside their groups; hears their own group\'s agents', async () => {
    await refused(403, 'forbidden', () => call(h.app, 'GET', '/v1/takes/take-a2/audio', A.t1.token));
    await refused(403, 'forbidden', () => call(h.app, 'GET', `/v1/takes/take-a2/audio?personId=${A.a2.id}`, A.t1.token));
    const heard = await call(h.app, 'GET', '/v1/takes/take-a1/audio', A.t1.token);
    expect(heard.statusCode).toBe(200);
    expect(heard.rawPayload.equals(wav)).toBe(true);
  });

  it('may not create groups or people, change people, or revoke others\' devices', async () => {
    await refused(403, 'forbidden', () => call(h.app, 'POST', '/v1/groups', A.t1.token, { name: 'Mine' }));
    await refused(403, 'forbidden', () => call(h.app, 'POST', '/v1/people', A.t1.token, { name: 'X', role: 'agent', groupIds: [A.g1] }));
    await refused(403, 'forbidden', () => call(h.app, 'PATCH', `/v1/people/${A.a1.id}`, A.t1.token, { groupIds: [] }));
    await refused(403, 'forbidden', () => call(h.app, 'POST', `/v1/devices/${deviceOf(A.a1)}/revoke`, A.t1.token));
  });
});

describe('an admin reaches everything in their organisation', () => {
  it('reads any roster and audio, changes people', async () => {
    expect((await call(h.app, 'GET', `/v1/roster?groupId=${A.g2}`, A.admin.token)).statusCode).toBe(200);
    expect((await call(h.app, 'GET', '/v1/takes/take-a2/audio', A.admin.token)).statusCode).toBe(200);
    const moved = json<{ groupIds: string[] }>(await call(h.app, 'PATCH', `/v1/people/${A.a2.id}`, A.admin.token, { groupIds: [A.g1, A.g2] }), 200);
    expect(moved.groupIds).toEqual([A.g1, A.g2].sort());
    // Now in t1's group, a2 is t1's to hear and to invite.
    expect((await call(h.app, 'GET', '/v1/takes/take-a2/audio', A.t1.token)).statusCode).toBe(200);
    expect((await call(h.app, 'POST', '/v1/invites', A.t1.token, { personId: A.a2.id })).statusCode).toBe(201);
  });

  it('may not take the admin role from the organisation\'s last admin; may once there is another', async () => {
    await refused(409, 'conflict', () => call(h.app, 'PATCH', `/v1/people/${A.admin.id}`, A.admin.token, { role: 'trainer' }));
    json(await call(h.app, 'PATCH', `/v1/people/${A.t2.id}`, A.admin.token, { role: 'admin' }), 200);
    expect(json<{ role: string }>(await call(h.app, 'PATCH', `/v1/people/${A.admin.id}`, A.t2.token, { role: 'trainer' }), 200).role).toBe('trainer');
    expect((await call(h.app, 'POST', '/v1/groups', A.admin.token, { name: 'No longer' })).statusCode).toBe(403);
    // Back as they were, for the tests below.
    json(await call(h.app, 'PATCH', `/v1/people/${A.admin.id}`, A.t2.token, { role: 'admin' }), 200);
    json(await call(h.app, 'PATCH', `/v1/people/${A.t2.id}`, A.admin.token, { role: 'trainer' }), 200);
  });
});

describe('every query is scoped by the caller\'s organisation, not only by ids', () => {
  it('rows planted in another organisation under the very same ids never show', async () => {
    // Ids are random, so they do not collide across organisations by chance; here they are made to.
    const q = (sql: string, params: Array<string | number>): Promise<unknown> => h.db.query(sql, params);
    await q('INSERT INTO groups (org_id, group_id, name) VALUES ($1, $2, $3)', [B.orgId, A.g1, 'Planted group']);
    for (const [id, role] of [[A.a1.id, 'agent'], [A.t1.id, 'trainer']]) {
      await q('INSERT INTO people (org_id, person_id, name, role) VALUES ($1, $2, $3, $4)', [B.orgId, id, `Planted ${role}`, role]);
      await q('INSERT INTO group_members (org_id, group_id, person_id) VALUES ($1, $2, $3)', [B.orgId, A.g1, id]);
    }
    // B's planted A.t2 shares the planted group with planted A.t1; B's planted A.t1 is in a group named like A.g2.
    await q('INSERT INTO people (org_id, person_id, name, role) VALUES ($1, $2, $3, $4)', [B.orgId, A.t2.id, 'Planted trainer two', 'trainer']);
    await q('INSERT INTO group_members (org_id, group_id, person_id) VALUES ($1, $2, $3)', [B.orgId, A.g1, A.t2.id]);
    await q('INSERT INTO groups (org_id, group_id, name) VALUES ($1, $2, $3)', [B.orgId, A.g2, 'Planted group two']);
    await q('INSERT INTO group_members (org_id, group_id, person_id) VALUES ($1, $2, $3)', [B.orgId, A.g2, A.t1.id]);
    await q('INSERT INTO packs (org_id, pack_id, version, pack, published_by) VALUES ($1, $2, 1, $3::jsonb, $4)',
      [B.orgId, 'planted-pack', JSON.stringify({ ...rawPack(), id: 'planted-pack', version: 1, title: 'Planted pack' }), B.admin.id]);
    await q('INSERT INTO pack_assignments (org_id, pack_id, group_id, version) VALUES ($1, $2, $3, 1)', [B.orgId, 'planted-pack', A.g1]);
    await q('INSERT INTO pack_assignments (org_id, pack_id, group_id, version) VALUES ($1, $2, $3, 1)', [B.orgId, 'planted-pack', B.g1]);
    await q(`INSERT INTO takes (org_id, person_id, take_id, pack_id, pack_version, drill_id, created_at, summary)
      VALUES ($1, $2, 'planted-take', 'riverside-onboarding', 3, 'rb-greeting', now(), $3::jsonb)`, [B.orgId, A.a1.id, JSON.stringify(syncTake('planted-take'))]);
    for (const [m, path] of [[A.t1, '/v1/people'], [A.t1, '/v1/groups'], [A.a1, '/v1/assignments'], [A.a1, '/v1/me'], [A.t1, `/v1/roster?groupId=${A.g1}`],
      [A.t1, '/v1/roster'], [A.admin, '/v1/roster']] as const) {
      const r = await call(h.app, 'GET', path, m.token);
      expect(r.statusCode, path).toBe(200);
      expect(r.body, path).not.toMatch(/Planted|planted/);
    }
    const people = json<Array<{ id: string }>>(await call(h.app, 'GET', '/v1/people', A.t1.token), 200).map((p) => p.id);
    expect(people).not.toContain(A.t2.id);
    await refused(403, 'forbidden', () => call(h.app, 'GET', `/v1/roster?groupId=${A.g2}`, A.t1.token));
    await refused(403, 'forbidden', () => call(h.app, 'PUT', '/v1/packs/riverside-onboarding', A.t1.token, { pack: { ...rawPack(), version: 7 }, groupIds: [A.g2] }));
    // And B's trainer in B's group sees nothing planted for A's ids beyond B's own rows.
    const roster = json<{ entries: Array<{ agentId: string; pack: { id: string } }> }>(await call(h.app, 'GET', `/v1/roster?groupId=${B.g1}`, B.t1.token), 200);
    expect(roster.entries.map((e) => e.agentId)).not.toContain(A.a1.id);
  });
});
