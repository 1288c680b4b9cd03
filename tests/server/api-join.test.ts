// Joining devices with invite codes, device tokens and revocation (issue 13), against a real PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAdminCommand } from '../../server/admin-cli.ts';
import { sha256Hex } from '../../server/auth/tokens.ts';
import { parseDeviceList, parseInviteResponse, parseJoinResponse, parseMeResponse } from '../../src/sync/protocol-schema.ts';
import { buildOrg, call, json, joinWith, openHarness, rowCounts, snapshot, type Harness, type Org } from './api-harness.ts';

let h: Harness;
let org: Org;

beforeAll(async () => {
  h = await openHarness();
  org = await buildOrg(h, 'Riverside');
});
afterAll(async () => {
  await h?.close();
});

const invite = async (personId: string, token = org.admin.token, ttlHours?: number): Promise<string> =>
  json<{ code: string }>(await call(h.app, 'POST', '/v1/invites', token, { personId, ...(ttlHours === undefined ? {} : { ttlHours }) }), 201).code;

describe('the join flow', () => {
  it('bootstrap → admin joins → people join with their codes; everyone sees themselves in /v1/me', async () => {
    for (const [member, role, groups] of [[org.admin, 'admin', []], [org.t1, 'trainer', [org.g1]], [org.a2, 'agent', [org.g2]]] as const) {
      const me = parseMeResponse(json(await call(h.app, 'GET', '/v1/me', member.token), 200));
      if (!me.ok) throw new Error(me.error);
      expect(me.value.person.id).toBe(member.id);
      expect(me.value.person.role).toBe(role);
      expect(me.value.org).toEqual({ id: org.orgId, name: 'Riverside' });
      expect(me.value.groups.map((g) => g.id)).toEqual([...groups]);
      expect(me.value.device.lastSeenAt).not.toBeNull();
    }
    // Only hashes are stored: no token secret, no invite code in any row.
    const devices = await h.db.query<{ token_sha256: string }>('SELECT token_sha256 FROM devices WHERE org_id = $1', [org.orgId]);
    expect(devices).toHaveLength(6); // the admin and five people
    const secret = org.a1.token.split('.')[3];
    expect(devices.map((d) => d.token_sha256)).toContain(sha256Hex(secret));
    expect(JSON.stringify(await h.db.query('SELECT * FROM devices'))).not.toContain(secret);
  });

  it('the join answer passes the app-side parser, and the code is forgiving as typed', async () => {
    const code = parseInviteResponse(json(await call(h.app, 'POST', '/v1/invites', org.admin.token, { personId: org.a1.id, ttlHours: 5 }), 201));
    if (!code.ok) throw new Error(code.error);
    const hours = (Date.parse(code.value.expiresAt) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(4.9);
    expect(hours).toBeLessThan(5.01);
    const typed = ` ${code.value.code.toLowerCase().replace(/-/g, ' ').replace(/1/g, 'l').replace(/0/g, 'o')} `;
    const joined = parseJoinResponse(json(await call(h.app, 'POST', '/v1/join', null, { inviteCode: typed, deviceName: 'Phone' }), 201));
    if (!joined.ok) throw new Error(joined.error);
    expect(joined.value.person.id).toBe(org.a1.id);
    expect(joined.value.device.name).toBe('Phone');
  });

  it('an invite is single use: the second join gets 410 invite-used and adds no device', async () => {
    const code = await invite(org.a1b.id);
    await joinWith(h.app, code);
    const before = await rowCounts(h.db);
    const again = await call(h.app, 'POST', '/v1/join', null, { inviteCode: code, deviceName: 'Other' });
    expect(again.statusCode).toBe(410);
    expect(again.json()).toMatchObject({ code: 'invite-used' });
    expect(await rowCounts(h.db)).toEqual(before);
  });

  it('an expired invite gets 410 invite-expired; an unknown one 404; a malformed one 400', async () => {
    const code = await invite(org.a1b.id);
    await h.db.query("UPDATE invites SET expires_at = now() - interval '1 second' WHERE used_at IS NULL AND org_id = $1", [org.orgId]);
    const before = await snapshot(h.db);
    const expired = await call(h.app, 'POST', '/v1/join', null, { inviteCode: code, deviceName: 'Late' });
    expect(expired.statusCode).toBe(410);
    expect(expired.json()).toMatchObject({ code: 'invite-expired' });
    const unknown = await call(h.app, 'POST', '/v1/join', null, { inviteCode: '0000-0000-0000', deviceName: 'X' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'not-found' });
    for (const body of [{ inviteCode: 'ABC', deviceName: 'X' }, { inviteCode: code }, { inviteCode: code, deviceName: 'X', role: 'admin' }, [code]]) {
      const bad = await call(h.app, 'POST', '/v1/join', null, body);
      expect(bad.statusCode).toBe(400);
      expect(bad.json()).toMatchObject({ code: 'bad-request' });
      expect(bad.json<{ error: string }>().error).toMatch(/^The join request\b.*\.$/);
    }
    const notJson = await h.app.inject({ method: 'POST', url: '/v1/join', headers: { 'content-type': 'application/json' }, payload: '{"inviteCode":' });
    expect(notJson.statusCode).toBe(400);
    expect(notJson.json()).toMatchObject({ code: 'bad-request' });
    expect(await snapshot(h.db)).toBe(before);
  });

  it('a trainer may invite an agent of their group, nobody else; an agent may invite nobody', async () => {
    expect((await call(h.app, 'POST', '/v1/invites', org.t1.token, { personId: org.a1.id })).statusCode).toBe(201);
    const before = await rowCounts(h.db);
    for (const [token, personId] of [[org.t1.token, org.a2.id], [org.t1.token, org.t2.id], [org.t1.token, org.admin.id], [org.t1.token, org.t1.id],
      [org.a1.token, org.a1.id], [org.a1.token, org.a1b.id]]) {
      const r = await call(h.app, 'POST', '/v1/invites', token, { personId });
      expect(r.statusCode, `${token.split('.')[2]} → ${personId}`).toBe(403);
      expect(r.json()).toMatchObject({ code: 'forbidden' });
    }
    expect(await rowCounts(h.db)).toEqual(before);
  });
});

describe('device tokens', () => {
  it('no token, a malformed one, a wrong secret or a made-up device → 401 unauthorised', async () => {
    const [, orgId, deviceId] = org.a1.token.split('.');
    for (const auth of [null, 'vdt.nonsense', `vdt.${orgId}.${deviceId}.${'A'.repeat(43)}`, `vdt.${orgId}.d-nothere.${org.a1.token.split('.')[3]}`]) {
      const r = await call(h.app, 'GET', '/v1/me', auth);
      expect(r.statusCode).toBe(401);
      expect(r.json()).toMatchObject({ code: 'unauthorised' });
    }
    const basic = await h.app.inject({ method: 'GET', url: '/v1/me', headers: { authorization: `Basic ${org.a1.token}` } });
    expect(basic.statusCode).toBe(401);
  });

  it('a token of one organisation with another organisation id in it is refused', async () => {
    const other = await buildOrg(h, 'Hillside');
    const [, , deviceId, secret] = org.a1.token.split('.');
    const r = await call(h.app, 'GET', '/v1/me', `vdt.${other.orgId}.${deviceId}.${secret}`);
    expect(r.statusCode).toBe(401);
  });

  it('last_seen_at is written at most once a minute', async () => {
    const deviceId = org.a2.token.split('.')[2];
    await h.db.query("UPDATE devices SET last_seen_at = now() - interval '2 minutes' WHERE org_id = $1 AND device_id = $2", [org.orgId, deviceId]);
    await call(h.app, 'GET', '/v1/me', org.a2.token);
    const first = (await h.db.query<{ t: string }>('SELECT last_seen_at::text AS t FROM devices WHERE org_id = $1 AND device_id = $2', [org.orgId, deviceId]))[0].t;
    expect(Date.now() - Date.parse(first.replace(' ', 'T').replace(/\+00$/, 'Z'))).toBeLessThan(10_000);
    await call(h.app, 'GET', '/v1/me', org.a2.token);
    const second = (await h.db.query<{ t: string }>('SELECT last_seen_at::text AS t FROM devices WHERE org_id = $1 AND device_id = $2', [org.orgId, deviceId]))[0].t;
    expect(second).toBe(first);
  });

  it('a revoked device gets 401 device-revoked; the same person\'s other device still works', async () => {
    const second = await joinWith(h.app, await invite(org.a2.id), 'Laptop');
    const secondId = second.split('.')[2];
    const revoked = json<{ revokedAt: string | null }>(await call(h.app, 'POST', `/v1/devices/${secondId}/revoke`, org.admin.token), 200);
    expect(revoked.revokedAt).not.toBeNull();
    const r = await call(h.app, 'GET', '/v1/me', second);
    expect(r.statusCode).toBe(401);
    expect(r.json()).toMatchObject({ code: 'device-revoked' });
    expect((await call(h.app, 'GET', '/v1/me', org.a2.token)).statusCode).toBe(200);
    // Revoking again keeps the first time.
    const again = json<{ revokedAt: string | null }>(await call(h.app, 'POST', `/v1/devices/${secondId}/revoke`, org.admin.token), 200);
    expect(again.revokedAt).toBe(revoked.revokedAt);
  });

  it('a person revokes their own device, not another person\'s; lists show own devices (admin: all)', async () => {
    const spare = await joinWith(h.app, await invite(org.a1b.id), 'Spare');
    const spareId = spare.split('.')[2];
    const before = await snapshot(h.db);
    const r = await call(h.app, 'POST', `/v1/devices/${spareId}/revoke`, org.a1.token);
    expect(r.statusCode).toBe(403);
    expect((await call(h.app, 'POST', `/v1/devices/${spareId}/revoke`, org.t1.token)).statusCode).toBe(403);
    expect(await snapshot(h.db)).toBe(before);
    expect((await call(h.app, 'POST', `/v1/devices/${spareId}/revoke`, org.a1b.token)).statusCode).toBe(200);
    const own = parseDeviceList(json(await call(h.app, 'GET', '/v1/devices', org.a1b.token), 200));
    if (!own.ok) throw new Error(own.error);
    expect(new Set(own.value.map((d) => d.personId))).toEqual(new Set([org.a1b.id]));
    expect(own.value.length).toBe(3);
    const all = json<unknown[]>(await call(h.app, 'GET', '/v1/devices', org.admin.token), 200);
    const inDb = await h.db.query('SELECT 1 FROM devices WHERE org_id = $1', [org.orgId]);
    expect(all.length).toBe(inDb.length);
  });
});

describe('admin commands', () => {
  it('bootstrap prints the org, the admin and a code that joins; a second org of the same name is another org', async () => {
    const lines: string[] = [];
    expect(await runAdminCommand(['bootstrap', '--org', 'Riverside', '--admin', 'Zhang Wei'], h.db, (l) => lines.push(l))).toBe(0);
    expect(lines[0]).toMatch(/^Organisation "Riverside" created with id o-[0-9a-z]{12}\.$/);
    const code = /([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})$/.exec(lines[2])![1];
    expect(lines[3]).toMatch(/^It expires at \d{4}-\d\d-\d\dT/);
    const token = await joinWith(h.app, code);
    const me = json<{ person: { role: string; name: string }; org: { id: string } }>(await call(h.app, 'GET', '/v1/me', token), 200);
    expect(me.person).toMatchObject({ role: 'admin', name: 'Zhang Wei' });
    expect(me.org.id).not.toBe(org.orgId);
  });

  it('invite makes a new code for a person; bad usage and unknown people are refused', async () => {
    const lines: string[] = [];
    expect(await runAdminCommand(['invite', '--org', org.orgId, '--person', org.t2.id], h.db, (l) => lines.push(l))).toBe(0);
    const code = /([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})$/.exec(lines[0])![1];
    const token = await joinWith(h.app, code);
    expect(json<{ person: { id: string } }>(await call(h.app, 'GET', '/v1/me', token), 200).person.id).toBe(org.t2.id);
    const out: string[] = [];
    expect(await runAdminCommand(['invite', '--org', org.orgId, '--person', 'p-nobody'], h.db, (l) => out.push(l))).toBe(1);
    expect(out).toEqual(['No such person in that organisation.']);
    expect(await runAdminCommand(['bootstrap', '--org', 'X'], h.db, () => undefined)).toBe(2);
    expect(await runAdminCommand(['frobnicate'], h.db, () => undefined)).toBe(2);
  });
});
