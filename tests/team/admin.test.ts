/**
 * src/team/admin.ts against a fake fetch: each call's method, path, headers and body; a good answer returned as the
 * server gave it; an answer of the wrong shape or about something else → bad-response; 401 → revoked, 403 →
 * forbidden, 409 → refused with the server's sentence, a network failure → unreachable; no request before joining.
 */
import { describe, expect, it } from 'vitest';
import { createTeamAdmin, type TeamAdmin } from '../../src/team/admin.ts';
import { TeamError, type FetchLike } from '../../src/team/index.ts';
import { rejection } from './helpers.ts';

const ORIGIN = 'http://sync.test:8080';
const TOKEN = `vdt.acme.dev-1.${'A'.repeat(43)}`;

interface Sent { url: string; method: string; headers: Record<string, string>; body: unknown }

function fake(answer: (sent: Sent) => { status: number; body: unknown } | 'network'): { admin: TeamAdmin; sent: Sent[] } {
  const sent: Sent[] = [];
  const fetchFn: FetchLike = (url, init) => {
    const s: Sent = { url, method: init.method, headers: init.headers, body: typeof init.body === 'string' ? JSON.parse(init.body) : init.body };
    sent.push(s);
    const a = answer(s);
    if (a === 'network') return Promise.reject(new TypeError('Failed to fetch'));
    return Promise.resolve({ status: a.status, ok: a.status >= 200 && a.status < 300, json: () => Promise.resolve(a.body), text: () => Promise.resolve(JSON.stringify(a.body)) });
  };
  return { admin: createTeamAdmin({ fetch: fetchFn, endpoint: () => Promise.resolve({ origin: ORIGIN, token: TOKEN }) }), sent };
}


const AGENT = { id: 'p-agent1', name: 'Bo Li', role: 'agent', groupIds: ['g-new'] } as const;
const DEVICE = { id: 'd-1', personId: 'p-agent1', name: 'Chrome on Linux', createdAt: '2026-12-03T09:00:00.000Z', lastSeenAt: null, revokedAt: null };

describe('team admin calls', () => {
  it('sends each call with its method, path, token, protocol header and body', async () => {
    const { admin, sent } = fake((s) => {
      if (s.method === 'GET' && s.url.endsWith('/v1/groups')) return { status: 200, body: [{ id: 'g-new', name: 'New hires' }] };
      if (s.method === 'POST' && s.url.endsWith('/v1/groups')) return { status: 201, body: { id: 'g-new', name: 'New hires' } };
      if (s.method === 'GET' && s.url.endsWith('/v1/people')) return { status: 200, body: [AGENT] };
      if (s.method === 'POST' && s.url.endsWith('/v1/people')) return { status: 201, body: AGENT };
      if (s.method === 'PATCH') return { status: 200, body: { ...AGENT, role: 'trainer' } };
      if (s.url.endsWith('/v1/invites')) return { status: 201, body: { code: '7K3M-9QXD-2HVA', personId: 'p-agent1', expiresAt: '2026-12-06T09:00:00.000Z' } };
      if (s.method === 'GET' && s.url.endsWith('/v1/devices')) return { status: 200, body: [DEVICE] };
      return { status: 200, body: { ...DEVICE, revokedAt: '2026-12-03T10:00:00.000Z' } };
    });
    expect(await admin.listGroups()).toEqual([{ id: 'g-new', name: 'New hires' }]);
    expect(await admin.createGroup('New hires')).toEqual({ id: 'g-new', name: 'New hires' });
    expect(await admin.listPeople()).toEqual([AGENT]);
    expect(await admin.createPerson({ name: 'Bo Li', role: 'agent', groupIds: ['g-new'] })).toEqual(AGENT);
    expect((await admin.updatePerson('p-agent1', { role: 'trainer' })).role).toBe('trainer');
    expect(await admin.createInvite('p-agent1')).toEqual({ code: '7K3M-9QXD-2HVA', personId: 'p-agent1', expiresAt: '2026-12-06T09:00:00.000Z' });
    expect(await admin.listDevices()).toEqual([DEVICE]);
    expect((await admin.revokeDevice('d-1')).revokedAt).toBe('2026-12-03T10:00:00.000Z');
    expect(sent.map((s) => `${s.method} ${s.url.slice(ORIGIN.length)}`)).toEqual([
      'GET /v1/groups', 'POST /v1/groups', 'GET /v1/people', 'POST /v1/people', 'PATCH /v1/people/p-agent1', 'POST /v1/invites', 'GET /v1/devices',
      'POST /v1/devices/d-1/revoke',
    ]);
    expect(sent.map((s) => s.body)).toEqual([
      undefined, { name: 'New hires' }, undefined, { name: 'Bo Li', role: 'agent', groupIds: ['g-new'] }, { role: 'trainer' }, { personId: 'p-agent1' },
      undefined, undefined,
    ]);
    for (const s of sent) {
      expect(s.headers.authorization).toBe(`Bearer ${TOKEN}`);
      expect(s.headers['x-voicedrill-protocol']).toBe('1');
    }
  });

  it('passes an invite lifetime only when one is given', async () => {
    const { admin, sent } = fake(() => ({ status: 201, body: { code: '7K3M-9QXD-2HVA', personId: 'p-agent1', expiresAt: '2026-12-04T09:00:00.000Z' } }));
    await admin.createInvite('p-agent1', 24);
    expect(sent[0].body).toEqual({ personId: 'p-agent1', ttlHours: 24 });
  });

  it('refuses answers of the wrong shape, or about something else, as bad-response', async () => {
    const cases: Array<[unknown, (a: TeamAdmin) => Promise<unknown>]> = [
      [[{ id: 'g-new' }], (a) => a.listGroups()],
      [{ ...AGENT, role: 'boss' }, (a) => a.createPerson({ name: 'Bo Li', role: 'agent', groupIds: [] })],
      [{ ...AGENT, extra: true }, (a) => a.updatePerson('p-agent1', { groupIds: [] })],
      [AGENT, (a) => a.createPerson({ name: 'Bo Li', role: 'trainer', groupIds: [] })],
      [{ ...AGENT, id: 'p-other' }, (a) => a.updatePerson('p-agent1', { role: 'agent' })],
      [{ code: 'not-a-code', personId: 'p-agent1', expiresAt: '2026-12-06T09:00:00.000Z' }, (a) => a.createInvite('p-agent1')],
      [{ code: '7K3M-9QXD-2HVA', personId: 'p-other', expiresAt: '2026-12-06T09:00:00.000Z' }, (a) => a.createInvite('p-agent1')],
      [[{ ...DEVICE, createdAt: 'yesterday' }], (a) => a.listDevices()],
      [DEVICE, (a) => a.revokeDevice('d-1')],
      [{ ...DEVICE, id: 'd-2', revokedAt: '2026-12-03T10:00:00.000Z' }, (a) => a.revokeDevice('d-1')],
      [{ __proto__: [] }, (a) => a.listPeople()],
    ];
    for (const [body, call] of cases) {
      const { admin } = fake(() => ({ status: 200, body }));
      expect((await rejection(call(admin))).code).toBe('bad-response');
    }
  });

  it('maps the server\'s refusals and a lost network to TeamError codes', async () => {
    const statuses: Array<[number, unknown, string, string | null]> = [
      [401, { error: 'This device was revoked.', code: 'device-revoked' }, 'revoked', 'This device was revoked.'],
      [403, { error: 'Only an admin may do that.', code: 'forbidden' }, 'forbidden', 'Only an admin may do that.'],
      [409, { error: 'The organisation must keep an admin.', code: 'conflict' }, 'refused', 'The organisation must keep an admin.'],
      [404, { error: 'The device was not found.', code: 'not-found' }, 'refused', 'The device was not found.'],
      [503, 'not json', 'server-error', null],
    ];
    for (const [status, body, code, detail] of statuses) {
      const { admin } = fake(() => ({ status, body }));
      const e = await rejection(admin.updatePerson('p-admin', { role: 'agent' }));
      expect([e.code, e.status, e.detail]).toEqual([code, status, detail]);
    }
    const { admin } = fake(() => 'network');
    expect((await rejection(admin.listDevices())).code).toBe('unreachable');
  });

  it('makes no request when the device has not joined', async () => {
    let calls = 0;
    const admin = createTeamAdmin({
      fetch: () => { calls += 1; return Promise.reject(new Error('no')); },
      endpoint: () => Promise.reject(new TeamError('not-joined', 'This device has not joined a sync server.')),
    });
    expect((await rejection(admin.listGroups())).code).toBe('not-joined');
    expect(calls).toBe(0);
  });
});
